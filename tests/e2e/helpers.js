// Shared by the end-to-end specs.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

export const PORTAL_NAME = "Astana Hub self-service portal";

/// Each journey's steps and their questions (kind, limit, optional, checked), as the journeys'
/// data says (src/bin/journeys.rs): the tests that type into every field follow it.
export function journeysData() {
  const file = join(mkdtempSync(join(tmpdir(), "journeys-")), "journeys.json");
  const root = fileURLToPath(new URL("../..", import.meta.url));
  execFileSync("cargo", ["run", "--quiet", "--no-default-features", "--bin", "journeys", "--", file], { cwd: root, stdio: "inherit" });
  return JSON.parse(readFileSync(file, "utf8"));
}

/// One complete answer set per journey, as its draft keeps them (a list as one answer holding
/// its items as JSON): tests/fixtures/answers.json, which the native journey tests read too.
export const ANSWERS = Object.fromEntries(
  Object.entries(JSON.parse(readFileSync(new URL("../fixtures/answers.json", import.meta.url), "utf8")))
    .filter(([journey]) => journey !== "_")
    .map(([journey, answers]) => [
      journey,
      Object.fromEntries(Object.entries(answers).map(([id, v]) => [id, typeof v === "string" ? v : JSON.stringify(v)])),
    ]),
);

/// Runs axe with the WCAG 2.0–2.2 A and AA rules and fails with the list of violations.
export async function expectNoAxeViolations(page, context = "") {
  // The scan is of the portal as drawn: until then index.html's own loading words cover the page
  // (a page just opened may have its heading's language before its layout is shown).
  await expect(page.locator(".boot-loading")).toBeHidden();
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(summary, `axe violations ${context}`).toEqual([]);
  expect(results.passes.length, "axe ran its checks").toBeGreaterThan(0);
}

/// Waits for the app to render its heading; `timeout` for a first page on a cold, busy browser.
export async function openPage(page, path, timeout = undefined) {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible({ timeout });
}

/// A file of the site as the build named it ("/portal/assets/texts/kk.0a1b2c3d4e.json"), by the
/// name it has in the sources ("/texts/kk.json"): the build names files by their content
/// (.ci/name-files.mjs), so tests refer to them by their stem.
export const sitePath = (url) =>
  new URL(url).pathname.replace(/^(\/portal)?\/assets\//, "/").replace(/\.[0-9a-f]{10}(\.\w+)$/, "$1");

/// Every route of the portal with its heading, in English.
export const ROUTES = [
  ["/", "Services of the Astana Hub innovation cluster"],
  ["/eligibility", "Check if you can become a participant"],
  ["/fees", "Work out the membership fee"],
  ["/apply", "Apply for participant status"],
  ["/acceleration", "Acceleration programmes"],
  ["/invitations", "Request a visa invitation"],
  ["/list-request", "Ask to be included in the Fund's list of innovation cluster actors"],
  ["/status", "Track an application, enrolment or visa invitation"],
  ["/no-such-page", "Page not found"],
];

/// A complete draft of the participant application for `org_name`, as its steps leave it in
/// this browser (store it under "ahp:draft:apply").
export const applicationDraft = (org_name) => ({
  journey: "apply",
  version: 1,
  idempotency_key: "",
  answers: { ...ANSWERS.apply, org_name },
});

/// The day every journey test runs on: config.json fixes the app's "today" to it.
export const TODAY = "2026-03-02";

/// Serves `config` as config.json, in place of any served before.
async function routeConfig(page, config) {
  await page.unroute("**/config.json");
  await page.route("**/config.json", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(config) }),
  );
}

/// Serves config.json: the mock, no delay, today fixed; `mock` overrides its settings.
export async function serveConfig(page, mock = {}) {
  await routeConfig(page, {
    backend: "mock",
    timeout_ms: 5000,
    today: TODAY,
    mock: { delay_ms: 0, failure_rate: 0.0, forced_error: null, ...mock },
  });
}

/// Serves config.json: the HTTP backend at `serverUrl` (a reference server), today fixed, with
/// `patience`: `timeout_ms`, `retries` and `retry_backoff_ms`.
export async function serveHttpConfig(page, serverUrl, patience) {
  await routeConfig(page, { backend: "http", base_url: `${serverUrl}/`, today: TODAY, ...patience });
}

/// The HTTP status the reference server at `serverUrl` answers when asked for a submission's
/// status: 200 when it holds the submission, 404 when not.
export async function statusOnServer(serverUrl, reference, secondFactor) {
  const answer = await fetch(`${serverUrl}/v1/status`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ schema_version: 1, data: { reference, second_factor: secondFactor } }),
  });
  return answer.status;
}

/// Presses Tab until `locator` has focus, as a keyboard user moves through the page.
export async function tabTo(page, locator) {
  for (let i = 0; i < 80; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${locator}`);
}

/// Continue with nothing given, from the keyboard: the error summary takes focus, Tab reaches
/// its first link, Enter moves focus to `field`.
export async function errorSummaryByKeyboard(page, field) {
  await tabTo(page, page.locator("form button[type=submit]"));
  await page.keyboard.press("Enter");
  await expect(page.locator(".error-summary")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.locator(".error-summary a")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator(field)).toBeFocused();
}

/// Continue on a question page.
export const next = (page) => page.locator("form button[type=submit]").click();

/// Fills the day, month and year of date field `id` from "2026-04-27".
export async function date(page, id, iso) {
  const [y, m, d] = iso.split("-");
  await page.locator(`#${id}`).fill(String(Number(d)));
  await page.locator(`#${id}-month`).fill(String(Number(m)));
  await page.locator(`#${id}-year`).fill(y);
}

/// On a journey's start page: downloads the draft, deletes everything the portal keeps, loads
/// the file back; returns the draft as downloaded and as stored after loading.
export async function draftRoundTrip(page, key) {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download your draft" }).click(),
  ]);
  const file = await download.path();
  const { readFile } = await import("node:fs/promises");
  const saved = JSON.parse(await readFile(file, "utf8"));
  await page.getByRole("button", { name: "Delete my data from this browser" }).click();
  await expect(page.locator("main [role=status]").last()).toHaveText(
    "Everything this portal kept in this browser has been deleted.",
  );
  expect(await page.evaluate((k) => localStorage.getItem(k), key), "the draft is deleted").toBeNull();
  await page.locator("#draft-file").setInputFiles(file);
  await expect(page.locator("main [role=status]").last()).toContainText("Your draft has been loaded.");
  const loaded = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), key));
  return { saved, loaded };
}

