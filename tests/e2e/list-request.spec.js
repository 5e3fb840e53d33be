// The request for inclusion in the Fund's list (Law No. 207-V, Art. 7(2)(2)): a university goes
// through the eligibility check, is led to the list request (not to the actor application: no
// fee estimate, no actor review dates), answers it with its errors on the way, gets a reference
// number that survives a reload, and tracks it with its BIN; then the same request through the
// HTTP backend to the reference server. Axe on every page, in its normal and its error state.
import { expect, test } from "@playwright/test";
import {
  ANSWERS, PORTAL_NAME, expectNoAxeViolations, next, openPage, serveConfig, serveHttpConfig, useReferenceServer,
  statusOnServer,
} from "./helpers.js";
import { ROOT_URL, SUBPATH_URL } from "./playwright.config.js";

const BIN = "970740000838";
const REFERENCE = /^AH-2026-F-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]$/;
const summary = (page) => page.locator(".error-summary li");

/// The eligibility check of a resident university on the general regime, not yet in the
/// Fund's list and with no priority activity.
async function universityChecksEligibility(page) {
  await openPage(page, "/eligibility/who");
  await page.locator("#applicant_kind").check();
  await next(page);
  await page.locator("#resident").check();
  await page.locator("#tax_regime").check();
  await next(page);
  await page.locator("#in_sez_register-no").check();
  await page.locator("#entity_type").selectOption("educational_organisation");
  await page.locator("#in_fund_list-no").check();
  await next(page);
  await next(page);
  await next(page);
}

