// First and repeat visits of every route of a built portal, under Lighthouse's mobile conditions:
// the files that reach the server, their brotli bytes and the time until the page's heading is
// visible. After the first page the service worker fetches the rest of the version for visits
// offline: counted apart, in its own column. Prints a table, the names a repeat visit fetches
// and whether the targets hold; it reports and does not fail, as timings vary on shared machines.
// Usage: node tests/budget/visits.mjs [dist] [port]   (port and port + 1 are used)
import { spawn } from "node:child_process";
import { request } from "node:http";
import { createSecureServer } from "node:http2";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright-core";
import { selfSignedCertificate, trustFlag } from "../e2e/tls.mjs";

const dist = process.argv[2] ?? "dist";
const port = Number(process.argv[3] ?? 8481);
const routes = ["/", "/eligibility", "/fees", "/apply", "/acceleration", "/invitations", "/list-request", "/status", "/no-such-page"];
const KB = 1000;
const flags = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

// serve.mjs serves dist as a static host would (brotli, `_headers`); it is started as it is, on
// port + 1, and a logging proxy in front of it records every request that reaches the server.
// The proxy speaks HTTP/2 over TLS to the browser, as static hosts do.
// Whatever the browser takes from its HTTP cache or a service worker never arrives here, so
// counting needs no knowledge of the file names.
const upstream = spawn(process.execPath, [new URL("../e2e/serve.mjs", import.meta.url).pathname, "--root", dist, "--port", String(port + 1)], {
  stdio: ["ignore", "pipe", "inherit"],
});
const stop = () => upstream.exitCode === null && upstream.kill();
process.on("exit", stop);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(130));
await new Promise((ready, failed) => {
  upstream.stdout.once("data", ready);
  upstream.once("exit", () => failed(new Error(`tests/e2e/serve.mjs --root ${dist} did not start`)));
});

let log = []; // the requests of the visit under way
let lastRequest = 0;
let pending = 0; // answers still on their way (a large file takes seconds at 1.6 Mbps)
const brotli = (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
// Headers that name one connection: HTTP/2 has none of them, and its own (":path") are not HTTP/1.1's.
const hopByHop = /^(:|connection$|keep-alive$|transfer-encoding$|upgrade$|proxy-connection$)/;
const singleHop = (headers) => Object.fromEntries(Object.entries(headers).filter(([name]) => !hopByHop.test(name)));
const { key, cert, spki } = selfSignedCertificate();
const proxy = createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
  lastRequest = Date.now();
  pending++;
  const entry = { path: new URL(req.url, "http://x").pathname, page: req.headers["sec-fetch-dest"] === "document", bytes: 0 };
  log.push(entry);
  const forward = request({ port: port + 1, host: "127.0.0.1", path: req.url, method: req.method, headers: singleHop(req.headers) }, (answer) => {
    res.writeHead(answer.statusCode, singleHop(answer.headers));
    const chunks = [];
    answer.on("data", (chunk) => chunks.push(chunk));
    answer.pipe(res);
    answer.on("end", () => {
      const body = Buffer.concat(chunks);
      // Brotli as served; a body the browser did not ask brotli for is compressed here the same way.
      entry.bytes = answer.headers["content-encoding"] === "br" ? body.length : body.length && brotli(body);
      lastRequest = Date.now();
      pending--;
    });
  });
  forward.on("error", () => (pending--, res.destroy()));
  req.pipe(forward);
});
await new Promise((ready) => proxy.listen(port, "127.0.0.1", ready));

// Lighthouse's mobile settings: a 4x slower CPU, 1.6 Mbps down, 750 Kbps up, 150 ms round trip.
async function throttled(context) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 150,
    downloadThroughput: 1.6e6 / 8,
    uploadThroughput: 750e3 / 8,
  });
  return page;
}