/// The draft of `journey` in this browser: `seedDraft` writes one as if saved on an earlier
/// visit, `storedDraft` reads it as stored.
export function draftOf(journey) {
  return {
    seedDraft: async (page, answers) => {
      await openPage(page, "/");
      await page.evaluate(
        ([journey, answers]) =>
          localStorage.setItem(
            `ahp:draft:${journey}`,
            JSON.stringify({ journey, version: 1, answers, idempotency_key: "" }),
          ),
        [journey, answers],
      );
    },
    storedDraft: (page) => page.evaluate((journey) => localStorage.getItem(`ahp:draft:${journey}`), journey),
  };
}

/// What the demo service recorded in this browser.
export const storedSubmissions = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem("ahp:mock:store") ?? '{"submissions": []}').submissions);

/// Every key the portal keeps in this browser.
export const portalKeys = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("ahp:")).sort());

/// The draft of `journey`, holding `answers`, sent from "check your answers" at `check` while
/// the service fails, then again once it is back: the failure panel takes focus and says what
/// is kept, every answer and the key stay, and the retry records one submission under that key.
/// The reference it got.
export async function failThenRetry(page, journey, check, answers) {
  const { seedDraft, storedDraft } = draftOf(journey);
  await seedDraft(page, answers);
  await serveConfig(page, { forced_error: "server" });
  await openPage(page, check);
  await page.locator("main button.button").last().click();
  const failure = page.locator(".error-summary[role=alert]");
  await expect(failure).toContainText("The service has a problem at the moment.");
  await expect(failure).toContainText("Your answers are kept");
  await expect(failure).toBeFocused();
  await expectNoAxeViolations(page, "submission failed");
  const draft = JSON.parse(await storedDraft(page));
  expect(draft.answers).toEqual(answers);
  expect(draft.idempotency_key, "the key is kept for the retry").not.toBe("");
  expect(await storedSubmissions(page)).toEqual([]);

  // The service is back: the retry, after a reload, goes under the same key.
  await serveConfig(page);
  await page.reload();
  await page.locator("main button.button").last().click();
  const reference = page.locator(".reference");
  await expect(reference).toBeVisible();
  const submissions = await storedSubmissions(page);
  expect(submissions).toHaveLength(1);
  expect(submissions[0].idempotency_key).toBe(draft.idempotency_key);
  return reference.innerText();
}

/// On a start page with the draft tools: a damaged file, then a draft of journey `other`, are
/// each refused and change nothing, under axe.
export async function refusesDraftFiles(page, journey, other) {
  const { storedDraft } = draftOf(journey);
  const before = await storedDraft(page);
  const input = page.locator("#draft-file");
  const message = page.locator("main [role=status]").last();
  const bad = "This file is not a draft of this form, or it is damaged. Nothing has been changed.";

  const damaged = `{"journey": "${journey}", "vers`;
  await input.setInputFiles({ name: "draft.json", mimeType: "application/json", buffer: Buffer.from(damaged) });
  await expect(message).toHaveText(bad);
  expect(await storedDraft(page)).toBe(before);
  await expectNoAxeViolations(page, "damaged draft file");

  const foreign = { journey: other.journey, version: 1, answers: other.answers, idempotency_key: "" };
  await input.setInputFiles({ name: "other.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(foreign)) });
  await expect(message).toHaveText(bad);
  expect(await storedDraft(page)).toBe(before);
  expect(await draftOf(other.journey).storedDraft(page)).toBeNull();
  await expectNoAxeViolations(page, "another journey's draft refused");
}

/// The reference server for the tests of the file or group that calls this: started before
/// them, stopped after them; its address is `.url` while they run.
export function useReferenceServer(origins) {
  const reference = { url: undefined };
  let server;
  test.beforeAll(async () => {
    ({ server, url: reference.url } = await startReferenceServer(origins));
  });
  test.afterAll(() => server?.kill());
  return reference;
}

/// The reference server (`SERVER_BIN`, built by `.ci/test e2e`) on an ephemeral loopback port
/// with a database of its own, taking requests from `origins`, its "today" fixed to TODAY.
/// The process, to kill after the tests, and its address.
async function startReferenceServer(origins) {
  const bin = process.env.SERVER_BIN ?? "../../target/debug/astana-hub-server";
  const db = join(mkdtempSync(join(tmpdir(), "ahp-e2e-")), "portal.sqlite3");
  const server = spawn(
    bin,
    ["--port", "0", "--today", TODAY, "--db", db, "--quiet", ...origins.flatMap((o) => ["--allow-origin", o])],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  const [line] = await Promise.race([
    createInterface({ input: server.stdout })[Symbol.asyncIterator]().next().then((r) => [r.value]),
    new Promise((_, reject) => setTimeout(() => reject(new Error(`${bin} did not start`)), 10_000)),
  ]);
  return { server, url: line.replace("listening on ", "").trim() };
}
