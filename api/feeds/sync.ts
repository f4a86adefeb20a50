/**
 * Importing a council's ORUK feed: each kept service becomes a draft in review with its provenance
 * (feed, remote id, fetched at, raw JSON). Each record is written in its own transaction, so a
 * run killed half way leaves no half-imported service and the next run carries on. Nothing is
 * ever published or deleted here: changes at source wait for a reviewer, services gone at source
 * are flagged.
 */
import { and, eq } from "drizzle-orm";
import {
  type CheckFlag,
  type FeedFilterRule,
  type FeedRecordState,
  type FeedSyncSummary,
  feedRecords,
  feeds,
  organisations,
} from "../../schema/tables.js";
import { runBatch, type Statement } from "../admin/batch.js";
import type { SessionUser } from "../admin/roles.js";
import { createListing, ukToday } from "../admin/workflow.js";
import type { Db } from "../db/types.js";
import type { GeoIndex } from "../domain/geo-index.js";
import {
  DEFAULT_FILTER_RULE,
  fromHsdsService,
  keptBy,
  type RemoteOrganisation,
  remoteOrganisation,
} from "../domain/oruk/import-map.js";
import { type Raw, str } from "../domain/oruk/tolerant.js";
import { SIGNPOST_NAMESPACE, uuidV5 } from "../domain/oruk/uuid.js";
import { FeedClient, type FeedClientOptions, FeedError } from "./client.js";
import { candidateOf, duplicateOf, loadCandidates, normalName } from "./dedupe.js";

export interface ImportOptions {
  baseUrl: string;
  name?: string | undefined;
  dryRun?: boolean;
  /** The feed's rule when it is registered now (an existing feed keeps its own). */
  filterRule?: FeedFilterRule;
  organisationId?: string | null;
  licence?: string;
  reviewEveryDays?: number;
  /** Who runs it, kept with the feed's last summary. */
  by?: FeedSyncSummary["by"];
  now: Date;
  geo: GeoIndex;
  client?: FeedClientOptions;
  onProgress?: (
    event:
      | { phase: "list"; page: number; seen: number }
      | { phase: "records"; done: number; total: number },
  ) => void;
}

export interface RecordOutcome {
  remoteId: string;
  name: string;
  result: "new" | "changed" | "unchanged" | "filtered" | "rejected" | "duplicate" | "gone";
  reason?: string;
  serviceId?: string | null;
  flags?: CheckFlag[];
}

export interface ImportReport extends Omit<FeedSyncSummary, "at"> {
  feedId: string;
  version: string;
  dryRun: boolean;
  complete: boolean;
  problems: string[];
  records: RecordOutcome[];
}

/** States of a record that follows a listing of ours: its changes at source come for review. */
const LINKED = new Set<FeedRecordState>(["imported", "gone", "kept", "retired"]);

/** The importer's own name in the audit log and on drafts. */
export const IMPORTER: SessionUser = {
  id: "import:oruk",
  email: "",
  name: "ORUK import",
  role: "admin",
  organisationId: null,
  organisationName: null,
};

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Raw)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** A fingerprint of a record's content, whatever order the feed writes its keys in. */
export const recordHash = (raw: Raw) => uuidV5(SIGNPOST_NAMESPACE, stable(raw));

const slug = (text: string, max: number) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "") || "x";

/** Our id for a remote record: readable, and the same on every run. */
export const serviceIdFor = (feedId: string, remoteId: string, name: string) =>
  `${slug(feedId, 20)}-${slug(name, 40)}-${uuidV5(SIGNPOST_NAMESPACE, `${feedId}/${remoteId}`).slice(0, 8)}`;

export const normalBaseUrl = (url: string) => url.trim().replace(/\/+$/, "");

/** A remote record as one of our listings, filed under `serviceId` and `organisationId`. */
export function mapRecord(
  raw: Raw,
  o: {
    serviceId: string;
    organisationId: string;
    reviewEveryDays: number;
    now: Date;
    geo: GeoIndex;
  },
) {
  return fromHsdsService(raw, {
    serviceId: o.serviceId,
    organisationId: o.organisationId,
    today: ukToday(o.now),
    reviewEveryDays: o.reviewEveryDays,
    sectorCentre: (postcode) => {
      const s = o.geo.sectors.get(postcode.slice(0, -2));
      return s ? { latitude: s.latitude, longitude: s.longitude } : null;
    },
  });
}

/** The registered feed at this address, or a new one to register once it has answered. */
async function feedFor(db: Db, o: ImportOptions) {
  const baseUrl = normalBaseUrl(o.baseUrl);
  const [existing] = await db.select().from(feeds).where(eq(feeds.baseUrl, baseUrl));
  if (existing) return { feed: existing, registered: true };
  const name = o.name ?? new URL(baseUrl).host;
  const feed = {
    id: slug(name, 40),
    name,
    baseUrl,
    licence: o.licence ?? "Open Government Licence v3.0",
    organisationId: o.organisationId ?? null,
    reviewEveryDays: o.reviewEveryDays ?? 180,
    filterRule: o.filterRule ?? DEFAULT_FILTER_RULE,
    version: null,
    enabled: true,
    lastSyncAt: null,
    lastSummary: null,
    lastAttemptAt: null,
    lastError: null,
    createdAt: o.now.toISOString(),
    updatedAt: o.now.toISOString(),
  };
  return { feed, registered: false };
}

