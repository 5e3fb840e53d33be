// The content security policy: sent with every page, strict, and (csp-check.mjs, after the run)
// never violated. The portal asks nothing of any origin but its own.
import { expect, test } from "@playwright/test";
import { openPage } from "./helpers.js";
import { ROOT_URL } from "./playwright.config.js";

test("every page is sent with the strict policy of dist/_headers", async ({ page }) => {
  for (const path of ["/", "/apply/organisation", "/no-such-page"]) {
    const response = await page.goto(path);
    const policy = response.headers()["content-security-policy"];
    expect(policy, path).toContain("default-src 'none'");
    expect(policy, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy, path).not.toContain("unsafe-inline");
    expect(policy, path).not.toMatch(/'unsafe-eval'/);
    expect(response.headers()["x-content-type-options"], path).toBe("nosniff");
  }
});

test("the portal requests nothing from another origin, in any language", async ({ page }) => {
  const requested = [];
  page.on("request", (request) => requested.push(request.url()));
  await openPage(page, "/");
  for (const button of ["Қазақша", "Русский", "English"]) {
    await page.getByRole("button", { name: button }).click();
  }
  for (const path of ["/eligibility", "/fees", "/apply", "/acceleration", "/invitations", "/status"]) {
    await openPage(page, path);
  }
  expect(requested.length).toBeGreaterThan(3);
  const elsewhere = requested.filter((url) => !url.startsWith(`${ROOT_URL}/`) && !url.startsWith("blob:") && !url.startsWith("data:"));
  expect(elsewhere).toEqual([]);
});
