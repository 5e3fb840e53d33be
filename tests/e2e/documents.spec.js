// Documents, for real: on the application's documents page a PDF and a JPEG are sent through
// the backend, listed with their name as plain text, size and SHA-256, named by the submission
// and listed on check your answers and the confirmation. Through the mock the bytes kept in the
// browser's IndexedDB are the bytes chosen (same SHA-256). A renamed executable, a 6 MB file and
// an empty file are refused with the limit they break, and nothing is kept; a name with markup,
// right-to-left marks and 300 characters shows inert; "delete my data" empties the store. Each
// state is clean under axe.
import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  ANSWERS, draftOf, expectNoAxeViolations, openPage, serveConfig, serveHttpConfig, useReferenceServer, storedSubmissions,
} from "./helpers.js";
import { ROOT_URL } from "./playwright.config.js";
import { FLAG, OTHERS, SCRIPTS, expectInert, watchForPayloads } from "./payloads.js";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from("JFIF\0 a tiny picture"), Buffer.from([0xff, 0xd9])]);
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const { seedDraft, storedDraft } = draftOf("apply");

test.beforeEach(async ({ page }) => {
  await watchForPayloads(page);
});

/// The bytes the mock keeps under `id` in IndexedDB, as a hex SHA-256; "reloading" while the
/// page is being replaced (asked again by the polls).
async function heldHash(page, id) {
  return page.evaluate(async (id) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open("ahp-mock-documents", 1);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const blob = await new Promise((resolve, reject) => {
      const r = db.transaction("documents").objectStore("documents").get(id);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    if (!blob) return null;
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
    return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
  }, id).catch((e) => (/context was destroyed|navigation/.test(String(e)) ? "reloading" : Promise.reject(e)));
}

test.describe("through the mock", () => {
  test.beforeEach(async ({ page }) => {
    await serveConfig(page);
  });

  test("a PDF and a JPEG are sent, kept byte for byte, and listed to the confirmation with their hash", async ({ page }) => {
    await seedDraft(page, ANSWERS.apply);
    await openPage(page, "/apply/documents");
    await expectNoAxeViolations(page, "documents, none sent");

    await page.locator("#document-business_plan").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: PDF });
    const plan = page.locator(".upload", { has: page.locator("#document-business_plan") });
    await expect(plan.locator(".upload__file")).toContainText(`plan.pdf (0.0 MB), SHA-256 ${sha256(PDF).slice(0, 12)}`);
    await page.locator("#document-pitch_deck").setInputFiles({ name: "deck.jpg", mimeType: "image/jpeg", buffer: JPEG });
    const deck = page.locator(".upload", { has: page.locator("#document-pitch_deck") });
    await expect(deck.locator(".upload__file")).toContainText(sha256(JPEG).slice(0, 12));
    await expectNoAxeViolations(page, "documents, two sent");

    // The draft names them; the mock holds the very bytes.
    const attachments = JSON.parse(JSON.parse(await storedDraft(page)).answers.attachments);
    expect(attachments.map((a) => [a.kind, a.name, a.size, a.sha256])).toEqual([
      ["business_plan", "plan.pdf", PDF.length, sha256(PDF)],
      ["pitch_deck", "deck.jpg", JPEG.length, sha256(JPEG)],
    ]);
    for (const a of attachments) expect(await heldHash(page, a.id)).toBe(a.sha256);

    await openPage(page, "/apply/check");
    const listed = page.locator("ul.documents");
    await expect(listed).toContainText(`plan.pdf (0.0 MB), SHA-256 ${sha256(PDF).slice(0, 12)}`);
    await expect(listed).toContainText("deck.jpg");
    await page.locator("main button.button").last().click();
    await expect(page.locator(".reference")).toHaveText(/^AH-2026-P-/);
    await expect(page.locator("ul.documents")).toContainText(sha256(JPEG).slice(0, 12));
    await expectNoAxeViolations(page, "confirmation with documents");
    await page.reload();
    await expect(page.locator("ul.documents li")).toHaveCount(2);

    // "Delete my data" takes the files with it.
    await openPage(page, "/apply");
    await page.getByRole("button", { name: "Delete my data from this browser" }).click();
    await expect.poll(() => heldHash(page, attachments[0].id)).toBeNull();
    expect(await heldHash(page, attachments[1].id)).toBeNull();
  });

  test("a draft naming files this browser does not hold (moved from another device) asks for them again", async ({ page }) => {
    const elsewhere = { id: `doc_${"0".repeat(32)}`, kind: "business_plan", name: "plan.pdf", size: PDF.length, sha256: sha256(PDF) };
    await seedDraft(page, { ...ANSWERS.apply, attachments: JSON.stringify([elsewhere]) });
    await openPage(page, "/apply/check");
    await expect(page.locator("ul.documents")).toContainText("plan.pdf");
    await page.locator("main button.button").last().click();
    await expect(page.locator(".error-summary[role=alert]")).toContainText("upload it again");
    expect(await storedSubmissions(page)).toEqual([]);
    await expectNoAxeViolations(page, "a document not held");
    // The documents page asks for it again instead of showing it as attached.
    await openPage(page, "/apply/documents");
    await expect(page.locator("#document-business_plan-error")).toContainText("“plan.pdf” was chosen in another browser");
    await expect(page.locator(".upload__file")).toHaveCount(0);
    expect(JSON.parse(JSON.parse(await storedDraft(page)).answers.attachments)).toEqual([]);
    await expectNoAxeViolations(page, "a document asked for again");
  });

  test("an expired draft takes its files with it", async ({ page }) => {
    await seedDraft(page, ANSWERS.apply);
    await openPage(page, "/apply/documents");
    await page.locator("#document-business_plan").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.locator(".upload__file")).toHaveCount(1);
    const draft = JSON.parse(await storedDraft(page));
    const [held] = JSON.parse(draft.answers.attachments);
    expect(await heldHash(page, held.id)).toBe(sha256(PDF));
    // Last changed long before the configured today (2026-03-02): past the 30 days drafts are kept.
    await page.evaluate((d) => localStorage.setItem("ahp:draft:apply", JSON.stringify({ ...d, saved_on: "2026-01-01" })), draft);
    await page.goto("/apply/documents");
    // The page drew the draft, so it reloads without it and says why; then the file is gone.
    await expect(page.locator("body")).toContainText("have been deleted from this browser");
    await page.waitForLoadState("load");
    await expect.poll(() => heldHash(page, held.id)).toBeNull();
  });

  const REFUSED = [
    ["a renamed executable", { name: "plan.pdf", mimeType: "application/pdf", buffer: Buffer.from("MZ\x90\0 a program") }, "must be a PDF, PNG or JPEG"],
    ["a 6 MB file", { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(6 * 1024 * 1024)]) }, "smaller than 5 MB"],
    ["an empty file", { name: "empty.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0) }, "is empty"],
  ];

  for (const [what, file, says] of REFUSED) {
    test(`${what} is refused with the limit it breaks, and nothing is kept`, async ({ page }) => {
      await seedDraft(page, ANSWERS.apply);
      await openPage(page, "/apply/documents");
      await page.locator("#document-business_plan").setInputFiles(file);
      await expect(page.locator("#document-business_plan-error")).toContainText(says);
      await expect(page.locator(".upload__file")).toHaveCount(0);
      expect(JSON.parse(await storedDraft(page)).answers.attachments).toBeUndefined();
      await expectNoAxeViolations(page, `${what} refused`);
    });
  }

  test("every hostile payload as a file name stays text, from the upload to the confirmation", async ({ page }) => {
    // A file name cannot hold a slash or NUL; every other payload class is tried.
    const names = [...SCRIPTS, ...OTHERS]
      .filter((p) => !p.long && !p.text.includes("/") && !p.text.includes("\u0000"))
      .map((p) => `${p.text}.pdf`);
    await seedDraft(page, ANSWERS.apply);
    await openPage(page, "/apply/documents");
    for (const name of names) {
      await page.locator("#document-business_plan").setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
      await expect(page.locator(".upload__name")).toHaveText(name);
      await expectInert(page, `file name ${name}`);
    }
    await openPage(page, "/apply/check");
    await page.locator("main button.button").last().click();
    await expect(page.locator("ul.documents .upload__name")).toHaveText(names.at(-1));
    await expectInert(page, "confirmation with a hostile file name");
    const ran = await page.evaluate((flag) => (window[flag] ? 1 : 0), FLAG);
    console.log(`upload names: ${JSON.stringify({ payloads_tried: names.length, scripts_run: ran })}`);
    expect(names.length, "payload classes tried").toBeGreaterThanOrEqual(6);
    expect(ran, "no payload ran script").toBe(0);
  });

  test("a file name with markup, right-to-left marks and 300 characters shows as plain text", async ({ page }) => {
    const name = `<img src=x onerror=window.__hostile=1>\u202Egpj.exe\u202C${"ы".repeat(300)}.pdf`;
    await seedDraft(page, ANSWERS.apply);
    await openPage(page, "/apply/documents");
    await page.locator("#document-business_plan").setInputFiles({ name, mimeType: "application/pdf", buffer: PDF });
    await expect(page.locator(".upload__name")).toHaveText(name);
    await expectInert(page, "a hostile file name");
    // Nothing wider than the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectNoAxeViolations(page, "a hostile file name");
  });
});

