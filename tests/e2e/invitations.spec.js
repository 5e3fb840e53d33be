// The visa invitation journey: a trainee in English, Kazakh and Russian, an employee with a
// spouse and two children, an extension, and each refusal of the visa rules saying what would
// be accepted, every page and state clean under axe. Passport data never reaches the address,
// the title or the console. "Today" is fixed (2 March 2026), so the dates never move.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import {
  ANSWERS,
  date,
  next,
  draftOf,
  expectNoAxeViolations,
  failThenRetry,
  portalKeys,
  refusesDraftFiles,
  serveConfig,
} from "./helpers.js";

const BIN = "970740000838";
const PASSPORT = "N12345678";

test.beforeEach(async ({ page }, testInfo) => {
  // Whole journeys with axe on every page in every state.
  testInfo.setTimeout(120_000);
  await serveConfig(page);
});


/// The first page of a test: a cold browser compiles the whole bundle, slow on a busy machine.
async function openPage(page, path) {
  await page.goto(path);
  await expect(page.locator("h1")).toBeVisible({ timeout: 20_000 });
}

/// The passport questions, on the person page or in a family member's form.
async function passport(page, p) {
  await page.locator("#surname").fill(p.surname);
  await page.locator("#given_names").fill(p.given);
  await date(page, "date_of_birth", p.born);
  await page.locator(p.sex === "female" ? "#sex" : "#sex-male").check();
  await page.locator("#citizenship").selectOption(p.citizenship ?? "GB");
  await page.locator("#passport_number").fill(p.number ?? PASSPORT);
  await date(page, "passport_issued", p.issued ?? "2022-01-10");
  await date(page, "passport_expires", p.expires ?? "2032-06-01");
}

/// Watches the address, the title and the console for the passport number.
function watchForPassport(page) {
  const leaks = [];
  page.on("console", (m) => m.text().includes(PASSPORT) && leaks.push(`console: ${m.text()}`));
  page.on("framenavigated", (f) => f.url().includes(PASSPORT) && leaks.push(`url: ${f.url()}`));
  return async () => {
    expect(await page.title()).not.toContain(PASSPORT);
    expect(leaks).toEqual([]);
  };
}

async function submitAndConfirm(page, heading, names) {
  await page.locator("main button.button").last().click();
  await expect(page.locator("h1")).toHaveText(heading);
  const reference = await page.locator(".reference").innerText();
  expect(reference).toMatch(/^AH-2026-V-/);
  for (const name of names) await expect(page.locator("main")).toContainText(name);
  await expectNoAxeViolations(page, "confirmation");
  await page.reload();
  await expect(page.locator(".reference")).toHaveText(reference);
  return reference;
}

const HEADINGS = {
  en: ["Request a visa invitation", "The person to invite", "Check your answers before requesting the invitation", "Invitation request sent"],
  kk: ["Визалық шақыру сұрау", "Шақырылатын адам", "Шақыру сұрамас бұрын жауаптарыңызды тексеріңіз", "Шақыру өтініші жіберілді"],
  ru: ["Запрос визового приглашения", "Приглашаемый", "Проверьте ответы перед запросом приглашения", "Запрос приглашения отправлен"],
};

for (const lang of ["en", "kk", "ru"]) {
  test(`a trainee's invitation in ${lang}, then tracked on the status page`, async ({ page }) => {
    const [start, person, check, sent] = HEADINGS[lang];
    const clean = watchForPassport(page);
    await openPage(page, "/invitations");
    if (lang !== "en") await page.locator(`header button[lang=${lang}]`).click();
    await expect(page.locator("h1")).toHaveText(start);
    await expect(page.locator("main")).toContainText(lang === "en" ? "Art. 8-1(5-5)" : "8-1");
    await expectNoAxeViolations(page, `start, ${lang}`);
    await next(page);
    await expect(page.locator(".error-summary")).toBeVisible();
    await expectNoAxeViolations(page, `start with an error, ${lang}`);
    await page.locator("#route").check();
    await next(page);

    await expect(page.locator("h1")).toHaveText(person);
    await next(page);
    await expect(page.locator(".error-summary li")).toHaveCount(8);
    await expectNoAxeViolations(page, `person, every answer missing, ${lang}`);
    await passport(page, { surname: "Weber", given: "Jonas", born: "1998-07-14", sex: "male", citizenship: "DE" });
    await expectNoAxeViolations(page, `person, ${lang}`);
    await next(page);

    await page.locator("#programme").selectOption("Silkway Accelerator");
    await page.locator("#cohort").selectOption("techpreneurs-autumn");
    await next(page);
    await expect(page.locator("#cohort-error")).toBeVisible();
    await expectNoAxeViolations(page, `programme, a cohort of another programme, ${lang}`);
    await page.locator("#cohort").selectOption("silkway-next");
    // The cohort as people read it: its programme and dates in the chosen language.
    const cohort = await page.locator('#cohort option[value="silkway-next"]').innerText();
    expect(cohort).toMatch(/^Silkway Accelerator: .*2026.*2026/);
    expect(cohort).not.toContain("silkway-next");
    await expectNoAxeViolations(page, `programme, ${lang}`);
    await next(page);

    await next(page);
    await expect(page.locator(".error-summary li")).toHaveCount(5);
    await expectNoAxeViolations(page, `visa, every answer missing, ${lang}`);
    await date(page, "entry_date", "2026-04-27");
    await page.locator("#stay_days").fill("60");
    await date(page, "valid_until", "2026-07-30");
    await page.locator("#collection").check();
    await page.locator("#consulate_city").fill("Berlin");
    await page.locator("#consulate_country").fill("Germany");
    await page.locator("#contact_email").fill("jonas@example.de");
    await expectNoAxeViolations(page, `visa, ${lang}`);
    await next(page);

    await expect(page.locator("h1")).toHaveText(check);
    await expect(page.locator("main")).toContainText("Weber");
    await expect(page.locator("main")).toContainText(cohort);
    await expectNoAxeViolations(page, `check, ${lang}`);
    const reference = await submitAndConfirm(page, sent, ["Jonas Weber"]);
    await clean();

    await page.goto("/status");
    await page.locator("#reference").fill(reference);
    await page.locator("#second_factor").fill("jonas@example.de");
    await next(page);
    await expect(page.locator("main h2.heading-l")).toHaveText(reference);
    await expectNoAxeViolations(page, `status, ${lang}`);
  });
}

