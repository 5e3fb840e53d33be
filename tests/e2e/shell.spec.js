// The shell: every route loads with the right title and heading, passes axe in every language,
// works by keyboard, keeps the language, and works from a sub-path.
import { expect, test } from "@playwright/test";
import { PORTAL_NAME, ROUTES, expectNoAxeViolations, openPage, sitePath } from "./helpers.js";
import { SUBPATH_URL } from "./playwright.config.js";


for (const [path, heading] of ROUTES) {
  test(`${path} loads with its heading and title, and axe finds nothing`, async ({ page }) => {
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await openPage(page, path);
    await expect(page.locator("h1")).toHaveText(heading);
    await expect(page).toHaveTitle(`${heading} – ${PORTAL_NAME}`);
    await expectNoAxeViolations(page, path);
    expect(errors).toEqual([]);
  });
}

for (const [lang, button, heading] of [
  ["kk", "Қазақша", "Astana Hub инновациялық кластерінің қызметтері"],
  ["ru", "Русский", "Услуги инновационного кластера Astana Hub"],
]) {
  test(`switching to ${lang} translates the page, sets <html lang> and is remembered`, async ({ page }) => {
    await openPage(page, "/");
    await page.getByRole("button", { name: button }).click();
    await expect(page.locator("h1")).toHaveText(heading);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectNoAxeViolations(page, `home in ${lang}`);
    await page.goto("/no-such-page");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expectNoAxeViolations(page, `404 in ${lang}`);
    await page.reload();
    await expect(page.getByRole("button", { name: button })).toHaveAttribute("aria-pressed", "true");
  });
}

// Kazakh and Russian are fetched when chosen (texts/kk.json, texts/ru.json).
const isKkTexts = (url) => sitePath(url.href) === "/texts/kk.json";
const isRuTexts = (url) => sitePath(url.href) === "/texts/ru.json";
test("a language whose texts cannot be loaded leaves the page in English, says so, and can be tried again", async ({ page }) => {
  await page.route(isKkTexts, (route) => route.fulfill({ status: 404, body: "" }));
  await openPage(page, "/");
  await page.getByRole("button", { name: "Қазақша" }).click();
  const status = page.locator(".language-switcher__status");
  await expect(status).toContainText("The Kazakh texts could not be loaded, so the portal is shown in English.");
  await expect(status.locator("[lang=kk]")).toContainText("Қазақ тіліндегі мәтіндер жүктелмеді");
  await expect(page.locator("h1")).toHaveText(ROUTES[0][1]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
  await expectNoAxeViolations(page, "Kazakh texts missing");

  await page.unroute(isKkTexts);
  await page.getByRole("button", { name: "Қазақша" }).click();
  await expect(page.locator("h1")).toHaveText("Astana Hub инновациялық кластерінің қызметтері");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(status).toBeEmpty();
});

test("a remembered language whose texts cannot be loaded starts in English and says so", async ({ page }) => {
  await page.route(isRuTexts, (route) => route.abort());
  await page.addInitScript(() => localStorage.setItem("ahp:lang", "ru"));
  await openPage(page, "/");
  await expect(page.locator(".language-switcher__status [lang=ru]")).toContainText("Не удалось загрузить тексты");
  await expect(page.locator("h1")).toHaveText(ROUTES[0][1]);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("a texts file cached from an older build shows the keys it lacks in English", async ({ page }) => {
  await page.route(isRuTexts, async (route) => {
    const response = await route.fetch();
    const texts = await response.json();
    delete texts["home.title"];
    await route.fulfill({ response, json: texts });
  });
  await openPage(page, "/");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator(".lead")).toContainText("Проверьте");
  await expect(page.locator("h1")).toHaveText(ROUTES[0][1]);
});

test("client-side navigation moves focus to the new heading and changes the title", async ({ page }) => {
  await openPage(page, "/");
  await page.getByRole("link", { name: "Work out the membership fee" }).click();
  await expect(page).toHaveURL(/\/fees$/);
  await expect(page.locator("h1")).toBeFocused();
  await expect(page).toHaveTitle(`Work out the membership fee – ${PORTAL_NAME}`);
});

test("the keyboard reaches every link and button, starting with the skip link", async ({ page }) => {
  await openPage(page, "/");
  const focusable = await page
    .locator("a[href], button:not([disabled]), input, select, textarea")
    .evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0 || e.classList.contains("skip-link")).length);
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveClass(/skip-link/);
  await expect(page.locator(":focus")).toBeVisible();
  const reached = new Set();
  for (let i = 0; i < focusable + 5; i++) {
    const id = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const all = [...document.querySelectorAll("a[href], button, input, select, textarea")];
      return all.indexOf(el);
    });
    if (id !== null && id >= 0) reached.add(id);
    await page.keyboard.press("Tab");
  }
  expect(reached.size).toBe(focusable);
});

test("the skip link moves focus to the main content", async ({ page }) => {
  await openPage(page, "/");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("the portal works from a sub-path, direct links included", async ({ page }) => {
  await page.goto(`${SUBPATH_URL}/fees`);
  await expect(page.locator("h1")).toHaveText("Work out the membership fee");
  await page.getByRole("link", { name: PORTAL_NAME }).click();
  await expect(page).toHaveURL(`${SUBPATH_URL}/`);
  await page.getByRole("link", { name: "Enrol in an acceleration programme" }).click();
  await expect(page).toHaveURL(`${SUBPATH_URL}/acceleration`);
  await expect(page.locator("h1")).toHaveText("Acceleration programmes");
});

for (const [lang, button] of [["en", "English"], ["kk", "Қазақша"], ["ru", "Русский"]]) {
  test(`at 320 px wide (${lang}) nothing needs scrolling sideways`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await openPage(page, "/");
    await page.getByRole("button", { name: button }).click();
    for (const path of ["/", "/no-such-page"]) {
      await page.goto(path);
      await expect(page.locator("h1")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    }
  });
}
