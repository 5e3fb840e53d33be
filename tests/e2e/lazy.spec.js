// Journeys fetched on first visit (src/ui/lazy.rs): the first load carries the shell only; a
// journey's code and texts come with its first page; if they cannot come, the page says so,
// passes axe, and "Try again" brings the journey without losing anything.
import { expect, test } from "@playwright/test";
import { PORTAL_NAME, expectNoAxeViolations, openPage, serveConfig, sitePath } from "./helpers.js";

const FEES = "Work out the membership fee";
// A journey's module, the chunks it shares with other journeys, and the journeys' texts; and
// the pack of a page's modules, which a first visit to the page's address fetches.
const isJourneyCode = (url) => /^\/(split_|chunk_)[a-z0-9_]+\.wasm$/.test(sitePath(url));
const isJourneyTexts = (path) => path.startsWith("/texts/journeys/");
const isJourneyFile = (path) => /^\/(split_|chunk_|pack_)[a-z0-9_]+\.wasm$|^\/texts\/journeys\//.test(path);

test("home needs no journey's code or texts; the first journey page fetches them", async ({ page }) => {
  const requested = [];
  page.on("request", (request) => requested.push(sitePath(request.url())));
  await openPage(page, "/");
  await page.waitForLoadState("networkidle");
  expect(requested.filter(isJourneyFile), "fetched by the home page").toEqual([]);

  await page.getByRole("link", { name: FEES }).click();
  await expect(page.locator("h1")).toHaveText(FEES);
  await expect(page.locator("h1")).toBeFocused();
  expect(requested).toContain("/split_fees.wasm");
  expect(requested).toContain("/texts/journeys/fees/en.json");
  expect(requested.filter((path) => path === "/split_apply.wasm"), "another journey's module").toEqual([]);
  expect(requested.filter((path) => /^\/texts\/journeys\/[a-z]+\.json$/.test(path)), "every journey's texts").toEqual([]);
});

for (const [what, pattern] of [
  ["code", (url) => isJourneyCode(url.href)],
  ["texts", (url) => isJourneyTexts(sitePath(url.href))],
]) {
  test(`a journey whose ${what} cannot be fetched says so, and "Try again" brings it`, async ({ page }) => {
    await openPage(page, "/");
    await page.route(pattern, (route) => route.abort("internetdisconnected"));
    await page.getByRole("link", { name: FEES }).click();

    const heading = page.locator("h1");
    await expect(heading).toHaveText("This page could not be loaded");
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle(`This page could not be loaded – ${PORTAL_NAME}`);
    await expect(page.locator("main")).toContainText("saved in this browser");
    await expectNoAxeViolations(page, `journey ${what} not fetched`);

    // Still offline: the message again, as a new page that takes focus, not a broken one.
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading).toBeFocused();
    await expect(heading).toHaveText("This page could not be loaded");

    await page.unroute(pattern);
    await page.getByRole("button", { name: "Try again" }).click();
    await expect(heading).toHaveText(FEES);
    await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  });
}

test("a journey page opened in Kazakh fetches its journey's Kazakh texts with its code, and no others", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("ahp:lang", "kk"));
  const requested = [];
  page.on("request", (request) => requested.push(sitePath(request.url())));
  await openPage(page, "/fees");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.locator("h1")).toHaveText("Мүшелік жарнаны есептеу");
  expect(requested).toContain("/texts/journeys/fees/kk.json");
  // Every text is in all three files, each named by its content: no English to stand in.
  expect(requested.filter(isJourneyTexts).sort()).toEqual(["/texts/journeys/common/kk.json", "/texts/journeys/fees/kk.json"]);
  await expectNoAxeViolations(page, "fees in Kazakh");
});

test("a journey's address opened directly fetches its code in one pack and its texts at once, each file once", async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem("ahp:lang", "ru"));
  const requested = [];
  page.on("request", (request) => requested.push(sitePath(request.url())));
  const warnings = [];
  page.on("console", (message) => warnings.push(message.text()));
  await openPage(page, "/apply");
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await expect(page.locator("h1")).toHaveText("Заявка на статус участника");
  // Preloaded by boot.js, then fetched by the portal: a preload that does not match the later
  // request would show as a second download, and Chromium warns of it after a few seconds.
  await page.waitForTimeout(4000);
  const journeyFiles = requested.filter(isJourneyFile);
  // The start page's modules come in its pack (.ci/journey-files.mjs), none on its own.
  expect(journeyFiles.filter((path) => !isJourneyTexts(path))).toEqual(["/pack_apply.wasm"]);
  expect(journeyFiles.filter(isJourneyTexts).sort()).toEqual(["/texts/journeys/apply/ru.json", "/texts/journeys/common/ru.json"]);
  const downloadedTwice = journeyFiles.filter((path, i) => journeyFiles.indexOf(path) !== i);
  expect(downloadedTwice).toEqual([]);
  expect(warnings.filter((text) => text.includes("preload"))).toEqual([]);
});

