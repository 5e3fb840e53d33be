// Shared by the end-to-end specs.
import AxeBuilder from "@axe-core/playwright";
import { expect } from "@playwright/test";

export const PORTAL_NAME = "Astana Hub self-service portal";

/// Runs axe with the WCAG 2.0–2.2 A and AA rules and fails with the list of violations.
export async function expectNoAxeViolations(page, context = "") {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
  expect(results.passes.length, "axe ran its checks").toBeGreaterThan(0);
}

/// Waits for the app to render its heading.
export async function openPage(page, path) {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible();
}

/// The day every journey test runs on: config.json fixes the app's "today" to it.
export const TODAY = "2026-03-02";

/// Serves config.json: the mock, no delay, today fixed; `mock` overrides its settings.
export async function serveConfig(page, mock = {}) {
  await page.unroute("**/config.json");
  await page.route("**/config.json", (route) =>
    route.fulfill({
      status: 200,
      contentType: "application/json",
      body: JSON.stringify({
        backend: "mock",
        timeout_ms: 5000,
        today: TODAY,
        mock: { delay_ms: 0, failure_rate: 0.0, forced_error: null, ...mock },
      }),
    }),
  );
}

/// Presses Tab until `locator` has focus, as a keyboard user moves through the page.
export async function tabTo(page, locator) {
  for (let i = 0; i < 80; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${locator}`);
}

/// Continue with nothing given, from the keyboard: the error summary takes focus, Tab reaches
/// its first link, Enter moves focus to `field`.
export async function errorSummaryByKeyboard(page, field) {
  await tabTo(page, page.locator("form button[type=submit]"));
  await page.keyboard.press("Enter");
  await expect(page.locator(".error-summary")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(".error-summary a")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(field)).toBeFocused();
}
