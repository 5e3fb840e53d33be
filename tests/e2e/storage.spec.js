// Storage faults and the drafts' privacy: storage full, storage refused, a damaged draft, drafts
// of older and newer versions, two tabs on one draft, a draft past its 30 days, and "delete my
// data" leaving nothing; the participant and acceleration journeys, each state under axe.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { TODAY, expectNoAxeViolations, openPage, serveConfig } from "./helpers.js";

test.beforeEach(async ({ page }) => {
  await serveConfig(page);
});

const UNSAVED =
  "Your answers cannot be saved in this browser. They will be lost if you close or reload this page. You can download them as a file.";
const banner = (page, id) => page.locator(`.notification-banner[aria-labelledby=${id}]`);
const portalKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ahp:")).sort());
const storedDraft = (page, journey = "apply") =>
  page.evaluate((j) => localStorage.getItem(`ahp:draft:${j}`), journey);

/// Puts `value` under the journey's draft key as an earlier visit would have left it.
async function seed(page, value, journey = "apply") {
  await openPage(page, "/");
  await page.evaluate(([j, v]) => localStorage.setItem(`ahp:draft:${j}`, v), [journey, value]);
}

/// Types an organisation name on the first step, back to the start page, and the draft's
/// answers are still there when the journey is continued (in this visit).
async function typeAndComeBack(page, name) {
  await openPage(page, "/apply/organisation");
  await page.locator("#org_name").fill(name);
  await page.getByRole("link", { name: "Back" }).click();
  await expect(page.locator("h1")).toHaveText("Apply for participant status");
  await page.getByRole("link", { name: "Continue your application" }).click();
  await expect(page.locator("#org_name")).toHaveValue(name);
}

test("storage full: the answers stay for this visit, the page says so once and offers them as a file", async ({ page }) => {
  await page.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.storageFull !== false) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await openPage(page, "/apply/organisation");
  await expect(banner(page, "storage-unsaved")).toHaveCount(0);
  await typeAndComeBack(page, "Qazaq Cloud LLP");
  await expect(banner(page, "storage-unsaved")).toHaveCount(1);
  await expect(banner(page, "storage-unsaved")).toContainText(UNSAVED);
  expect(await storedDraft(page)).toBeNull();
  await expectNoAxeViolations(page, "storage full");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    banner(page, "storage-unsaved").getByRole("button", { name: "Download your draft" }).click(),
  ]);
  const file = JSON.parse(await readFile(await download.path(), "utf8"));
  expect(file).toMatchObject({ journey: "apply", version: 2, answers: { org_name: "Qazaq Cloud LLP" } });

  // Room again: the next change is saved and the banner goes.
  await page.evaluate(() => (window.storageFull = false));
  await page.locator("#org_name").fill("Qazaq Cloud LLP 2");
  await expect(banner(page, "storage-unsaved")).toHaveCount(0);
  expect(JSON.parse(await storedDraft(page)).answers.org_name).toBe("Qazaq Cloud LLP 2");
});

test("storage refused (private window): the portal works for this visit and says so at once", async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("Access is denied for this document.", "SecurityError");
      },
    });
  });
  await openPage(page, "/apply");
  await expect(banner(page, "storage-unsaved")).toContainText(UNSAVED);
  await expect(banner(page, "storage-unsaved").getByRole("button")).toHaveCount(0);
  await expectNoAxeViolations(page, "storage refused");
  await typeAndComeBack(page, "Private LLP");
  await expect(banner(page, "storage-unsaved")).toHaveCount(1);
  await expect(banner(page, "storage-unsaved").getByRole("button", { name: "Download your draft" })).toBeVisible();
  await expectNoAxeViolations(page, "storage refused, answers typed");
});

test("a damaged draft: a new form, one message, and the damaged text kept aside", async ({ page }) => {
  await seed(page, '{"journey": "apply", "version": 2, "answers": {"org_name": "Qazaq');
  await openPage(page, "/apply");
  await expect(banner(page, "storage-notice")).toContainText("Your saved answers could not be read, so a new form has been started.");
  await expect(page.getByRole("link", { name: "Start your application" })).toBeVisible();
  expect(await storedDraft(page)).toBeNull();
  const aside = JSON.parse(await page.evaluate(() => localStorage.getItem("ahp:draft:apply:damaged")));
  // Dated like a draft, so it is deleted as one would be.
  expect(aside).toEqual({ saved_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), text: '{"journey": "apply", "version": 2, "answers": {"org_name": "Qazaq' });
  await expectNoAxeViolations(page, "damaged draft");

  // Not shown again on the next page: the draft is set aside once.
  await page.getByRole("link", { name: "Start your application" }).click();
  await expect(page.locator("#org_name")).toHaveValue("");
});

