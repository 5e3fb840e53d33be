// End-to-end tests: Debian's Chromium against the release build served as static files.
import { defineConfig } from "@playwright/test";

// DIST and E2E_PORT let several builds be tested side by side on one machine.
const DIST = process.env.DIST ?? "../../dist";
const PORT = Number(process.env.E2E_PORT ?? 8090);
export const ROOT_URL = `http://127.0.0.1:${PORT}`;
export const SUBPATH_URL = `http://127.0.0.1:${PORT + 1}/portal`;
// Both servers send the site's own content security policy (dist/_headers) and collect the
// browser's violation reports; csp-check.mjs fails the run on any. The reference server of the
// HTTP backend's tests listens on a loopback port of its own, so connect-src names it.
const CSP_OPTIONS = "--csp-report --connect-src http://127.0.0.1:*";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.js",
  globalTeardown: "./csp-check.mjs",
  outputDir: "results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL: ROOT_URL,
    browserName: "chromium",
    // The service worker answers a page's requests once it is installed, out of reach of
    // page.route: the tests of what it does (offline.spec.js) allow it, the others do not.
    serviceWorkers: "block",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `node serve.mjs --root ${DIST} --port ${PORT} ${CSP_OPTIONS}`,
      url: `${ROOT_URL}/`,
      reuseExistingServer: false,
    },
    {
      command: `node serve.mjs --root ${DIST} --port ${PORT + 1} --base /portal/ ${CSP_OPTIONS}`,
      url: `${SUBPATH_URL}/`,
      reuseExistingServer: false,
    },
  ],
});
