// The participant journeys: the whole way from the home page to a reference number in each
// language, the fee calculator, the eligibility check, every validation message of the
// application, a backend failure and its retry, a damaged draft file, tracking, the keyboard
// alone; each page clean under axe in its normal and its error state. "Today" is fixed by the
// configuration served here, so the dates never move.
import { expect, test } from "@playwright/test";
import {
  ANSWERS, PORTAL_NAME, draftOf, errorSummaryByKeyboard, expectNoAxeViolations, failThenRetry, openPage, refusesDraftFiles, serveConfig,
  next, storedSubmissions, tabTo,
} from "./helpers.js";

const BIN = "970740000838";
const REFERENCE = /^AH-2026-P-[0-9A-Z]{6}-[0-9A-Z]$/;

test.beforeEach(async ({ page }) => {
  await serveConfig(page);
});

const summary = (page) => page.locator(".error-summary li");

/// A complete application as the draft keeps it (tests/fixtures/answers.json).
const COMPLETE = ANSWERS.apply;

const drafts = draftOf("apply");
/// A draft of the application, as if saved on an earlier visit.
const seedDraft = (page, answers = COMPLETE) => drafts.seedDraft(page, answers);
const { storedDraft } = drafts;

/// Sends the seeded draft from "check your answers"; the reference it got.
async function submitSeeded(page) {
  await openPage(page, "/apply/check");
  await page.locator("main button.button").last().click();
  await expect(page.locator(".reference")).toHaveText(REFERENCE);
  return page.locator(".reference").textContent();
}

// ---- The whole journey, in each language ----

const HEADINGS = {
  en: ["You can apply", "Check your answers before sending your application", "Application sent"],
  kk: ["Сіз өтінім бере аласыз", "Өтінімді жіберер алдында жауаптарыңызды тексеріңіз", "Өтінім жіберілді"],
  ru: ["Вы можете подать заявку", "Проверьте ответы перед отправкой заявки", "Заявка отправлена"],
};

