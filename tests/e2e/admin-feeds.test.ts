/**
 * /admin/feeds in real Chromium: an admin registers a council's feed (the ORUK validator's
 * fixture, served on loopback), previews it, imports it; axe finds nothing at each step, and
 * the page is photographed at 375 and 1280 px.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../api/admin/users.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { fixtureFeed, type TestServer } from "../api/feeds/support.js";
import { collectErrors, launchChromium, newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { sidewaysOverflow } from "./helpers/fits.js";

const PASSWORD = "a long enough test password";
const SHOTS = process.env.SCREENSHOT_DIR ?? join(tmpdir(), "signpost-feeds-shots");

let dir: string;
let server: RunningServer;
let browser: Browser;
let feed: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-feeds-"));
  const url = `file:${join(dir, "feeds.db")}`;
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  await createUser(handle.db, new Date(), null, {
    email: "admin@example.org",
    name: "Admin",
    role: "admin",
    organisationId: null,
    password: PASSWORD,
  });
  await createUser(handle.db, new Date(), null, {
    email: "editor@example.org",
    name: "Editor",
    role: "editor",
    organisationId: "demo-exe-valley-parents",
    password: PASSWORD,
  });
  handle.close();
  await mkdir(SHOTS, { recursive: true });
  [server, browser, feed] = await Promise.all([
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
    fixtureFeed("v3-uk-default"),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await feed?.close();
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

describe("/admin/feeds", () => {
  it("registers, previews and imports a feed, with no axe violations at any step", async () => {
    const { page, errors } = await signIn("admin@example.org", 1280);
    await page.getByRole("link", { name: "Feeds" }).click();
    await page.waitForURL(`${server.url}/admin/feeds`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "feeds-empty-1280.png"), fullPage: true });

    // A mistake first: nothing is registered, and the page says what to fix.
    await page.getByLabel("Name").fill("X");
    await page.getByRole("button", { name: "Register and import" }).click();
    await page.waitForSelector(".error-summary");
    expect(await page.locator(".error-summary").innerText()).toContain(
      "Enter a name for the feed.",
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Name").fill("Example Council");
    await page.getByLabel("Base URL").fill(feed.url);
    await page.getByLabel("Filter: keywords").fill("counselling");
    await page.getByRole("button", { name: "Preview (dry run)" }).click();
    await page.waitForSelector("#report-title");
    expect(await page.locator("#report-title").innerText()).toBe("Preview (nothing was written)");
    expect(await page.getByRole("status").innerText()).toContain(
      "1 service seen, 1 kept by the filter: 1 new",
    );
    expect(await page.locator("#feeds-title + p").innerText()).toBe("No feed is registered yet.");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Register and import" }).click();
    await page.waitForSelector("#report-title");
    expect(await page.locator("#report-title").innerText()).toBe("Import results");
    expect(await page.locator("table").first().innerText()).toContain("New draft in review");
    expect(await page.locator("table").last().innerText()).toContain("Example Council");
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "feeds-imported-1280.png"), fullPage: true });

    // Sync now: nothing changed at source.
    await page.goto(`${server.url}/admin/feeds`);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.waitForSelector("#report-title");
    expect(await page.getByRole("status").innerText()).toContain("Nothing changed at source.");

    // Who ran the last sync, and the daily job's switch.
    const feedRow = page.locator("table").last().locator("tbody tr").first();
    expect(await feedRow.innerText()).toContain("(console): 1 seen, 0 new");
    expect(await feedRow.innerText()).toContain("Synced once a day by the daily job.");
    await page.getByRole("button", { name: "Stop the daily sync" }).click();
    await page.waitForSelector(".notice");
    expect(await page.locator(".notice").innerText()).toContain("is no longer synced daily");
    expect(await page.locator("table").last().innerText()).toContain(
      "Not synced daily: only when you press Sync now.",
    );
    expect(await axeViolations(page)).toEqual([]);
    // The filter rule's boxes are wide enough to read a term a line, not a word a line.
    for (const box of await page
      .getByRole("table", { name: "Registered feeds" })
      .getByRole("textbox")
      .all()) {
      expect((await box.boundingBox())?.width).toBeGreaterThanOrEqual(240);
    }
    await page.screenshot({ path: join(SHOTS, "feeds-daily-off-1280.png"), fullPage: true });
    expect(errors.filter((e) => !e.includes("422"))).toEqual([]);
    await page.close();
  }, 120_000);

  it("fits a 375 px screen and is closed to editors", async () => {
    const { page } = await signIn("admin@example.org", 375);
    await page.goto(`${server.url}/admin/feeds`);
    expect(await axeViolations(page)).toEqual([]);
    // Neither the page nor the registered feeds' table scrolls sideways: each feed is a card,
    // still a table of four columns to a screen reader.
    expect(await sidewaysOverflow(page)).toEqual([]);
    const feeds = page.getByRole("table", { name: "Registered feeds" });
    await expect(feeds.getByRole("columnheader").count()).resolves.toBe(4);
    await expect(feeds.getByRole("row").count()).resolves.toBe(2);
    await expect(feeds.getByRole("cell").count()).resolves.toBe(4);
    await page.screenshot({ path: join(SHOTS, "feeds-375.png"), fullPage: true });
    // A dry run's services at 375 px: the same.
    await page.getByRole("button", { name: "Preview (dry run)" }).first().click();
    await page.waitForSelector("#report-title");
    expect(await axeViolations(page)).toEqual([]);
    expect(await sidewaysOverflow(page)).toEqual([]);
    const services = page.getByRole("table", { name: "Services in the feed" });
    await expect(services.getByRole("columnheader").count()).resolves.toBe(4);
    await page.screenshot({ path: join(SHOTS, "feeds-preview-375.png"), fullPage: true });
    await page.close();
    const editor = await signIn("editor@example.org", 1280);
    const res = await editor.page.goto(`${server.url}/admin/feeds`);
    expect(res?.status()).toBe(403);
    await editor.page.close();
  }, 120_000);
});