test.describe("in the demo", () => {
  test.beforeEach(async ({ page }) => {
    await serveConfig(page);
  });

  test("a university reaches the list request, sends it and tracks it", async ({ page }) => {
    await universityChecksEligibility(page);
    await expect(page.locator("h1")).toHaveText("You can apply");
    await expect(page.locator(".panel--success")).toContainText("Art. 7(2)(2)");
    await expect(page.locator("main")).toContainText("Ask the Fund to include your organisation in its list");
    // Not the actor application: no fee estimate, no review dates, no way to /apply.
    await expect(page.locator("main")).not.toContainText("₸");
    await expect(page.locator("main")).not.toContainText("What it costs");
    await expect(page.locator(".timeline")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Start your application" })).toHaveCount(0);
    await expectNoAxeViolations(page, "eligibility result, list route");
    await page.getByRole("button", { name: "Ask to be included in the list" }).click();

    await expect(page.locator("h1")).toHaveText("Ask to be included in the Fund's list of innovation cluster actors");
    await expect(page).toHaveTitle(`Ask to be included in the Fund's list of innovation cluster actors – ${PORTAL_NAME}`);
    await expect(page.locator("main")).toContainText("Art. 8-1(5-11)");
    await expectNoAxeViolations(page, "list request start");
    await page.locator('main a.button[href$="/list-request/organisation"]').click();

    await next(page);
    await expect(summary(page)).toHaveText(["Enter the organisation's name.", "Enter the 12-digit number."]);
    await expect(page).toHaveTitle(/^Error: /);
    await expectNoAxeViolations(page, "organisation in error");
    await page.locator("#organisation_name").fill("Beta University");
    await page.locator("#bin").fill("970740000839");
    await next(page);
    await expect(summary(page)).toHaveCount(1);
    await expect(page.locator("#organisation_name")).toHaveValue("Beta University");
    await page.locator("#bin").fill("9707 4000 0838");
    await next(page);

    // The kind is carried over from the eligibility check.
    await expect(page.locator("#entity_type-educational_organisation")).toBeChecked();
    await page.locator("#status_document").fill("Licence for educational activity of 01.09.2015");
    await expectNoAxeViolations(page, "status");
    await next(page);

    await page.locator("#contact_name").fill("Dana Abenova");
    await page.locator("#contact_email").fill("dana@");
    await next(page);
    await expect(summary(page)).toHaveText(["Enter an email address in the correct format, like name@example.kz."]);
    await expectNoAxeViolations(page, "contact in error");
    await page.locator("#contact_email").fill("dana@example.kz");
    await next(page);

    await next(page);
    await expect(summary(page)).toHaveText(["Confirm that the information is true to continue."]);
    await expectNoAxeViolations(page, "declaration in error");
    await page.locator("#information_true").check();
    await next(page);

    await expect(page.locator("h1")).toHaveText("Check your answers before sending your request");
    await expect(page.locator("main")).toContainText("Educational organisation");
    await expect(page.locator("main")).not.toContainText("₸");
    await expectNoAxeViolations(page, "check your answers");
    // A Change link returns to its question, and Continue comes back here.
    await page.getByRole("link", { name: "Change Email address" }).click();
    await expect(page.locator("#contact_email")).toHaveValue("dana@example.kz");
    await page.locator("#contact_email").fill("office@example.kz");
    await next(page);
    await expect(page.locator("h1")).toHaveText("Check your answers before sending your request");
    await expect(page.locator("main")).toContainText("office@example.kz");
    await page.getByRole("button", { name: "Send the request" }).click();

    await expect(page.locator("h1")).toHaveText("Request sent");
    const reference = await page.locator(".reference").textContent();
    expect(reference).toMatch(REFERENCE);
    expect(page.url(), "no personal data in the address").not.toContain(BIN);
    await expect(page.locator("main")).toContainText("not published");
    await expect(page.locator(".timeline")).toHaveCount(0);
    await expectNoAxeViolations(page, "confirmation");
    expect(await page.evaluate(() => localStorage.getItem("ahp:draft:list-request")), "the sent draft is gone").toBeNull();
    await page.reload();
    await expect(page.locator("h1")).toHaveText("Request sent");
    await expect(page.locator(".reference")).toHaveText(reference);

    await page.getByRole("link", { name: /^Track an application/ }).click();
    await expect(page.locator("#reference")).toHaveValue(reference);
    await page.locator("#second_factor").fill("office@example.kz");
    await next(page);
    await expect(summary(page)).toHaveText([
      "A request for inclusion in the Fund's list is tracked with the organisation's BIN, not an email.",
    ]);
    await expectNoAxeViolations(page, "status in error");
    await page.locator("#second_factor").fill(BIN);
    await next(page);
    await expect(page.locator("section h2")).toHaveText(reference);
    await expect(page.locator("section")).toContainText(
      "Request for inclusion in the Fund's list of innovation cluster actors",
    );
    await expect(page.locator(".panel")).toContainText("Application received");
    await expect(page.locator(".timeline li")).toHaveCount(1);
    await expect(page.locator("section")).toContainText("publish no timeline");
    await expectNoAxeViolations(page, "status of the list request");
  });

  test("a university already in the Fund's list is told it is a participant", async ({ page }) => {
    await openPage(page, "/eligibility/who");
    await page.locator("#applicant_kind").check();
    await next(page);
    await page.locator("#resident").check();
    await page.locator("#tax_regime").check();
    await next(page);
    await page.locator("#in_sez_register-no").check();
    await page.locator("#entity_type").selectOption("educational_organisation");
    await page.locator("#in_fund_list").check();
    await next(page);
    await next(page);
    await next(page);
    await expect(page.getByRole("button", { name: "Ask to be included in the list" })).toHaveCount(0);
    await expect(page.locator("main")).not.toContainText("₸");
  });
});

test.describe("through the HTTP backend", () => {
  test.describe.configure({ mode: "serial" });
  const server = useReferenceServer([ROOT_URL, new URL(SUBPATH_URL).origin]);

  test("a list request is sent to the reference server and tracked there", async ({ page }) => {
    await serveHttpConfig(page, server.url, { timeout_ms: 5000, retries: 2, retry_backoff_ms: 200 });
    await openPage(page, "/");
    await page.evaluate(
      (answers) =>
        localStorage.setItem(
          "ahp:draft:list-request",
          JSON.stringify({ journey: "list-request", version: 1, idempotency_key: "", answers }),
        ),
      ANSWERS.list_request,
    );
    await openPage(page, "/list-request/check");
    const sent = page.waitForResponse((r) => r.url() === `${server.url}/v1/list-requests`);
    await page.getByRole("button", { name: "Send the request" }).click();
    expect((await sent).status()).toBe(201);
    await expect(page.locator("h1")).toHaveText("Request sent");
    const reference = await page.locator(".reference").textContent();
    expect(reference).toMatch(REFERENCE);
    expect(await statusOnServer(server.url, reference, BIN), "the server has it").toBe(200);
    await expectNoAxeViolations(page, "confirmation from the server");

    await page.goto(`/status?reference=${reference}`);
    await page.locator("#second_factor").fill(BIN);
    await next(page);
    await expect(page.locator("section h2")).toHaveText(reference);
    await expect(page.locator(".timeline li")).toHaveCount(1);
  });
});
