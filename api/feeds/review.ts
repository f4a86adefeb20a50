/**
 * What a reviewer does with what the feeds bring: a change from source (taken field by field, or
 * left), a possible duplicate (merged into the listing it matched, imported as its own listing,
 * or kept in place of an unpublished twin that is then archived), a service gone at source
 * (archived or kept). Every choice is audited against the listing; nothing is deleted, and
 * whatever is taken from a feed goes through the usual review and publish workflow.
 */
import { and, asc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import {
  type CheckFlag,
  feedRecords,
  feeds,
  organisations,
  services,
} from "../../schema/tables.js";
import { audit, auditWhere } from "../admin/audit.js";
import type { AuditField } from "../admin/audit-labels.js";
import { runBatch, type Statement } from "../admin/batch.js";
import { previousChanged } from "../admin/guarded.js";
import type { EditToken, ListingRecord } from "../admin/listing-repo.js";
import { applySourceChanges, type SourceGroup, sourceChanges } from "../admin/source-diff.js";
import {
  archive,
  createListing,
  type Outcome,
  saveDraft,
  type WorkflowContext,
} from "../admin/workflow.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { remoteOrganisation } from "../domain/oruk/import-map.js";
import type { Raw } from "../domain/oruk/tolerant.js";
import { insertOrganisation, mapRecord, organisationIdFor, serviceIdFor } from "./sync.js";

export type FeedRecordRow = typeof feedRecords.$inferSelect;
export type FeedRow = typeof feeds.$inferSelect;

export interface ReviewItem {
  feedId: string;
  feedName: string;
  remoteId: string;
  name: string;
  state: FeedRecordRow["state"];
  serviceId: string | null;
  serviceName: string | null;
  serviceStatus: string | null;
  reason: string | null;
  fetchedAt: string;
}

export interface ReviewQueue {
  changed: ReviewItem[];
  duplicates: ReviewItem[];
  gone: ReviewItem[];
}

/** Records waiting for a reviewer: changed at source, possible duplicates, gone at source. */
export async function reviewQueue(db: WorkflowContext["db"]): Promise<ReviewQueue> {
  const rows = await waitingRecords(db);
  return {
    changed: rows.filter((r) => r.state === "imported"),
    duplicates: rows.filter((r) => r.state === "duplicate"),
    gone: rows.filter((r) => r.state === "gone"),
  };
}

/** What the feeds bring about one listing that waits for a reviewer (as `reviewQueue`). */
export function waitingForListing(
  db: WorkflowContext["db"],
  serviceId: string,
): Promise<ReviewItem[]> {
  return waitingRecords(db, eq(feedRecords.serviceId, serviceId));
}

async function waitingRecords(db: WorkflowContext["db"], where?: SQL): Promise<ReviewItem[]> {
  return db
    .select({
      feedId: feedRecords.feedId,
      feedName: feeds.name,
      remoteId: feedRecords.remoteId,
      name: feedRecords.name,
      state: feedRecords.state,
      serviceId: feedRecords.serviceId,
      serviceName: services.name,
      serviceStatus: services.status,
      reason: feedRecords.reason,
      fetchedAt: feedRecords.fetchedAt,
    })
    .from(feedRecords)
    .innerJoin(feeds, eq(feeds.id, feedRecords.feedId))
    .leftJoin(services, eq(services.id, feedRecords.serviceId))
    .where(
      and(
        or(
          and(eq(feedRecords.state, "imported"), sql`${feedRecords.pendingHash} is not null`),
          inArray(feedRecords.state, ["duplicate", "gone"]),
        ),
        where,
      ),
    )
    .orderBy(asc(feeds.name), asc(feedRecords.name), asc(feedRecords.remoteId));
}

export async function loadFeedRecord(
  db: WorkflowContext["db"],
  feedId: string,
  remoteId: string,
): Promise<{ record: FeedRecordRow; feed: FeedRow } | null> {
  const [row] = await db
    .select({ record: feedRecords, feed: feeds })
    .from(feedRecords)
    .innerJoin(feeds, eq(feeds.id, feedRecords.feedId))
    .where(and(eq(feedRecords.feedId, feedId), eq(feedRecords.remoteId, remoteId)));
  return row ?? null;
}

/** A remote record read as if it were this listing (same id, organisation and review interval). */
function asListing(raw: unknown, listing: Listing, now: Date, geo: GeoIndex) {
  return mapRecord((raw ?? {}) as Raw, {
    serviceId: listing.id,
    organisationId: listing.organisationId,
    reviewEveryDays: listing.reviewEveryDays,
    now,
    geo,
  });
}

/** The group a mapping check belongs to, where its field is not a group's own key. */
const FLAG_GROUP: Record<string, string> = { locations: "venues", schedules: "venues" };

export type SourceChange =
  | { ok: true; groups: SourceGroup[]; flags: CheckFlag[]; now: Listing }
  | { ok: false; reason: string };

/** What the source's waiting version (`pending_raw`) would change in our working copy. */
export function sourceChangeOf(
  fr: FeedRecordRow,
  record: ListingRecord,
  now: Date,
  geo: GeoIndex,
): SourceChange {
  const next = asListing(fr.pendingRaw, record.working, now, geo);
  if (!next.ok) return { ok: false, reason: next.reason };
  const before = asListing(fr.raw, record.working, now, geo);
  const groups = sourceChanges(record.working, before.ok ? before.listing : null, next.listing);
  // Only the checks about what is offered: the rest of the record is not being taken.
  const offered = new Set(groups.map((g) => g.key));
  const flags = next.flags.filter((f) => offered.has(FLAG_GROUP[f.field] ?? f.field));
  return { ok: true, groups, flags, now: next.listing };
}

/** This record's row, optionally only while it is in `state` (so two people cannot both decide). */
const thisRecord = (fr: FeedRecordRow, state?: FeedRecordRow["state"]) =>
  and(
    eq(feedRecords.feedId, fr.feedId),
    eq(feedRecords.remoteId, fr.remoteId),
    ...(state ? [eq(feedRecords.state, state)] : []),
  );

/** A reviewer's decision on a record in `from`: its new values and the audit entry, together. */
async function decide(
  ctx: WorkflowContext,
  fr: FeedRecordRow,
  from: FeedRecordRow["state"],
  set: Partial<typeof feedRecords.$inferInsert>,
  entry: {
    action: "listing.merge" | "listing.gone-keep";
    entityId: string;
    after: Partial<Record<AuditField, string>>;
  },
): Promise<boolean> {
  const [changed] = await runBatch(ctx.db, [
    ctx.db
      .update(feedRecords)
      .set({ ...set, updatedAt: ctx.now.toISOString() })
      .where(thisRecord(fr, from)),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action: entry.action,
        entity: "listing",
        entityId: entry.entityId,
        before: { feed: fr.feedId, remoteId: fr.remoteId, state: from, reason: fr.reason },
        after: entry.after,
      },
      previousChanged,
    ),
  ]);
  return (changed ?? 0) > 0;
}

