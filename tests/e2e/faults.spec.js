// The fault matrix: each submission kind (an application, an enrolment, an invitation request)
// sent through the HTTP backend to the reference server while the network or the service
// fails in one way: offline, timing out, 500, 503 then success, malformed JSON with a 2xx, field
// errors (422), an idempotency conflict (409). The fault is injected on the submission request
// itself; the attempts after it reach the real server. Each time the page says what happened
// and what to do, keeps every answer (after a reload too), and after the user tries again the
// server holds exactly one record, every attempt under the draft's one idempotency key. A
// conflict is the exception: its key already names a submission, so the page links to that
// one and sends these answers as a new submission, under a new key, when asked.
// The totals go to results/hardening-faults.json.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { ANSWERS, expectNoAxeViolations, serveHttpConfig, useReferenceServer, statusOnServer } from "./helpers.js";
import { ROOT_URL } from "./playwright.config.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const RESULTS = join(HERE, "results", "hardening-faults.json");
// One ledger per run, shared by the workers (their parent is the runner).
const LEDGER = join(tmpdir(), `ahp-faults-${process.ppid}.jsonl`);

// Each attempt is aborted after TIMEOUT_MS; one automatic retry, so a press makes two attempts
// at most when the failure is worth retrying (network, timeout, 502 to 504).
const TIMEOUT_MS = 800;
const RETRIES = 1;
const ATTEMPTS = RETRIES + 1;

const BIN = "970740000838";
/// Each kind: its draft, its pages, its button, the service's path and a real field to refuse.
const KINDS = {
  application: {
    draft: "apply",
    endpoint: "/v1/applications",
    check: "/apply/check",
    checkTitle: "Check your answers before sending your application",
    button: "Accept and send",
    sent: "Application sent",
    kept: 'Press "Accept and send" again',
    answers: (tag) => ({ ...ANSWERS.apply, org_name: `Fault ${tag} LLP`, description: `Accounting software (${tag}).` }),
    refused: { path: "contact.email", answer: "email", fixed: "director@example.kz" },
  },
  enrolment: {
    draft: "acceleration",
    endpoint: "/v1/enrolments",
    check: "/acceleration/check",
    checkTitle: "Check your answers before enrolling",
    button: "Enrol the team",
    sent: "Enrolment sent",
    kept: "Press “Enrol the team” again",
    answers: (tag) => ({ ...ANSWERS.acceleration, project_summary: `Payments for small shops in the regions (${tag}).` }),
    refused: { path: "project_summary", answer: "project_summary", fixed: "Payments for small shops, corrected." },
  },
  invitation: {
    draft: "invitations",
    endpoint: "/v1/invitations",
    check: "/invitations/check",
    checkTitle: "Check your answers before requesting the invitation",
    button: "Request the invitation",
    sent: "Invitation request sent",
    kept: "Press “Request the invitation” again",
    answers: (tag) => ({
      route: "employee", surname: "SMITH", given_names: "JOHN", date_of_birth: "12/4/1985", sex: "male",
      citizenship: "GB", passport_number: "N12345678", passport_issued: "10/1/2022", passport_expires: "1/6/2032",
      employer: "actor", employer_bin: BIN, position: `Engineer ${tag}`, employment_from: "20/4/2026",
      employment_until: "31/12/2031", qualification_documents: "yes", with_family: "no", entry_date: "20/4/2026",
      stay_days: "365", valid_until: "19/4/2031", collection: "consulate", consulate_city: "London",
      consulate_country: "United Kingdom", contact_email: "hr@example.kz",
    }),
    refused: { path: "contact_email", answer: "contact_email", fixed: "visa@example.kz" },
  },
};

const problem = (status, title, errors, extension = {}) => ({
  status,
  contentType: "application/problem+json",
  body: JSON.stringify({ type: "about:blank", title, status, ...(errors ? { errors } : {}), ...extension }),
});

/// The submission a conflict names: made under the key earlier, with other answers.
const EARLIER = "AH-2026-P-7K3M9Q-A";