// One visit: opens the route, waits for the heading, then until nothing has reached the server for
// 2 s and no answer is on its way (what is fetched after the heading, such as the favicon, belongs
// to the visit too).
async function visit(page, route, which) {
  log = [];
  lastRequest = Date.now();
  // What the page itself asks for; the rest of what reaches the server is the service worker's.
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(`https://127.0.0.1:${port}${route}`, { waitUntil: "commit" });
  await page.waitForFunction(() => window.headingShown !== undefined, null, { timeout: 120_000 });
  const ms = await page.evaluate(() => window.headingShown);
  const heading = await page.evaluate(() => document.querySelector("h1").textContent.trim());
  while (pending > 0 || Date.now() - lastRequest < 2000) await page.waitForTimeout(250);
  const fetched = [];
  const worker = [];
  for (const entry of log) {
    const i = asked.indexOf(entry.path);
    if (i >= 0 || entry.page) {
      if (i >= 0) asked.splice(i, 1);
      fetched.push(entry);
    } else {
      worker.push(entry);
    }
  }
  const bytes = (entries) => entries.reduce((sum, f) => sum + f.bytes, 0);
  process.stderr.write(`${which} visit of ${route}: "${heading}" after ${Math.round(ms)} ms, ${fetched.length} files, ${worker.length} for the service worker\n`);
  return { files: fetched.length, bytes: bytes(fetched), ms, fetched, worker, workerBytes: bytes(worker) };
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: [...flags, trustFlag(spki)] });
const results = [];
try {
  for (const route of routes) {
    // Lighthouse's mobile screen; a new context is a fresh profile with an empty cache.
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    // Notes, from navigation start (performance.now()), when an h1 with text is first visible.
    await context.addInitScript(() => {
      const look = () => {
        const h1 = document.querySelector("h1");
        if (h1?.textContent.trim() && h1.checkVisibility({ visibilityProperty: true, opacityProperty: true })) {
          window.headingShown ??= performance.now();
        }
      };
      // On every change to the page, and each frame in case only a style sheet's arrival shows it.
      const observer = new MutationObserver(look);
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const frame = () => window.headingShown === undefined && (look(), requestAnimationFrame(frame));
      requestAnimationFrame(frame);
    });
    const firstPage = await throttled(context);
    const first = await visit(firstPage, route, "first");
    // The repeat visit: the same browser profile comes back in a new tab, as a returning visitor.
    await firstPage.close();
    const repeat = await visit(await throttled(context), route, "repeat");
    await context.close();
    results.push({ route, first, repeat });
  }
} finally {
  await browser.close();
  proxy.close();
  stop();
}

const kb = (bytes) => (bytes / KB).toFixed(1);
const row = (cells, widths) => cells.map((c, i) => String(c)[i ? "padStart" : "padEnd"](widths[i])).join(" ");
const widths = [14, 6, 9, 10, 9, 3, 6, 9, 10];
console.log(row(["", "first", "visit", "", "then the", "|", "repeat", "visit", ""], widths));
console.log(row(["route", "files", "brotli KB", "heading ms", "worker KB", "|", "files", "brotli KB", "heading ms"], widths));
for (const { route, first, repeat } of results) {
  const figures = (v) => [v.files, kb(v.bytes), Math.round(v.ms)];
  console.log(row([route, ...figures(first), kb(first.workerBytes), "|", ...figures(repeat)], widths));
}
// The page itself is named "index": on a route other than "/" its path is the route's.
const name = (f) => (f.page ? "index" : f.path.replace(/^\//, ""));
console.log("\nfetched on the repeat visit:");
for (const { route, repeat } of results) {
  console.log(`  ${route.padEnd(14)} ${[...repeat.fetched, ...repeat.worker].map(name).join(", ") || "nothing"}`);
}

const target = (text, met, figure) => console.log(`target: ${text}: ${met ? "ok" : "NOT MET"} (${figure})`);
const home = results.find((r) => r.route === "/");
const largest = results.reduce((a, b) => (b.first.bytes > a.first.bytes ? b : a));
// The browser's own check for a new service worker (sw.js) is not the page's.
const extra = results.filter((r) =>
  [...r.repeat.fetched, ...r.repeat.worker].some((f) => !f.page && !/\/(config\.json|sw\.js)$/.test(f.path)),
);
console.log();
target('first visit of "/" at most 150 KB brotli', home.first.bytes <= 150 * KB, `${kb(home.first.bytes)} KB`);
target("no route's first visit above 250 KB brotli", largest.first.bytes <= 250 * KB, `largest ${kb(largest.first.bytes)} KB, ${largest.route}`);
target(
  "a repeat visit fetches nothing but config.json and the index (sw.js: the browser checks for a new version)",
  extra.length === 0,
  extra.length ? `more on ${extra.length} of ${results.length} routes, up to ${Math.max(...extra.map((r) => r.repeat.files))} files` : "on every route",
);
console.log("target: Lighthouse mobile performance at least 0.95 on every route: judged after its scores");