for (const lang of ["en", "kk", "ru"]) {
  test(`the whole journey in ${lang}: home, eligibility, application, reference number`, async ({ page }) => {
    const [eligible, check, sent] = HEADINGS[lang];
    // Axe on each page of the check in English (the application's steps have theirs below);
    // on the result, check and confirmation in each language.
    const axeAll = lang === "en" ? (what) => expectNoAxeViolations(page, what) : async () => {};
    await openPage(page, "/");
    await axeAll("home");
    if (lang !== "en") {
      await page.locator(`header button[lang=${lang}]`).click();
    }
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await page.locator('main a[href$="/eligibility"]').click();
    await expect(page.locator('main a.button[href$="/eligibility/who"]')).toBeVisible();
    await axeAll("eligibility start");
    await page.locator('main a.button[href$="/eligibility/who"]').click();

    await page.locator("#applicant_kind").check();
    await axeAll("who");
    await next(page);
    await page.locator("#resident").check();
    await page.locator("#tax_regime").check();
    await axeAll("company");
    await next(page);
    await page.locator("#in_sez_register-no").check();
    await axeAll("registers");
    await next(page);
    await page.locator("#activities-saas").check();
    await axeAll("activities");
    await next(page);
    await page.locator("#income").fill("10 000 000");
    await axeAll("income");
    await next(page);

    await expect(page.locator("h1")).toHaveText(eligible);
    await expect(page.locator(".panel--success")).toBeVisible();
    await expect(page.locator("main")).toContainText("100\u00a0000\u00a0₸");
    await expect(page.locator(".timeline li")).toHaveCount(3);
    await expectNoAxeViolations(page, `eligible, ${lang}`);
    await page.locator("main button.button").click();

    await page.locator('main a.button[href$="/apply/organisation"]').click();
    await page.locator("#org_name").fill(COMPLETE.org_name);
    await page.locator("#bin").fill(BIN);
    await page.locator("#legal_form").check();
    await page.locator("#reg_date").fill("15");
    await page.locator("#reg_date-month").fill("3");
    await page.locator("#reg_date-year").fill("2018");
    await page.locator("#address").fill(COMPLETE.address);
    await next(page);
    await page.locator("#contact_name").fill(COMPLETE.contact_name);
    await page.locator("#position").fill(COMPLETE.position);
    await page.locator("#email").fill(COMPLETE.email);
    await page.locator("#phone").fill(COMPLETE.phone);
    await next(page);
    // Carried over from the eligibility check.
    await expect(page.locator("#activities-saas")).toBeChecked();
    await next(page);
    await expect(page.locator("#income")).toHaveValue("10 000 000");
    await page.locator("#headcount").fill("12");
    await page.locator("#foreign").fill("2");
    await next(page);
    await page.locator("#description").fill(COMPLETE.description);
    await page.locator("#plan_summary").fill(COMPLETE.plan_summary);
    await next(page);
    await page.locator("#documents").check();
    await next(page);
    await page.locator("#declarations").check();
    await page.locator("#declarations-conditions_met").check();
    await page.locator("#declarations-data_processing").check();
    await next(page);

    await expect(page.locator("h1")).toHaveText(check);
    await expect(page.locator("main")).toContainText(COMPLETE.org_name);
    await expectNoAxeViolations(page, `check your answers, ${lang}`);
    await page.locator("main button.button").last().click();

    await expect(page.locator("h1")).toHaveText(sent);
    const reference = await page.locator(".reference").textContent();
    expect(reference).toMatch(REFERENCE);
    expect(page.url(), "no personal data in the address").not.toContain(BIN);
    await expect(page.locator(".timeline li")).toHaveCount(4);
    await expectNoAxeViolations(page, `confirmation, ${lang}`);
    expect(await storedDraft(page), "the sent draft is gone").toBeNull();

    // Reloaded (or bookmarked): the same confirmation, in the same language.
    await page.reload();
    await expect(page.locator("h1")).toHaveText(sent);
    await expect(page.locator(".reference")).toHaveText(reference);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
  });
}

// ---- Fee calculator and eligibility ----

