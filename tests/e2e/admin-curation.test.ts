/**
 * The console pages partners and reviewers work in, in real Chromium at 375 and 1280 px: axe
 * finds nothing, nothing scrolls sideways at 375 px, and the review panel does what it says.
 * Screenshots land in .tmp/curation-*.png for a person to look at.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadListing } from "../../api/admin/listing-repo.js";
import { bundleToListing } from "../../api/admin/listing-rows.js";
import { createReport } from "../../api/admin/reports.js";
import { createOrganisation, createUser } from "../../api/admin/users.js";
import { createListing, sendBack, submit } from "../../api/admin/workflow.js";
import { openDb } from "../../api/db/client.js";
import { loadBundles } from "../../api/db/listing-bundles.js";
import { prepareDb } from "../../api/db/prepare.js";
import type { RunningServer } from "../../api/node/server.js";
import { services } from "../../schema/tables.js";
import { launchChromium } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { signedInPage, startConsoleServer } from "./helpers/console.js";
import { sidewaysOverflow } from "./helpers/fits.js";

const PASSWORD = "a long enough test password";
const ORG = "demo-exe-valley-parents";
/** A published demo listing of ORG, copied into the listings below. */
const BASE = "demo-exeter-bumps-group";
/** Another organisation under ORG's very name: only their ids tell them apart. */
const ORG_NAME = "Exe Valley Parents Together (example)";
let twinOrg = "";
const OVERDUE = "overdue-probe";
const SENT_BACK = "sent-back-probe";

let dir: string;
let server: RunningServer;
let browser: Browser;

async function prepare(url: string) {
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  const now = new Date();
  const user = (email: string, role: "admin" | "reviewer" | "editor", org: string | null) =>
    createUser(handle.db, now, null, {
      email,
      name: email.split("@")[0] ?? "",
      role,
      organisationId: org,
      password: PASSWORD,
    });
  const [admin, reviewer, editor] = await Promise.all([
    user("admin@example.org", "admin", null),
    user("reviewer@example.org", "reviewer", null),
    user("editor@example.org", "editor", ORG),
  ]);
  twinOrg = (await createOrganisation(handle.db, now, admin.id, { name: ORG_NAME })).id;
  await Promise.all([
    user("twin@example.org", "editor", twinOrg),
    user("riverside@example.org", "editor", "demo-riverside-counselling"),
  ]);
  const ctx = (actor: { id: string }, role: "editor" | "reviewer") => ({
    db: handle.db,
    now,
    actor: { ...actor, email: "", name: "", role, organisationId: ORG, organisationName: null },
  });
  const seed = (await loadBundles(handle.db, [BASE], { areas: true })).get(BASE);
  if (!seed) throw new Error("seed listing missing");
  const base = bundleToListing(seed);
  /** A copy of the seed listing entered by the editor, and sent for review. */
  const inReview = async (id: string, name: string, verifiedAt: string) => {
    await createListing(ctx(editor, "editor"), { ...base, id, name, verifiedAt });
    const record = await loadListing(handle.db, id);
    if (!record) throw new Error("not created");
    const out = await submit(ctx(editor, "editor"), record, record.token);
    if (!out.ok) throw new Error(out.message);
    return (await loadListing(handle.db, id)) as NonNullable<typeof record>;
  };
  // Long past its review date.
  await inReview(OVERDUE, "Long Unchecked Group", "2020-01-06");
  // Sent back with a note.
  const back = await inReview(SENT_BACK, "Sent Back Group", now.toISOString().slice(0, 10));
  const sent = await sendBack(
    ctx(reviewer, "reviewer"),
    back,
    back.token,
    "Please add the new evening times.",
  );
  if (!sent.ok) throw new Error(sent.message);
  // The seed listing itself falls due, for the editor's overview and the due queue.
  await handle.db.update(services).set({ verifiedAt: "2020-01-06" }).where(eq(services.id, BASE));
  await createReport(handle.db, now, BASE, {
    reason: "wrong-contact",
    text: "The phone rings out.",
  });
  await createReport(handle.db, now, OVERDUE, {
    reason: "wrong-times",
    text: "The group now meets on Thursdays.",
  });
  handle.close();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-curation-"));
  const url = `file:${join(dir, "curation.db")}`;
  await prepare(url);
  [server, browser] = await Promise.all([startConsoleServer(url), launchChromium()]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const signedIn = (email: string, width: number) =>
  signedInPage(browser, server, { email, password: PASSWORD }, { width, height: 900 });

/**
 * axe finds nothing, neither the page nor anything in it scrolls sideways or reaches past the
 * edge, at 375 px as at 1280; a full-page screenshot.
 */
async function checkPage(page: Page, name: string, width: number) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll("details")) d.open = true;
  });
  expect(await axeViolations(page), `${name} at ${width}`).toEqual([]);
  expect(await sidewaysOverflow(page), `${name} scrolls sideways at ${width}`).toEqual([]);
  await page.screenshot({ path: `.tmp/curation-${name}-${width}.png`, fullPage: true });
}

