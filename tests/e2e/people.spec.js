// Tried as three people, each the whole way to a reference number: a founder on a 320 px phone
// in Kazakh with the keyboard alone, through the eligibility check into the application; a
// trainee from abroad whose passport name has letters the machine-readable zone lacks, in
// English; a Russian-speaking employer inviting an employee with a spouse and two children.
// The answers come from tests/fixtures/answers.json and the questions from the journeys' data;
// every page passed is checked in its accessibility tree (landmarks, one h1, every control
// named) as well as by axe.
import { expect, test } from "@playwright/test";
import { ANSWERS, expectNoAxeViolations, journeysData, next, openPage, serveConfig, tabTo } from "./helpers.js";

const JOURNEYS = journeysData();
const REFERENCE = /^AH-2026-[PV]-[0-9A-Z]{6}-[0-9A-Z]$/;
const ROLES = "textbox|checkbox|radio|combobox|button|link|searchbox|spinbutton|listbox";
const UNNAMED = new RegExp(`^\\s*- (${ROLES})(?: \\[[^\\]]*\\])?(?::.*)?$`);

test.beforeEach(async ({ page }, testInfo) => {
  testInfo.setTimeout(180_000);
  await serveConfig(page);
});

/// The page as assistive technology reads it: banner, main and footer landmarks, one level-one
/// heading, and a name on every control; then axe.
async function expectReadable(page, where) {
  await expect(page.locator("h1")).toBeVisible();
  const lines = (await page.locator("body").ariaSnapshot()).split("\n");
  for (const landmark of ["banner", "main", "contentinfo"]) {
    expect(lines.some((l) => l.trim().startsWith(`- ${landmark}`)), `${where}: the ${landmark} landmark`).toBe(true);
  }
  expect(lines.filter((l) => /- heading .*\[level=1\]/.test(l)), `${where}: one h1`).toHaveLength(1);
  expect(lines.filter((l) => UNNAMED.test(l.trimEnd())), `${where}: controls without a name`).toEqual([]);
  await expectNoAxeViolations(page, where);
}

/// The questions of the step the address names ("/apply/contact" is the apply journey's
/// "contact"), as the journeys' data lists them.
function questionsAt(page, journey) {
  const slug = new URL(page.url()).pathname.split("/").pop();
  const questions = JOURNEYS[journey][slug];
  expect(questions, `${journey} has a step "${slug}"`).toBeDefined();
  return questions;
}

const shown = (page, q) => page.locator(`#${q.id}`).isVisible();

/// Answers each question the page shows from `answers`, with the keyboard alone: Tab to the
/// field, type; Space or the arrow keys for choices.
async function answerByKeyboard(page, questions, answers) {
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined || !(await shown(page, q))) continue;
    if (q.kind === "date") {
      await tabTo(page, page.locator(`#${q.id}`));
      for (const [i, part] of value.split("/").entries()) {
        if (i > 0) await page.keyboard.press("Tab");
        await page.keyboard.type(part);
      }
    } else if (q.kind === "radios" || q.kind === "yes_no") {
      await tabTo(page, page.locator(`#${q.id}`));
      await page.keyboard.press("Space");
      const wanted = page.locator(`input[name=${q.id}][value="${value}"]`);
      for (let i = 0; i < 10 && !(await wanted.isChecked()); i++) await page.keyboard.press("ArrowDown");
      await expect(wanted).toBeChecked();
    } else if (q.kind === "checks") {
      for (const v of value.split(",")) {
        await tabTo(page, page.locator(`input[name=${q.id}][value="${v}"]`));
        await page.keyboard.press("Space");
      }
    } else {
      await tabTo(page, page.locator(`#${q.id}`));
      await page.keyboard.type(value);
    }
  }
}

/// Answers each question the page shows from `answers`, as most people do.
async function answer(page, questions, answers) {
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined || !(await shown(page, q))) continue;
    const field = page.locator(`#${q.id}`);
    if (q.kind === "date") {
      const [d, m, y] = value.split("/");
      await field.fill(d);
      await page.locator(`#${q.id}-month`).fill(m);
      await page.locator(`#${q.id}-year`).fill(y);
    } else if (q.kind === "radios" || q.kind === "yes_no") {
      await page.locator(`input[name=${q.id}][value="${value}"]`).check();
    } else if (q.kind === "checks") {
      for (const v of value.split(",")) await page.locator(`input[name=${q.id}][value="${v}"]`).check();
    } else if (q.kind === "select" || q.kind === "country") {
      await field.selectOption(value);
    } else {
      await field.fill(value);
    }
  }
}

async function continueByKeyboard(page) {
  await tabTo(page, page.locator("form button[type=submit]"));
  await page.keyboard.press("Enter");
}

/// Steps of `journey` until its address leaves them for `end`, each read and answered.
async function walk(page, journey, answers, end, { keyboard = false } = {}) {
  for (let i = 0; i < 10 && !new URL(page.url()).pathname.endsWith(end); i++) {
    const slug = new URL(page.url()).pathname.split("/").pop();
    await expectReadable(page, `${journey}/${slug}`);
    const questions = questionsAt(page, journey);
    const before = page.url();
    if (keyboard) {
      await answerByKeyboard(page, questions, answers);
      await continueByKeyboard(page);
    } else {
      await answer(page, questions, answers);
      await next(page);
    }
    await expect(page).not.toHaveURL(before);
  }
  await expect(page).toHaveURL(new RegExp(`${end}$`));
}