const problem = (p: "conflict" | "state" | "invalid", message: string): Outcome => ({
  ok: false,
  problem: p,
  message,
});

const CHANGED_AGAIN = problem(
  "conflict",
  "The source changed again while you were reading. Nothing was taken: look at the changes again.",
);

/** The waiting version becomes the one last reviewed: the record is settled until it changes. */
function settle(ctx: WorkflowContext, fr: FeedRecordRow, shownHash: string, guard: SQL) {
  return ctx.db
    .update(feedRecords)
    .set({
      raw: fr.pendingRaw,
      hash: fr.pendingHash ?? fr.hash,
      pendingRaw: null,
      pendingHash: null,
      updatedAt: ctx.now.toISOString(),
    })
    .where(and(thisRecord(fr), eq(feedRecords.pendingHash, shownHash), guard));
}

const labels = (groups: SourceGroup[], keys: Set<string>, taken: boolean) =>
  groups.filter((g) => keys.has(g.key) === taken).map((g) => g.label);

/**
 * Takes the chosen fields from the source into the listing's draft and puts it in review (a
 * second person publishes it, as any change); the rest stays ours. One transaction with the
 * audit entry and the feed record's settling, guarded by what the reviewer read.
 */
export async function acceptFromSource(
  ctx: WorkflowContext,
  geo: GeoIndex,
  fr: FeedRecordRow,
  record: ListingRecord,
  token: EditToken,
  shownHash: string,
  keys: string[],
): Promise<Outcome> {
  if (!fr.pendingHash || fr.pendingHash !== shownHash) return CHANGED_AGAIN;
  const change = sourceChangeOf(fr, record, ctx.now, geo);
  if (!change.ok)
    return problem("invalid", `The source's version cannot be read: ${change.reason}`);
  const offered = new Set(change.groups.map((g) => g.key));
  const chosen = new Set(keys.filter((k) => offered.has(k)));
  if (chosen.size === 0)
    return problem("invalid", "Choose at least one change to take, or keep ours as it is.");
  const next = applySourceChanges(record.working, change.now, [...chosen]);
  return saveDraft(
    ctx,
    record,
    token,
    next,
    "listing.source-accept",
    {
      source: {
        feed: fr.feedId,
        remoteId: fr.remoteId,
        taken: labels(change.groups, chosen, true),
        left: labels(change.groups, chosen, false),
      },
    },
    { submit: true, also: (guard) => [settle(ctx, fr, shownHash, guard)] },
  );
}