/// Each fault: what the first press meets (one entry per faulted attempt, in order), what the
/// page then says, and whether the user must change an answer before sending again.
const FAULTS = {
  offline: {
    attempts: Array(ATTEMPTS).fill({ abort: "connectionrefused" }),
    says: "The service cannot be reached. Check your internet connection and try again",
  },
  "aborted connection": {
    attempts: Array(ATTEMPTS).fill({ abort: "connectionreset" }),
    says: "The service cannot be reached. Check your internet connection and try again",
  },
  "timing out": {
    attempts: Array(ATTEMPTS).fill({ hold: TIMEOUT_MS + 400 }),
    says: "The service took too long to answer. Try again: if your submission did arrive, it will not be made twice.",
  },
  "answering 500": {
    attempts: [{ fulfil: problem(500, "Internal Server Error") }],
    says: "The service has a problem at the moment. Try again later",
  },
  // The first press meets 503 on both attempts; the second press meets one more 503 and its
  // automatic retry reaches the server.
  "503 then success": {
    attempts: Array(ATTEMPTS + 1).fill({ fulfil: problem(503, "Service Unavailable") }),
    says: "The service has a problem at the moment. Try again later",
  },
  "malformed JSON with a 2xx": {
    attempts: [{ fulfil: { status: 201, contentType: "application/json", body: '{"schema_version": 1, "data": {"referen' } }],
    says: "The service gave an answer this page cannot read.",
  },
  "field errors": {
    attempts: [{ refuse: true }],
    says: "The service did not accept some answers. Correct the fields marked below and submit again.",
    change: true,
  },
  "an idempotency conflict": {
    attempts: [{ fulfil: problem(409, "Idempotency key reused", undefined, { reference: EARLIER }) }],
    says: `Your earlier submission was received with reference ${EARLIER}. The answers you changed since then were not sent.`,
    sendAsNew: true,
  },
};

test.describe.configure({ timeout: 60_000 });

const server = useReferenceServer([ROOT_URL]);