test.describe("through the HTTP backend, to the reference server", () => {
  test.describe.configure({ mode: "serial" });
  const server = useReferenceServer([ROOT_URL]);

  test.beforeEach(async ({ page }) => {
    await serveHttpConfig(page, server.url, { timeout_ms: 5000, retries: 0, retry_backoff_ms: 100 });
  });

  test("the bytes chosen arrive unchanged, are read back by hash, and the application names them", async ({ page }) => {
    await seedDraft(page, ANSWERS.apply);
    await openPage(page, "/apply/documents");
    await page.locator("#document-business_plan").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.locator("#document-pitch_deck").setInputFiles({ name: "deck.jpg", mimeType: "image/jpeg", buffer: JPEG });
    await expect(page.locator(".upload__file")).toHaveCount(2);
    const attachments = JSON.parse(JSON.parse(await storedDraft(page)).answers.attachments);
    expect(attachments.map((a) => a.name).sort()).toEqual(["deck.jpg", "plan.pdf"]);
    for (const a of attachments) {
      const bytes = a.name === "plan.pdf" ? PDF : JPEG;
      const back = Buffer.from(await (await fetch(`${server.url}/v1/documents/${a.id}`)).arrayBuffer());
      expect(sha256(back), `${a.name} read back from the server`).toBe(sha256(bytes));
      expect(a.sha256).toBe(sha256(bytes));
    }
    await openPage(page, "/apply/check");
    const sent = page.waitForResponse((r) => r.url() === `${server.url}/v1/applications`);
    await page.locator("main button.button").last().click();
    expect((await sent).status()).toBe(201);
    await expect(page.locator("ul.documents li")).toHaveCount(2);
    await expectNoAxeViolations(page, "confirmation with documents, from the server");
  });

  test("an upload cut off after the server kept it, then sent again: one document", async ({ page }) => {
    await seedDraft(page, ANSWERS.apply);
    await openPage(page, "/apply/documents");
    let first = null;
    await page.route(`${server.url}/v1/documents`, async (route) => {
      if (first) return route.continue();
      // The server answers, but the answer never reaches the page.
      first = await (await route.fetch()).json();
      await route.abort("connectionreset");
    });
    await page.locator("#document-business_plan").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.locator("#document-business_plan-error")).toBeVisible();
    await expectNoAxeViolations(page, "upload cut off");
    await page.getByRole("button", { name: "Send the file again" }).click();
    await expect(page.locator(".upload__file")).toContainText(sha256(PDF).slice(0, 12));
    const [kept] = JSON.parse(JSON.parse(await storedDraft(page)).answers.attachments);
    expect(kept.id, "the retry is the same document").toBe(first.data.id);
  });

  test("a dependant's documents (Art. 7-1(2)) are uploaded on the family page and the server takes the request", async ({ page }) => {
    const dependant = {
      relationship: "dependant", surname: "SMITH", given_names: "ANN", date_of_birth: "3/2/1950", sex: "female",
      citizenship: "GB", passport_number: "P7654321", passport_issued: "10/1/2022", passport_expires: "1/6/2032",
    };
    const employee = {
      route: "employee", surname: "SMITH", given_names: "JOHN", date_of_birth: "12/4/1985", sex: "male",
      citizenship: "GB", passport_number: "N12345678", passport_issued: "10/1/2022", passport_expires: "1/6/2032",
      employer: "actor", employer_bin: "970740000838", position: "Engineer", employment_from: "20/4/2026",
      employment_until: "31/12/2031", qualification_documents: "yes", with_family: "yes", entry_date: "20/4/2026",
      stay_days: "365", valid_until: "19/4/2031", collection: "consulate", consulate_city: "London",
      consulate_country: "United Kingdom", contact_email: "hr@example.kz", family: JSON.stringify([dependant]),
    };
    await draftOf("invitations").seedDraft(page, employee);
    // Without the document the request cannot be filed: the Law asks for it.
    await openPage(page, "/invitations/check");
    await expect(page.locator("main")).toContainText("a dependant needs documents that prove the dependency");
    await openPage(page, "/invitations/family");
    await page.locator("#document-dependency-1").setInputFiles({ name: "dependency.pdf", mimeType: "application/pdf", buffer: PDF });
    await expect(page.locator(".upload__file")).toContainText("dependency.pdf");
    await expectNoAxeViolations(page, "family page with a dependant's document");
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(page.locator("h1")).toHaveText("Check your answers before requesting the invitation");
    const sent = page.waitForResponse((r) => r.url() === `${server.url}/v1/invitations`);
    await page.getByRole("button", { name: "Request the invitation" }).click();
    expect((await sent).status()).toBe(201);
    await expect(page.locator(".reference")).toHaveText(/^AH-2026-V-/);
  });

  // Each fault the upload can meet: what the page says; every answer stays; "Send the file
  // again" then sends the same file under the same key, and the service holds one document.
  const FAULTS = [
    ["offline", (route) => route.abort("internetdisconnected"), "cannot be reached"],
    ["timing out", async (route) => { await new Promise((r) => setTimeout(r, 1500)); await route.abort("timedout"); }, "took too long"],
    ["answering 500", (route) => route.fulfill({ status: 500, contentType: "application/problem+json", body: '{"title":"Internal","status":500}' }), "has a problem at the moment"],
    ["malformed JSON", (route) => route.fulfill({ status: 201, contentType: "application/json", body: '{"schema_version": 1, "data": {"id": ' }), "cannot read"],
  ];
  const faults = { injected: 0, recovered: 0, duplicated: 0 };

  for (const [what, fault, says] of FAULTS) {
    test(`an upload meeting ${what}: the page says so, keeps the answers, and sending again makes one document`, async ({ page }) => {
      await serveHttpConfig(page, server.url, { timeout_ms: 1000, retries: 0, retry_backoff_ms: 100 });
      await seedDraft(page, ANSWERS.apply);
      await openPage(page, "/apply/documents");
      const keys = [];
      await page.route(`${server.url}/v1/documents`, async (route) => {
        keys.push(route.request().headers()["idempotency-key"]);
        if (keys.length === 1) {
          faults.injected += 1;
          return fault(route);
        }
        return route.continue();
      });
      await page.locator("#document-business_plan").setInputFiles({ name: "plan.pdf", mimeType: "application/pdf", buffer: PDF });
      await expect(page.locator("#document-business_plan-error")).toContainText(says);
      expect(JSON.parse(await storedDraft(page)).answers.org_name, "the answers stay").toBe(ANSWERS.apply.org_name);
      await expectNoAxeViolations(page, `upload: ${what}`);
      await page.getByRole("button", { name: "Send the file again" }).click();
      await expect(page.locator(".upload__file")).toContainText(sha256(PDF).slice(0, 12));
      expect(new Set(keys).size, "one key for both attempts").toBe(1);
      const [kept] = JSON.parse(JSON.parse(await storedDraft(page)).answers.attachments);
      const back = await fetch(`${server.url}/v1/documents/${kept.id}`);
      expect(back.status).toBe(200);
      faults.recovered += 1;
      if (new Set(keys).size > 1) faults.duplicated += 1;
    });
  }

  test.afterAll(() => console.log(`upload faults: ${JSON.stringify(faults)}`));
});
