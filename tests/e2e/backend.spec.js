// The backend layer seen from outside: the demo banner on every page, and the page that says
// what is wrong when config.json is missing or invalid, in each case clean under axe.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, openPage } from "./helpers.js";

test("the demo banner is on every page while the mock answers", async ({ page }) => {
  for (const path of ["/", "/status", "/no-such-page"]) {
    await openPage(page, path);
    const banner = page.getByRole("region", { name: "Demonstration" });
    await expect(banner).toContainText("nothing you enter is sent anywhere");
  }
  await expectNoAxeViolations(page, "demo banner");
});

test("the banner is translated", async ({ page }) => {
  await openPage(page, "/");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.getByRole("region", { name: "Демонстрация" })).toContainText("никуда не отправляется");
});

for (const [name, respond, reason] of [
  ["missing", (route) => route.fulfill({ status: 404, body: "Not found" }), "could not be found"],
  [
    "invalid",
    (route) => route.fulfill({ status: 200, contentType: "application/json", body: '{"backend": "carrier pigeon"}' }),
    "is not valid",
  ],
]) {
  test(`a ${name} config.json gives a page that says so`, async ({ page }) => {
    await page.route("**/config.json", respond);
    await page.goto("/");
    await expect(page.locator("h1")).toHaveText("The portal is not set up correctly");
    await expect(page.locator("main")).toContainText(reason);
    await expect(page).toHaveTitle(/^The portal is not set up correctly/);
    await expectNoAxeViolations(page, `${name} config`);
    await page.getByRole("button", { name: "Қазақша" }).click();
    await expect(page.locator("h1")).toHaveText("Портал дұрыс бапталмаған");
  });
}

test("an http config without a base URL is refused with its reason", async ({ page }) => {
  await page.route("**/config.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: '{"backend": "http", "timeout_ms": 1000}' }),
  );
  await page.goto("/");
  await expect(page.locator("code")).toContainText("base_url is required");
  await expect(page.locator(".demo-banner")).toHaveCount(0);
});
