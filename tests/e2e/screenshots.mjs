// Takes the README's screenshots from a running portal: node tests/e2e/screenshots.mjs <base URL>
// Each entry: file name, path, and optional steps to reach the state shown. The entries share one
// browser tab, so an entry can carry on from the one before it.
import { chromium } from "@playwright/test";
import { ANSWERS } from "./helpers.js";

const base = process.argv[2] ?? "http://127.0.0.1:8480";

/// Stores a draft of `journey` in the browser, as if answered on an earlier visit, then opens
/// `path`.
const seeded = (journey, answers, path) => async (page) => {
  await page.evaluate(
    ([journey, answers]) =>
      localStorage.setItem(`ahp:draft:${journey}`, JSON.stringify({ journey, version: 1, answers, idempotency_key: "" })),
    [journey, answers],
  );
  await page.goto(`${base}${path}`);
};

const { eligibility, apply: application } = ANSWERS;

const shots = [
  ["home.png", "/"],
  ["eligibility-result.png", "/", seeded("eligibility", eligibility, "/eligibility/result")],
  ["check-answers.png", "/", seeded("apply", application, "/apply/check")],
  [
    "confirmation.png",
    "/apply/check",
    async (page) => {
      await page.locator("main button.button").last().click();
      await page.locator(".reference").waitFor();
    },
  ],
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
for (const [file, path, steps] of shots) {
  await page.goto(`${base}${path}`);
  await page.locator("h1").waitFor();
  if (steps) {
    await steps(page);
    await page.locator("h1").waitFor();
  }
  // Focus moves to the heading after each navigation; its outline is not part of the picture.
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: new URL(`screenshots/${file}`, import.meta.url).pathname, fullPage: true });
  console.log(`screenshots/${file}`);
}
await browser.close();
