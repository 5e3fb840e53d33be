// Lighthouse (mobile settings, the default) on every route of a built portal, one score line per
// route. It serves the portal itself, over HTTP/2 as static hosts do (tests/e2e/serve.mjs
// --http2), and has the browser trust that server's throwaway certificate.
// Usage: node tests/budget/lighthouse.mjs [dist] [port]
// Performance is reported against its 0.95 target, and never fails the run: timings are noisy on
// shared machines.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { trustFlag } from "../e2e/tls.mjs";

const dist = process.argv[2] ?? "dist";
const port = process.argv[3] ?? "8480";
const routes = ["/", "/eligibility", "/fees", "/apply", "/acceleration", "/invitations", "/list-request", "/status", "/no-such-page"];
const categories = ["performance", "accessibility", "best-practices", "seo"];
const flags = "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync";

const server = spawn(process.execPath, [new URL("../e2e/serve.mjs", import.meta.url).pathname, "--root", dist, "--port", port, "--http2"], {
  stdio: ["ignore", "pipe", "inherit"],
});
process.on("exit", () => server.exitCode === null && server.kill());
// "serving dist at https://127.0.0.1:8480/ (certificate key sha256 <spki>)"
const [, base, spki] = await new Promise((ready, failed) => {
  server.stdout.once("data", (line) => ready(String(line).match(/at (\S+?)\/? \(certificate key sha256 (\S+)\)/)));
  server.once("exit", () => failed(new Error(`tests/e2e/serve.mjs --root ${dist} did not start`)));
});

const out = mkdtempSync(join(tmpdir(), "lighthouse-"));
const lowest = Object.fromEntries(categories.map((c) => [c, 1]));
const target = 0.95; // performance, on every route
const below = []; // routes whose performance is under the target
console.log(["route".padEnd(16), ...categories.map((c) => c.padStart(15))].join(""));
try {
  for (const route of routes) {
    const report = join(out, "report.json");
    execFileSync(
      "lighthouse",
      [
        `${base}${route}`,
        "--quiet",
        "--output=json",
        `--output-path=${report}`,
        `--only-categories=${categories.join(",")}`,
        `--chrome-flags=${flags} ${trustFlag(spki)}`,
      ],
      { stdio: ["ignore", "ignore", "inherit"] },
    );
    const result = JSON.parse(readFileSync(report, "utf8"));
    const scores = categories.map((c) => result.categories[c].score);
    scores.forEach((s, i) => (lowest[categories[i]] = Math.min(lowest[categories[i]], s)));
    const performance = result.categories.performance.score;
    if (performance < target) below.push(`${route} ${performance.toFixed(2)}`);
    const mark = performance < target ? `  performance below ${target}` : "";
    console.log([route.padEnd(16), ...scores.map((s) => s.toFixed(2).padStart(15))].join("") + mark);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
  server.kill();
}
console.log(["lowest".padEnd(16), ...categories.map((c) => lowest[c].toFixed(2).padStart(15))].join(""));
console.log(
  `target: Lighthouse mobile performance at least ${target} on every route: ` +
    (below.length ? `NOT MET (lowest ${lowest.performance.toFixed(2)}; below on ${below.join(", ")})` : `ok (lowest ${lowest.performance.toFixed(2)})`),
);