/** Leaves the listing as it is; the source's version is remembered as reviewed. */
export async function keepOurs(
  ctx: WorkflowContext,
  fr: FeedRecordRow,
  shownHash: string,
  left: string[],
): Promise<Outcome> {
  if (!fr.pendingHash || fr.pendingHash !== shownHash || !fr.serviceId) return CHANGED_AGAIN;
  const [settled] = await runBatch(ctx.db, [
    settle(ctx, fr, shownHash, sql`1`),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action: "listing.source-keep",
        entity: "listing",
        entityId: fr.serviceId,
        after: { source: { feed: fr.feedId, remoteId: fr.remoteId, left } },
      },
      previousChanged,
    ),
  ]);
  return settled ? { ok: true, done: "source-kept" } : CHANGED_AGAIN;
}

/** How a possible duplicate's record differs from the listing it matched, field by field. */
export function duplicateDifferences(
  fr: FeedRecordRow,
  twin: ListingRecord,
  now: Date,
  geo: GeoIndex,
): SourceGroup[] {
  const mapped = asListing(fr.raw, twin.working, now, geo);
  return mapped.ok ? sourceChanges(twin.working, null, mapped.listing) : [];
}

/**
 * Merges a possible duplicate into the listing it matched: the feed record follows that listing
 * from now on, and whatever the record says differently waits as a change from source, so
 * nothing it brought is lost.
 */
export async function mergeDuplicate(
  ctx: WorkflowContext,
  geo: GeoIndex,
  fr: FeedRecordRow,
  twin: ListingRecord,
): Promise<Outcome> {
  if (fr.state !== "duplicate") return problem("state", "This record is not a possible duplicate.");
  if (twin.live.service.status === "archived")
    return problem(
      "state",
      "The listing it matched is archived. Import the record as its own listing instead.",
    );
  const differs = duplicateDifferences(fr, twin, ctx.now, geo).length > 0;
  const merged = await decide(
    ctx,
    fr,
    "duplicate",
    {
      state: "imported",
      serviceId: twin.id,
      reason: `Merged into listing ${twin.id}.`,
      // Nothing from the record is taken yet: it waits, whole, as a change from source.
      ...(differs ? { raw: {}, pendingRaw: fr.raw, pendingHash: fr.hash } : {}),
    },
    {
      action: "listing.merge",
      entityId: twin.id,
      after: { feed: fr.feedId, remoteId: fr.remoteId, kept: twin.id },
    },
  );
  if (!merged) return problem("conflict", "Someone else dealt with this record meanwhile.");
  return { ok: true, done: differs ? "merged-differs" : "merged" };
}

/** A new listing (a draft in review) from a duplicate record, filed as the import would. */
async function createFromRecord(
  ctx: WorkflowContext,
  geo: GeoIndex,
  fr: FeedRecordRow,
  feed: FeedRow,
  reason: string,
  also: (serviceId: string) => Statement[],
): Promise<Outcome & { serviceId?: string }> {
  if (fr.state !== "duplicate") return problem("state", "This record is not a possible duplicate.");
  const raw = fr.raw as Raw;
  const org = remoteOrganisation(raw);
  let organisationId = feed.organisationId;
  if (!organisationId && org) {
    const known = await ctx.db
      .select({
        id: organisations.id,
        name: organisations.name,
        charityNumber: organisations.charityNumber,
      })
      .from(organisations);
    organisationId = organisationIdFor(org, new Map(known.map((o) => [o.id, o])));
    if (!known.some((o) => o.id === organisationId))
      await insertOrganisation(ctx.db, organisationId, org);
  }
  if (!organisationId)
    return problem("invalid", "The record names no organisation, and the feed files none.");
  const serviceId = serviceIdFor(feed.id, fr.remoteId, fr.name);
  const [taken] = await ctx.db
    .select({ id: services.id })
    .from(services)
    .where(eq(services.id, serviceId));
  if (taken) return problem("state", `A listing ${serviceId} already exists for this record.`);
  const mapped = mapRecord(raw, {
    serviceId,
    organisationId,
    reviewEveryDays: feed.reviewEveryDays,
    now: ctx.now,
    geo,
  });
  if (!mapped.ok) return problem("invalid", `The record cannot be imported: ${mapped.reason}`);
  await createListing(ctx, mapped.listing, "listing.import", {
    state: "in-review",
    ownChildIds: true,
    also: [
      ctx.db
        .update(feedRecords)
        .set({
          state: "imported",
          serviceId,
          flags: mapped.flags,
          reason,
          updatedAt: ctx.now.toISOString(),
        })
        .where(thisRecord(fr)),
      ...also(serviceId),
    ],
  });
  return { ok: true, done: "imported", serviceId };
}

