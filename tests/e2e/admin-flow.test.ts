/**
 * The whole path in a browser: an editor signs in, adds a listing and submits it; a reviewer
 * publishes it; a mother searching by its postcode then finds it, in the API and in the widget.
 */
import { access, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../api/admin/users.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import type { SearchResponse } from "../../schema/contract.js";
import {
  collectErrors,
  launchChromium,
  newPage,
  searchFor,
  searchSettled,
  widgetReady,
} from "../widget/helpers/browser.js";
import { ensureWidgetBuild, ROOT } from "../widget/helpers/build.js";
import { fillNewListing, fillService, fillVenueAndSession } from "./helpers/listing-form.js";

const PASSWORD = "a long enough test password";
const NAME = "Heavitree Bumps and Babies";
const SHOTS = ".tmp/screenshots/editor";

let dir: string;
let server: RunningServer;
let browser: Browser;
let widgetAvailable = false;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-flow-"));
  const url = `file:${join(dir, "flow.db")}`;
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  await createUser(handle.db, new Date(), null, {
    email: "editor@example.org",
    name: "Erin Editor",
    role: "editor",
    organisationId: "demo-exe-valley-parents",
    password: PASSWORD,
  });
  await createUser(handle.db, new Date(), null, {
    email: "reviewer@example.org",
    name: "Rhys Reviewer",
    role: "reviewer",
    organisationId: null,
    password: PASSWORD,
  });
  handle.close();
  // The widget is someone else's work in progress: check it too once it builds and has a demo page.
  try {
    await access(join(ROOT, "demo/gp-surgery.html"));
    await ensureWidgetBuild();
    widgetAvailable = true;
  } catch {
    widgetAvailable = false;
  }
  [server, browser] = await Promise.all([
    startServer({
      config: readConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: url, RATE_LIMITS: "off" }),
      logger: silentLogger,
      dailyJobs: false,
    }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function signIn(page: Page, email: string) {
  await page.goto(`${server.url}/admin/listings`);
  // Not signed in: the console sends us to sign in, then back where we were going.
  await page.waitForURL(/\/admin\/login\?next=%2Fadmin%2Flistings/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/admin/listings`);
}

describe("editor to reviewer to search, in the browser", () => {
  let listingUrl = "";

  it("lets an editor add a listing and submit it for review", async () => {
    const page = await newPage(browser);
    const errors = collectErrors(page);
    await signIn(page, "editor@example.org");
    await page.getByRole("link", { name: "Add a listing" }).first().click();
    await fillNewListing(page, NAME);
    await mkdir(SHOTS, { recursive: true });
    await page
      .getByRole("group", { name: "Session 1" })
      .screenshot({ path: join(SHOTS, "session-new-venue-1280.png") });
    await page.getByRole("button", { name: "Save draft" }).first().click();
    await page.waitForURL(/done=created/);
    listingUrl = page.url().replace(/\?.*$/, "");
    await expect(page.locator("h1").textContent()).resolves.toBe(NAME);
    await expect(
      page.locator('signpost-card[lang="en"] .card-title').textContent(),
    ).resolves.toContain(NAME);

    await page.getByRole("button", { name: "Submit for review" }).click();
    await page.waitForURL(/done=submitted/);
    await expect(page.locator(".tag-in-review").first().textContent()).resolves.toBe("In review");
    // Editors cannot publish.
    expect(await page.getByRole("button", { name: "Publish" }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it("lets a reviewer publish it, after which search finds it by its postcode sector", async () => {
    const before = (await (
      await fetch(`${server.url}/api/v1/search?postcode=EX1%202&limit=50`)
    ).json()) as SearchResponse;
    expect(JSON.stringify(before)).not.toContain(NAME);

    const page = await newPage(browser);
    await signIn(page, "reviewer@example.org");
    await page.goto(`${server.url}/admin`);
    await page.getByRole("link", { name: NAME }).first().click();
    await expect(page.locator(".warning-box").first().textContent()).resolves.toContain(
      "Needs a second person",
    );
    await page.getByLabel("Note for the history").fill("Phoned the hall to confirm.");
    await page.getByRole("button", { name: "Publish" }).click();
    await page.waitForURL(/done=published/);
    expect(page.url().startsWith(listingUrl)).toBe(true);
    await page.close();

    const res = await fetch(`${server.url}/api/v1/search?postcode=EX1%202&limit=50`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchResponse;
    const hit = [...body.groups.nearby, ...body.groups.area].find((r) => r.name === NAME);
    expect(hit).toBeDefined();
    expect(hit?.contacts[0]?.href).toBe("tel:01632960444");
    expect(hit?.nextSession?.startTime).toBe("10:00");
    // Its one session meets at the venue added in the same form as it, in the one save.
    expect(hit?.nextSession?.locationName).toBe("Heavitree Community Hall");
  }, 60_000);

  it("links a session to a venue added in the same form without JavaScript too", async () => {
    const page = await newPage(browser, {
      javaScriptEnabled: false,
      viewport: { width: 375, height: 800 },
    });
    await signIn(page, "editor@example.org");
    await page.getByRole("link", { name: "Add a listing" }).first().click();
    await fillService(page, "Sidwell Street Baby Group");
    await fillVenueAndSession(
      page,
      { name: "St Sidwell's Centre", address: "Sidwell Street, Exeter", postcode: "EX4 6NN" },
      { weekday: "4", startTime: "13:00", endTime: "14:30" },
    );
    // Nothing renames the choice as the venue is typed: the new row is offered by its number.
    const session = page.getByRole("group", { name: "Session 1" });
    await session
      .getByLabel("Venue (optional)")
      .selectOption({ label: "Venue 1 (not filled in yet)" });
    await session.screenshot({ path: join(SHOTS, "session-new-venue-nojs-375.png") });
    await page.getByRole("button", { name: "Save draft" }).first().click();
    await page.waitForURL(/done=created/);
    await expect(
      page.getByText("Weekly on Thursday, 13:00–14:30, at St Sidwell's Centre").count(),
    ).resolves.toBe(1);
    await page.getByRole("link", { name: "Edit draft" }).click();
    await expect(
      page
        .getByRole("group", { name: "Session 1" })
        .getByLabel("Venue (optional)")
        .locator("option:checked")
        .textContent(),
    ).resolves.toBe("St Sidwell's Centre");
    await page.close();
  }, 60_000);

  it("shows the published listing in the widget's search for that postcode", async (ctx) => {
    if (!widgetAvailable) ctx.skip();
    const page = await newPage(browser);
    await page.goto(`${server.url}/demo/gp-surgery.html`);
    await widgetReady(page);
    await searchFor(page, "EX1 2QX");
    await searchSettled(page);
    const names = await page.evaluate(() =>
      [
        ...(document
          .querySelector("perinatal-signpost")
          ?.shadowRoot?.querySelectorAll(".card-title") ?? []),
      ].map((h) => h.textContent),
    );
    expect(names).toContain(NAME);
    await page.close();
  }, 60_000);
});
