// The acceleration journey: the catalogue with its filters and closed cohorts, an enrolment with
// housing and a foreign team member through to a confirmation that survives a reload, the
// refusals (deadline passed, full cohort) and the warnings that let the team go on (team too
// small, housing outside the cohort: uncertain readings, the Fund decides), an individual
// enrolling by IIN in each individuals' programme and the kinds of applicant a programme
// offers, the draft file and "delete my data", tracking an enrolment, the keyboard alone; each
// page clean under axe, in the three languages. "Today" is fixed, so the dates never move.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import {
  ANSWERS, draftOf, errorSummaryByKeyboard, expectNoAxeViolations, openPage, portalKeys, refusesDraftFiles, serveConfig, tabTo,
} from "./helpers.js";

const BIN = "970740000838";
/// A woman born on 6 December 1995 (century and sex digit 4), with a right check digit.
const IIN = "951206400016";

test.beforeEach(async ({ page }) => {
  await serveConfig(page);
});

const { seedDraft, storedDraft } = draftOf("acceleration");

const cohort = (page, programme, dates) =>
  page.locator("section", { has: page.getByRole("heading", { name: programme }) }).locator("li.cohort", { hasText: dates });

async function addMember(page, m) {
  await page.getByLabel("Given names").fill(m.given);
  await page.getByLabel("Surname").fill(m.surname);
  await page.getByLabel("Email address").fill(m.email);
  await page.getByLabel("Citizenship").selectOption(m.citizenship);
  await page.getByRole("group", { name: "Role in the team" }).getByLabel(m.role, { exact: true }).check();
  await page.getByRole("group", { name: "Is this person a key member of the team?" }).getByLabel("Yes").check();
  await page
    .getByRole("group", { name: "Does this person work on the project full time?" })
    .getByLabel(m.fullTime ? "Yes" : "No")
    .check();
  const housing = page.getByRole("group", { name: "Does this person need housing during the programme?" });
  if (m.nights) {
    await housing.getByLabel("Yes").check();
    for (const [name, [d, mo, y]] of [["First night", m.nights[0]], ["Last night", m.nights[1]]]) {
      const group = page.getByRole("group", { name });
      await group.getByLabel("Day").fill(d);
      await group.getByLabel("Month").fill(mo);
      await group.getByLabel("Year").fill(y);
    }
    await page.getByLabel("Access needs (optional)").fill("Step-free access");
  } else if (await housing.count()) {
    await housing.getByLabel("No").check();
  }
  await page.getByRole("button", { name: "Save team member" }).click();
}

async function startSilkway(page) {
  await openPage(page, "/acceleration");
  await cohort(page, "Silkway Accelerator", "1 May 2026").getByRole("button", { name: /Apply for this cohort/ }).click();
  await expect(page.locator("h1")).toHaveText("Who is applying");
  await page.getByLabel("Business identification number (BIN)").fill(BIN);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Your project");
  await page.getByLabel("Earning revenue").check();
  await page.getByLabel("Describe the project").fill("Payments for small shops in the regions.");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Your team");
}

test("the catalogue lists every programme with closed cohorts marked, and filters by kind and stage", async ({ page }) => {
  await openPage(page, "/acceleration");
  await expect(page.getByRole("status").filter({ hasText: "Showing" })).toHaveText("Showing 6 of 6 programmes.");
  await expect(page.locator("main")).toContainText("Art. 8-1(5-1)");
  const full = cohort(page, "Silkway Accelerator", "16 February 2026");
  await expect(full).toContainText("Closed: the cohort is full");
  await expect(full.getByRole("button")).toHaveCount(0);
  const late = cohort(page, "Techpreneurs", "12 March 2026");
  await expect(late).toContainText("Closed: the deadline has passed");
  await expect(late.getByRole("button")).toHaveCount(0);
  await expect(cohort(page, "Hero Training", "5 June 2026")).toContainText("Not open yet: opens on 1 April 2026");
  await expectNoAxeViolations(page, "catalogue");

  await page.getByLabel("Who is applying").selectOption("unincorporated_team");
  await expect(page.locator("main section h2")).toHaveText(["Techpreneurs"]);
  await page.getByLabel("Stage of the project").selectOption("scaling");
  await expect(page.getByText("Showing 0 of 6 programmes.")).toBeVisible();
  await page.getByLabel("Who is applying").selectOption("");
  await expect(page.getByText("Showing 4 of 6 programmes.")).toBeVisible();
});

