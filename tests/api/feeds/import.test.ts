import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadListing } from "../../../api/admin/listing-repo.js";
import { publish } from "../../../api/admin/publish.js";
import { openDb } from "../../../api/db/client.js";
import { readDirectoryVersion } from "../../../api/db/directory-version.js";
import { loadGeo, loadGeoIndex } from "../../../api/db/load-geo.js";
import { migrateDb } from "../../../api/db/migrate.js";
import type { Db } from "../../../api/db/types.js";
import type { GeoIndex } from "../../../api/domain/geo-index.js";
import { summaryLines } from "../../../api/feeds/summary.js";
import { IMPORTER, type ImportReport, importFeed } from "../../../api/feeds/sync.js";
import { feedRecords, listingDrafts, services } from "../../../schema/tables.js";
import { FIXED_NOW } from "../../support/backends.js";
import { fixtureFeed, serve, type TestServer } from "./support.js";

let handle: ReturnType<typeof openDb>;
let db: Db;
let geo: GeoIndex;
beforeAll(async () => {
  handle = openDb(":memory:");
  db = handle.db;
  await migrateDb(db);
  await loadGeo(db);
  geo = await loadGeoIndex(db);
});
afterAll(() => handle?.close());

const run = (baseUrl: string, extra: Partial<Parameters<typeof importFeed>[1]> = {}) =>
  importFeed(db, { baseUrl, now: FIXED_NOW, geo, client: { backoffMs: 5 }, ...extra });
const outcome = (r: ImportReport, name: string) => r.records.find((x) => x.name === name);

