// Hostile text in every free-text field of every journey, at 320 px: script injection, HTML,
// text at and beyond each field's limit, right-to-left overrides, zero-width characters, emoji,
// NUL and other control characters (payloads.js). Typed, checked, sent with the mock: no
// script runs, no element is created, check your answers, the confirmation and its printed form
// show the text as typed (trimmed, as the app documents), nothing is wider than the screen,
// and the draft file round trip keeps every answer. Fields that take only some characters
// refuse a payload with their message and keep it. Two rounds per journey rotate the payloads;
// the count of payloads tried goes to results/hardening-payloads.json.
import { mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { date, draftRoundTrip, expectNoAxeViolations, journeysData, next, openPage, serveConfig } from "./helpers.js";
import { FLAG, KINDS, OTHERS, SCRIPTS, expectInert, length, rustTrim, valueFor, watchForPayloads } from "./payloads.js";

const BIN = "970740000838";
// The first page compiles the whole bundle: slow while other builds share the machine.
const COLD = 20_000;
const REFUSABLE = [...SCRIPTS, ...OTHERS.filter((p) => !p.long)];
const RESULTS = new URL("./results/", import.meta.url);
const PER_TEST = new URL("./results/hostile/", import.meta.url);

test.use({ viewport: { width: 320, height: 800 } });

test.beforeEach(async ({ page }, testInfo) => {
  testInfo.setTimeout(120_000);
  await serveConfig(page);
  await watchForPayloads(page);
});

/// What one journey's run typed: each field's value as the page holds it, and the classes.
class Typed {
  constructor(round) {
    this.round = round;
    this.values = {};
    this.kinds = new Set();
    this.tried = 0;
    this.index = 0;
    this.refusals = 0;
  }

  /// Fills free-text field `id` (limit `max`): first beyond the limit, which must be refused
  /// on Continue; the caller presses Continue between `over` and `fill`.
  async over(field, max) {
    const { text } = valueFor(this.index, this.round, max);
    const beyond = text + "y".repeat(max + 1 - length(text));
    await field.fill(beyond);
    this.kinds.add("long");
    this.tried += 1;
    return field.inputValue();
  }

  async fill(field, key, max) {
    const { text, kinds } = valueFor(this.index++, this.round, max);
    await field.fill(text);
    // What the page holds: a single-line input drops line breaks, as every browser does.
    const held = await field.inputValue();
    this.values[key] = held;
    kinds.forEach((k) => this.kinds.add(k));
    this.tried += kinds.length;
    return held;
  }

  /// A field that takes only some characters (limit `max`): the next payload in turn, refused
  /// with `message`, or with the limit's message when it is longer than that, and kept.
  async refused(page, id, message, max) {
    const { kind, text } = REFUSABLE[(this.refusals++ + this.round * 7) % REFUSABLE.length];
    await page.locator(`#${id}`).fill(text);
    this.kinds.add(kind);
    this.tried += 1;
    const payload = await page.locator(`#${id}`).inputValue();
    return { id, payload, message: length(payload) > max ? `Enter ${max} characters or fewer.` : message };
  }
}

/// After Continue: every refusal and every too-long field has its message and keeps its text.
async function expectRefused(page, refusals, long) {
  await expect(page.locator(".error-summary")).toBeFocused();
  for (const { id, payload, message } of refusals) {
    await expect(page.locator(`#${id}-error`)).toContainText(message);
    await expect(page.locator(`#${id}`), `${id} keeps what was typed`).toHaveValue(payload);
  }
  for (const [id, [value, max]] of Object.entries(long)) {
    await expect(page.locator(`#${id}-error`)).toHaveText(`Error: Enter ${max} characters or fewer.`);
    expect(await page.locator(`#${id}`).inputValue(), `${id} keeps the long text`).toBe(value);
  }
  await expectInert(page, "refusals");
}

/// Each step's questions, with their kinds and limits, as the journeys' data has them.
const JOURNEYS = journeysData();

/// The free-text questions of `step` of `journey` that the page shows (typed, with no check of
/// their own), each with its limit.
async function shownFreeText(page, questions) {
  const shown = [];
  for (const q of questions) {
    const free = q.max && !q.checked && (q.kind === "text" || q.kind === "long");
    if (free && (await page.locator(`#${q.id}`).isVisible())) shown.push([q.id, q.max]);
  }
  return shown;
}

/// The limit of question `id` of `step` of `journey`.
const limit = ([journey, step], id) => JOURNEYS[journey][step].find((q) => q.id === id).max;

/// Fills each free-text field of the step `where` ([journey, step]) beyond its limit, with
/// refusals ([id, message]) in the fields that check what they take; Continue; then the real
/// values.
async function freeText(page, typed, where, refusals = [], fix = async () => {}) {
  const [journey, step] = where;
  const fields = await shownFreeText(page, JOURNEYS[journey][step]);
  expect(fields.length + refusals.length, `${journey}/${step} has fields to type into`).toBeGreaterThan(0);
  const long = {};
  for (const [id, max] of fields) {
    long[id] = [await typed.over(page.locator(`#${id}`), max), max];
  }
  const refused = [];
  for (const [id, message] of refusals) refused.push(await typed.refused(page, id, message, limit(where, id)));
  await next(page);
  await expectRefused(page, refused, long);
  for (const [id, max] of fields) await typed.fill(page.locator(`#${id}`), id, max);
  await fix();
  await next(page);
}

/// Check your answers shows each typed value, trimmed, exactly.
async function expectShown(page, typed) {
  const shown = await page.locator(".summary-list__value").evaluateAll((dds) =>
    dds.map((d) => d.textContent.replace(/^ +/, "")),
  );
  for (const [key, value] of Object.entries(typed.values)) {
    expect(shown, `${key} shown as typed`).toContain(rustTrim(value));
  }
}

/// The confirmation, on screen and printed: inert, within the width, clean under axe.
async function expectConfirmation(page, heading, names = []) {
  await expect(page.locator("h1")).toHaveText(heading);
  const main = await page.locator("main").textContent();
  for (const name of names) expect(main, "the name on the confirmation as typed").toContain(name);
  await expectInert(page, "confirmation");
  await expectNoAxeViolations(page, "confirmation");
  await page.emulateMedia({ media: "print" });
  await expectInert(page, "printed confirmation");
  for (const name of names) {
    expect(await page.locator("main").textContent(), "printed as typed").toContain(name);
  }
  await page.emulateMedia({ media: "screen" });
}

/// What this run tried, for the totals written after the last test.
async function record(page, journey, typed) {
  await mkdir(PER_TEST, { recursive: true });
  const scripts_run = await page.evaluate((flag) => (window[flag] ? 1 : 0), FLAG);
  const result = { journey, payloads_tried: typed.tried, scripts_run, kinds: [...typed.kinds] };
  await writeFile(new URL(`${journey}-${typed.round}.json`, PER_TEST), JSON.stringify(result));
}

test.afterAll(async () => {
  // Each worker sums what all the runs wrote; the last to finish leaves the full count.
  const files = await readdir(PER_TEST).catch(() => []);
  const runs = await Promise.all(files.map(async (f) => JSON.parse(await readFile(new URL(f, PER_TEST), "utf8"))));
  const total = { payloads_tried: 0, scripts_run: 0 };
  const kinds = {};
  for (const r of runs) {
    total.payloads_tried += r.payloads_tried;
    total.scripts_run += r.scripts_run;
    (kinds[r.journey] ??= []).push(r);
  }
  await mkdir(RESULTS, { recursive: true });
  const tmp = new URL(`hardening-payloads.${process.pid}.tmp`, RESULTS);
  await writeFile(tmp, JSON.stringify(total) + "\n");
  await rename(tmp, new URL("hardening-payloads.json", RESULTS));
  console.log(`hardening-payloads: ${JSON.stringify(total)} (${runs.length} runs)`);
  // Once a journey's rounds have all run, every class of payload has met it.
  for (const [journey, rs] of Object.entries(kinds)) {
    if (rs.length < ROUNDS) continue;
    const met = new Set(rs.flatMap((r) => r.kinds));
    expect(KINDS.filter((k) => !met.has(k)), `classes ${journey} never met`).toEqual([]);
  }
});

const ROUNDS = 2;

// ---- Participant: the application ----

for (let round = 0; round < ROUNDS; round++) {
  test(`participant, round ${round + 1}: hostile text stays text from the form to the printed record`, async ({ page }) => {
    const typed = new Typed(round);
    await openPage(page, "/apply/organisation", COLD);
    await page.locator("#legal_form").check();
    await date(page, "reg_date", "2018-03-15");
    await freeText(
      page,
      typed,
      ["apply", "organisation"],
      [["bin", "The number may contain only digits."], ["website", "Enter a website address like www.example.kz."]],
      async () => {
        await page.locator("#bin").fill(BIN);
        await page.locator("#website").fill("");
      },
    );
    await expect(page.locator("h1")).toHaveText("Contact person");
    await freeText(
      page,
      typed,
      ["apply", "contact"],
      [["email", "Enter an email address in the correct format"], ["phone", "Enter a Kazakh phone number"]],
      async () => {
        await page.locator("#email").fill("aigerim@example.kz");
        await page.locator("#phone").fill("+7 701 234 56 78");
      },
    );
    await page.locator("#activities-saas").check();
    await next(page);
    await page.locator("#income").fill("10 000 000");
    await page.locator("#headcount").fill("12");
    await page.locator("#foreign").fill("2");
    await next(page);
    await freeText(page, typed, ["apply", "project"]);
    await page.locator("#documents").check();
    await next(page);
    for (const id of ["#declarations", "#declarations-conditions_met", "#declarations-data_processing"]) {
      await page.locator(id).check();
    }
    await next(page);

    await expect(page.locator("h1")).toHaveText("Check your answers before sending your application");
    await expectShown(page, typed);
    await expectInert(page, "check your answers");
    await expectNoAxeViolations(page, "check your answers");

    await openPage(page, "/apply");
    const { saved, loaded } = await draftRoundTrip(page, "ahp:draft:apply");
    expect(loaded.answers, "the loaded draft is the downloaded one").toEqual(saved.answers);
    expect(saved.answers).toMatchObject(typed.values);

    await openPage(page, "/apply/check");
    await expectShown(page, typed);
    await page.locator("main button.button").last().click();
    await expectConfirmation(page, "Application sent");
    await record(page, "participant", typed);
  });
}

// ---- Acceleration: an organisation with housing, then an unincorporated team ----

const cohort = (page, programme, dates) =>
  page.locator("section", { has: page.getByRole("heading", { name: programme }) }).locator("li.cohort", { hasText: dates });

/// One team member: names beyond the limit and an email refused first, then the payloads.
async function member(page, typed, { citizenship, role, housed }) {
  await page.locator("#email").fill("");
  await page.locator("#citizenship").selectOption(citizenship);
  // A team's member from Kazakhstan gives an IIN (a woman born on 6 December 1995).
  if (await page.locator("#iin").count()) await page.locator("#iin").fill("951206400016");
  await page.locator(role).check();
  await page.locator("#key_member").check();
  await page.locator("#full_time").check();
  if (housed) {
    await page.locator("#needs_housing").check();
    await date(page, "first_night", "2026-05-01");
    await date(page, "last_night", "2026-05-10");
  } else if (await page.locator("#needs_housing-no").count()) {
    await page.locator("#needs_housing-no").check();
  }
  const long = {};
  const fields = await shownFreeText(page, JOURNEYS.acceleration.member);
  expect(fields.map(([id]) => id)).toEqual(["given_names", "surname", ...(housed ? ["access_needs"] : [])]);
  for (const [id, max] of fields) long[id] = [await typed.over(page.locator(`#${id}`), max), max];
  const refused = [
    await typed.refused(page, "email", "Enter an email address in the correct format", limit(["acceleration", "member"], "email")),
  ];
  await page.getByRole("button", { name: "Save team member" }).click();
  await expectRefused(page, refused, long);
  const names = {};
  for (const [id, max] of fields) {
    names[id] = await typed.fill(page.locator(`#${id}`), `${id}-${typed.index}`, max);
  }
  await page.locator("#email").fill(`m${typed.index}@example.kz`);
  await page.getByRole("button", { name: "Save team member" }).click();
  await expect(page.locator(".error-summary")).toHaveCount(0);
  return `${rustTrim(names.given_names)} ${rustTrim(names.surname)}`.trim();
}

for (let round = 0; round < ROUNDS; round++) {
  test(`acceleration, round ${round + 1}: hostile text stays text from the team to the printed record`, async ({ page }) => {
    const typed = new Typed(round);
    const team = round === 1;
    await openPage(page, "/acceleration", COLD);
    const [programme, dates] = team ? ["Techpreneurs", "16 April 2026"] : ["Silkway Accelerator", "1 May 2026"];
    await cohort(page, programme, dates).getByRole("button", { name: /Apply for this cohort/ }).click();
    await expect(page.locator("h1")).toHaveText("Who is applying");
    if (team) {
      await page.locator("#applicant_kind-unincorporated_team").check();
      await freeText(page, typed, ["acceleration", "applicant"], [["contact_email", "Enter an email address in the correct format"]], () =>
        page.locator("#contact_email").fill("team@example.kz"),
      );
    } else {
      const refused = [await typed.refused(page, "bin", "The number may contain only digits.", limit(["acceleration", "applicant"], "bin"))];
      await next(page);
      await expectRefused(page, refused, {});
      await page.locator("#bin").fill(BIN);
      await next(page);
    }
    await expect(page.locator("h1")).toHaveText("Your project");
    await page.locator(team ? "#stage" : "#stage-revenue").check();
    await freeText(page, typed, ["acceleration", "project"]);
    await expect(page.locator("h1")).toHaveText("Your team");

    const foreign = [];
    const people = team
      ? [{ citizenship: "DE", role: "#role" }, { citizenship: "KZ", role: "#role-technical_lead" }]
      : [
          { citizenship: "DE", role: "#role", housed: true },
          { citizenship: "KZ", role: "#role-technical_lead" },
          { citizenship: "FR", role: "#role-technical_lead", housed: true },
        ];
    for (const [i, p] of people.entries()) {
      if (i > 0) await page.getByRole("button", { name: "Add another team member" }).click();
      const name = await member(page, typed, p);
      if (p.citizenship !== "KZ") foreign.push(name);
    }
    await expect(page.locator(".add-another__item")).toHaveCount(people.length);
    await expectInert(page, "team list");
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
    await expectShown(page, typed);
    for (const name of foreign) expect(await page.locator("main").textContent()).toContain(name);
    await expectInert(page, "check your answers");
    await expectNoAxeViolations(page, "check your answers");

    await openPage(page, "/acceleration");
    const { saved, loaded } = await draftRoundTrip(page, "ahp:draft:acceleration");
    expect(loaded.answers, "the loaded draft is the downloaded one").toEqual(saved.answers);
    const inDraft = [...strings(saved.answers), ...strings(JSON.parse(saved.answers.team))];
    for (const [key, value] of Object.entries(typed.values)) {
      expect(inDraft, `${key} in the draft as typed`).toContain(value);
    }

    await openPage(page, "/acceleration/check");
    await expectShown(page, typed);
    await page.getByRole("button", { name: "Enrol the team" }).click();
    await expectConfirmation(page, "Enrolment sent", foreign);
    await record(page, "acceleration", typed);
  });
}

/// Every string in a JSON value.
const strings = (v) =>
  typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];