test("a full enrolment with housing and a foreign member, to a confirmation that survives a reload", async ({ page }) => {
  await startSilkway(page);
  await expectNoAxeViolations(page, "team, empty");
  await addMember(page, { given: "Aigerim", surname: "Sadykova", email: "aigerim@example.kz", citizenship: "KZ", role: "Project manager", fullTime: true });
  await expect(page.getByRole("status").filter({ hasText: "added" })).toHaveText("Aigerim Sadykova added to the team.");
  await expect(page.getByRole("heading", { name: "Aigerim Sadykova" })).toBeFocused();
  await page.getByRole("button", { name: "Add another team member" }).click();
  await expect(page.getByLabel("Given names")).toBeFocused();
  await addMember(page, {
    given: "Jonas", surname: "Weber", email: "jonas@example.de", citizenship: "DE", role: "Developer",
    fullTime: true, nights: [["1", "5", "2026"], ["10", "5", "2026"]],
  });
  await page.getByRole("button", { name: "Add another team member" }).click();
  await addMember(page, { given: "Dana", surname: "Omarova", email: "dana@example.kz", citizenship: "KZ", role: "Designer", fullTime: false });
  await expect(page.locator(".add-another__item")).toHaveCount(3);
  await expectNoAxeViolations(page, "team with three members");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  await expect(page.locator("main")).toContainText("Germany");
  await expect(page.locator(".panel", { hasText: "Visa invitations" })).toContainText("Jonas Weber (Germany)");
  await expectNoAxeViolations(page, "check your answers");
  await page.getByRole("button", { name: "Enrol the team" }).click();

  await expect(page.locator("h1")).toHaveText("Enrolment sent");
  const reference = await page.locator(".reference").innerText();
  expect(reference).toMatch(/^AH-/);
  await expect(page).not.toHaveURL(/Weber|Jonas|970740000838/);
  await expect(page.locator("main")).toContainText("Silkway Accelerator");
  await expectNoAxeViolations(page, "confirmation");
  await page.reload();
  await expect(page.locator(".reference")).toHaveText(reference);

  await page.getByRole("button", { name: "Start an invitation request Jonas Weber" }).click();
  // The trainee's route opens with what the enrolment knows, carried by the draft, not the address.
  await expect(page).toHaveURL(/\/invitations$/);
  await expect(page.locator("#route")).toBeChecked();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("#surname")).toHaveValue("Weber");
  await expect(page.locator("#given_names")).toHaveValue("Jonas");
  await expect(page.locator("#citizenship")).toHaveValue("DE");
  await expect(page).not.toHaveURL(/Weber|Jonas/);
  const draft = await page.evaluate(() => JSON.parse(localStorage.getItem("ahp:draft:invitations")));
  expect(draft.answers).toMatchObject({ route: "trainee", programme: "Silkway Accelerator", cohort: "silkway-next" });
});

test("housing outside the cohort's dates only warns: the Fund decides, and the enrolment goes through", async ({ page }) => {
  await startSilkway(page);
  await addMember(page, { given: "Aigerim", surname: "Sadykova", email: "aigerim@example.kz", citizenship: "KZ", role: "Project manager", fullTime: true });
  await page.getByRole("button", { name: "Add another team member" }).click();
  await addMember(page, {
    given: "Jonas", surname: "Weber", email: "jonas@example.de", citizenship: "DE", role: "Developer",
    fullTime: true, nights: [["25", "4", "2026"], ["3", "5", "2026"]],
  });
  // The Law leaves housing to the Fund's operating rules: the dates are no reason to refuse.
  await expect(page.locator(".error-summary")).toHaveCount(0);
  await page.getByRole("button", { name: "Add another team member" }).click();
  await addMember(page, { given: "Dana", surname: "Omarova", email: "dana@example.kz", citizenship: "KZ", role: "Designer", fullTime: false });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  const warnings = page.locator("[data-warnings]");
  await expect(warnings).toContainText("The Fund will decide on these points");
  await expect(warnings).toContainText("The night of 25 April 2026 is outside the programme");
  await expectNoAxeViolations(page, "housing outside the cohort, a warning");
  await page.getByRole("button", { name: "Enrol the team" }).click();
  await expect(page.locator("h1")).toHaveText("Enrolment sent");
  await expect(page.locator(".reference")).toHaveText(/^AH-/);
});