test("drafts of older versions are read as they are; one of a newer version is set aside", async ({ page }) => {
  await seed(page, JSON.stringify({ journey: "apply", answers: { org_name: "Version Zero LLP" } }));
  await openPage(page, "/apply");
  await expect(page.locator(".notification-banner")).toHaveCount(0);
  await page.getByRole("link", { name: "Continue your application" }).click();
  await expect(page.locator("#org_name")).toHaveValue("Version Zero LLP");
  await expectNoAxeViolations(page, "version 0 draft read");

  await seed(page, JSON.stringify({ journey: "acceleration", version: 1, answers: { programme: "silkway", cohort: "silkway-next", team_allowed: "no" }, idempotency_key: "" }), "acceleration");
  await openPage(page, "/acceleration");
  await expect(page.getByRole("link", { name: "Continue your enrolment" })).toBeVisible();
  await expect(page.locator(".notification-banner")).toHaveCount(0);

  await seed(page, JSON.stringify({ journey: "acceleration", version: 9, answers: { team: "?" } }), "acceleration");
  await openPage(page, "/acceleration");
  await expect(banner(page, "storage-notice")).toContainText("made by a newer version of this portal");
  await expect(page.getByRole("link", { name: "Continue your enrolment" })).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem("ahp:draft:acceleration:damaged"))).toContain('"version\\":9');
  await expectNoAxeViolations(page, "newer version set aside");
});

test("two tabs on one draft: neither overwrites the other silently; the user chooses", async ({ context }) => {
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) await serveConfig(p);
  await openPage(a, "/apply/organisation");
  await a.locator("#org_name").fill("Tab A LLP");
  await openPage(b, "/apply/organisation");
  await expect(b.locator("#org_name")).toHaveValue("Tab A LLP");

  // B changes the draft after A read it: A is told, and A's next change does not overwrite B's.
  await b.locator("#org_name").fill("Tab B LLP");
  await expect(banner(a, "storage-conflict")).toContainText("Your answers to this form were changed in another tab or window.");
  await a.locator("#org_name").fill("Tab A again LLP");
  expect(JSON.parse(await storedDraft(a)).answers.org_name).toBe("Tab B LLP");
  await expectNoAxeViolations(a, "changed in another tab");

  // A keeps its own: written over B's, and now B is asked.
  await a.getByRole("button", { name: "Keep the answers in this tab" }).click();
  await expect(banner(a, "storage-conflict")).toHaveCount(0);
  await expect.poll(async () => JSON.parse(await storedDraft(a)).answers.org_name).toBe("Tab A again LLP");
  await expect(banner(b, "storage-conflict")).toBeVisible();

  // B takes A's: the page is drawn again with them.
  await b.getByRole("button", { name: "Use the answers from the other tab" }).click();
  await expect(b.locator("#org_name")).toHaveValue("Tab A again LLP");
  await expect(banner(b, "storage-conflict")).toHaveCount(0);
  await b.locator("#org_name").fill("Both agree LLP");
  await expect.poll(async () => JSON.parse(await storedDraft(b)).answers.org_name).toBe("Both agree LLP");
});

test("a draft not changed for more than 30 days is deleted when the portal starts, and the user told", async ({ page }) => {
  await openPage(page, "/apply");
  await expect(page.locator("main")).toContainText("Saved answers are deleted from this browser 30 days after they were last changed");
  await seed(page, JSON.stringify({ journey: "apply", version: 2, answers: { org_name: "Old LLP" }, idempotency_key: "", saved_on: TODAY, revision: 3 }));

  // Thirty days later the draft is kept; thirty-one days later it is gone.
  await page.unroute("**/config.json");
  const later = (today) =>
    page.route("**/config.json", (route) =>
      route.fulfill({ contentType: "application/json", body: JSON.stringify({ backend: "mock", timeout_ms: 5000, today, mock: { delay_ms: 0, failure_rate: 0.0, forced_error: null } }) }),
    );
  await later("2026-04-01");
  await openPage(page, "/apply/organisation");
  await expect(page.locator("#org_name")).toHaveValue("Old LLP");
  await expect(page.locator(".notification-banner")).toHaveCount(0);

  await page.unroute("**/config.json");
  await later("2026-04-02");
  await openPage(page, "/apply/organisation");
  await expect(banner(page, "storage-notice")).toContainText("not changed for more than 30 days have been deleted");
  await expect(page.locator("#org_name")).toHaveValue("");
  expect(await storedDraft(page)).toBeNull();
  await expectNoAxeViolations(page, "expired draft deleted");
});

test("delete my data leaves no key of the portal, set-aside drafts included", async ({ page }) => {
  await seed(page, "not a draft");
  await openPage(page, "/apply");
  await expect(banner(page, "storage-notice")).toBeVisible();
  await page.getByRole("link", { name: "Start your application" }).click();
  await page.locator("#org_name").fill("Qazaq Cloud LLP");
  await seed(page, JSON.stringify({ journey: "acceleration", version: 2, answers: { programme: "silkway" } }), "acceleration");
  await page.getByRole("button", { name: "Русский" }).click();
  await page.getByRole("button", { name: "English" }).click();
  expect(await portalKeys(page)).toEqual(["ahp:draft:acceleration", "ahp:draft:apply", "ahp:draft:apply:damaged", "ahp:lang"]);

  await openPage(page, "/acceleration");
  await page.getByRole("button", { name: "Delete my data from this browser" }).click();
  await expect(page.locator("main [role=status]").last()).toHaveText("Everything this portal kept in this browser has been deleted.");
  expect(await portalKeys(page)).toEqual([]);
  await expectNoAxeViolations(page, "everything deleted");
  await page.reload();
  await expect(page.locator("h1")).toBeVisible();
  expect(await portalKeys(page)).toEqual([]);
});