// ---- Visa invitations: a participant's employee at a consulate, then the Fund's at the airport ----

for (let round = 0; round < ROUNDS; round++) {
  test(`invitations, round ${round + 1}: hostile text stays text; passport names refuse it`, async ({ page }) => {
    const typed = new Typed(round);
    await openPage(page, "/invitations", COLD);
    await page.locator("#route-employee").check();
    await next(page);

    await expect(page.locator("h1")).toHaveText("The person to invite");
    await date(page, "date_of_birth", "1985-04-12");
    await page.locator("#sex-male").check();
    await page.locator("#citizenship").selectOption("GB");
    await date(page, "passport_issued", "2022-01-10");
    await date(page, "passport_expires", "2032-06-01");
    // Passport data is Latin letters and digits only: each refuses a payload and keeps it.
    const refused = [
      await typed.refused(page, "surname", "Latin letters", 100),
      await typed.refused(page, "given_names", "Latin letters", 100),
      await typed.refused(page, "passport_number", "Latin capital letters and digits only", 100),
    ];
    await next(page);
    await expectRefused(page, refused, {});
    await page.locator("#surname").fill("SMITH");
    await page.locator("#given_names").fill("JOHN");
    await page.locator("#passport_number").fill("N12345678");
    await next(page);

    await expect(page.locator("h1")).toHaveText("The job");
    // Collection at the airport is for the Fund's own employees only (Art. 7-1(1)).
    await page.locator(round === 0 ? "#employer" : "#employer-fund").check();
    await date(page, "employment_from", "2026-04-20");
    await date(page, "employment_until", "2031-12-31");
    await page.locator("#qualification_documents").check();
    await page.locator("#with_family-no").check();
    await freeText(page, typed, ["invitations", "employment"], [["employer_bin", "The number may contain only digits."]], () =>
      page.locator("#employer_bin").fill(BIN),
    );

    await date(page, "entry_date", "2026-04-20");
    await page.locator("#stay_days").fill("365");
    await date(page, "valid_until", "2031-04-19");
    await page.locator(round === 0 ? "#collection" : "#collection-airport").check();
    await freeText(page, typed, ["invitations", "visa"], [["contact_email", "Enter an email address in the correct format"]], () =>
      page.locator("#contact_email").fill("hr@example.kz"),
    );

    await expect(page.locator("h1")).toHaveText("Check your answers before requesting the invitation");
    await expectShown(page, typed);
    await expectInert(page, "check your answers");
    await expectNoAxeViolations(page, "check your answers");
    // This journey's start page has no draft file tools: the saved draft holds the text as typed.
    const draft = JSON.parse(await page.evaluate(() => localStorage.getItem("ahp:draft:invitations")));
    expect(draft.answers).toMatchObject(typed.values);

    await page.locator("main button.button").last().click();
    await expectConfirmation(page, "Invitation request sent", ["JOHN SMITH"]);
    await record(page, "invitations", typed);
  });
}