test("an employee with a spouse and two children, one reference for the family", async ({ page }) => {
  const clean = watchForPassport(page);
  await openPage(page, "/invitations");
  await page.locator("#route-employee").check();
  await next(page);
  await passport(page, { surname: "SMITH", given: "JOHN", born: "1985-04-12", sex: "male" });
  await next(page);

  await expect(page.locator("h1")).toHaveText("The job");
  await next(page);
  await expectNoAxeViolations(page, "job, every answer missing");
  await page.locator("#employer").check();
  await page.locator("#employer_bin").fill(BIN);
  await page.locator("#position").fill("Engineer");
  await date(page, "employment_from", "2026-04-20");
  await date(page, "employment_until", "2031-12-31");
  await page.locator("#qualification_documents").check();
  await page.locator("#with_family").check();
  await next(page);

  await date(page, "entry_date", "2026-04-20");
  await page.locator("#stay_days").fill("365");
  await date(page, "valid_until", "2031-04-19");
  await page.locator("#collection").check();
  await page.locator("#consulate_city").fill("London");
  await page.locator("#consulate_country").fill("United Kingdom");
  await page.locator("#contact_email").fill("hr@example.kz");
  await next(page);

  await expect(page.locator("h1")).toHaveText("Family members");
  await expectNoAxeViolations(page, "family, empty form");
  await page.getByRole("button", { name: "Save family member" }).click();
  await expect(page.locator(".error-summary")).toBeVisible();
  await expectNoAxeViolations(page, "family member, every answer missing");
  const family = [
    { rel: "#relationship", surname: "SMITH", given: "MARY", born: "1987-02-03", sex: "female", number: "P1234567" },
    { rel: "#relationship-child", surname: "SMITH", given: "TOM", born: "2015-05-05", sex: "male", number: "P2345678" },
    { rel: "#relationship-child", surname: "SMITH", given: "ANNA", born: "2018-09-09", sex: "female", number: "P3456789" },
  ];
  for (const [i, m] of family.entries()) {
    if (i > 0) await page.getByRole("button", { name: "Add another family member" }).click();
    await page.locator(m.rel).check();
    await passport(page, m);
    await page.getByRole("button", { name: "Save family member" }).click();
  }
  await expect(page.locator(".add-another__item")).toHaveCount(3);
  await expectNoAxeViolations(page, "family of three");
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.locator("h1")).toHaveText("Check your answers before requesting the invitation");
  await expect(page.locator("main")).toContainText("Child under 18");
  await expectNoAxeViolations(page, "check, employee with family");
  const reference = await submitAndConfirm(page, "Invitation request sent", ["JOHN SMITH", "MARY SMITH", "TOM SMITH", "ANNA SMITH"]);
  await expect(page.locator("main")).toContainText("employer's BIN");
  await clean();

  // Tracked with the employer's BIN, from the confirmation's link with the reference filled in.
  await page.getByRole("link", { name: "Track an application, enrolment or visa invitation" }).last().click();
  await expect(page.locator("#reference")).toHaveValue(reference);
  await expect(page.locator("main")).toContainText("A visa invitation: the employer's BIN, or for a trainee the contact email");
  await page.locator("#second_factor").fill(BIN);
  await next(page);
  await expect(page.locator("main h2.heading-l")).toHaveText(reference);
  await expect(page.locator("main")).toContainText("Visa invitation request");
  await expectNoAxeViolations(page, "status, employee's invitation");
});