/** "Not the same service": the record becomes its own listing, a draft in review. */
export function importSeparately(
  ctx: WorkflowContext,
  geo: GeoIndex,
  fr: FeedRecordRow,
  feed: FeedRow,
) {
  return createFromRecord(
    ctx,
    geo,
    fr,
    feed,
    `Imported as its own listing: not the same service as ${fr.serviceId ?? "the match"}.`,
    () => [],
  );
}

/**
 * Keeps the feed's record and archives the listing it matched, which was never published (so
 * nobody loses a listing they can find): the new listing takes over every feed record that
 * followed the old one, and the old one is archived with its rows, drafts and history kept.
 */
export async function keepRecordArchiveTwin(
  ctx: WorkflowContext,
  geo: GeoIndex,
  fr: FeedRecordRow,
  feed: FeedRow,
  twin: ListingRecord,
  token: EditToken,
): Promise<Outcome & { serviceId?: string }> {
  if (twin.everPublished)
    return problem(
      "state",
      "The listing it matched is published: merge the record into it and take the fields you want instead.",
    );
  if (twin.live.service.status === "archived")
    return problem("state", "The listing it matched is already archived.");
  const at = ctx.now.toISOString();
  return createFromRecord(
    ctx,
    geo,
    fr,
    feed,
    `Kept in place of listing ${twin.id}, which was archived.`,
    (serviceId) => [
      ctx.db
        .update(feedRecords)
        .set({ serviceId, updatedAt: at })
        .where(
          and(
            eq(feedRecords.serviceId, twin.id),
            sql`not (${feedRecords.feedId} = ${fr.feedId} and ${feedRecords.remoteId} = ${fr.remoteId})`,
          ),
        ),
      ctx.db
        .update(services)
        .set({ status: "archived", updatedAt: at })
        .where(and(eq(services.id, twin.id), eq(services.version, token.version))),
      audit(ctx.db, ctx.now, {
        userId: ctx.actor.id,
        action: "listing.archive",
        entity: "listing",
        entityId: twin.id,
        before: { status: twin.live.service.status },
        after: { status: "archived", mergedInto: serviceId },
      }),
      audit(ctx.db, ctx.now, {
        userId: ctx.actor.id,
        action: "listing.merge",
        entity: "listing",
        entityId: serviceId,
        before: { feed: fr.feedId, remoteId: fr.remoteId, state: "duplicate", reason: fr.reason },
        after: { feed: fr.feedId, remoteId: fr.remoteId, kept: serviceId, archived: twin.id },
      }),
    ],
  );
}

/** Gone at source, but the service still runs: the listing stays, the record is settled. */
export async function keepGone(ctx: WorkflowContext, fr: FeedRecordRow): Promise<Outcome> {
  if (fr.state !== "gone" || !fr.serviceId)
    return problem("state", "This record is not flagged as gone.");
  const kept = await decide(
    ctx,
    fr,
    "gone",
    {
      state: "kept",
      reason: `Gone at source (${fr.reason ?? "no reason given"}); the listing is kept.`,
    },
    { action: "listing.gone-keep", entityId: fr.serviceId, after: { state: "kept" } },
  );
  return kept
    ? { ok: true, done: "gone-kept" }
    : problem("conflict", "Someone else dealt with it.");
}

/**
 * Gone at source and no longer running: the listing is archived the usual way (a published
 * crisis listing needs a second person), and the record marked as dealt with once it is.
 */
export async function archiveGone(
  ctx: WorkflowContext,
  fr: FeedRecordRow,
  record: ListingRecord,
  token: EditToken,
): Promise<Outcome> {
  if (fr.state !== "gone") return problem("state", "This record is not flagged as gone.");
  // Archived meanwhile (a second person confirmed a crisis listing's archive): only settle.
  const outcome =
    record.live.service.status === "archived"
      ? { ok: true as const }
      : await archive(ctx, record, token);
  if (!outcome.ok || outcome.done === "archive-requested") return outcome;
  await ctx.db
    .update(feedRecords)
    .set({ state: "retired", updatedAt: ctx.now.toISOString() })
    .where(thisRecord(fr));
  return { ok: true, done: "gone-archived" };
}