test.describe("a founder on a phone, in Kazakh, with the keyboard alone", () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test("from the home page through the eligibility check to an application's reference", async ({ page }) => {
    await openPage(page, "/");
    await tabTo(page, page.locator("header button[lang=kk]"));
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "kk");
    await expectReadable(page, "home");
    await tabTo(page, page.locator('main a[href$="/eligibility"]'));
    await page.keyboard.press("Enter");
    await expectReadable(page, "eligibility start");
    await tabTo(page, page.locator('main a.button[href$="/eligibility/who"]'));
    await page.keyboard.press("Enter");
    await walk(page, "eligibility", ANSWERS.eligibility, "/eligibility/result", { keyboard: true });

    await expectReadable(page, "eligibility result");
    await tabTo(page, page.locator("main button.button"));
    await page.keyboard.press("Enter");
    await expectReadable(page, "application start, its sections not started");
    await expect(page.locator(".task-list .tag").first()).toHaveText("Басталмаған");
    await tabTo(page, page.locator('main a.button[href$="/apply/organisation"]'));
    await page.keyboard.press("Enter");
    await expect(page.locator(".caption")).toHaveText("7 қадамның 1-қадамы");
    await walk(page, "apply", ANSWERS.apply, "/apply/check", { keyboard: true });

    await expectReadable(page, "check your answers");
    await tabTo(page, page.locator("main button.button").last());
    await page.keyboard.press("Enter");
    await expect(page.locator(".reference")).toHaveText(REFERENCE);
    await expectReadable(page, "confirmation");
    // Nothing is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});

test("a trainee from abroad, in English, with a name the passport zone spells otherwise", async ({ page }) => {
  const trainee = { ...ANSWERS.invitations, surname: "Müller", given_names: "Zoë" };
  await openPage(page, "/invitations");
  await expectReadable(page, "invitations start");
  await page.locator("#route").check();
  await next(page);

  await expectReadable(page, "person");
  await answer(page, questionsAt(page, "invitations"), trainee);
  await next(page);
  await expect(page.locator("#surname-error")).toContainText("for example MUELLER");
  await expect(page.locator("#given_names-error")).toContainText("for example ZOE");
  await expectReadable(page, "person, names refused with a suggestion");
  await page.locator("#surname").fill("MUELLER");
  await page.locator("#given_names").fill("ZOE");
  await next(page);

  await walk(page, "invitations", trainee, "/invitations/check");
  await expectReadable(page, "check your answers");
  await page.locator("main button.button").last().click();
  await expect(page.locator(".reference")).toHaveText(REFERENCE);
  await expect(page.locator("main")).toContainText("ZOE MUELLER");
  await expectReadable(page, "confirmation");
});

test("an employer, in Russian, invites an employee with a spouse and two children", async ({ page }) => {
  const employee = {
    ...ANSWERS.invitations,
    route: "employee", surname: "SMITH", given_names: "JOHN", date_of_birth: "12/4/1985", citizenship: "GB",
    employer: "actor", employer_bin: "970740000838", position: "Engineer", employment_from: "20/4/2026",
    employment_until: "31/12/2031", qualification_documents: "yes", with_family: "yes", entry_date: "20/4/2026",
    stay_days: "365", valid_until: "19/4/2031", consulate_city: "London", consulate_country: "United Kingdom",
    contact_email: "hr@example.kz",
  };
  const person = { sex: "female", citizenship: "GB", passport_issued: "10/1/2022", passport_expires: "1/6/2032" };
  const family = [
    { ...person, relationship: "spouse", surname: "SMITH", given_names: "MARY", date_of_birth: "3/2/1987", passport_number: "P1234567" },
    { ...person, relationship: "child", surname: "SMITH", given_names: "TOM", date_of_birth: "5/5/2015", sex: "male", passport_number: "P2345678" },
    { ...person, relationship: "child", surname: "SMITH", given_names: "ANNA", date_of_birth: "9/9/2018", passport_number: "P3456789" },
  ];
  await openPage(page, "/invitations");
  await page.locator("header button[lang=ru]").click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ru");
  await page.locator("#route-employee").check();
  await expectReadable(page, "invitations start, its sections");
  await next(page);
  await walk(page, "invitations", employee, "/invitations/family");

  await expectReadable(page, "family, the first member's form");
  for (const [i, member] of family.entries()) {
    if (i > 0) await page.locator("button[id$='-add']").click();
    await answer(page, JOURNEYS.invitations.member, member);
    await page.locator(".add-another__form button[type=submit]").click();
    await expect(page.locator(".add-another__item")).toHaveCount(i + 1);
  }
  await expect(page.locator(".add-another__list")).toContainText("Ребёнок до 18 лет");
  await expectReadable(page, "family of three");
  await page.getByRole("button", { name: "Продолжить", exact: true }).click();

  await expect(page).toHaveURL(/\/invitations\/check$/);
  await expectReadable(page, "check your answers");
  await page.locator("main button.button").last().click();
  await expect(page.locator(".reference")).toHaveText(REFERENCE);
  for (const name of ["JOHN SMITH", "MARY SMITH", "TOM SMITH", "ANNA SMITH"]) {
    await expect(page.locator("main")).toContainText(name);
  }
  await expectReadable(page, "confirmation");
});
