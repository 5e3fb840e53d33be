// After the whole run: the content security policy violations the browser reported to either
// static server. Any one fails the run, with what was blocked and where.
import { mkdirSync, writeFileSync } from "node:fs";
import { ROOT_URL, SUBPATH_URL } from "./playwright.config.js";

export default async function cspCheck() {
  const reports = [];
  for (const url of [`${ROOT_URL}/__csp-report`, `${SUBPATH_URL}/__csp-report`]) {
    const response = await fetch(url);
    reports.push(...(await response.json()));
  }
  console.log(`content security policy violations: ${reports.length}`);
  // For .ci/hardening's summary.
  mkdirSync(new URL("results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("results/hardening-csp.json", import.meta.url), JSON.stringify({ csp_violations: reports.length }));
  if (reports.length > 0) {
    throw new Error(`the content security policy was violated:\n${reports.join("\n")}`);
  }
}