test("a team smaller than the catalogue says only warns, in Russian too, and can still enrol", async ({ page }) => {
  await startSilkway(page);
  await addMember(page, { given: "Aigerim", surname: "Sadykova", email: "aigerim@example.kz", citizenship: "KZ", role: "Project manager", fullTime: true });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  await expect(page.locator("[data-warnings]")).toContainText("The team must have at least 3 key members. You listed 1.");
  await expect(page.getByRole("button", { name: "Enrol the team" })).toBeVisible();
  await expectNoAxeViolations(page, "team too small, a warning");
  await page.getByRole("button", { name: "Русский" }).click();
  await expect(page.locator("[data-warnings]")).toContainText("Вы указали 1");
  await expectNoAxeViolations(page, "team too small, ru");
});

for (const [name, cohortId, programme, text] of [
  ["a deadline passed", "techpreneurs-autumn", "techpreneurs", "The deadline for this cohort was 25 February 2026"],
  ["a full cohort", "silkway-current", "silkway", "All 20 places in this cohort are taken"],
]) {
  test(`${name}: a saved draft for that cohort cannot be sent`, async ({ page }) => {
    const member = { given_names: "Aigerim", surname: "Sadykova", email: "a@example.kz", citizenship: "KZ", role: "project_manager", key_member: "yes", full_time: "yes", needs_housing: "no" };
    const team = [member, { ...member, given_names: "Dana" }, { ...member, given_names: "Ivan" }];
    await seedDraft(page, {
      programme, cohort: cohortId, team_allowed: "no", bin: BIN, stage: programme === "silkway" ? "revenue" : "idea",
      project_summary: "A project.", team: JSON.stringify(team),
    });
    await page.goto("/acceleration/check");
    await expect(page.locator("h1")).toHaveText("You cannot enrol in this cohort");
    await expect(page.locator("main")).toContainText(text);
    await expectNoAxeViolations(page, name);
  });
}

for (const [lang, button, heading, closed] of [
  ["kk", "Қазақша", "Акселерация бағдарламалары", "Жабық"],
  ["ru", "Русский", "Программы акселерации", "Закрыт"],
]) {
  test(`the catalogue and the steps in ${lang}`, async ({ page }) => {
    await openPage(page, "/acceleration");
    await page.getByRole("button", { name: button }).click();
    await expect(page.locator("h1")).toHaveText(heading);
    await expect(page.locator("li.cohort").filter({ hasText: closed }).first()).toBeVisible();
    await expectNoAxeViolations(page, `catalogue in ${lang}`);
    await page.locator("li.cohort button").first().click();
    await page.locator("form button[type=submit]").click();
    await expect(page.locator(".error-summary")).toBeFocused();
    await expectNoAxeViolations(page, `applicant step with errors in ${lang}`);
  });
}

// ---- Individuals (Art. 8-1(5-1), (5-8)): people undergo acceleration too ----

