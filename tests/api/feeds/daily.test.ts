/**
 * The daily sync: each enabled feed is re-imported once a UK day by runDailyJobs (what the Node
 * scheduler, the Workers cron and `npm run jobs:run` call), its result kept on the feed and shown
 * on /admin/feeds. Real libSQL, the real app, and councils' feeds served on loopback.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import { importFeed } from "../../../api/feeds/sync.js";
import { feeds } from "../../../schema/tables.js";
import { type Console, openConsole } from "../admin/helpers.js";
import { councilRecord, mutableFeed, type TestServer } from "./support.js";

const HOUR = 3_600_000;
let con: Console;
let good: TestServer;
let down: TestServer;
const records = new Map<string, Record<string, unknown>>([["d1", councilRecord("d1")]]);

beforeAll(async () => {
  con = await openConsole();
  [good, down] = await Promise.all([mutableFeed(records), mutableFeed(new Map())]);
  for (const [server, name] of [
    [good, "Daily council"],
    [down, "Broken council"],
  ] as const)
    await importFeed(con.db, {
      baseUrl: server.url,
      name,
      now: con.clock.now,
      geo: await con.deps.geo(),
      by: "command line",
    });
  // The broken council's server goes away after it was registered.
  await down.close();
});
afterAll(async () => {
  await good?.close();
  con?.close();
});

const feed = async (id: string) => {
  const [row] = await con.db.select().from(feeds).where(eq(feeds.id, id));
  if (!row) throw new Error(`no feed ${id}`);
  return row;
};
const jobs = () => runDailyJobs(con.deps, { feeds: { client: { retries: 0, backoffMs: 1 } } });

describe("the daily feed sync", () => {
  it("syncs each enabled feed once a UK day and keeps the result, a failure included", async () => {
    records.set("d1", councilRecord("d1", { name: "Bumps and Babies Exeter (Tuesdays)" }));
    const first = await jobs();
    expect(first).toMatchObject({ feedsSynced: 1, feedsFailed: 1 });
    const daily = await feed("daily-council");
    expect(daily).toMatchObject({
      lastSyncAt: con.clock.now.toISOString(),
      lastAttemptAt: con.clock.now.toISOString(),
      lastError: null,
    });
    expect(daily.lastSummary).toMatchObject({ by: "daily job", seen: 1, changed: 1 });
    const broken = await feed("broken-council");
    expect(broken.lastError).toBeTruthy();
    expect(broken.lastAttemptAt).toBe(con.clock.now.toISOString());
    expect(broken.lastSummary).toMatchObject({ by: "command line" });

    // Ten minutes later, and later the same day: nothing is synced again, the failure included.
    con.clock.advance(HOUR / 6);
    expect(await jobs()).toMatchObject({ feedsSynced: 0, feedsFailed: 0 });
    con.clock.advance(12 * HOUR);
    expect(await jobs()).toMatchObject({ feedsSynced: 0, feedsFailed: 0 });
  });

  it("shows on /admin/feeds: who ran it, the figures, the failure, and the daily switch", async () => {
    const admin = await con.as("admin");
    const html = await (await admin.get("/admin/feeds")).text();
    expect(html).toContain("(daily job): 1 seen, 0 new, 1 changed, 0 gone, 0 rejected");
    expect(html).toContain("failed: ");
    expect(html).toContain("It is tried again tomorrow; nothing was changed.");
    expect(html.match(/Synced once a day by the daily job\./g)).toHaveLength(2);
    // The change the daily sync brought waits in Feed review, and the page says so.
    expect(html).toMatch(
      /Feed review<\/a>: 1 changed at source, 0 possible duplicates, 0 gone at source\./,
    );
  });

  it("the next UK day runs again; a feed switched off is left alone; editors cannot switch", async () => {
    const admin = await con.as("admin");
    const editor = await con.as("editor");
    expect(
      (await editor.post("/admin/feeds/broken-council/daily", { enabled: "off" })).status,
    ).toBe(403);
    const off = await admin.post("/admin/feeds/broken-council/daily", { enabled: "off" });
    expect(off.status).toBe(200);
    expect(await off.text()).toContain("Broken council is no longer synced daily.");
    expect((await feed("broken-council")).enabled).toBe(false);
    expect((await admin.post("/admin/feeds/nobody/daily", { enabled: "on" })).status).toBe(404);

    // 2026-11-27 00:05 UK time: a new day.
    con.clock.now = new Date("2026-11-27T00:05:00Z");
    expect(await jobs()).toMatchObject({ feedsSynced: 1, feedsFailed: 0 });
    expect((await feed("daily-council")).lastSummary).toMatchObject({ unchanged: 1, changed: 0 });
    expect((await feed("broken-council")).lastAttemptAt).not.toBe(con.clock.now.toISOString());
  });
});