test("an extension without leaving Kazakhstan asks nothing about collecting the visa", async ({ page }) => {
  await openPage(page, "/invitations");
  await page.locator("#route-extension").check();
  await next(page);
  await passport(page, { surname: "SMITH", given: "JOHN", born: "1985-04-12", sex: "male" });
  await next(page);
  await page.locator("#employer").check();
  await page.locator("#employer_bin").fill(BIN);
  await page.locator("#position").fill("Engineer");
  await date(page, "employment_from", "2025-01-15");
  await date(page, "employment_until", "2028-12-31");
  await page.locator("#qualification_documents").check();
  await page.locator("#with_family-no").check();
  await next(page);
  await expect(page.locator("#collection")).toHaveCount(0);
  await date(page, "entry_date", "2026-03-10");
  await page.locator("#stay_days").fill("365");
  await date(page, "valid_until", "2028-12-31");
  await page.locator("#contact_email").fill("hr@example.kz");
  await expectNoAxeViolations(page, "visa, extension");
  await next(page);
  await expect(page.locator("h1")).toHaveText("Check your answers before requesting the invitation");
  await submitAndConfirm(page, "Invitation request sent", ["JOHN SMITH"]);
});

// ---- Refusals ----

test("names in Cyrillic are refused with their Latin spelling, Kazakh letters included", async ({ page }) => {
  await openPage(page, "/invitations");
  await page.locator("#route").check();
  await next(page);
  await passport(page, { surname: "Смирнова", given: "Гүлнұр", born: "1998-07-14", sex: "female" });
  await next(page);
  await expect(page.locator("#surname-error")).toContainText("for example SMIRNOVA");
  await expect(page.locator("#given_names-error")).toContainText("for example GULNUR");
  await expect(page.locator(".error-summary")).toContainText("SMIRNOVA");
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, "Cyrillic names");
  await page.locator("#citizenship").selectOption("KZ");
  await next(page);
  await expect(page.locator("#citizenship-error")).toContainText("Citizens of Kazakhstan need no visa invitation");
});

test("Latin names with diacritics are refused with their machine readable spelling", async ({ page }) => {
  await openPage(page, "/invitations");
  await page.locator("#route").check();
  await next(page);
  await passport(page, { surname: "Müller", given: "Zoë", born: "1998-07-14", sex: "female" });
  await next(page);
  await expect(page.locator("#surname-error")).toContainText("for example MUELLER");
  await expect(page.locator("#given_names-error")).toContainText("for example ZOE");
  await expect(page.locator("#surname")).toHaveValue("Müller");
});

/// An employee's request that the rules accept, as a saved draft; `change` alters it.
const EMPLOYEE = {
  route: "employee", surname: "SMITH", given_names: "JOHN", date_of_birth: "12/4/1985", sex: "male",
  citizenship: "GB", passport_number: PASSPORT, passport_issued: "10/1/2022", passport_expires: "1/6/2032",
  employer: "actor", employer_bin: BIN, position: "Engineer", employment_from: "20/4/2026",
  employment_until: "31/12/2031", qualification_documents: "yes", with_family: "no", entry_date: "20/4/2026",
  stay_days: "365", valid_until: "19/4/2031", collection: "consulate", consulate_city: "London",
  consulate_country: "United Kingdom", contact_email: "hr@example.kz",
};

const member = (more) =>
  JSON.stringify([{
    relationship: "spouse", surname: "SMITH", given_names: "MARY", date_of_birth: "3/2/1987", sex: "female",
    citizenship: "GB", passport_number: "P1234567", passport_issued: "10/1/2022", passport_expires: "1/6/2032", ...more,
  }]);

const REFUSALS = [
  ["a passport expiring too soon", { passport_expires: "1/6/2031" }, "with this passport the visa can end on 1 March 2031 at the latest", "/invitations/person"],
  ["more than five years", { valid_until: "20/4/2031" }, "at most 5 years: it can end on 19 April 2031 at the latest", "/invitations/visa"],
  ["an entry too soon", { entry_date: "5/3/2026" }, "the last day was 26 February 2026", "/invitations/visa"],
  ["an entry too far ahead", { entry_date: "1/7/2026" }, "can be filed from 2 April 2026", "/invitations/visa"],
  [
    "a dependant without a document",
    { with_family: "yes", family: member({ relationship: "dependant", supporting_document: "no" }) },
    "Family member 1: a dependant needs documents that prove the dependency",
    "/invitations/family",
  ],
];

