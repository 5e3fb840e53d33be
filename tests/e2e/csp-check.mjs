// After the whole run: the content security policy violations the browser reported to either
// static server, and the pages that had to fetch every journey's texts because their journey's
// own lacked a key they show (src/i18n/journeys.toml). Any one fails the run, saying where.
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
  const gaps = [];
  for (const url of [`${ROOT_URL}/__texts-gaps`, `${SUBPATH_URL}/__texts-gaps`]) {
    gaps.push(...(await (await fetch(url)).json()));
  }
  console.log(`pages whose journey's texts lacked a key: ${gaps.length}`);
  if (gaps.length > 0) {
    throw new Error(`a page showed a key its journey's texts lack (src/i18n/journeys.toml):\n${gaps.join("\n")}`);
  }
}
