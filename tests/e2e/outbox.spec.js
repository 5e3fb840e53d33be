// The outbox with the HTTP backend against the reference server (server/): an application sent
// while the browser is offline is kept on the device and the page says so; when the connection
// returns (or the portal is opened again after the tab was closed) it is sent once, under its
// one idempotency key, and the confirmation shows the server's reference. Every application
// POSTed from the browser (every tab) is counted, and the server is asked for the reference.
import { expect, test } from "@playwright/test";
import { ANSWERS, applicationDraft, expectNoAxeViolations, serveHttpConfig, useReferenceServer, statusOnServer } from "./helpers.js";
import { ROOT_URL } from "./playwright.config.js";

const BIN = "970740000838";
const REFERENCE = /AH-2026-P-[2-9A-HJKMNP-Z]{6}-[2-9A-HJKMNP-Z]/;
const KEPT = "You’re offline. Your form is saved on this device and will be sent when your connection returns.";
const PATIENCE = { timeout_ms: 5000, retries: 1, retry_backoff_ms: 200 };

test.describe.configure({ mode: "serial" });

const server = useReferenceServer([ROOT_URL]);

/// The idempotency keys of the applications POSTed to the server from any page of `context`.
function watchSends(context) {
  const sends = [];
  context.on("request", (r) => {
    if (r.method() === "POST" && r.url() === `${server.url}/v1/applications`) sends.push(r.headers()["idempotency-key"]);
  });
  return sends;
}

/// Opens check your answers of an application with `org_name`, ready to send.
async function checkAnswers(page, org_name) {
  await serveHttpConfig(page, server.url, PATIENCE);
  await page.goto("/");
  await expect(page.locator("h1")).toBeVisible();
  await page.evaluate((d) => localStorage.setItem("ahp:draft:apply", JSON.stringify(d)), applicationDraft(org_name));
  await page.goto("/apply/check");
  await expect(page.locator("h1")).toHaveText("Check your answers before sending your application");
  // What the page fetches for a send offline has come, as it has by the time a person sends.
  await page.waitForLoadState("networkidle");
}

/// Sends while offline and checks what the page says and keeps.
async function sendOffline(page, context) {
  await context.setOffline(true);
  await page.getByRole("button", { name: "Accept and send" }).click();
  const kept = page.getByRole("region", { name: "Important" }).filter({ hasText: KEPT });
  await expect(kept).toBeVisible();
  await expect(kept).toBeFocused();
  await expect(kept).toContainText("You can close this page.");
  await expect(page.locator(".error-summary")).toHaveCount(0);
  // The answers stay, the page and the draft alike.
  await expect(page.locator("main")).toContainText(ANSWERS.apply.description);
  const stored = await page.evaluate(() => [localStorage.getItem("ahp:draft:apply"), localStorage.getItem("ahp:outbox:apply")]);
  expect(stored[0], "the draft stays").toBeTruthy();
  expect(JSON.parse(stored[1]).key, "kept with the draft's key").toBe(JSON.parse(stored[0]).idempotency_key);
  return JSON.parse(stored[1]).key;
}

test("sent offline, it is kept, and sent once when the connection returns", async ({ page, context }) => {
  const sends = watchSends(context);
  await checkAnswers(page, "Offline One LLP");
  const key = await sendOffline(page, context);
  await expectNoAxeViolations(page, "kept offline");
  expect(sends, "nothing left for the server").toEqual([]);

  await context.setOffline(false);
  await expect(page.locator("h1")).toHaveText("Application sent");
  const reference = (await page.locator("main").innerText()).match(REFERENCE)?.[0];
  expect(reference, "the confirmation shows the server's reference").toBeTruthy();
  expect(await statusOnServer(server.url, reference, BIN), "the server has it").toBe(200);
  expect(sends, "sent once, under the draft's key").toEqual([key]);
  await expect(page.getByText(KEPT)).toHaveCount(0);
  const left = await page.evaluate(() => [localStorage.getItem("ahp:draft:apply"), localStorage.getItem("ahp:outbox:apply")]);
  expect(left, "the draft and the entry are gone, as after any success").toEqual([null, null]);

  // Reloaded, and the connection lost and back: nothing is sent again.
  await page.reload();
  await expect(page.locator("main")).toContainText(reference);
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(500);
  expect(sends).toEqual([key]);
  expect(await statusOnServer(server.url, reference, BIN)).toBe(200);
});

test("kept offline with the page closed, it is sent once when the portal is opened again", async ({ page, context }) => {
  const sends = watchSends(context);
  await checkAnswers(page, "Offline Two LLP");
  const key = await sendOffline(page, context);
  await page.close();
  await context.setOffline(false);
  expect(sends, "nothing left for the server").toEqual([]);

  // Two tabs open the portal at once: each starts a flush, one sends.
  const [home, other] = [await context.newPage(), await context.newPage()];
  for (const p of [home, other]) await serveHttpConfig(p, server.url, PATIENCE);
  await Promise.all([home.goto("/"), other.goto("/status")]);
  const sent = home.getByRole("alert").filter({ hasText: "Your form was sent." });
  const inOther = other.getByRole("alert").filter({ hasText: "Your form was sent." });
  await expect.poll(async () => (await sent.count()) + (await inOther.count()), "one tab says it sent it").toBe(1);
  await home.waitForTimeout(500);
  expect(sends, "one tab sent it, once, under the draft's key").toEqual([key]);

  const shown = (await sent.count()) ? home : other;
  const banner = shown.getByRole("alert").filter({ hasText: "Your form was sent." });
  const reference = (await banner.innerText()).match(REFERENCE)?.[0];
  expect(reference, "the banner names the reference").toBeTruthy();
  expect(await statusOnServer(server.url, reference, BIN)).toBe(200);
  await expectNoAxeViolations(shown, "sent when the portal was opened again");
  await banner.getByRole("link", { name: "View the confirmation" }).click();
  await expect(shown.locator("h1")).toHaveText("Application sent");
  await expect(shown.locator("main")).toContainText(reference);
});