test.afterAll(() => {
  // Every worker writes the totals so far; the last one to finish has them all.
  const rows = existsSync(LEDGER)
    ? readFileSync(LEDGER, "utf8").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l))
    : [];
  const sum = (f) => rows.reduce((n, r) => n + r[f], 0);
  const totals = { faults_injected: sum("injected"), lost: sum("lost"), duplicated: sum("duplicated") };
  mkdirSync(dirname(RESULTS), { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify(totals)}\n`);
  console.log(`fault matrix: ${rows.length} cases, ${JSON.stringify(totals)}`);
});

test.beforeEach(async ({ page }) => {
  await serveHttpConfig(page, server.url, { timeout_ms: TIMEOUT_MS, retries: RETRIES, retry_backoff_ms: 50 });
});

/// The answers as "check your answers" shows them, without the marks of a refusal.
const rows = (page) =>
  page.locator("main dl").evaluateAll((lists) =>
    lists.map((dl) => {
      const copy = dl.cloneNode(true);
      for (const mark of copy.querySelectorAll("[class*=error]")) mark.remove();
      return copy.textContent.replace(/\s+/g, " ").trim();
    }),
  );

let serial = 0;

for (const [kindName, kind] of Object.entries(KINDS)) {
  for (const [faultName, fault] of Object.entries(FAULTS)) {
    test(`${kindName}: ${faultName}`, async ({ page }) => {
      const tag = `${kindName}-${faultName}-${process.pid}-${serial++}`.replace(/\W+/g, "-");
      const keys = [];
      const created = [];
      const references = new Set();
      let injected = 0;
      const planned = [...fault.attempts];
      await page.route(`${server.url}${kind.endpoint}`, async (route) => {
        const request = route.request();
        keys.push(request.headers()["idempotency-key"]);
        const step = planned.shift();
        if (step) injected += 1;
        if (step?.abort) return route.abort(step.abort);
        if (step?.hold) {
          // Longer than the backend waits: the page gives up on this attempt first.
          await new Promise((resolve) => setTimeout(resolve, step.hold));
          return route.abort("timedout").catch(() => {});
        }
        if (step?.refuse) {
          return route.fulfill(
            problem(422, "Some answers were refused", [{ path: kind.refused.path, code: "api.field.required" }]),
          );
        }
        if (step?.fulfil) return route.fulfill(step.fulfil);
        // To the real server, watching what it answers.
        const answer = await route.fetch();
        if (answer.status() === 201) created.push(answer.status());
        if (answer.ok()) references.add((await answer.json()).data.reference);
        return route.fulfill({ response: answer });
      });

      // Longer than openPage waits: the first page of a test loads a cold bundle on a busy machine.
      await page.goto("/");
      await expect(page.locator("h1")).toBeVisible({ timeout: 20_000 });
      await page.evaluate(
        ([name, answers]) =>
          localStorage.setItem(`ahp:draft:${name}`, JSON.stringify({ journey: name, version: 1, answers, idempotency_key: "" })),
        [kind.draft, kind.answers(tag)],
      );
      await page.goto(kind.check);
      await expect(page.locator("h1")).toHaveText(kind.checkTitle);
      const before = await rows(page);
      expect(before.length).toBeGreaterThan(0);

      await page.getByRole("button", { name: kind.button }).click();
      const panel = page.locator(".error-summary[role=alert]");
      await expect(panel).toBeVisible({ timeout: 10_000 });
      await expect(panel).toBeFocused();
      await expect(panel).toContainText(fault.says);
      // After a conflict the same key can only meet the same refusal: no "press again".
      if (fault.sendAsNew) await expect(panel).not.toContainText(kind.kept);
      else await expect(panel).toContainText(kind.kept);
      if (fault.sendAsNew) {
        await expect(panel.getByRole("link", { name: "Track the earlier submission" })).toHaveAttribute(
          "href",
          new RegExp(`/status\\?reference=${EARLIER}$`),
        );
      }
      // A refusal names the answer to change and links to it.
      const refusedLink = panel.getByRole("link", { name: /This is required/ });
      if (fault.change) await expect(refusedLink).toHaveAttribute("href", /\?change=/);
      await expectNoAxeViolations(page, `${kindName}, ${faultName}`);
      expect(await rows(page), "every answer kept").toEqual(before);

      let expected = before;
      if (fault.sendAsNew) {
        await panel.getByRole("button", { name: "Send these answers as a new submission" }).click();
      } else if (fault.change) {
        // The user follows the link, corrects the answer and comes back to send it.
        await refusedLink.click();
        await page.locator(`#${kind.refused.answer}`).fill(kind.refused.fixed);
        await page.locator("form button[type=submit]").click();
        await expect(page.locator("h1")).toHaveText(kind.checkTitle);
        expected = await rows(page);
        expect(expected.join("\n")).toContain(kind.refused.fixed);
      }
      if (!fault.sendAsNew) {
        await page.reload();
        await expect(page.locator("h1")).toHaveText(kind.checkTitle);
        expect(await rows(page), "every answer kept after a reload").toEqual(expected);
        await page.getByRole("button", { name: kind.button }).click();
      }
      const confirmed = await page
        .locator("h1")
        .filter({ hasText: kind.sent })
        .waitFor({ timeout: 10_000 })
        .then(() => true, () => false);
      const [reference] = references;
      const recorded = reference ? (await statusOnServer(server.url, reference, BIN)) === 200 : false;
      appendFileSync(
        LEDGER,
        `${JSON.stringify({
          case: `${kindName}: ${faultName}`,
          injected,
          lost: confirmed && recorded && created.length > 0 ? 0 : 1,
          duplicated: Math.max(0, created.length - 1, references.size - 1),
        })}\n`,
      );

      expect(confirmed, "the retry was confirmed").toBe(true);
      await expect(page.locator("main")).toContainText(reference);
      expect(recorded, "the server holds the submission").toBe(true);
      expect(created, "exactly one record made").toHaveLength(1);
      expect(references.size, "one reference for the draft").toBe(1);
      expect(injected, "every planned fault met").toBe(fault.attempts.length);
      if (fault.sendAsNew) {
        expect(keys, "exactly one more request, under a new key").toHaveLength(2);
        expect(keys[1]).not.toBe(keys[0]);
      } else {
        expect(new Set(keys).size, "one idempotency key for every attempt").toBe(1);
      }
      for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
    });
  }
}
