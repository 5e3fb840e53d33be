// The participant journeys: fee calculator, eligibility check, application errors.
import { expect, test } from "@playwright/test";
import { PORTAL_NAME, expectNoAxeViolations, openPage } from "./helpers.js";

test("fee calculator: errors on Continue, then a breakdown in tenge", async ({ page }) => {
  await openPage(page, "/fees");
  await page.getByLabel("Income for the year, in tenge").fill("12x");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page).toHaveTitle(`Error: Work out the membership fee – ${PORTAL_NAME}`);
  await expect(page.getByLabel("Income for the year, in tenge")).toHaveValue("12x");
  await expectNoAxeViolations(page, "fees in error");
  await page.locator(".error-summary a").first().click();
  await expect(page.getByLabel("Income for the year, in tenge")).toBeFocused();
  await page.getByLabel("Income for the year, in tenge").fill("1 234 567,50");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#fee-result-heading")).toContainText("12\u00a0345,68\u00a0₸");
  await expect(page).toHaveTitle(`Work out the membership fee – ${PORTAL_NAME}`);
  await expectNoAxeViolations(page, "fees result");
});

test("eligibility: an individual entrepreneur gets a result page that explains why", async ({ page }) => {
  await openPage(page, "/eligibility");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary")).toContainText("Select who is applying.");
  await expectNoAxeViolations(page, "eligibility question in error");
  await page.getByLabel("An individual entrepreneur").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("You cannot apply yet");
  await expect(page.locator("main")).toContainText("What you can do instead");
  await expectNoAxeViolations(page, "not eligible");
});

test("eligibility: a company with a priority activity can apply, with fee and dates", async ({ page }) => {
  await openPage(page, "/eligibility/who");
  await page.getByLabel("A company or other legal entity (for example an LLP or a JSC)").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#resident").check();
  await page.getByLabel("General regime").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.locator("#in_sez_register-no").check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Search the list").fill("SaaS");
  await page.getByLabel(/Software as a service/).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByLabel("Income last year, in tenge").fill("10 000 000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("You can apply");
  await expect(page.locator("main")).toContainText("Art. 7(2)(2-1)");
  await expect(page.locator("main")).toContainText("100\u00a0000\u00a0₸");
  await expect(page.locator(".timeline li")).toHaveCount(3);
  await expectNoAxeViolations(page, "eligible");
  await page.screenshot({ path: "results/eligibility-result.png", fullPage: true });
  await page.getByRole("button", { name: "Start your application" }).click();
  await expect(page.locator("h1")).toHaveText("Apply for participant status");
});

test("application: each error in the summary and inline, input kept", async ({ page }) => {
  await openPage(page, "/apply/organisation");
  await page.getByLabel("BIN (business identification number)").fill("123");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary")).toBeFocused();
  await expect(page.locator("#bin-error")).toContainText("The number must have 12 digits. You entered 3.");
  await expect(page.getByLabel("BIN (business identification number)")).toHaveValue("123");
  await expectNoAxeViolations(page, "organisation in error");
});
