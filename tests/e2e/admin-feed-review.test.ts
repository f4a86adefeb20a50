/**
 * /admin/feed-review in real Chromium: a council's feed (served on loopback) changed a listing we
 * hold, duplicated another and dropped a third; a reviewer compares old and new field by field
 * and takes some, merges the duplicate and keeps the gone listing. axe finds nothing at 375 and
 * 1280 px, and each page is photographed.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadListing } from "../../api/admin/listing-repo.js";
import { publish } from "../../api/admin/publish.js";
import { createUser } from "../../api/admin/users.js";
import { saveDraft } from "../../api/admin/workflow.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { prepareDb } from "../../api/db/prepare.js";
import { IMPORTER, importFeed } from "../../api/feeds/sync.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { councilRecord, mutableFeed, type TestServer } from "../api/feeds/support.js";
import { collectErrors, launchChromium, newPage } from "../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";
import { axeViolations } from "./helpers/axe.js";
import { sidewaysOverflow } from "./helpers/fits.js";

const PASSWORD = "a long enough test password";
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "signpost-feed-review-shots");

let dir: string;
let server: RunningServer;
let browser: Browser;
const feeds: TestServer[] = [];
let changedId = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-feed-review-"));
  const url = `file:${join(dir, "review.db")}`;
  const handle = openDb(url);
  const { db } = handle;
  await prepareDb(db, { demo: true });
  for (const [email, role] of [
    ["reviewer@example.org", "reviewer"],
    ["editor@example.org", "editor"],
  ] as const)
    await createUser(db, new Date(), null, {
      email,
      name: role,
      role,
      organisationId: role === "editor" ? "demo-exe-valley-parents" : null,
      password: PASSWORD,
    });
  const geo = await loadGeoIndex(db);
  const now = new Date();
  const sync = (base: string, name: string) => importFeed(db, { baseUrl: base, name, now, geo });

  // Feed one: a group we import and publish, then edit here; the council then changes it, and
  // drops another of its groups.
  const one = new Map<string, Record<string, unknown>>([
    ["r1", councilRecord("r1")],
    ["r2", councilRecord("r2", { name: "Postnatal walk and talk" })],
  ]);
  const two = new Map<string, Record<string, unknown>>([
    [
      "d1",
      councilRecord("d1", {
        name: "Bumps and Babies Exeter",
        description: "The county's own words about the same postnatal group for new mums.",
        organization: { name: "Devon County" },
      }),
    ],
  ]);
  const [feedOne, feedTwo] = await Promise.all([mutableFeed(one), mutableFeed(two)]);
  feeds.push(feedOne, feedTwo);
  const first = await sync(feedOne.url, "Exeter hub");
  changedId = first.records.find((r) => r.remoteId === "r1")?.serviceId ?? "";
  const reviewer = { ...IMPORTER, id: "someone-else", role: "reviewer" as const };
  const imported = await loadListing(db, changedId);
  if (!imported) throw new Error("not imported");
  await publish({ db, now, actor: reviewer }, imported, imported.token);
  const live = await loadListing(db, changedId);
  if (!live) throw new Error("not published");
  await saveDraft({ db, now, actor: reviewer }, live, live.token, {
    ...live.working,
    description: "Our own words: a postnatal group in Exeter for new mums and their babies.",
  });
  one.set(
    "r1",
    councilRecord("r1", {
      name: "Bumps and Babies Exeter (Tuesdays)",
      description: "The council's new words about this postnatal group for new mums & <babies>.",
      phones: [{ number: "01392 000 222" }],
    }),
  );
  one.delete("r2");
  await sync(feedOne.url, "Exeter hub");
  await sync(feedTwo.url, "Devon county");
  handle.close();

  // The listing page's preview is the widget's own card, from the built widget.
  await Promise.all([mkdir(SHOTS, { recursive: true }), ensureWidgetBuild()]);
  [server, browser] = await Promise.all([
    startServer({
      config: readConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: url,
        RATE_LIMITS: "off",
        RESPONSE_CACHE: "off",
      }),
      logger: silentLogger,
      dailyJobs: false,
    }),
    launchChromium(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await Promise.all(feeds.map((f) => f.close()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(email: string, width: number) {
  const page = await newPage(browser, { viewport: { width, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/admin`);
  return { page, errors };
}

const overflow = async (page: Page) => {
  const r = await page.evaluate(() => ({
    wide: [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`),
    d: document.documentElement.scrollWidth - window.innerWidth,
  }));
  if (r.d > 0) console.log(r.wide.slice(0, 10).join(" "));
  return r.d;
};

describe("/admin/feed-review", () => {
  it("fits a 375 px screen: the list and the field-by-field comparison", async () => {
    const { page, errors } = await signIn("reviewer@example.org", 375);
    await page.goto(`${server.url}/admin/feed-review`);
    await page.screenshot({ path: join(SHOTS, "feed-review-375.png"), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    // Each queue is one card per record: nothing scrolls inside its box either.
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByRole("link", { name: /^Compare/ }).click();
    await page.waitForSelector("h1");
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, "feed-review-change-375.png"), fullPage: true });
    // The listing's own page, with what waits from its source.
    await page.goto(`${server.url}/admin/listings/${changedId}`);
    expect(await page.getByRole("link", { name: "Compare with the source" }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, "listing-from-source-375.png") });
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("a reviewer compares, takes some fields, merges a duplicate and keeps a gone listing", async () => {
    const { page, errors } = await signIn("reviewer@example.org", 1280);
    await page.getByRole("link", { name: "Feed review", exact: true }).click();
    await page.waitForURL(`${server.url}/admin/feed-review`);
    expect(await page.locator("#changed-title").innerText()).toBe("Changed at source (1)");
    expect(await page.locator("#duplicates-title").innerText()).toBe("Possible duplicates (1)");
    expect(await page.locator("#gone-title").innerText()).toBe("Gone at source (1)");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "feed-review-1280.png"), fullPage: true });

    // The listing's own page says what waits from its source, and leads there.
    await page.goto(`${server.url}/admin/listings/${changedId}`);
    const fromSource = page.locator(".warning-box", { hasText: "From its source:" });
    expect(await fromSource.textContent()).toContain(
      "From its source: Exeter hub has a newer version of this service.",
    );
    expect(await fromSource.textContent()).toContain(
      "From its source: Devon county has a record that may be this same service.",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "listing-from-source-1280.png") });
    await fromSource.getByRole("link", { name: "Compare with the source" }).click();
    await page.waitForURL(/\/admin\/feed-review\/[^/]+\/[^/]+$/);

    // The comparison: old and new per field, with human labels; our own edit is marked and
    // left unticked.
    await page.waitForSelector("form fieldset");
    const name = page.getByRole("group", { name: "Name" });
    expect(await name.locator("thead").innerText()).toMatch(/Ours now\s+From the source/);
    expect(await name.locator("tbody tr").innerText()).toMatch(
      /^Bumps and Babies Exeter\s+Bumps and Babies Exeter \(Tuesdays\)$/,
    );
    const description = page.getByRole("group", { name: "Description" });
    expect(await description.innerText()).toContain("Edited here since the last import");
    // Listing text is escaped: the source's "<babies>" is shown as text.
    expect(await description.innerText()).toContain("new mums & <babies>.");
    expect(await page.getByLabel("Take the source's description").isChecked()).toBe(false);
    expect(await page.getByLabel("Take the source's name").isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "feed-review-change-1280.png"), fullPage: true });
    // Take the name and contacts only (untick the summary the council rewrote).
    await page.getByLabel("Take the source's summary").uncheck();
    await page.getByRole("button", { name: "Take the chosen changes" }).click();
    await page.waitForURL(new RegExp(`/admin/listings/${changedId}\\?done=source-accepted`));
    expect(await page.locator(".notice").innerText()).toContain("in the draft, in review");
    expect(await page.locator("h1").innerText()).toBe("Bumps and Babies Exeter (Tuesdays)");
    // Taken: only the possible duplicate still waits.
    const waiting = await page
      .locator(".warning-box", { hasText: "From its source:" })
      .textContent();
    expect(waiting).not.toContain("newer version");
    expect(waiting).toContain("Devon county has a record that may be this same service.");

    // The duplicate: how it differs, then merged; what differs waits as a change from source.
    await page.goto(`${server.url}/admin/feed-review`);
    await page.getByRole("link", { name: /^Merge or keep/ }).click();
    await page.waitForSelector("h1");
    expect(await page.locator("h1").innerText()).toBe(
      "Possible duplicate: Bumps and Babies Exeter",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "feed-review-duplicate-1280.png"), fullPage: true });
    // The match is published: it is not offered for archiving.
    expect(await page.getByRole("button", { name: /archive/i }).count()).toBe(0);
    await page.getByRole("button", { name: /^Merge into/ }).click();
    await page.waitForURL(/done=merged/);
    expect(await page.locator(".notice").innerText()).toContain("Merged.");
    expect(await page.locator("h1").innerText()).toContain("Change from source");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Keep ours, take nothing" }).click();
    await page.waitForURL(/done=source-kept/);

    // Gone at source: kept.
    await page.getByRole("link", { name: /^Archive or keep/ }).click();
    await page.waitForSelector("h1");
    expect(await page.locator("h1").innerText()).toBe("Gone at source: Postnatal walk and talk");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "feed-review-gone-1280.png"), fullPage: true });
    await page.getByRole("button", { name: "Keep the listing" }).click();
    await page.waitForURL(/done=gone-kept/);
    for (const id of ["#changed-title", "#duplicates-title", "#gone-title"])
      expect(await page.locator(id).innerText()).toMatch(/\(0\)$/);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it("is closed to editors", async () => {
    const { page } = await signIn("editor@example.org", 1280);
    const res = await page.goto(`${server.url}/admin/feed-review`);
    expect(res?.status()).toBe(403);
    expect(await page.getByRole("link", { name: "Feed review", exact: true }).count()).toBe(0);
    await page.close();
  }, 60_000);
});