test("fee calculator: errors on Continue, then a breakdown in tenge", async ({ page }) => {
  await openPage(page, "/fees");
  await expect(page.locator("#year"), "the configured today's year").toHaveValue("2026");
  await expectNoAxeViolations(page, "fees");
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

test("eligibility: an individual entrepreneur is told the Fund decides, and why the portal cannot say", async ({ page }) => {
  await openPage(page, "/eligibility");
  await page.getByRole("button", { name: "Start now" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator(".error-summary")).toContainText("Select who is applying.");
  await expectNoAxeViolations(page, "eligibility question in error");
  await page.getByLabel("An individual entrepreneur").check();
  await page.getByRole("button", { name: "Continue" }).click();
  // That an individual entrepreneur is no legal entity is an inference: no refusal rests on it.
  await expect(page.locator("h1")).toHaveText("The Fund decides whether you can become a participant");
  await expect(page.locator("main")).toContainText("Why the portal cannot say");
  await expect(page.locator("main")).toContainText("Ask the Fund whether an individual entrepreneur can become a participant");
  await page.locator("summary").click();
  await expect(page.locator(".why")).toContainText("An uncertain reading: a warning only, the Fund decides");
  await expectNoAxeViolations(page, "the Fund decides, why opened");
});

test("eligibility: a company outside Kazakhstan on a special regime cannot apply", async ({ page }) => {
  await openPage(page, "/eligibility/who");
  await page.locator("#applicant_kind").check();
  await next(page);
  await next(page);
  await expect(summary(page)).toHaveText([
    "Select yes if the company is registered in Kazakhstan.",
    "Select the company's tax regime.",
  ]);
  await expectNoAxeViolations(page, "company in error");
  await page.locator("#resident-no").check();
  await page.locator("#tax_regime-simplified").check();
  await next(page);
  await next(page);
  await expect(summary(page)).toHaveText([
    "Select yes if the company is in the register of the special economic zone.",
  ]);
  await expectNoAxeViolations(page, "registers in error");
  await page.locator("#in_sez_register-no").check();
  await next(page);
  await next(page);
  await page.locator("#income").fill("1,2,3");
  await page.locator("#priority_share").fill("120");
  await next(page);
  await expect(summary(page)).toHaveCount(2);
  await expect(page.locator("#priority_share-error")).toContainText("Enter a number from 0 to 100.");
  await expectNoAxeViolations(page, "income in error");
  await page.locator("#income").fill("");
  await page.locator("#priority_share").fill("");
  await next(page);
  await expect(page.locator("h1")).toHaveText("You cannot apply yet");
  await expectNoAxeViolations(page, "not eligible");
});

// ---- Every validation message of the application ----

const FIELD_ERRORS = [
  {
    step: "organisation",
    empty: [
      "Enter the organisation's name.",
      "Enter the 12-digit number.",
      "Select the legal form.",
      "Enter the date of registration.",
      "Enter the registered address.",
    ],
    wrong: {
      org_name: "x".repeat(201),
      bin: "123",
      reg_date: "1",
      "reg_date-month": "6",
      "reg_date-year": "2026",
      address: "Astana",
      website: "not a website",
    },
    messages: {
      org_name: "Enter 200 characters or fewer.",
      bin: "The number must have 12 digits. You entered 3 digits.",
      reg_date: "The date of registration must be today or in the past.",
      website: "Enter a website address like www.example.kz.",
    },
    tick: ["#legal_form"],
    again: { org_name: "Qazaq Cloud LLP", bin: BIN, "reg_date-month": "", "reg_date-year": "", website: "" },
    againMessages: { reg_date: "The date must include a day, a month and a year." },
  },
  {
    step: "contact",
    empty: [
      "Enter the contact person's full name.",
      "Enter the contact person's position.",
      "Enter an email address.",
      "Enter a phone number.",
    ],
    wrong: { contact_name: "A", position: "B", email: "name@example", phone: "12345" },
    messages: {
      email: "Enter an email address in the correct format, like name@example.kz.",
      phone: "Enter a Kazakh phone number, like +7 701 234 56 78.",
    },
  },
  { step: "activities", empty: ["Select at least one priority activity."] },
  {
    step: "income",
    empty: [
      "Enter last year's total income.",
      "Enter the number of employees.",
      "Enter the number of foreign specialists, or 0.",
    ],
    wrong: { income: "12x", headcount: "2.5", foreign: "-1" },
    messages: {
      income: 'Use only digits, spaces or commas between thousands, and one decimal point. "x" is not allowed.',
      headcount: "Enter a whole number, using digits only, like 12.",
      foreign: "Enter a number from 0 to 1000000.",
    },
    again: { income: "1 000 000", headcount: "5", foreign: "7" },
    againMessages: { foreign: "Foreign specialists cannot be more than the number of employees." },
  },
  {
    step: "project",
    empty: ["Describe the project.", "Enter a summary of the business plan."],
    wrong: { description: "d".repeat(1001), plan_summary: "p".repeat(2001) },
    messages: { description: "Enter 1000 characters or fewer.", plan_summary: "Enter 2000 characters or fewer." },
  },
  { step: "documents", empty: ["Select at least one document."] },
  {
    step: "declarations",
    empty: ["Confirm all three statements to continue."],
    tick: ["#declarations", "#declarations-data_processing"],
    messages: { declarations: "Confirm all three statements to continue." },
  },
];

/// Fills each field and presses Continue; each message then stands inline and in the summary.
async function expectMessages(page, values, messages) {
  for (const [id, value] of Object.entries(values ?? {})) {
    await page.locator(`#${id}`).fill(value);
  }
  await next(page);
  await expect(page.locator(".error-summary")).toBeFocused();
  for (const [id, message] of Object.entries(messages)) {
    await expect(page.locator(`#${id}-error`)).toHaveText(`Error: ${message}`);
    await expect(page.locator(`.error-summary a[href="#${id}"]`)).toHaveText(message);
  }
  await expect(summary(page)).toHaveCount(Object.keys(messages).length);
  for (const [id, value] of Object.entries(values ?? {})) {
    await expect(page.locator(`#${id}`), "what was typed is kept").toHaveValue(value);
  }
}

for (const s of FIELD_ERRORS) {
  test(`application, ${s.step}: each field's message in the summary and inline, input kept`, async ({ page }) => {
    await openPage(page, `/apply/${s.step}`);
    const title = await page.title();
    await expectNoAxeViolations(page, s.step);
    await next(page);
    await expect(page.locator(".error-summary")).toBeFocused();
    await expect(summary(page)).toHaveText(s.empty);
    await expect(page).toHaveTitle(`Error: ${title}`);
    await expectNoAxeViolations(page, `${s.step} in error`);
    for (const selector of s.tick ?? []) {
      await page.locator(selector).check();
    }
    if (s.messages) {
      await expectMessages(page, s.wrong, s.messages);
    }
    if (s.again) {
      await expectMessages(page, s.again, s.againMessages);
    }
  });
}

// ---- Backend failure, draft files, tracking ----

test("a backend failure keeps every answer; the retry sends exactly one application", async ({ page }) => {
  await failThenRetry(page, "apply", "/apply/check", COMPLETE);
  await expect(page.locator(".reference")).toHaveText(REFERENCE);
});

test("answers the service refuses are marked in their rows and linked to their questions", async ({ page }) => {
  // An activity the list no longer has, in a draft kept from an earlier visit.
  await seedDraft(page, { ...COMPLETE, activities: "saas,teleportation" });
  await openPage(page, "/apply/check");
  await page.locator("main button.button").last().click();
  const failure = page.locator(".error-summary[role=alert]");
  await expect(failure).toContainText("The service did not accept some answers.");
  const question = "Which priority activities does the organisation carry on?";
  const message = "This activity is not on the list of priority activities";
  await expect(failure.getByRole("link")).toHaveText(`${question}: ${message}`);
  const row = page.locator(".summary-list__row", { hasText: question });
  await expect(row.locator(".error-message")).toHaveText(`Error: ${message}`);
  await expect(page.locator(".summary-list .error-message")).toHaveCount(1);
  await expectNoAxeViolations(page, "answers refused");
  await failure.getByRole("link").click();
  await expect(page.locator("h1")).toHaveText("Activities");
  expect(await storedSubmissions(page)).toEqual([]);
});

test("draft files: a damaged or foreign file changes nothing; a good one is loaded", async ({ page }) => {
  await seedDraft(page);
  await openPage(page, "/apply");
  await expectNoAxeViolations(page, "apply start with a draft");
  await refusesDraftFiles(page, "apply", { journey: "acceleration", answers: { team: "x" } });

  const input = page.locator("#draft-file");
  const message = page.locator("main [role=status]");
  const good = { journey: "apply", version: 1, answers: { org_name: "Loaded LLP" }, idempotency_key: "" };
  await input.setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(good)) });
  await expect(message).toHaveText("Your draft has been loaded. Continue with these answers");
  await openPage(page, "/apply/organisation");
  await expect(page.locator("#org_name")).toHaveValue("Loaded LLP");
});

