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