for (const [programme, dates, housed] of [
  ["Hero Training", "21 April 2026", true],
  ["Tech Orda", "11 May 2026", false],
]) {
  test(`an individual enrols in ${programme} with their IIN, to a reference tracked by the IIN`, async ({ page }) => {
    await openPage(page, "/acceleration");
    await cohort(page, programme, dates).getByRole("button", { name: /Apply for this cohort/ }).click();
    await expect(page.locator("h1")).toHaveText("Who is applying");
    // The programme takes individuals only: nothing to choose, a person's details to give.
    await expect(page.locator("#applicant_kind")).toHaveCount(0);
    await expect(page.locator("#bin")).toHaveCount(0);
    await expect(page.locator("#iin-hint")).toContainText("An individual entrepreneur is registered under their own IIN");

    const iin = page.getByLabel("Individual identification number (IIN)");
    for (const [typed, says] of [
      [BIN, "This looks like a BIN, a company's number. Enter the person's IIN."],
      [IIN.slice(0, 11) + "7", "The last digit does not match the others. Check the number for a typing error."],
    ]) {
      await iin.fill(typed);
      await page.getByRole("button", { name: "Continue" }).click();
      await expect(page.locator(".error-summary")).toBeFocused();
      await expect(page).toHaveTitle(/^Error: /);
      await expect(page.locator(".error-summary li").first()).toHaveText(says);
      await expect(page.locator("#iin-error")).toContainText(says);
      await expectNoAxeViolations(page, `${programme}: IIN refused (${says})`);
    }
    await iin.fill(IIN.replace(/(\d{6})(\d{6})/, "$1 $2"));
    await page.getByLabel("Full name").fill("Aigerim Sadykova");
    await page.getByLabel("Contact email address").fill("aigerim@example.kz");
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.locator("h1")).toHaveText("Your project");
    await page.getByLabel("Idea", { exact: true }).check();
    await page.getByLabel("Describe the project").fill("A mobile app for learning to code in Kazakh.");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.locator("h1")).toHaveText("Your team");
    await addMember(page, {
      given: "Aigerim", surname: "Sadykova", email: "aigerim@example.kz", citizenship: "KZ", role: "Developer",
      fullTime: true, nights: housed ? [["21", "4", "2026"], ["24", "4", "2026"]] : undefined,
    });
    await page.getByRole("button", { name: "Continue" }).click();

    await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
    await expect(page.locator("main")).toContainText(programme);
    await expect(page.locator("main")).toContainText("951206 400016");
    await expect(page.locator("main")).toContainText("Aigerim Sadykova");
    await expectNoAxeViolations(page, `${programme}: check your answers`);
    await page.getByRole("button", { name: "Enrol the team" }).click();

    await expect(page.locator("h1")).toHaveText("Enrolment sent");
    const ref = await page.locator(".reference").innerText();
    expect(ref).toMatch(/^AH-2026-E-/);
    await expect(page).not.toHaveURL(new RegExp(IIN));
    await expect(page.locator("main")).toContainText("with the BIN, IIN or contact email you gave");
    await expectNoAxeViolations(page, `${programme}: confirmation`);

    await page.getByRole("link", { name: "Track this enrolment" }).click();
    await expect(page.locator("#second_factor-hint")).toContainText("the IIN of an individual or an individual entrepreneur");
    await page.locator("#second_factor").fill(IIN);
    await page.locator("form button[type=submit]").click();
    await expect(page.locator("main h2.heading-l")).toHaveText(ref);
    await expect(page.locator("main")).toContainText("Enrolment in an acceleration programme");
    await expectNoAxeViolations(page, `${programme}: enrolment found by the IIN`);
  });
}

test("a programme that takes several kinds offers each; a team gives the IIN of each member from Kazakhstan", async ({ page }) => {
  await openPage(page, "/acceleration");
  await cohort(page, "Techpreneurs", "16 April 2026").getByRole("button", { name: /Apply for this cohort/ }).click();
  const who = page.getByRole("group", { name: "Which of these is applying?" });
  await expect(who.getByRole("radio")).toHaveCount(4);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary li")).toHaveText(["Select who is applying"]);
  await expectNoAxeViolations(page, "who is applying, nothing chosen");

  // An individual entrepreneur is known by their IIN, and is told when they type a BIN.
  await who.getByLabel("An individual entrepreneur").check();
  await page.getByLabel("Individual identification number (IIN)").fill(BIN);
  await page.getByLabel("Full name").fill("Dana Omarova");
  await page.getByLabel("Contact email address").fill("dana@example.kz");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary li")).toHaveText(["This looks like a BIN, a company's number. Enter the person's IIN."]);

  // A company's BIN field refuses an IIN, the mirror of the person's.
  await who.getByLabel("A company (legal entity), with a BIN").check();
  await page.getByLabel("Business identification number (BIN)").fill(IIN);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary li")).toHaveText(["This looks like an IIN, a person's number. Enter the BIN of the company."]);
  await expectNoAxeViolations(page, "BIN refused: an IIN");

  await who.getByLabel("A team that is not yet a company").check();
  await page.getByLabel("Name of the team or project").fill("Qazaq Robotics");
  await page.getByLabel("Contact email address").fill("team@example.kz");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Your project");
  await page.getByLabel("Prototype", { exact: true }).check();
  await page.getByLabel("Describe the project").fill("Warehouse robots.");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.locator("h1")).toHaveText("Your team");
  await page.getByLabel("Citizenship").selectOption("DE");
  await expect(page.locator("#iin")).toHaveCount(0);
  await page.getByLabel("Citizenship").selectOption("KZ");
  await expect(page.locator("#iin-hint")).toHaveText("Asked of citizens of Kazakhstan. 12 digits; the first six are the date of birth.");
  await addMember(page, { given: "Dana", surname: "Omarova", email: "dana@example.kz", citizenship: "KZ", role: "Project manager", fullTime: true });
  await expect(page.locator(".error-summary li")).toHaveText(["Enter the person's IIN"]);
  await expectNoAxeViolations(page, "team member without an IIN");
  await page.locator("#iin").fill(IIN);
  await page.getByRole("button", { name: "Save team member" }).click();
  await page.getByRole("button", { name: "Add another team member" }).click();
  await addMember(page, { given: "Jonas", surname: "Weber", email: "jonas@example.de", citizenship: "DE", role: "Developer", fullTime: true });
  await expect(page.locator(".add-another__item")).toHaveCount(2);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  await expect(page.locator("main")).toContainText(IIN);
  await page.getByRole("button", { name: "Enrol the team" }).click();
  await expect(page.locator("h1")).toHaveText("Enrolment sent");
});

