// A release during a visit (.ci/name-files.mjs names every file by its content): a page of the
// old version that then needs a journey's files, now gone from the host, says a new version is
// available, keeps every answer, and reloading continues the journey in the new version, to a
// submitted application. Without a service worker, the case where no copy of the old version
// is kept (offline.spec.js has the worker's).
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { applicationDraft, expectNoAxeViolations, openPage, serveConfig } from "./helpers.js";
import { copySite, cspReports, release, serveSite } from "./release.mjs";

const ELIGIBILITY = "Check if you can become a participant";
const DRAFT = applicationDraft("Alpha LLP");

let dir;
let server;
let SITE;
test.beforeEach(async () => {
  dir = copySite();
  ({ server, url: SITE } = await serveSite(dir));
});
test.afterEach(() => {
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

test("a release during a visit: the journey says a new version is available, keeps the answers, and goes on after a reload", async ({ page }) => {
  test.setTimeout(60_000);
  await serveConfig(page);
  await openPage(page, `${SITE}/`);
  const before = await page.locator('meta[name="version"]').getAttribute("content");
  await page.evaluate((draft) => localStorage.setItem("ahp:draft:apply", JSON.stringify(draft)), DRAFT);

  const version = release(dir);
  const missing = [];
  page.on("response", (r) => r.status() === 404 && missing.push(new URL(r.url()).pathname));
  await page.getByRole("link", { name: "Become a participant" }).click();
  const heading = page.locator("h1");
  await expect(heading).toHaveText("A new version of the portal is available");
  await expect(heading).toBeFocused();
  await expect(page.locator("main")).toContainText("saved in this browser");
  await expectNoAxeViolations(page, "a new version available");
  expect(missing.length, "the old version's files are gone").toBeGreaterThan(0);
  expect(await page.evaluate(() => localStorage.getItem("ahp:draft:apply"))).toContain("Alpha LLP");

  missing.length = 0;
  await page.getByRole("button", { name: "Reload the page" }).click();
  // The test server compresses the new version's files on their first request: seconds.
  await expect(heading).toHaveText(ELIGIBILITY, { timeout: 30_000 });
  expect(await page.locator('meta[name="version"]').getAttribute("content")).toBe(version);
  expect(version).not.toBe(before);

  await page.goto(`${SITE}/apply/check`);
  await expect(heading).toHaveText("Check your answers before sending your application");
  await expect(page.locator("main")).toContainText("Alpha LLP");
  await page.getByRole("button", { name: "Accept and send" }).click();
  await expect(heading).toHaveText("Application sent");
  expect(missing, "the new version needs nothing of the old").toEqual([]);
  expect(await cspReports(SITE), "content security policy violations").toEqual([]);
});

test("a release during a visit: the status lookup, whose code comes on the first lookup, says a new version is available", async ({ page }) => {
  test.setTimeout(60_000);
  await serveConfig(page);
  await openPage(page, `${SITE}/status`);
  await page.getByLabel("Reference number").fill("AH-2026-P-7K3M9Q-A");
  await page.locator("#second_factor").fill("970740000838");
  release(dir);
  await page.locator("form button[type=submit]").click();
  const result = page.locator("section[aria-live=polite]");
  await expect(result.locator("h2")).toHaveText("A new version of the portal is available");
  await expect(result.locator("[role=alert]")).toHaveText(
    "The portal was updated while this page was open. Reload the page to continue with the new version.",
  );
  await expectNoAxeViolations(page, "status lookup after a release");
  expect(await cspReports(SITE), "content security policy violations").toEqual([]);
});
