// The participant application through the HTTP backend against the reference server
// (server/): config.json names the server, the browser submits to it, the confirmation shows
// the reference it issued, and the status page reads the status back from it. The server is
// the real binary on an ephemeral loopback port with its own database, started by this file.
import { expect, test } from "@playwright/test";
import { applicationDraft, expectNoAxeViolations, serveHttpConfig, useReferenceServer, statusOnServer } from "./helpers.js";
import { ROOT_URL, SUBPATH_URL } from "./playwright.config.js";

const BIN = "970740000838";
const REFERENCE = /AH-2026-P-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]/;

// A complete draft, as the application's steps leave it in this browser.
const DRAFT = applicationDraft("Alpha LLP");

test.describe.configure({ mode: "serial" });

const server = useReferenceServer([ROOT_URL, new URL(SUBPATH_URL).origin]);

test.beforeEach(async ({ page }) => {
  await serveHttpConfig(page, server.url, { timeout_ms: 5000, retries: 2, retry_backoff_ms: 200 });
});

test("an application is sent to the server, and its status is read back from it", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("h1")).toBeVisible();
  await expect(page.getByRole("region", { name: "Demonstration" })).toHaveCount(0);
  await page.evaluate((draft) => localStorage.setItem("ahp:draft:apply", JSON.stringify(draft)), DRAFT);

  await page.goto("/apply/check");
  await expect(page.locator("h1")).toHaveText("Check your answers before sending your application");
  const sent = page.waitForResponse((r) => r.url() === `${server.url}/v1/applications`);
  await page.getByRole("button", { name: "Accept and send" }).click();
  expect((await sent).status()).toBe(201);

  await expect(page.locator("h1")).toHaveText("Application sent");
  const reference = (await page.locator("main").innerText()).match(REFERENCE)?.[0];
  expect(reference, "the confirmation shows the server's reference").toBeTruthy();
  expect(await statusOnServer(server.url, reference, BIN), "the server has it").toBe(200);
  await expectNoAxeViolations(page, "confirmation from the server");

  await page.goto("/status");
  await page.locator("#reference").fill(reference.toLowerCase());
  await page.locator("#second_factor").fill("9707 4000 0838");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("section h2")).toHaveText(reference);
  await expect(page.locator(".panel")).toContainText("Application received");
  await expect(page.locator(".timeline li")).toHaveCount(4);
  await expectNoAxeViolations(page, "status from the server");

  await page.locator("#second_factor").fill("971240001583");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("section h2")).toHaveText("Application or enrolment not found");
  await expect(page.locator("section [role=alert]")).toContainText("No submission matches");
});

test("sending again after an answer was lost makes no second submission", async ({ page }) => {
  await page.goto("/");
  await page.evaluate((draft) => localStorage.setItem("ahp:draft:apply", JSON.stringify(draft)), {
    ...DRAFT,
    answers: { ...DRAFT.answers, org_name: "Beta LLP" },
  });
  // The first attempt reaches the server, but its answer never comes back to the browser.
  const statuses = [];
  await page.route(`${server.url}/v1/applications`, async (route) => {
    const answer = await route.fetch();
    statuses.push(answer.status());
    if (statuses.length === 1) return route.abort("connectionreset");
    return route.fulfill({ response: answer });
  });
  await page.goto("/apply/check");
  await page.getByRole("button", { name: "Accept and send" }).click();
  await expect(page.locator("h1")).toHaveText("Application sent");
  // Made once (201), then answered again from the idempotency record (200).
  expect(statuses, "the backend retried with the same key").toEqual([201, 200]);
  const reference = (await page.locator("main").innerText()).match(REFERENCE)?.[0];
  expect(await statusOnServer(server.url, reference, BIN)).toBe(200);
});
