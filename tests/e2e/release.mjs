// A release as a visitor's browser meets it: the site's files replaced by those of a new version
// while a page of the old one is open. The tests serve a copy of the build (copySite, serveSite),
// then release(): every file under assets/ gets new content and so a new name, index.html,
// 404.html and sw.js name the new files, and the old ones are gone from the host.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const DIST = process.env.DIST ?? "../../dist";

/// A copy of the build to release over, in a folder of its own.
export function copySite() {
  const dir = mkdtempSync(join(tmpdir(), "ahp-release-"));
  cpSync(DIST, dir, { recursive: true });
  return dir;
}

/// Serves `dir` as the tests' server does, on a free port, under `base`: the process, to kill
/// after the tests, and the site's address (no trailing "/").
export async function serveSite(dir, base = "/") {
  const server = spawn(process.execPath, ["serve.mjs", "--root", dir, "--port", "0", "--base", base, "--csp-report"], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const line = await new Promise((ready) => server.stdout.once("data", (data) => ready(String(data))));
  return { server, url: line.match(/http:\S+/)[0].replace(/\/$/, "") };
}

/// The content security policy violations the browser reported to the site at `url`.
export async function cspReports(url) {
  return (await fetch(`${url}/__csp-report`)).json();
}

/// Writes the site's config.json: the demo's, with `settings` over it.
export function configure(dir, settings) {
  const path = join(dir, "config.json");
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, "utf8")), ...settings }));
}

const walk = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));

/// A WebAssembly custom section (ignored when the module runs) naming `release`, so the module's
/// bytes change as a rebuilt one's would.
function customSection(release) {
  const name = Buffer.from("release");
  const payload = Buffer.from(release);
  const body = Buffer.concat([Buffer.from([name.length]), name, payload]);
  return Buffer.concat([Buffer.from([0, body.length]), body]);
}

/// Puts a new version in place of the one in `dir`: new content and new names under assets/,
/// the documents naming them, and none of the old files left. Returns the new version's name.
export function release(dir, name = "B") {
  const assets = join(dir, "assets");
  const files = walk(assets);
  const renamed = new Map();
  for (const path of files) {
    const file = relative(assets, path);
    const now = file.replace(/\.([0-9a-f]{10})(\.\w+)$/, (_, hash, ext) => {
      const next = createHash("sha256").update(`${hash}${name}`).digest("hex").slice(0, 10);
      return `.${next}${ext}`;
    });
    renamed.set(file.split("/").at(-1), now.split("/").at(-1));
  }
  const rename = (text) => {
    for (const [old, now] of renamed) text = text.replaceAll(old, now);
    return text;
  };
  for (const path of files) {
    const file = relative(assets, path);
    const target = join(assets, file.replace(file.split("/").at(-1), renamed.get(file.split("/").at(-1))));
    const body = readFileSync(path);
    const next = path.endsWith(".wasm") ? Buffer.concat([body, customSection(name)]) : Buffer.from(rename(body.toString("utf8")));
    rmSync(path);
    writeFileSync(target, next);
  }
  const version = createHash("sha256").update(`${[...renamed.values()].join()}${name}`).digest("hex").slice(0, 10);
  for (const page of ["index.html", "404.html", "sw.js"]) {
    const text = rename(readFileSync(join(dir, page), "utf8"))
      .replace(/(<meta name="version" content=")[0-9a-f]+/, `$1${version}`)
      // The worker keeps index.html by the revision it is listed with: a new page, a new one.
      .replace(/(url:"index\.html",revision:")[0-9a-f]+/, `$1${version}`);
    writeFileSync(join(dir, page), text);
  }
  return version;
}