describe("importing the ORUK validator's fixture feeds", () => {
  let feed: TestServer;
  afterAll(() => feed?.close());

  it("v3-uk-default: the default rule leaves a counselling service out, and says why", async () => {
    feed = await fixtureFeed("v3-uk-default");
    const report = await run(feed.url, { dryRun: true });
    expect(report).toMatchObject({
      version: "HSDS-UK-3.0",
      pages: 1,
      seen: 1,
      kept: 0,
      new: 0,
      dryRun: true,
    });
    expect(outcome(report, "Community Counselling")).toMatchObject({
      result: "filtered",
      reason: "No perinatal term or keyword (the feed's filter rule).",
    });
    const [{ n } = { n: -1 }] = await db.all<{ n: number }>(sql`select count(*) as n from feeds`);
    expect(n).toBe(0);
    await feed.close();
  });

  it("v3-uk-default with a rule that keeps counselling: a draft in review with provenance and flags", async () => {
    feed = await fixtureFeed("v3-uk-default");
    const report = await run(feed.url, {
      name: "Default fixture",
      filterRule: { terms: [], keywords: ["counselling"] },
    });
    expect(report).toMatchObject({ seen: 1, kept: 1, new: 1, rejected: 0 });
    const imported = outcome(report, "Community Counselling");
    const serviceId = imported?.serviceId ?? "";
    const [service] = await db.select().from(services).where(eq(services.id, serviceId));
    expect(service?.status).toBe("in-review");
    const [draft] = await db
      .select()
      .from(listingDrafts)
      .where(eq(listingDrafts.serviceId, serviceId));
    expect(draft?.state).toBe("in-review");
    expect(draft?.snapshot).toMatchObject({
      kind: "counselling",
      needsVerification: true,
      verifiedAt: null,
      cost: "paid",
      costNote: "fees_description",
    });
    // The fixture's venue has latitude 100 and a US postcode: it is left out, and said so.
    expect(draft?.snapshot.locations).toEqual([]);
    const fields = (imported?.flags ?? []).map((f) => f.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        "summary",
        "kind",
        "stages",
        "referral",
        "locations",
        "verifiedAt",
        "contacts",
      ]),
    );
    expect(imported?.flags?.find((f) => f.field === "contacts")?.message).toContain("http:");
    const [provenance] = await db
      .select()
      .from(feedRecords)
      .where(eq(feedRecords.serviceId, serviceId));
    expect(provenance).toMatchObject({
      feedId: "default-fixture",
      remoteId: "ac148810-d857-441c-9679-408f346de14b",
      state: "imported",
      fetchedAt: FIXED_NOW.toISOString(),
    });
    expect((provenance?.raw as { name: string } | undefined)?.name).toBe("Community Counselling");
    // Nothing is published by an import.
    const published = await db.all(sql`select id from services where status = 'published'`);
    expect(published).toEqual([]);
  });

  it("re-running with nothing changed changes nothing and says so", async () => {
    const before = await db.all(sql`select * from audit_log`);
    const report = await run(feed.url);
    expect(report).toMatchObject({ new: 0, changed: 0, unchanged: 1, gone: 0 });
    expect(summaryLines(report).at(-1)).toBe("Nothing changed at source: nothing to review.");
    expect(await db.all(sql`select * from audit_log`)).toEqual(before);
    await feed.close();
  });

  it("v3-uk-fail: records without a description, or answering for another id, are rejected with reasons", async () => {
    feed = await fixtureFeed("v3-uk-fail");
    const report = await run(feed.url, {
      name: "Fail fixture",
      filterRule: { terms: [], keywords: ["counselling"] },
    });
    // `/` has no version: the pages are sniffed (v3 `contents`).
    expect(report.version).toBe("HSDS-UK-3.0");
    expect(report.new).toBe(0);
    const reasons = report.records.map((r) => r.reason);
    expect(reasons).toContain("The record has no description.");
    expect(
      reasons.filter((r) => r?.startsWith("The full record answers for another id")),
    ).toHaveLength(2);
    expect(report.rejected).toBe(3);
    const lines = summaryLines(report).join("\n");
    expect(lines).toContain("rejected           3");
    expect(lines).toContain("The record has no description.");
    await feed.close();
  });

  it("v3-uk-warn: kept by keyword with the same checks", async () => {
    feed = await fixtureFeed("v3-uk-warn");
    const report = await run(feed.url, {
      name: "Warn fixture",
      filterRule: { terms: [], keywords: ["counselling"] },
    });
    // The same service as the default feed's, from another feed: offered as a merge, not created twice.
    expect(report.records[0]).toMatchObject({ result: "duplicate" });
    expect(report.records[0]?.reason).toContain("offered as a merge");
    await feed.close();
  });
});