test("tracking: a wrong reference or BIN gets a plain message; the right pair its timeline", async ({ page }) => {
  await seedDraft(page);
  const reference = await submitSeeded(page);

  await openPage(page, "/status");
  await expectNoAxeViolations(page, "status");
  await page.locator("#reference").fill("AH-2026");
  await next(page);
  await expect(summary(page)).toHaveText([
    "Enter the reference number as it is shown on your confirmation, like AH-2026-P-7K3M9Q-A",
    "Enter the BIN, the IIN or the contact email.",
  ]);
  await expectNoAxeViolations(page, "status in error");

  await page.locator("#reference").fill(reference);
  await page.locator("#second_factor").fill("180240000286");
  await next(page);
  await expect(page.locator("main h2.heading-m")).toHaveText("Application or enrolment not found");
  await expect(page.locator("main [role=alert]")).toHaveText(
    "No submission matches this reference number and this BIN, IIN or email. Check both and try again.",
  );
  await expectNoAxeViolations(page, "status not found");

  await page.locator("#second_factor").fill(BIN);
  await next(page);
  await expect(page.locator("main h2.heading-l")).toHaveText(reference);
  await expect(page.locator("main h2.heading-l")).toBeFocused();
  await expect(page.locator(".timeline li")).toHaveCount(4);
  await expectNoAxeViolations(page, "status found");
});