test("a team whose member from Kazakhstan was saved without an IIN is sent back to add it", async ({ page }) => {
  const dana = { given_names: "Dana", surname: "Omarova", email: "dana@example.kz", citizenship: "KZ", role: "project_manager", key_member: "yes", full_time: "yes" };
  await seedDraft(page, {
    programme: "techpreneurs", cohort: "techpreneurs-winter", team_allowed: "yes",
    applicant_kinds: "legal_entity,individual_entrepreneur,individual", applicant_kind: "unincorporated_team",
    team_name: "Qazaq Robotics", contact_email: "team@example.kz", stage: "prototype", project_summary: "Warehouse robots.",
    team: JSON.stringify([dana, { ...dana, given_names: "Jonas", surname: "Weber", email: "jonas@example.de", citizenship: "DE", role: "developer" }]),
  });
  await openPage(page, "/acceleration/check");
  await expect(page.locator("h1")).toHaveText("Your team");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.locator(".error-summary li")).toHaveText(["Add what is missing for Dana Omarova: choose Change beside their name"]);
  await expectNoAxeViolations(page, "team member without an IIN, in the list");
  await page.getByRole("button", { name: "Change Dana Omarova" }).click();
  await page.locator("#iin").fill(IIN);
  await page.getByRole("button", { name: "Save team member" }).click();
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  await expect(page.locator("main")).toContainText(IIN);
});

// ---- Drafts, "delete my data", tracking ----


/// An enrolment in Silkway's next cohort that the rules accept, as the draft keeps it
/// (tests/fixtures/answers.json).
const COMPLETE = ANSWERS.acceleration;


/// Sends the seeded draft from "check your answers"; the reference it got.
async function enrolSeeded(page) {
  await openPage(page, "/acceleration/check");
  await page.getByRole("button", { name: "Enrol the team" }).click();
  await expect(page.locator("h1")).toHaveText("Enrolment sent");
  return page.locator(".reference").innerText();
}

test("draft file: downloaded, then loaded back after deleting everything, it restores the answers", async ({ page }) => {
  await seedDraft(page, COMPLETE);
  await openPage(page, "/acceleration");
  await expect(page.getByRole("link", { name: "Continue your enrolment" })).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download your draft" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("astana-hub-enrolment.json");
  const file = await download.path();
  const saved = JSON.parse(await readFile(file, "utf8"));
  expect(saved).toMatchObject({ journey: "acceleration", version: 2, answers: COMPLETE });

  await page.getByRole("button", { name: "Delete my data from this browser" }).click();
  await expect(page.locator("main [role=status]").last()).toHaveText("Everything this portal kept in this browser has been deleted.");
  expect(await portalKeys(page)).toEqual([]);
  await expect(page.getByRole("link", { name: "Continue your enrolment" })).toHaveCount(0);

  await page.locator("#draft-file").setInputFiles(file);
  const message = page.locator("main [role=status]").last();
  await expect(message).toHaveText("Your draft has been loaded. Continue with these answers");
  // The loaded answers are the draft's next change: a new revision, dated today.
  expect(JSON.parse(await storedDraft(page))).toMatchObject({ ...saved, revision: saved.revision + 1, saved_on: "2026-03-02" });
  await expect(page.getByRole("link", { name: "Continue your enrolment" })).toBeVisible();
  await expectNoAxeViolations(page, "draft loaded");
  await message.getByRole("link").click();
  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  await expect(page.locator("main")).toContainText("Dana Omarova");
  await expect(page.locator("main")).toContainText(BIN);
});

