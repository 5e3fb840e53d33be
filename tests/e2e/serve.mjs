// A plain static server for the built portal, as a static host would serve it:
// files as they are, index.html for any path that is not a file (the SPA fallback) but a 404
// for a missing file under assets/, and, with --base /portal/, the whole site under that
// sub-path with <base href> set to match. Like a production host, it sends brotli to browsers
// that accept it, and the headers of the site's `_headers` file whose paths match (the content
// security policy, the caching) with every answer.
// --csp-report also asks the browser to report each policy violation here: POSTs to
// /__csp-report are kept, and GET /__csp-report lists them.
// --connect-src adds a source to the policy's connect-src (the reference server of the HTTP
// backend's tests).
// --http2 serves HTTP/2 over TLS (a throwaway certificate, `tls.mjs`), as static hosts serve
// today: a journey's page opened from another fetches forty to seventy files, which HTTP/1.1
// queues six at a time.
// Usage: node tests/e2e/serve.mjs --root dist --port 8090 [--base /portal/] [--csp-report]
//          [--connect-src http://127.0.0.1:*] [--http2]
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { createSecureServer } from "node:http2";
import { brotliCompressSync, constants } from "node:zlib";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { readFile, readdir, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { selfSignedCertificate } from "./tls.mjs";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith("--")) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = resolve(args.root ?? "dist");
const port = Number(args.port ?? 8090);
const base = args.base ?? "/";
const cspReports = [];
const siteRules = await headersFile(join(root, "_headers"));

/// The rules of `_headers`: each path pattern ("/*", "/assets/*", "/config.json") with its
/// headers, the content security policy adjusted for the test options.
async function headersFile(path) {
  let text = "";
  try {
    text = await readFile(path, "utf8");
  } catch {
    return [];
  }
  const rules = [];
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line.trim()) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replaceAll("*", ".*")}$`);
      rules.push({ pattern, headers: {} });
      continue;
    }
    const colon = line.indexOf(":");
    if (rules.length && colon > 0) rules.at(-1).headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  for (const { headers } of rules) {
    let csp = headers["content-security-policy"];
    if (csp && args["connect-src"]) csp = csp.replace("connect-src 'self'", `connect-src 'self' ${args["connect-src"]}`);
    if (csp && "csp-report" in args) csp += `; report-uri ${base}__csp-report`;
    if (csp) headers["content-security-policy"] = csp;
  }
  return rules;
}

/// The headers of every rule whose pattern matches the path under the base ("/assets/x.js").
function headersFor(urlPath) {
  const sitePath = `/${urlPath.slice(base.length)}`;
  return Object.assign({}, ...siteRules.filter((rule) => rule.pattern.test(sitePath)).map((rule) => rule.headers));
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".yaml": "application/yaml; charset=utf-8",
};

async function fileFor(urlPath) {
  if (!urlPath.startsWith(base)) return null;
  const relative = normalize(decodeURIComponent(urlPath.slice(base.length))).replace(/^(\.\.(\/|\\|$))+/, "");
  const path = join(root, relative);
  try {
    if ((await stat(path)).isFile()) return path;
  } catch {
    // not a file: fall through to the app
  }
  return null;
}

async function indexHtml() {
  const html = await readFile(join(root, "index.html"), "utf8");
  return html.replace('<base href="/" />', `<base href="${base}" />`);
}

// Every file is compressed before the server answers anything, as a host does ahead of time:
// compressing the wasm on its first request would take seconds, and a test would wait for it.
// Kept by content, so files replaced while it runs (a release during a visit) are served anew,
// and on disk too, so the next server, given the same build, starts at once.
const compressed = new Map();
const kept = join(tmpdir(), "astana-hub-portal-brotli");
mkdirSync(kept, { recursive: true });
const digest = (body) => createHash("sha256").update(body).digest("hex");
function brotli(body, key) {
  const file = join(kept, `${key}.br`);
  if (existsSync(file)) return readFileSync(file);
  const packed = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
  writeFileSync(`${file}.${process.pid}`, packed);
  renameSync(`${file}.${process.pid}`, file);
  return packed;
}
for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const body = await readFile(join(entry.parentPath, entry.name));
  const key = digest(body);
  compressed.set(key, brotli(body, key));
}

function send(req, res, urlPath, type, body) {
  const headers = { ...headersFor(urlPath), "content-type": type, vary: "accept-encoding" };
  if (/\bbr\b/.test(req.headers["accept-encoding"] ?? "")) {
    const key = digest(body);
    if (!compressed.has(key)) compressed.set(key, brotli(body, key));
    headers["content-encoding"] = "br";
    body = compressed.get(key);
  }
  res.writeHead(200, headers);
  res.end(body);
}

async function answer(req, res) {
  const urlPath = new URL(req.url, "http://localhost").pathname;
  if (urlPath === `${base}__csp-report`) {
    if (req.method === "POST") {
      let body = "";
      for await (const chunk of req) body += chunk;
      cspReports.push(body);
      res.writeHead(204);
      res.end();
    } else {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(cspReports));
    }
    return;
  }
  const path = await fileFor(urlPath);
  if (path && !path.endsWith("index.html")) {
    send(req, res, urlPath, types[extname(path)] ?? "application/octet-stream", await readFile(path));
  } else if (urlPath.startsWith(`${base}assets/`)) {
    // A file of another version (or none): not found, as a host answers, never a page.
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  } else if (urlPath.startsWith(base)) {
    send(req, res, urlPath, types[".html"], await indexHtml());
  } else {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  }
}
const tls = "http2" in args ? selfSignedCertificate() : null;
const server = tls ? createSecureServer({ key: tls.key, cert: tls.cert, allowHTTP1: true }, answer) : createServer(answer);
// Port 0 takes any free port: the line printed names the one taken.
server.listen(port, "127.0.0.1", () => {
  const where = `${tls ? "https" : "http"}://127.0.0.1:${server.address().port}${base}`;
  console.log(`serving ${root} at ${where}${tls ? ` (certificate key sha256 ${tls.spki})` : ""}`);
});