for (const [what, change, says, fix] of REFUSALS) {
  test(`refused: ${what}, saying what would be accepted and where to change it`, async ({ page }) => {
    await openPage(page, "/");
    await page.evaluate((answers) => {
      localStorage.setItem(
        "ahp:draft:invitations",
        JSON.stringify({ journey: "invitations", version: 1, answers, idempotency_key: "" }),
      );
    }, { ...EMPLOYEE, ...change });
    await page.goto("/invitations/check");
    await expect(page.locator("h1")).toHaveText("This request cannot be filed yet");
    const item = page.locator("main .list--bullet li", { hasText: says });
    await expect(item).toBeVisible();
    await expectNoAxeViolations(page, `refused: ${what}`);
    await item.getByRole("link", { name: "Change this answer" }).click();
    await expect(page).toHaveURL(new RegExp(`${fix}\\?change=1$`));
  });
}

test("an uncertain reading only warns: a family member outlasting the employee goes through to a reference number", async ({ page }) => {
  await openPage(page, "/");
  await page.evaluate((answers) => {
    localStorage.setItem(
      "ahp:draft:invitations",
      JSON.stringify({ journey: "invitations", version: 1, answers, idempotency_key: "" }),
    );
  }, { ...EMPLOYEE, with_family: "yes", valid_until: "19/4/2030", family: member({ member_valid_until: "19/4/2031" }) });
  await page.goto("/invitations/check");
  await expect(page.locator("h1")).toHaveText("Check your answers before requesting the invitation");
  const warnings = page.locator("[data-warnings]");
  await expect(warnings).toContainText("The Fund will decide on these points");
  await expect(warnings).toContainText("Family member 1: the visa would last longer than the employee's, which ends on 19 April 2030");
  await expectNoAxeViolations(page, "a warning on check your answers");
  // "Why?" names the kind of each check.
  await page.getByText("Why? The rules applied").click();
  await expect(page.locator(".why")).toContainText("An uncertain reading: a warning only, the Fund decides");
  await page.getByRole("button", { name: "Request the invitation" }).click();
  await expect(page.locator("h1")).toHaveText("Invitation request sent");
  await expect(page.locator(".reference")).toHaveText(/^AH-/);
  await expectNoAxeViolations(page, "sent with a warning");
});

// ---- Draft files, "delete my data", a backend failure ----

/// A trainee's request the visa rules accept, as the draft keeps it (tests/fixtures/answers.json).
const COMPLETE = ANSWERS.invitations;

const { seedDraft, storedDraft } = draftOf("invitations");

test("draft file: downloaded, then loaded back after deleting everything, it restores the answers", async ({ page }) => {
  await seedDraft(page, COMPLETE);
  await openPage(page, "/invitations");
  await expect(page.locator("#route")).toBeChecked();
  await expectNoAxeViolations(page, "start with a draft");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download your draft" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("astana-hub-invitation.json");
  const file = await download.path();
  const saved = JSON.parse(await readFile(file, "utf8"));
  expect(saved).toMatchObject({ journey: "invitations", version: 2, answers: COMPLETE });

  const message = page.locator("main [role=status]").last();
  await page.getByRole("button", { name: "Delete my data from this browser" }).click();
  await expect(message).toHaveText("Everything this portal kept in this browser has been deleted.");
  expect(await portalKeys(page)).toEqual([]);
  await expect(page.locator("#route")).not.toBeChecked();
  await expectNoAxeViolations(page, "data deleted");
  // The form drawn afresh writes nothing back until something is answered.
  expect(await portalKeys(page)).toEqual([]);

  await page.locator("#draft-file").setInputFiles(file);
  await expect(message).toHaveText("Your draft has been loaded. Continue with these answers");
  // The loaded answers are the draft's next change: a new revision, dated today.
  expect(JSON.parse(await storedDraft(page))).toMatchObject({ ...saved, revision: saved.revision + 1, saved_on: "2026-03-02" });
  await expect(page.locator("#route")).toBeChecked();
  await expectNoAxeViolations(page, "draft loaded");
  await message.getByRole("link").click();
  await expect(page.locator("h1")).toHaveText("Check your answers before requesting the invitation");
  await expect(page.locator("main")).toContainText("Weber");
  await expect(page.locator("main")).toContainText("jonas@example.de");
});

test("draft file: a damaged file or an enrolment's draft is refused and changes nothing", async ({ page }) => {
  await seedDraft(page, COMPLETE);
  await openPage(page, "/invitations");
  await refusesDraftFiles(page, "invitations", { journey: "acceleration", answers: { programme: "silkway", cohort: "silkway-next" } });
});

test("a backend failure keeps every answer; the retry sends exactly one request", async ({ page }) => {
  expect(await failThenRetry(page, "invitations", "/invitations/check", COMPLETE)).toMatch(/^AH-2026-V-/);
  await expect(page.locator("h1")).toHaveText("Invitation request sent");
});