test("draft file: a damaged file or a participant application's draft is refused and changes nothing", async ({ page }) => {
  await seedDraft(page, COMPLETE);
  await openPage(page, "/acceleration");
  await refusesDraftFiles(page, "acceleration", { journey: "apply", answers: { org_name: "Qazaq Cloud LLP", bin: BIN } });
});

test("delete my data: no draft, confirmation, language or demo record is left, and the page says what went", async ({ page }) => {
  await seedDraft(page, COMPLETE);
  const reference = await enrolSeeded(page);
  await page.getByRole("button", { name: "Русский" }).click();
  await page.getByRole("button", { name: "English" }).click();
  await seedDraft(page, { programme: "silkway", cohort: "silkway-next", team_allowed: "no" });
  expect(await portalKeys(page)).toEqual(
    expect.arrayContaining(["ahp:draft:acceleration", `ahp:enrolment:${reference}`, "ahp:lang", "ahp:mock:store"]),
  );

  await openPage(page, "/acceleration");
  await expect(page.locator("main")).toContainText("the submissions it recorded are removed too");
  await page.getByRole("button", { name: "Delete my data from this browser" }).click();
  await expect(page.locator("main [role=status]").last()).toHaveText("Everything this portal kept in this browser has been deleted.");
  expect(await portalKeys(page)).toEqual([]);
  await expect(page.getByRole("link", { name: "Continue your enrolment" })).toHaveCount(0);
  await expectNoAxeViolations(page, "data deleted");

  await openPage(page, `/acceleration/confirmation/${reference}`);
  await expect(page.locator("h1")).toHaveText("No enrolment found in this browser");
});

/// A reference of kind `kind` with a right check character (the rule of src/api/reference.rs).
function reference(year, kind, serial) {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const values = [...String(year)].map(Number).concat([...(kind + serial)].map((c) => alphabet.indexOf(c)));
  const sum = values.reduce((s, v, i) => s + (i + 1) * v, 0);
  return `AH-${year}-${kind}-${serial}-${alphabet[sum % 31]}`;
}

test("tracking: the confirmation links to the enrolment's status; a wrong reference gets a plain message", async ({ page }) => {
  await seedDraft(page, COMPLETE);
  const ref = await enrolSeeded(page);
  expect(ref).toMatch(/^AH-2026-E-/);
  await page.getByRole("link", { name: "Track this enrolment" }).click();
  await expect(page.locator("h1")).toHaveText("Track an application, enrolment or visa invitation");
  await expect(page.locator("#reference")).toHaveValue(ref);
  await page.locator("#second_factor").fill("9707 4000 0838");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("main h2.heading-l")).toHaveText(ref);
  await expect(page.locator("main h2.heading-l")).toBeFocused();
  await expect(page.locator("main")).toContainText("Enrolment in an acceleration programme");
  await expect(page.locator(".timeline li")).toHaveCount(4);
  await expectNoAxeViolations(page, "enrolment found");

  const unknown = reference(2026, "E", "22222Z");
  await page.locator("#reference").fill(unknown);
  await page.locator("form button[type=submit]").click();
  await expect(page.locator("main h2.heading-m")).toHaveText("Application or enrolment not found");
  await expect(page.locator("main [role=alert]")).toHaveText(
    "No submission matches this reference number and this BIN, IIN or email. Check both and try again.",
  );
  await expectNoAxeViolations(page, "enrolment not found");

  // One character mistyped: the check character catches it before anything is asked.
  await page.locator("#reference").fill(ref.slice(0, -3) + (ref.at(-3) === "2" ? "3" : "2") + ref.slice(-2));
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".error-summary li")).toHaveText([
    "This reference number has a typing error: check each character against your confirmation",
  ]);
  await expectNoAxeViolations(page, "reference mistyped");

  // An application is tracked with its BIN only.
  await page.locator("#reference").fill(reference(2026, "P", "7K3M9Q"));
  await page.locator("#second_factor").fill("team@example.kz");
  await page.locator("form button[type=submit]").click();
  await expect(page.locator(".error-summary li")).toHaveText([
    "An application for participant status is tracked with the organisation's BIN, not an email.",
  ]);
});

// ---- The keyboard alone ----

