/**
 * Every console page in real Chromium: axe finds nothing, the strict policy holds (no inline
 * script or style errors), and script payloads in a listing never run.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadListing } from "../../api/admin/listing-repo.js";
import { bundleToListing } from "../../api/admin/listing-rows.js";
import { publish } from "../../api/admin/publish.js";
import { createReport } from "../../api/admin/reports.js";
import { createUser } from "../../api/admin/users.js";
import { createListing, submit } from "../../api/admin/workflow.js";
import { openDb } from "../../api/db/client.js";
import { loadBundles } from "../../api/db/listing-bundles.js";
import { prepareDb } from "../../api/db/prepare.js";
import type { RunningServer } from "../../api/node/server.js";
import { collectErrors, launchChromium, newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { startConsoleServer } from "./helpers/console.js";
import { sidewaysOverflow } from "./helpers/fits.js";

const PASSWORD = "a long enough test password";
const PAYLOAD = `<script>alert(1)</script>"><img src=x onerror=alert(2)>`;

let dir: string;
let server: RunningServer;
let browser: Browser;
let xssId = "";
let editorId = "";

async function prepare(url: string) {
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  const now = new Date();
  const user = (
    email: string,
    role: "admin" | "reviewer" | "editor",
    organisationId: string | null,
  ) =>
    createUser(handle.db, now, null, {
      email,
      name: email.split("@")[0] ?? "",
      role,
      organisationId,
      password: PASSWORD,
    });
  const [admin, reviewer, editor] = await Promise.all([
    user("admin@example.org", "admin", null),
    user("reviewer@example.org", "reviewer", null),
    user("editor@example.org", "editor", "demo-exe-valley-parents"),
  ]);
  editorId = editor.id;
  // A published listing with a script payload in every text field, and an open report about it.
  const base = (await loadBundles(handle.db, ["demo-exeter-bumps-group"], { areas: true })).get(
    "demo-exeter-bumps-group",
  );
  if (!base) throw new Error("seed listing missing");
  const seeded = bundleToListing(base);
  const tagged = (s: string) => `${s} ${PAYLOAD}`;
  const listing = {
    ...seeded,
    id: "xss-probe",
    name: tagged("Name"),
    nameCy: tagged("Enw"),
    summary: tagged("Summary"),
    description: tagged("Description"),
    howToAccess: tagged("How"),
    costNote: tagged("Cost"),
    contacts: seeded.contacts.map((c, i) => ({
      ...c,
      id: `xss-c${i}`,
      label: tagged("Label"),
      hours: tagged("Hours"),
    })),
    locations: seeded.locations.map((l, i) => ({
      ...l,
      id: `xss-l${i}`,
      name: tagged("Venue"),
      address: tagged("Address"),
      accessibility: tagged("Access"),
    })),
    schedules: seeded.schedules.map((s, i) => ({
      ...s,
      id: `xss-s${i}`,
      locationId: s.locationId ? `xss-l0` : null,
      note: tagged("Note"),
    })),
    areas: seeded.areas.map((a, i) => ({ ...a, id: `xss-a${i}` })),
  };
  const ctx = (actor: { id: string }, role: "editor" | "reviewer" | "admin") => ({
    db: handle.db,
    now,
    actor: {
      ...actor,
      email: "",
      name: "",
      role,
      organisationId: "demo-exe-valley-parents",
      organisationName: null,
    },
  });
  xssId = await createListing(ctx(editor, "editor"), listing);
  let record = await loadListing(handle.db, xssId);
  if (!record) throw new Error("not created");
  await submit(ctx(editor, "editor"), record, record.token);
  record = await loadListing(handle.db, xssId);
  if (!record) throw new Error("not created");
  const published = await publish(
    ctx(reviewer, "reviewer"),
    record,
    record.token,
    tagged("Publish note"),
  );
  if (!published.ok) throw new Error(published.message);
  await createReport(handle.db, now, xssId, { reason: "other", text: tagged("Report") });
  // Something in review, for the review panel.
  const draft = await createListing(ctx(editor, "editor"), {
    ...listing,
    id: "in-review-probe",
    name: "Waiting for review",
    contacts: [],
    locations: [],
    schedules: [],
    areas: [],
  });
  const waiting = await loadListing(handle.db, draft);
  if (waiting) await submit(ctx(editor, "editor"), waiting, waiting.token);
  void admin;
  handle.close();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-console-"));
  const url = `file:${join(dir, "console.db")}`;
  await prepare(url);
  [server, browser] = await Promise.all([startConsoleServer(url), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signedIn(
  email: string,
): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
  const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/admin`);
  return { page, errors, dialogs };
}

describe("console pages in Chromium", () => {
  it("has no axe violations on the sign-in page, with and without an error", async () => {
    const page = await newPage(browser);
    const errors = collectErrors(page);
    await page.goto(`${server.url}/admin/login`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Email address").fill("admin@example.org");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForSelector(".error-summary");
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.filter((e) => !e.includes("401"))).toEqual([]);
    await page.close();
  });

  it("has no axe violations on any page an admin can open, and no script errors", async () => {
    const { page, errors, dialogs } = await signedIn("admin@example.org");
    const paths = [
      "/admin",
      "/admin/listings",
      "/admin/listings?status=published&kind=peer-group&due=1&sort=name",
      "/admin/listings/new",
      `/admin/listings/${xssId}`,
      `/admin/listings/${xssId}/edit`,
      `/admin/listings/${xssId}/history`,
      "/admin/listings/in-review-probe",
      "/admin/due",
      "/admin/reports",
      "/admin/reports?status=resolved",
      "/admin/outbox",
      "/admin/audit",
      `/admin/audit?entityId=${xssId}`,
      "/admin/users",
      "/admin/users/new",
      `/admin/users/${editorId}`,
      "/admin/organisations",
      "/admin/account",
      "/admin/import",
      "/admin/listings/no-such-listing",
    ];
    const found: Record<string, string[]> = {};
    for (const path of paths) {
      await page.goto(`${server.url}${path}`);
      // Open every disclosure, so axe checks what is inside too.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      const violations = await axeViolations(page);
      if (violations.length) found[path] = violations;
    }
    expect(found).toEqual({});
    expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
    // 21 pages, each loaded and checked by axe: about two minutes on a busy two-core machine.
  }, 300_000);

  it("keeps each listing's last-checked date on one line at 1280 px", async () => {
    const { page } = await signedIn("admin@example.org");
    await page.goto(`${server.url}/admin/listings`);
    // Line boxes of the last cell's text, per row: a date wrapped after its month has two.
    const lines = await page.$$eval("table tbody tr", (rows) =>
      rows.map((tr) => {
        const cell = tr.querySelector("td:last-child");
        const range = document.createRange();
        if (cell) range.selectNodeContents(cell);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return { date: cell?.textContent?.trim() ?? "", lines: tops.size };
      }),
    );
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.filter((l) => l.lines !== 1)).toEqual([]);
    await page.close();
  });

  it("has no axe violations on the editor with errors, the conflict screen, the outbox and import results", async () => {
    const { page, errors } = await signedIn("admin@example.org");
    // A form with mistakes.
    await page.goto(`${server.url}/admin/listings/new`);
    await page.locator("#f-name").fill("X");
    await page.getByRole("button", { name: "Save draft" }).first().click();
    await page.waitForSelector(".error-summary");
    expect(await page.evaluate(() => document.activeElement?.className)).toContain("error-summary");
    expect(await axeViolations(page)).toEqual([]);

    // Two people edit at once: the second gets the conflict screen.
    const other = await signedIn("reviewer@example.org");
    await page.goto(`${server.url}/admin/listings/demo-exeter-dads-evening/edit`);
    await other.page.goto(`${server.url}/admin/listings/demo-exeter-dads-evening/edit`);
    await other.page.getByLabel("Cost note").fill("Free, with tea");
    await other.page.getByRole("button", { name: "Save draft" }).first().click();
    await other.page.waitForURL(/done=saved/);
    await page.getByLabel("Cost note").fill("Free");
    page.once("dialog", (d) => d.accept());
    await page.getByRole("button", { name: "Save draft" }).first().click();
    await page.waitForSelector("text=Your changes were not saved");
    expect(await axeViolations(page)).toEqual([]);
    await other.page.close();

    // The outbox with a message, and import results.
    await page.goto(`${server.url}/admin/outbox`);
    await page.getByRole("button", { name: "Run the daily job now" }).click();
    await page.waitForURL(/queued=/);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/admin/import`);
    await page.setInputFiles("#f-file", {
      name: "listings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(
        "organisation_id,name,summary,kind,stages,formats,referral\r\ndemo-exe-valley-parents,Imported,Too short,nope,postnatal,in-person,self\r\n",
      ),
    });
    await page.getByRole("button", { name: "Import" }).click();
    await page.waitForSelector("text=Import results");
    expect(await axeViolations(page)).toEqual([]);
    // The rows of the file, one card per row on a phone: nothing scrolls sideways.
    await page.setViewportSize({ width: 375, height: 800 });
    expect(await sidewaysOverflow(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors.filter((e) => !/40\d|409|422/.test(e))).toEqual([]);
    await page.close();
  }, 60_000);

  it("has no axe violations where an editor works, including the forbidden page", async () => {
    const { page } = await signedIn("editor@example.org");
    for (const path of [
      "/admin",
      "/admin/listings",
      `/admin/listings/${xssId}`,
      "/admin/due",
      "/admin/reports",
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.close();
  }, 60_000);

  it("never runs a script payload from listing text, on any console page", async () => {
    const { page, dialogs } = await signedIn("reviewer@example.org");
    await page.exposeFunction("__probeFired", () => dialogs.push("handler"));
    for (const path of [
      `/admin/listings/${xssId}`,
      `/admin/listings/${xssId}/edit`,
      `/admin/listings/${xssId}/history`,
      "/admin/listings?sort=edited",
      "/admin/reports",
      `/admin/audit?entityId=${xssId}`,
    ]) {
      await page.goto(`${server.url}${path}`);
      await page.evaluate(() => {
        for (const d of document.querySelectorAll("details")) d.open = true;
      });
      await page.waitForTimeout(50);
      expect(await page.locator("img[src='x']").count(), path).toBe(0);
      expect(
        await page.evaluate(() => document.querySelectorAll("script:not([src])").length),
        path,
      ).toBe(0);
    }
    await page.goto(`${server.url}/admin/listings/${xssId}`);
    await expect(page.locator("h1").textContent()).resolves.toBe(`Name ${PAYLOAD}`);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