export async function importFeed(db: Db, o: ImportOptions): Promise<ImportReport> {
  const dryRun = Boolean(o.dryRun);
  const { feed, registered } = await feedFor(db, o);
  const client = new FeedClient(feed.baseUrl, o.client);
  const listing = await client.listServices((p) =>
    o.onProgress?.({ phase: "list", page: p.number, seen: p.ids.length }),
  );
  // Not one page could be read: a failure, not a sync that saw nothing (and a new feed is not
  // registered by it).
  if (listing.pages === 0 && !listing.complete)
    throw new FeedError(`No page of services could be read. ${listing.problems.join(" ")}`);
  if (!registered && !dryRun) await db.insert(feeds).values(feed);
  const known = new Map(
    (await db.select().from(feedRecords).where(eq(feedRecords.feedId, feed.id))).map((r) => [
      r.remoteId,
      r,
    ]),
  );
  const candidates = await loadCandidates(db);
  const records: RecordOutcome[] = [];
  const ids = [
    ...new Set(listing.items.map((i) => str(i.id)).filter((id): id is string => id !== null)),
  ];
  const fetchedAt = o.now.toISOString();
  let done = 0;

  const record = async (remoteId: string): Promise<RecordOutcome> => {
    let raw: Raw;
    try {
      raw = await client.service(remoteId);
    } catch (err) {
      return {
        remoteId,
        name: "",
        result: "rejected",
        reason: `Could not fetch the full record: ${(err as Error).message}`,
      };
    }
    const name = str(raw.name) ?? "";
    const hash = recordHash(raw);
    const prior = known.get(remoteId);
    const provenance = (
      state: FeedRecordState,
      extra: Partial<typeof feedRecords.$inferInsert> = {},
    ) =>
      db
        .insert(feedRecords)
        .values({
          feedId: feed.id,
          remoteId,
          state,
          name,
          fetchedAt,
          raw,
          hash,
          flags: [],
          ...extra,
        })
        .onConflictDoUpdate({
          target: [feedRecords.feedId, feedRecords.remoteId],
          set: { state, name, fetchedAt, raw, hash, updatedAt: fetchedAt, ...extra },
        });
    const write = async (statements: Statement[]) => {
      if (!dryRun) await runBatch(db, statements);
    };
    const linkedUpdate = (set: Partial<typeof feedRecords.$inferInsert>) =>
      db
        .update(feedRecords)
        .set({ ...set, fetchedAt, updatedAt: fetchedAt })
        .where(and(eq(feedRecords.feedId, feed.id), eq(feedRecords.remoteId, remoteId)));

    if (str(raw.id) && str(raw.id) !== remoteId) {
      const reason = `The full record answers for another id (${str(raw.id)}).`;
      await write([provenance("rejected", { reason })]);
      return { remoteId, name, result: "rejected", reason };
    }
    const status = str(raw.status)?.toLowerCase();
    if (status === "inactive" || status === "defunct") {
      if (prior?.serviceId && prior.state !== "imported") {
        // Already flagged, kept or archived by a reviewer: nothing new to say.
        return { remoteId, name, result: "unchanged", serviceId: prior.serviceId };
      }
      if (prior?.serviceId) {
        await write([
          db
            .update(feedRecords)
            .set({ state: "gone", reason: `Marked ${status} at source.`, fetchedAt })
            .where(and(eq(feedRecords.feedId, feed.id), eq(feedRecords.remoteId, remoteId))),
        ]);
        return {
          remoteId,
          name,
          result: "gone",
          reason: `Marked ${status} at source.`,
          serviceId: prior.serviceId,
        };
      }
      return { remoteId, name, result: "filtered", reason: `Marked ${status} at source.` };
    }
    if (prior?.serviceId && LINKED.has(prior.state)) {
      // Back at source after it was flagged gone: followed again, like any imported record.
      const back = prior.state !== "imported";
      const state = { state: "imported" as const, reason: back ? "Back at source." : prior.reason };
      if (prior.hash === hash || prior.pendingHash === hash) {
        if (back) await write([linkedUpdate(state)]);
        return { remoteId, name, result: "unchanged", serviceId: prior.serviceId };
      }
      // A change at source never overwrites our listing: it waits for a reviewer.
      await write([linkedUpdate({ ...state, pendingRaw: raw, pendingHash: hash })]);
      return { remoteId, name, result: "changed", serviceId: prior.serviceId };
    }
    const why = keptBy(raw, feed.filterRule);
    if (!why) {
      const reason = "No perinatal term or keyword (the feed's filter rule).";
      if (prior?.hash !== hash) await write([provenance("filtered", { reason })]);
      return { remoteId, name, result: "filtered", reason };
    }
    const org = remoteOrganisation(raw);
    const organisationId =
      feed.organisationId ?? (org ? organisationIdFor(org, candidates.organisations) : null);
    if (!organisationId) {
      const reason = "The record names no organisation, and the feed files none.";
      await write([provenance("rejected", { reason })]);
      return { remoteId, name, result: "rejected", reason };
    }
    const serviceId = serviceIdFor(feed.id, remoteId, name);
    const mapped = mapRecord(raw, {
      serviceId,
      organisationId,
      reviewEveryDays: feed.reviewEveryDays,
      now: o.now,
      geo: o.geo,
    });
    if (!mapped.ok) {
      await write([provenance("rejected", { reason: mapped.reason })]);
      return { remoteId, name, result: "rejected", reason: mapped.reason };
    }
    const twin = duplicateOf(mapped.listing, org, candidates);
    if (twin) {
      await write([
        provenance("duplicate", { serviceId: twin.id, reason: twin.reason, flags: mapped.flags }),
      ]);
      return { remoteId, name, result: "duplicate", reason: twin.reason, serviceId: twin.id };
    }
    if (!dryRun) {
      const orgRow =
        !feed.organisationId && org && !candidates.organisations.has(organisationId)
          ? [insertOrganisation(db, organisationId, org)]
          : [];
      // An organisation first (kept even if the run stops: the next run files under it again),
      // then the listing, its draft, the audit entry and the provenance: one transaction.
      if (orgRow.length) await runBatch(db, orgRow);
      await createListing({ db, now: o.now, actor: IMPORTER }, mapped.listing, "listing.import", {
        state: "in-review",
        ownChildIds: true,
        also: [
          provenance("imported", { serviceId, flags: mapped.flags, reason: `Kept by ${why}.` }),
        ],
      });
      if (orgRow.length)
        candidates.organisations.set(organisationId, {
          name: org?.name ?? "",
          charityNumber: org?.charityNumber ?? null,
        });
    }
    candidates.services.push({ ...candidateOf(mapped.listing, org), id: serviceId });
    return {
      remoteId,
      name,
      result: "new",
      serviceId,
      flags: mapped.flags,
      reason: `Kept by ${why}.`,
    };
  };

  // Five fetches at once (the client's limit); records are judged as they arrive.
  const queue = [...ids];
  const workers = Array.from({ length: 5 }, async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      records.push(await record(id));
      o.onProgress?.({ phase: "records", done: ++done, total: ids.length });
    }
  });
  await Promise.all(workers);

  // Gone at source: missing from a complete listing. Flagged for review, never deleted.
  if (listing.complete) {
    const listed = new Set(ids);
    for (const r of known.values()) {
      if (listed.has(r.remoteId) || r.state !== "imported") continue;
      records.push({
        remoteId: r.remoteId,
        name: r.name,
        result: "gone",
        reason: "Missing from the feed's full listing.",
        serviceId: r.serviceId,
      });
      if (!dryRun) {
        await db
          .update(feedRecords)
          .set({
            state: "gone",
            reason: "Missing from the feed's full listing.",
            updatedAt: fetchedAt,
          })
          .where(and(eq(feedRecords.feedId, feed.id), eq(feedRecords.remoteId, r.remoteId)));
      }
    }
  }

  const count = (result: RecordOutcome["result"]) =>
    records.filter((r) => r.result === result).length;
  const summary: FeedSyncSummary = {
    at: fetchedAt,
    ...(o.by ? { by: o.by } : {}),
    pages: listing.pages,
    seen: ids.length,
    kept: records.filter((r) => ["new", "changed", "unchanged", "duplicate"].includes(r.result))
      .length,
    new: count("new"),
    changed: count("changed"),
    unchanged: count("unchanged"),
    gone: count("gone"),
    rejected: count("rejected"),
  };
  if (!dryRun) {
    await db
      .update(feeds)
      .set({
        version: listing.version,
        lastSyncAt: fetchedAt,
        lastSummary: summary,
        lastError: null,
        updatedAt: fetchedAt,
      })
      .where(eq(feeds.id, feed.id));
  }
  const { at: _at, by: _by, ...figures } = summary;
  return {
    ...figures,
    feedId: feed.id,
    version: listing.version,
    dryRun,
    complete: listing.complete,
    problems: listing.problems,
    records,
  };
}

/** A remote organisation filed as one of ours (nothing happens if it is already there). */
export const insertOrganisation = (db: Db, id: string, org: RemoteOrganisation) =>
  db
    .insert(organisations)
    .values({ id, name: org.name, website: org.website, charityNumber: org.charityNumber })
    .onConflictDoNothing();

export function organisationIdFor(
  org: RemoteOrganisation,
  known: Map<string, { name: string; charityNumber: string | null }>,
): string {
  for (const [id, o] of known) {
    if (
      (org.charityNumber && o.charityNumber === org.charityNumber) ||
      normalName(o.name) === normalName(org.name)
    )
      return id;
  }
  return `${slug(org.name, 60)}-${uuidV5(SIGNPOST_NAMESPACE, org.name).slice(0, 6)}`;
}
