// Takes the README's screenshots from a running portal: node tests/e2e/screenshots.mjs <base URL>
// Each entry: file name, path, and optional steps to reach the state shown. The entries share one
// browser tab, so an entry can carry on from the one before it.
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:8480";

/// Stores a draft of `journey` in the browser, as if answered on an earlier visit, then opens
/// `path`.
const seeded = (journey, answers, path) => async (page) => {
  await page.evaluate(
    ([journey, answers]) =>
      localStorage.setItem(`ahp:draft:${journey}`, JSON.stringify({ journey, version: 1, answers, idempotency_key: "" })),
    [journey, answers],
  );
  await page.goto(`${base}${path}`);
};

const eligibility = {
  applicant_kind: "legal_entity",
  resident: "yes",
  tax_regime: "general",
  in_sez_register: "no",
  activities: "saas,software_development",
  income: "85 000 000",
};

const application = {
  org_name: "Qazaq Cloud LLP",
  bin: "970740000838",
  legal_form: "llp",
  reg_date: "15/3/2018",
  address: "55/8 Mangilik El Avenue, Astana",
  contact_name: "Aigerim Nurlanovna",
  position: "Director",
  email: "aigerim@example.kz",
  phone: "+7 701 234 56 78",
  activities: "saas,software_development",
  income: "85 000 000",
  headcount: "24",
  foreign: "3",
  description: "Accounting software for small firms in Kazakhstan, sold by subscription.",
  plan_summary: "Two thousand paying firms in three years; a team of twenty-four, three of them from abroad.",
  documents: "charter,registration_certificate,business_plan",
  declarations: "information_true,conditions_met,data_processing",
};

const shots = [
  ["home.png", "/"],
  ["eligibility-result.png", "/", seeded("eligibility", eligibility, "/eligibility/result")],
  ["check-answers.png", "/", seeded("apply", application, "/apply/check")],
  [
    "confirmation.png",
    "/apply/check",
    async (page) => {
      await page.locator("main button.button").last().click();
      await page.locator(".reference").waitFor();
    },
  ],
];

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
for (const [file, path, steps] of shots) {
  await page.goto(`${base}${path}`);
  await page.locator("h1").waitFor();
  if (steps) {
    await steps(page);
    await page.locator("h1").waitFor();
  }
  // Focus moves to the heading after each navigation; its outline is not part of the picture.
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: new URL(`screenshots/${file}`, import.meta.url).pathname, fullPage: true });
  console.log(`screenshots/${file}`);
}
await browser.close();