test("a journey's pack that cannot be fetched: its modules come one by one, and the page opens", async ({ page }) => {
  const requested = [];
  page.on("request", (request) => requested.push(sitePath(request.url())));
  await page.route((url) => sitePath(url.href) === "/pack_fees.wasm", (route) => route.abort("failed"));
  await openPage(page, "/fees");
  await expect(page.locator("h1")).toHaveText(FEES);
  await expect(page.getByRole("button", { name: "Continue" })).toBeVisible();
  expect(requested).toContain("/pack_fees.wasm");
  expect(requested).toContain("/split_fees.wasm");
});

test("a slow journey shows that it is loading, politely, and the page the user is on stays", async ({ page }) => {
  await openPage(page, "/");
  // The journey's files take 1.5 s: longer than the indicator's delay.
  await page.route((url) => isJourneyCode(url.href), async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  await page.getByRole("link", { name: FEES }).click();
  const status = page.locator(".fetching[role=status]");
  await expect(status).toContainText("Loading the page…");
  await expect(page.getByRole("link", { name: FEES })).toBeVisible();
  await expectNoAxeViolations(page, "a journey loading");
  await expect(page.locator("h1")).toHaveText(FEES);
  await expect(status).toBeEmpty();
});

test("before the portal starts, the page says it is loading in the three languages", async ({ page }) => {
  // The WebAssembly held back: only index.html's own words show.
  await page.route((url) => sitePath(url.href) === "/astana-hub-portal_bg.wasm", () => {});
  await page.goto("/");
  const words = page.locator(".boot-loading");
  await expect(words).toBeVisible();
  await expect(words).toContainText("Loading…");
  await expect(words.locator("[lang=kk]")).toHaveText("Жүктелуде…");
  await expect(words.locator("[lang=ru]")).toHaveText("Загрузка…");
});

test("the status lookup says it is waiting, and a second press asks nothing more", async ({ page }) => {
  await serveConfig(page, { delay_ms: 1500 });
  await openPage(page, "/status");
  await page.getByLabel("Reference number").fill("AH-2026-P-7K3M9Q-A");
  await page.locator("#second_factor").fill("970740000838");
  const button = page.locator("form button[type=submit]");
  await button.click();
  await expect(button).toHaveText("Please wait…");
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expectNoAxeViolations(page, "status lookup waiting");
  await button.click();
  await expect(page.locator("section[aria-live=polite] h2")).toHaveCount(1, { timeout: 10_000 });
  await expect(button).toHaveText("Continue");
  await expect(button).not.toHaveAttribute("aria-disabled");
});

test("the status lookup's code comes on the first lookup; when it cannot, the page says the service cannot be reached", async ({ page }) => {
  await serveConfig(page);
  const requested = [];
  page.on("request", (request) => requested.push(sitePath(request.url())));
  await openPage(page, "/status");
  expect(requested, "the status page alone fetches no lookup code").not.toContain("/split_service_calls.wasm");
  const lookupCode = (url) => sitePath(url.href) === "/split_service_calls.wasm";
  await page.route(lookupCode, (route) => route.abort("internetdisconnected"));
  await page.getByLabel("Reference number").fill("AH-2026-P-7K3M9Q-A");
  await page.locator("#second_factor").fill("970740000838");
  await page.locator("form button[type=submit]").click();
  const result = page.locator("section[aria-live=polite]");
  await expect(result.locator("h2")).toHaveText("There is a problem");
  await expect(result.locator("[role=alert]")).toHaveText(
    "The service cannot be reached. Check your internet connection and try again: your answers are kept.",
  );
  await expectNoAxeViolations(page, "status lookup code not fetched");

  await page.unroute(lookupCode);
  await page.locator("form button[type=submit]").click();
  await expect(result.locator("h2")).toHaveText("Application or enrolment not found");
  expect(requested).toContain("/split_service_calls.wasm");
});