describe("the review panel in Chromium", () => {
  for (const width of [375, 1280]) {
    it(`puts the note before Publish and keeps Archive apart, at ${width} px`, async () => {
      const { page, errors } = await signedIn("reviewer@example.org", width);
      await page.goto(`${server.url}/admin/listings/${OVERDUE}`);
      const panel = page.locator("section", { has: page.locator("#review-title") });
      const note = panel.getByLabel("Note for the history");
      const publish = panel.getByRole("button", { name: "Publish", exact: true });
      const noteBox = await note.boundingBox();
      const publishBox = await publish.boundingBox();
      expect(noteBox && publishBox && publishBox.y > noteBox.y + noteBox.height).toBe(true);
      await expect(panel.getByRole("button", { name: /archive|withdraw/i }).count()).resolves.toBe(
        0,
      );
      await expect(
        page.getByRole("button", { name: "Withdraw from review" }).count(),
      ).resolves.toBe(0);
      const mark = panel.getByLabel(/mark it as checked today/);
      await expect(mark.isChecked()).resolves.toBe(true);
      await checkPage(page, "review", width);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("publishes an overdue listing marked as checked today, in one go", async () => {
    const { page } = await signedIn("reviewer@example.org", 1280);
    await page.goto(`${server.url}/admin/listings/${OVERDUE}`);
    // "Today" is the UK date on the server's clock at the click: taken before and after it, so
    // a run across midnight still knows which day it was.
    const londonDay = () =>
      new Date().toLocaleDateString("en-GB", {
        day: "numeric",
        month: "short",
        year: "numeric",
        timeZone: "Europe/London",
      });
    const before = londonDay();
    await page.getByLabel("Note for the history").fill("Phoned the hall: all correct.");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.waitForURL(/done=published/);
    const after = londonDay();
    const line = page.getByText(/Last checked .+; next review due/);
    await expect(line.count()).resolves.toBe(1);
    const shown = await line.textContent();
    expect([`Last checked ${before}`, `Last checked ${after}`]).toContain(
      /Last checked [^;]+/.exec(shown ?? "")?.[0],
    );
    await page.goto(`${server.url}/admin/audit?entityId=${OVERDUE}&action=listing.check`);
    await expect(page.getByRole("cell", { name: "Marked as checked" }).count()).resolves.toBe(1);
    await page.close();
  }, 60_000);
});

describe("the pages partners and reviewers work in, at 375 and 1280 px", () => {
  for (const width of [375, 1280]) {
    it(`shows an editor what is sent back, reported and due, at ${width} px`, async () => {
      const { page, errors } = await signedIn("editor@example.org", width);
      const sent = page.locator("section", { has: page.locator("#sent-back-title") });
      await expect(sent.getByText("Please add the new evening times.").count()).resolves.toBe(1);
      await expect(
        sent
          .getByRole("link", { name: "Make the changes to Sent Back Group" })
          .getAttribute("href"),
      ).resolves.toBe(`/admin/listings/${SENT_BACK}/edit`);
      const reports = page.locator("section", { has: page.locator("#reports-title") });
      await expect(reports.getByRole("link").count()).resolves.toBe(2);
      const due = page.locator("section", { has: page.locator("#due-title") });
      await expect(
        due.getByRole("button", { name: /^Mark as checked/ }).count(),
      ).resolves.toBeGreaterThan(0);
      await checkPage(page, "editor-home", width);
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it(`lays out the listings, due, audit and reports tables without sideways scrolling, at ${width} px`, async () => {
      const { page, errors } = await signedIn("reviewer@example.org", width);
      for (const [name, path] of [
        ["listings", "/admin/listings?sort=edited"],
        ["due", "/admin/due"],
        ["audit", "/admin/audit"],
        ["reports", "/admin/reports"],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        const table = page.getByRole("table");
        await expect(table.count()).resolves.toBe(1);
        // Still a table with its column headers for screen readers, however it is laid out.
        await expect(page.getByRole("columnheader").count()).resolves.toBeGreaterThan(3);
        await expect(page.getByRole("cell").count()).resolves.toBeGreaterThan(3);
        await checkPage(page, name, width);
        if (name !== "listings") continue;
        // Each listing's status is on screen, whole, beside its name.
        const rows = page
          .getByRole("table")
          .getByRole("row")
          .filter({ has: page.locator(".tag") });
        await expect(rows.count()).resolves.toBeGreaterThan(3);
        const sentBack = rows.filter({ hasText: "Sent Back Group" });
        await expect(sentBack.getByRole("cell").nth(3).textContent()).resolves.toMatch(/^Draft\b/);
        for (const tag of await rows.locator(".tag").all()) {
          const box = await tag.boundingBox();
          expect(box && box.width > 20 && box.x >= 0 && box.x + box.width <= width).toBe(true);
        }
      }
      // Resolving without a note: the error, on the field.
      await page
        .getByRole("button", { name: `Resolved the report about Long Unchecked Group` })
        .click();
      await page.waitForSelector(".error-summary");
      await checkPage(page, "reports-error", width);
      expect(errors.filter((e) => !e.includes("422"))).toEqual([]);
      await page.close();
    }, 120_000);

    it(`tells apart accounts of two organisations with one name, at ${width} px`, async () => {
      const { page, errors } = await signedIn("admin@example.org", width);
      await page.goto(`${server.url}/admin/users`);
      await expect(page.getByRole("columnheader").count()).resolves.toBe(5);
      const organisationOf = (email: string) =>
        page.getByRole("row").filter({ hasText: email }).getByRole("cell").nth(3).textContent();
      // The shared name carries each organisation's id; a name nobody else has is left plain.
      const own = await organisationOf("editor@example.org");
      const twin = await organisationOf("twin@example.org");
      expect(own).toContain(ORG_NAME);
      expect(own).toContain(ORG);
      expect(twin).toContain(ORG_NAME);
      expect(twin).toContain(twinOrg);
      await expect(organisationOf("riverside@example.org")).resolves.toBe(
        "Riverside Family Counselling (example)",
      );
      await checkPage(page, "accounts", width);
      // Choosing an account's organisation: the two are told apart there too.
      await page.goto(`${server.url}/admin/users/new`);
      const labels = await page
        .getByLabel("Organisation")
        .locator("option")
        .evaluateAll((options) => options.map((o) => o.textContent));
      expect(labels).toContain(`${ORG_NAME} (${ORG})`);
      expect(labels).toContain(`${ORG_NAME} (${twinOrg})`);
      expect(labels).toContain("Riverside Family Counselling (example)");
      expect(errors).toEqual([]);
      await page.close();
    }, 60_000);

    it(`lets an admin see organisation ids and change an organisation, at ${width} px`, async () => {
      const { page, errors } = await signedIn("admin@example.org", width);
      await page.goto(`${server.url}/admin/organisations`);
      await expect(page.getByRole("cell", { name: ORG, exact: true }).count()).resolves.toBe(1);
      await checkPage(page, "organisations", width);
      await page.goto(`${server.url}/admin/organisations/${ORG}`);
      await page.getByLabel("Email").fill("not an email");
      await page.getByRole("button", { name: "Save changes" }).click();
      await page.waitForSelector(".error-summary");
      await checkPage(page, "organisation-error", width);
      expect(errors.filter((e) => !e.includes("422"))).toEqual([]);
      await page.close();
    }, 60_000);
  }

  it("resolves a report with a note, shown in the queue and the audit log", async () => {
    const { page } = await signedIn("reviewer@example.org", 1280);
    await page.goto(`${server.url}/admin/reports`);
    await page
      .getByLabel("What you did the report about Exeter Bumps & Babies Peer Group (example)")
      .fill("Phone number corrected with the group leader.");
    await page
      .getByRole("button", {
        name: "Resolved the report about Exeter Bumps & Babies Peer Group (example)",
      })
      .click();
    await page.waitForURL(/done=resolved/);
    await page.goto(`${server.url}/admin/reports?status=resolved`);
    await expect(
      page.getByText("Phone number corrected with the group leader.").count(),
    ).resolves.toBe(1);
    await page.goto(`${server.url}/admin/audit?entity=report`);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    await expect(page.getByRole("cell", { name: "Report resolved" }).count()).resolves.toBe(1);
    await expect(
      page.locator(".diff").getByText("Phone number corrected with the group leader.").count(),
    ).resolves.toBe(1);
    await page.close();
  }, 60_000);

  it("changes an organisation's details, audited as a readable diff", async () => {
    const { page } = await signedIn("admin@example.org", 1280);
    await page.goto(`${server.url}/admin/organisations/${ORG}`);
    await page.getByLabel("Email").fill("hello@exevalley.example.org");
    await page.getByLabel("Language of mail").selectOption("both");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.waitForURL(/done=organisation-saved/);
    await page.getByRole("link", { name: /audit log/ }).click();
    await page.evaluate(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    await checkPage(page, "organisation-audit", 1280);
    const diff = (await page.locator(".diff").first().textContent()) ?? "";
    expect(diff).toContain("Email address changed from");
    expect(diff).toContain("to hello@exevalley.example.org");
    expect(diff).toContain("Language of mail changed from (empty) to Welsh and English");
    await page.close();
  }, 60_000);
});
