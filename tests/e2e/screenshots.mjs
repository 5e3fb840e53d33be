// Takes the README's screenshots from a running portal: node tests/e2e/screenshots.mjs <base URL>
// Each entry: file name, path, and optional steps to reach the state shown.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:8480";
const shots = [["home.png", "/"]];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
for (const [file, path] of shots) {
  await page.goto(`${base}${path}`);
  await page.locator("h1").waitFor();
  await page.screenshot({ path: new URL(`screenshots/${file}`, import.meta.url).pathname, fullPage: true });
  console.log(`screenshots/${file}`);
}
await browser.close();