test("a confirmation address opened in another browser says where to look", async ({ page }) => {
  await openPage(page, "/apply/confirmation/AH-2026-P-7K3M9Q-A");
  await expect(page.locator("h1")).toHaveText("No confirmation found in this browser");
  await expectNoAxeViolations(page, "confirmation missing");
});

// ---- The keyboard alone ----

/// Continue, from the keyboard.
async function continueByKeyboard(page) {
  await tabTo(page, page.locator("form button[type=submit]"));
  await page.keyboard.press("Enter");
}

test("keyboard only: from the home page through the eligibility check into the application", async ({ page }) => {
  await openPage(page, "/");
  await tabTo(page, page.locator('main a[href$="/eligibility"]'));
  await page.keyboard.press("Enter");
  await tabTo(page, page.locator('main a.button[href$="/eligibility/who"]'));
  await page.keyboard.press("Enter");

  // Continue with nothing chosen: the summary, its link, the field.
  await expect(page.locator("h1")).toHaveText("Who is applying?");
  await errorSummaryByKeyboard(page, "#applicant_kind");
  await page.keyboard.press("Space");
  await expect(page.locator("#applicant_kind")).toBeChecked();
  await continueByKeyboard(page);

  await tabTo(page, page.locator("#resident"));
  await page.keyboard.press("Space");
  await tabTo(page, page.locator("#tax_regime"));
  await page.keyboard.press("Space");
  await continueByKeyboard(page);
  await expect(page.locator("h1")).toHaveText("Registers and lists");
  await tabTo(page, page.locator("#in_sez_register"));
  await page.keyboard.press("ArrowDown");
  await expect(page.locator("#in_sez_register-no")).toBeChecked();
  await continueByKeyboard(page);
  await tabTo(page, page.locator("#activities-search"));
  await page.keyboard.type("as a service");
  await tabTo(page, page.locator("#activities-saas"));
  await page.keyboard.press("Space");
  await continueByKeyboard(page);
  await tabTo(page, page.locator("#income"));
  await page.keyboard.type("10 000 000");
  await page.keyboard.press("Enter");

  await expect(page.locator("h1")).toHaveText("You can apply");
  await tabTo(page, page.locator("main button.button"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.locator('main a.button[href$="/apply/organisation"]'));
  await page.keyboard.press("Enter");

  await tabTo(page, page.locator("#org_name"));
  await page.keyboard.type(COMPLETE.org_name);
  await page.keyboard.press("Tab");
  await page.keyboard.type(BIN);
  await tabTo(page, page.locator("#legal_form"));
  await page.keyboard.press("Space");
  await tabTo(page, page.locator("#reg_date"));
  for (const part of ["15", "3", "2018"]) {
    await page.keyboard.type(part);
    await page.keyboard.press("Tab");
  }
  await expect(page.locator("#address")).toBeFocused();
  await page.keyboard.type(COMPLETE.address);
  await page.keyboard.press("Enter");
  await expect(page.locator("h1")).toHaveText("Contact person");
  expect(JSON.parse(await storedDraft(page)).answers).toMatchObject({
    org_name: COMPLETE.org_name,
    bin: BIN,
    legal_form: "llp",
    reg_date: "15/3/2018",
    activities: "saas",
    income: "10 000 000",
  });
});