describe("paging a v1-style feed", () => {
  it("reads 3 pages of `content`, retries a 500, stops at a repeated page and imports each record once", async () => {
    let failedOnce = false;
    const item = (n: number) => ({ id: `svc-${n}`, name: `Bumps and babies group ${n}` });
    const full = (id: string) => ({
      id,
      name: `Bumps and babies group ${id.slice(4)}`,
      description: `A postnatal peer group for new mums, number ${id.slice(4)}. Come along with your baby.`,
      organization: { id: "org-1", name: "Riverside Families" },
      phones: [{ number: '"01632 960 123"' }],
      email: "hello@riverside-families.example",
      service_areas: [
        { name: "Exeter", uri: "http://statistics.data.gov.uk/id/statistical-geography/E07000041" },
      ],
    });
    const server = await serve((path) => {
      const url = new URL(path, "http://x");
      if (url.pathname === "/services") {
        const page = Number(url.searchParams.get("page"));
        if (page === 2 && !failedOnce) {
          failedOnce = true;
          return { status: 500, body: { error: "boom" } };
        }
        // Page 4 and beyond: the feed ignores `page` past its end and repeats page 3 (no `last`).
        const from = Math.min(page, 3) * 5 - 4;
        return {
          body: {
            content: [0, 1, 2, 3, 4].map((i) => item(from + i)),
            totalElements: 15,
            number: page,
            first: page === 1,
          },
        };
      }
      if (url.pathname.startsWith("/services/"))
        return { body: full(decodeURIComponent(url.pathname.slice(10))) };
      return null;
    });
    try {
      const report = await run(server.url, { name: "V1 feed" });
      expect(report).toMatchObject({ version: "v1", pages: 3, seen: 15, new: 15, rejected: 0 });
      expect(report.problems).toEqual(["Page 4 repeats page 3: stopped there."]);
      expect(server.hits.filter((h) => h.startsWith("/services?page=2"))).toHaveLength(2);
      const drafts = await db.all<{ id: string }>(
        sql`select s.id from services s join feed_records f on f.service_id = s.id where f.feed_id = 'v1-feed'`,
      );
      expect(drafts).toHaveLength(15);
      const one = await db
        .select()
        .from(listingDrafts)
        .where(eq(listingDrafts.serviceId, drafts[0]?.id ?? ""));
      expect(one[0]?.snapshot).toMatchObject({
        kind: "peer-group",
        stages: ["pregnancy", "postnatal"],
        areas: [{ kind: "lad", code: "E07000041" }],
      });
      expect(one[0]?.snapshot.contacts[0]).toMatchObject({ kind: "phone", value: "01632 960 123" });
    } finally {
      await server.close();
    }
  });

  it("a reviewer accepts an imported draft through the published-data write, which moves directory_version", async () => {
    const [row] = await db.all<{ id: string }>(
      sql`select service_id as id from feed_records where feed_id = 'v1-feed' order by remote_id limit 1`,
    );
    const record = await loadListing(db, row?.id ?? "");
    if (!record) throw new Error("no imported listing");
    const before = await readDirectoryVersion(db);
    const reviewer = {
      ...IMPORTER,
      id: "reviewer-1",
      email: "r@example.org",
      name: "Reviewer",
      role: "reviewer" as const,
    };
    const outcome = await publish({ db, now: FIXED_NOW, actor: reviewer }, record, record.token);
    expect(outcome).toEqual({ ok: true });
    expect(await readDirectoryVersion(db)).toBe(before + 1);
    const [live] = await db.select().from(services).where(eq(services.id, record.id));
    expect(live?.status).toBe("published");
  });

  it("a run that loses the feed half way leaves only whole listings, and the next run carries on", async () => {
    let served = 0;
    let healthy = false;
    const server = await serve((path) => {
      const url = new URL(path, "http://x");
      if (url.pathname === "/") return { body: { version: "HSDS-UK-3.0" } };
      if (url.pathname === "/services") {
        return {
          body: {
            total_items: 8,
            total_pages: 1,
            page_number: 1,
            contents: Array.from({ length: 8 }, (_, i) => ({ id: `r${i}` })),
          },
        };
      }
      if (!healthy && ++served > 3) return { status: 503, body: {} };
      const id = url.pathname.slice(10);
      return {
        body: {
          id,
          name: `Antenatal circle ${id}`,
          description: "An antenatal group for pregnant women.",
          organization: { name: "Circle Trust" },
          service_areas: [
            { uri: "http://statistics.data.gov.uk/id/statistical-geography/E92000001" },
          ],
        },
      };
    });
    try {
      const first = await run(server.url, {
        name: "Flaky feed",
        client: { backoffMs: 1, retries: 0 },
      });
      expect(first.new).toBe(3);
      expect(first.rejected).toBe(5);
      const orphans = await db.all(sql`select s.id from services s
        where s.id like 'flaky-feed-%' and (not exists (select 1 from listing_drafts d where d.service_id = s.id)
          or not exists (select 1 from feed_records f where f.service_id = s.id))`);
      expect(orphans).toEqual([]);
      healthy = true;
      const second = await run(server.url, { client: { backoffMs: 1, retries: 0 } });
      expect(second).toMatchObject({ new: 5, unchanged: 3, rejected: 0 });
    } finally {
      await server.close();
    }
  });
});