/// One team member's form, from the keyboard: names, email, citizenship, role (`roleSteps`
/// arrow presses from the first), key member, full time or not, housing nights or none.
async function memberByKeyboard(page, m) {
  await tabTo(page, page.locator("#given_names"));
  await page.keyboard.type(m.given);
  await page.keyboard.press("Tab");
  await page.keyboard.type(m.surname);
  await page.keyboard.press("Tab");
  await page.keyboard.type(m.email);
  await page.keyboard.press("Shift+Tab");
  await expect(page.locator("#surname")).toBeFocused();
  await tabTo(page, page.locator("#citizenship"));
  await page.keyboard.type(m.country);
  await expect(page.locator("#citizenship")).toHaveValue(m.citizenship);
  await tabTo(page, page.locator("#role"));
  await page.keyboard.press("Space");
  for (let i = 0; i < m.roleSteps; i++) await page.keyboard.press("ArrowDown");
  await tabTo(page, page.locator("#key_member"));
  await page.keyboard.press("Space");
  await tabTo(page, page.locator("#full_time"));
  await page.keyboard.press(m.fullTime ? "Space" : "ArrowDown");
  await tabTo(page, page.locator("#needs_housing"));
  if (m.nights) {
    await page.keyboard.press("Space");
    for (const [id, parts] of [["#first_night", m.nights[0]], ["#last_night", m.nights[1]]]) {
      await tabTo(page, page.locator(id));
      for (const part of parts) {
        await page.keyboard.type(part);
        await page.keyboard.press("Tab");
      }
    }
  } else {
    await page.keyboard.press("ArrowDown");
  }
  await tabTo(page, page.getByRole("button", { name: "Save team member" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: `${m.given} ${m.surname}` })).toBeFocused();
}

test("keyboard only: from the catalogue to the confirmation, then tracking the enrolment", async ({ page }) => {
  await openPage(page, "/acceleration");
  await tabTo(page, cohort(page, "Silkway Accelerator", "1 May 2026").getByRole("button", { name: /Apply for this cohort/ }));
  await page.keyboard.press("Enter");

  // Continue with nothing typed: the summary, its link, the field.
  await expect(page.locator("h1")).toHaveText("Who is applying");
  await errorSummaryByKeyboard(page, "#bin");
  await page.keyboard.type(BIN);
  await page.keyboard.press("Enter");

  await expect(page.locator("h1")).toHaveText("Your project");
  await tabTo(page, page.locator("#stage"));
  await page.keyboard.press("Space");
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
  await expect(page.locator("#stage-revenue")).toBeChecked();
  await tabTo(page, page.locator("#project_summary"));
  await page.keyboard.type("Payments for small shops in the regions.");
  await tabTo(page, page.locator("form button[type=submit]"));
  await page.keyboard.press("Enter");

  await expect(page.locator("h1")).toHaveText("Your team");
  await memberByKeyboard(page, {
    given: "Aigerim", surname: "Sadykova", email: "aigerim@example.kz", country: "Kazakhstan", citizenship: "KZ",
    roleSteps: 0, fullTime: true,
  });
  for (const m of [
    { given: "Jonas", surname: "Weber", email: "jonas@example.de", country: "Germany", citizenship: "DE", roleSteps: 2, fullTime: true, nights: [["1", "5", "2026"], ["10", "5", "2026"]] },
    { given: "Dana", surname: "Omarova", email: "dana@example.kz", country: "Kazakhstan", citizenship: "KZ", roleSteps: 3, fullTime: false },
  ]) {
    await tabTo(page, page.getByRole("button", { name: "Add another team member" }));
    await page.keyboard.press("Enter");
    await memberByKeyboard(page, m);
  }
  await expect(page.locator(".add-another__item")).toHaveCount(3);
  await tabTo(page, page.getByRole("button", { name: "Continue", exact: true }));
  await page.keyboard.press("Enter");

  await expect(page.locator("h1")).toHaveText("Check your answers before enrolling");
  await expect(page.locator(".panel", { hasText: "Visa invitations" })).toContainText("Jonas Weber (Germany)");
  await tabTo(page, page.getByRole("button", { name: "Enrol the team" }));
  await page.keyboard.press("Enter");

  await expect(page.locator("h1")).toHaveText("Enrolment sent");
  const ref = await page.locator(".reference").innerText();
  await tabTo(page, page.getByRole("link", { name: "Track this enrolment" }));
  await page.keyboard.press("Enter");
  await expect(page.locator("#reference")).toHaveValue(ref);
  await tabTo(page, page.locator("#second_factor"));
  await page.keyboard.type(BIN);
  await page.keyboard.press("Enter");
  await expect(page.locator("main h2.heading-l")).toHaveText(ref);
});
