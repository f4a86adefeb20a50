/**
 * What a reviewer does with what a feed brings, against real libSQL and a council's feed served
 * on loopback: a change from source taken field by field or left, duplicates merged, services
 * gone at source archived or kept. Nothing is overwritten, deleted or published by itself.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ListingRecord, loadListing } from "../../../api/admin/listing-repo.js";
import { publish } from "../../../api/admin/publish.js";
import type { SessionUser } from "../../../api/admin/roles.js";
import { saveDraft, type WorkflowContext } from "../../../api/admin/workflow.js";
import { openDb } from "../../../api/db/client.js";
import { loadGeo, loadGeoIndex } from "../../../api/db/load-geo.js";
import { migrateDb } from "../../../api/db/migrate.js";
import type { Db } from "../../../api/db/types.js";
import type { GeoIndex } from "../../../api/domain/geo-index.js";
import {
  acceptFromSource,
  archiveGone,
  type FeedRecordRow,
  importSeparately,
  keepGone,
  keepOurs,
  keepRecordArchiveTwin,
  loadFeedRecord,
  mergeDuplicate,
  reviewQueue,
  sourceChangeOf,
} from "../../../api/feeds/review.js";
import { IMPORTER, importFeed } from "../../../api/feeds/sync.js";
import { auditLog, feedRecords, listingDrafts, services } from "../../../schema/tables.js";
import { FIXED_NOW } from "../../support/backends.js";
import { councilRecord, mutableFeed, type TestServer } from "./support.js";

let handle: ReturnType<typeof openDb>;
let db: Db;
let geo: GeoIndex;
const servers: TestServer[] = [];
beforeAll(async () => {
  handle = openDb(":memory:");
  db = handle.db;
  await migrateDb(db);
  await loadGeo(db);
  geo = await loadGeoIndex(db);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  handle?.close();
});

const person = (id: string, role: SessionUser["role"]): SessionUser => ({
  ...IMPORTER,
  id,
  email: `${id}@example.org`,
  name: id,
  role,
});
const reviewer = person("reviewer-1", "reviewer");
const other = person("reviewer-2", "reviewer");
const editor = person("editor-1", "admin");
const ctx = (actor: SessionUser, now = FIXED_NOW): WorkflowContext => ({ db, now, actor });

async function feedOf(name: string, records: Map<string, Record<string, unknown>>) {
  const server = await mutableFeed(records);
  servers.push(server);
  const sync = (now = FIXED_NOW) =>
    importFeed(db, { baseUrl: server.url, name, now, geo, client: { backoffMs: 1 } });
  return { server, sync };
}

async function recordOf(feedId: string, remoteId: string): Promise<FeedRecordRow> {
  const found = await loadFeedRecord(db, feedId, remoteId);
  if (!found) throw new Error(`no record ${feedId}/${remoteId}`);
  return found.record;
}
async function listing(id: string | null): Promise<ListingRecord> {
  const record = await loadListing(db, id ?? "");
  if (!record) throw new Error(`no listing ${id}`);
  return record;
}
const auditOf = (entityId: string, action: string) =>
  db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityId, entityId), eq(auditLog.action, action)));

describe("a change from source", () => {
  const records = new Map<string, Record<string, unknown>>();
  let feed: Awaited<ReturnType<typeof feedOf>>;
  let serviceId: string;

  beforeAll(async () => {
    records.set("r1", councilRecord("r1"));
    feed = await feedOf("Exeter hub", records);
    const first = await feed.sync();
    expect(first).toMatchObject({ new: 1 });
    serviceId = first.records[0]?.serviceId ?? "";
    // Published by a reviewer, then edited here: our description is our own now.
    const imported = await listing(serviceId);
    expect(await publish(ctx(reviewer), imported, imported.token)).toEqual({ ok: true });
    const live = await listing(serviceId);
    const saved = await saveDraft(ctx(editor), live, live.token, {
      ...live.working,
      description: "Our own words: a postnatal group in Exeter for new mums and babies.",
    });
    expect(saved).toEqual({ ok: true });
  });

  it("waits for a reviewer: the sync overwrites nothing, and the diff names each field", async () => {
    records.set(
      "r1",
      councilRecord("r1", {
        name: "Bumps and Babies Exeter (Tuesdays)",
        description: "The council's new words about this postnatal group for new mums.",
        phones: [{ number: "01392 000 222" }],
      }),
    );
    const before = await listing(serviceId);
    const report = await feed.sync();
    expect(report).toMatchObject({ changed: 1, new: 0 });
    const after = await listing(serviceId);
    expect(after.working).toEqual(before.working);
    expect(after.liveListing).toEqual(before.liveListing);

    const queue = await reviewQueue(db);
    expect(queue.changed.map((x) => x.serviceId)).toEqual([serviceId]);
    const change = sourceChangeOf(await recordOf("exeter-hub", "r1"), after, FIXED_NOW, geo);
    if (!change.ok) throw new Error(change.reason);
    const byKey = new Map(change.groups.map((g) => [g.key, g]));
    // The summary is read from the description when a feed has none of its own.
    expect([...byKey.keys()].sort()).toEqual(["contacts", "description", "name", "summary"]);
    expect(byKey.get("name")).toMatchObject({
      label: "Name",
      editedHere: false,
      changes: [
        {
          field: "Name",
          before: "Bumps and Babies Exeter",
          after: "Bumps and Babies Exeter (Tuesdays)",
        },
      ],
    });
    // The description was edited here: the reviewer is told, and it is not taken by default.
    expect(byKey.get("description")?.editedHere).toBe(true);
    expect(byKey.get("description")?.changes[0]?.before).toContain("Our own words");
    expect(byKey.get("contacts")?.changes).toEqual([
      expect.objectContaining({ before: "01392 000 111", after: "01392 000 222" }),
    ]);
  });

  it("a stale page takes nothing", async () => {
    const record = await listing(serviceId);
    const outcome = await acceptFromSource(
      ctx(reviewer),
      geo,
      await recordOf("exeter-hub", "r1"),
      record,
      record.token,
      "not-the-hash-shown",
      ["name"],
    );
    expect(outcome).toMatchObject({ ok: false, problem: "conflict" });
    expect((await listing(serviceId)).working.name).toBe("Bumps and Babies Exeter");
  });

  it("choosing nothing is an error that changes nothing", async () => {
    const fr = await recordOf("exeter-hub", "r1");
    const record = await listing(serviceId);
    const outcome = await acceptFromSource(
      ctx(reviewer),
      geo,
      fr,
      record,
      record.token,
      fr.pendingHash ?? "",
      ["organisationId"],
    );
    expect(outcome).toMatchObject({ ok: false, problem: "invalid" });
    expect((await recordOf("exeter-hub", "r1")).pendingHash).toBe(fr.pendingHash);
  });

  it("taking some fields: a draft in review with those, ours elsewhere, audited, settled", async () => {
    const fr = await recordOf("exeter-hub", "r1");
    const record = await listing(serviceId);
    const outcome = await acceptFromSource(
      ctx(reviewer),
      geo,
      fr,
      record,
      record.token,
      fr.pendingHash ?? "",
      ["name", "contacts"],
    );
    expect(outcome).toEqual({ ok: true });
    const after = await listing(serviceId);
    expect(after.draft?.state).toBe("in-review");
    expect(after.working.name).toBe("Bumps and Babies Exeter (Tuesdays)");
    expect(after.working.description).toContain("Our own words");
    expect(after.working.contacts.find((c) => c.kind === "phone")?.value).toBe("01392 000 222");
    // Still not public: the live listing is as it was.
    expect(after.liveListing.name).toBe("Bumps and Babies Exeter");
    const [entry] = await auditOf(serviceId, "listing.source-accept");
    expect((entry?.after as { source?: unknown } | undefined)?.source).toEqual({
      feed: "exeter-hub",
      remoteId: "r1",
      taken: ["Name", "Contacts"],
      left: ["Summary", "Description"],
    });
    const settled = await recordOf("exeter-hub", "r1");
    expect(settled).toMatchObject({ pendingHash: null, pendingRaw: null, hash: fr.pendingHash });
    // The reviewer who took the change may not publish it alone.
    expect(await publish(ctx(reviewer), after, after.token)).toMatchObject({
      ok: false,
      problem: "four-eyes",
    });
    expect(await publish(ctx(other), after, after.token)).toEqual({ ok: true });
    expect((await listing(serviceId)).liveListing.name).toBe("Bumps and Babies Exeter (Tuesdays)");
  });

  it("the next sync with nothing new says unchanged and offers nothing again", async () => {
    const report = await feed.sync();
    expect(report).toMatchObject({ changed: 0, unchanged: 1 });
    expect((await reviewQueue(db)).changed).toEqual([]);
  });

  it("keeping ours changes no listing, and is audited", async () => {
    records.set(
      "r1",
      councilRecord("r1", {
        name: "Bumps and Babies Exeter (Tuesdays)",
        description: "The council's new words about this postnatal group for new mums.",
        phones: [{ number: "01392 000 222" }],
        email: "bumps@exeter-family-hub.example",
      }),
    );
    expect(await feed.sync()).toMatchObject({ changed: 1 });
    const fr = await recordOf("exeter-hub", "r1");
    const before = await listing(serviceId);
    const outcome = await keepOurs(ctx(reviewer), fr, fr.pendingHash ?? "", ["Contacts"]);
    expect(outcome).toEqual({ ok: true, done: "source-kept" });
    expect((await listing(serviceId)).working).toEqual(before.working);
    expect(await auditOf(serviceId, "listing.source-keep")).toHaveLength(1);
    expect(await keepOurs(ctx(reviewer), fr, fr.pendingHash ?? "", [])).toMatchObject({
      ok: false,
      problem: "conflict",
    });
  });
});

describe("possible duplicates", () => {
  it("merge: the record follows the listing it matched, and what differs waits to be taken", async () => {
    // The same group in another council's feed, under the same name and venue postcode.
    const records = new Map([
      [
        "x9",
        councilRecord("x9", {
          name: "Bumps and Babies Exeter (Tuesdays)",
          description: "The county's words about the same postnatal group for new mums.",
          organization: { name: "Devon County" },
        }),
      ],
    ]);
    const feed = await feedOf("Devon county", records);
    const count = async () =>
      (await db.all<{ n: number }>(sql`select count(*) as n from services`))[0]?.n;
    const before = await count();
    const report = await feed.sync();
    expect(report.records[0]).toMatchObject({ result: "duplicate" });
    expect(await count()).toBe(before);
    const fr = await recordOf("devon-county", "x9");
    const twin = await listing(fr.serviceId);
    expect((await reviewQueue(db)).duplicates.map((x) => x.remoteId)).toEqual(["x9"]);

    const outcome = await mergeDuplicate(ctx(reviewer), geo, fr, twin);
    expect(outcome).toEqual({ ok: true, done: "merged-differs" });
    const merged = await recordOf("devon-county", "x9");
    expect(merged).toMatchObject({ state: "imported", serviceId: twin.id, hash: fr.hash });
    expect(merged.pendingRaw).toEqual(fr.raw);
    const change = sourceChangeOf(merged, await listing(twin.id), FIXED_NOW, geo);
    if (!change.ok) throw new Error(change.reason);
    expect(change.groups.map((g) => g.key)).toContain("description");
    expect(await auditOf(twin.id, "listing.merge")).toHaveLength(1);
    // A second merge of the same record is refused.
    expect(await mergeDuplicate(ctx(reviewer), geo, fr, twin)).toMatchObject({ ok: false });
    // The next sync of that feed: unchanged, and the change still waits.
    expect(await feed.sync()).toMatchObject({ unchanged: 1, new: 0 });
    expect((await reviewQueue(db)).changed.map((x) => x.remoteId)).toContain("x9");
  });

  it("keep the record, archive the never-published twin: its feed records follow, nothing lost", async () => {
    const a = await feedOf(
      "Feed a",
      new Map([["a1", councilRecord("a1", { name: "Antenatal circle", phones: [] })]]),
    );
    const first = await a.sync();
    const twinId = first.records[0]?.serviceId ?? "";
    const b = await feedOf(
      "Feed b",
      new Map([
        [
          "b1",
          councilRecord("b1", {
            name: "Antenatal Circle",
            description: "An antenatal group for pregnant women, with a midwife on hand each week.",
          }),
        ],
      ]),
    );
    expect((await b.sync()).records[0]).toMatchObject({ result: "duplicate", serviceId: twinId });
    const found = await loadFeedRecord(db, "feed-b", "b1");
    if (!found) throw new Error("no record");
    const twin = await listing(twinId);
    const outcome = await keepRecordArchiveTwin(
      ctx(reviewer),
      geo,
      found.record,
      found.feed,
      twin,
      twin.token,
    );
    expect(outcome).toMatchObject({ ok: true, done: "imported" });
    const kept = outcome.ok ? (outcome as { serviceId: string }).serviceId : "";
    const [old] = await db.select().from(services).where(eq(services.id, twinId));
    expect(old?.status).toBe("archived");
    const [oldDraft] = await db
      .select()
      .from(listingDrafts)
      .where(eq(listingDrafts.serviceId, twinId));
    expect(oldDraft?.snapshot.name).toBe("Antenatal circle");
    expect((await recordOf("feed-a", "a1")).serviceId).toBe(kept);
    expect(await recordOf("feed-b", "b1")).toMatchObject({ state: "imported", serviceId: kept });
    expect((await listing(kept)).draft?.state).toBe("in-review");
    expect(await auditOf(twinId, "listing.archive")).toHaveLength(1);
    expect(await auditOf(kept, "listing.merge")).toHaveLength(1);
    // Feed a's next sync follows the kept listing: no new listing, nothing duplicated.
    expect(await a.sync()).toMatchObject({ new: 0, unchanged: 1 });
  });

  it("a published twin is never archived this way; 'not the same service' imports it separately", async () => {
    const c = await feedOf(
      "Feed c",
      new Map([["c1", councilRecord("c1", { name: "Bumps and Babies Exeter (Tuesdays)" })]]),
    );
    expect((await c.sync()).records[0]).toMatchObject({ result: "duplicate" });
    const found = await loadFeedRecord(db, "feed-c", "c1");
    if (!found) throw new Error("no record");
    const twin = await listing(found.record.serviceId);
    expect(twin.everPublished).toBe(true);
    expect(
      await keepRecordArchiveTwin(ctx(reviewer), geo, found.record, found.feed, twin, twin.token),
    ).toMatchObject({ ok: false, problem: "state" });
    const outcome = await importSeparately(ctx(reviewer), geo, found.record, found.feed);
    expect(outcome).toMatchObject({ ok: true, done: "imported" });
    const id = (outcome as { serviceId: string }).serviceId;
    expect(id).not.toBe(twin.id);
    expect((await listing(id)).draft?.state).toBe("in-review");
    expect((await listing(twin.id)).live.service.status).toBe("published");
  });
});

describe("gone at source", () => {
  it("is flagged, never deleted; keep or archive, each audited; back at source it is followed again", async () => {
    const records = new Map<string, Record<string, unknown>>([
      ["g1", councilRecord("g1", { name: "Postnatal walk and talk" })],
      ["g2", councilRecord("g2", { name: "Pregnancy yoga circle" })],
      ["g3", councilRecord("g3", { name: "New mums coffee morning" })],
    ]);
    const feed = await feedOf("Gone feed", records);
    const first = await feed.sync();
    expect(first.new).toBe(3);
    records.delete("g1");
    records.delete("g2");
    records.set("g3", {
      ...councilRecord("g3", { name: "New mums coffee morning" }),
      status: "inactive",
    });
    const second = await feed.sync();
    expect(second).toMatchObject({ gone: 3 });
    const gone = (await reviewQueue(db)).gone.filter((x) => x.feedId === "gone-feed");
    expect(gone.map((x) => [x.remoteId, x.reason])).toEqual([
      ["g3", "Marked inactive at source."],
      ["g1", "Missing from the feed's full listing."],
      ["g2", "Missing from the feed's full listing."],
    ]);
    const ids = gone.map((x) => x.serviceId ?? "");
    const rows = await db.all<{ status: string }>(
      sql`select status from services where id in (select value from json_each(${JSON.stringify(ids)}))`,
    );
    expect(rows.map((r) => r.status)).toEqual(["in-review", "in-review", "in-review"]);

    const g1 = await recordOf("gone-feed", "g1");
    expect(await keepGone(ctx(reviewer), g1)).toEqual({ ok: true, done: "gone-kept" });
    expect(await auditOf(g1.serviceId ?? "", "listing.gone-keep")).toHaveLength(1);
    const g2 = await recordOf("gone-feed", "g2");
    const l2 = await listing(g2.serviceId);
    expect(await archiveGone(ctx(reviewer), g2, l2, l2.token)).toEqual({
      ok: true,
      done: "gone-archived",
    });
    expect((await listing(g2.serviceId)).live.service.status).toBe("archived");
    expect((await recordOf("gone-feed", "g2")).state).toBe("retired");

    // Still missing: not flagged again. g1 back at source: followed again, its change offered.
    const third = await feed.sync();
    expect(third.gone).toBe(0);
    records.set(
      "g1",
      councilRecord("g1", {
        name: "Postnatal walk and talk",
        email: "walk@exeter-family-hub.example",
      }),
    );
    const fourth = await feed.sync();
    expect(fourth.records.find((r) => r.remoteId === "g1")).toMatchObject({ result: "changed" });
    expect(await recordOf("gone-feed", "g1")).toMatchObject({
      state: "imported",
      reason: "Back at source.",
    });
    expect(
      await db.select().from(feedRecords).where(eq(feedRecords.feedId, "gone-feed")),
    ).toHaveLength(3);
  });
});
