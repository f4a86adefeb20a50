/** Reading listings for the console: one listing with its working copy, and the listings table. */
import { eq, sql } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import { listingDrafts, listingRequests, revisions } from "../../schema/tables.js";
import type { Kind, Status } from "../../schema/taxonomy.js";
import { loadBundles, type ServiceBundle } from "../db/listing-bundles.js";
import type { Db } from "../db/types.js";
import { type Authors, dialledNumbers, SEED_AUTHOR } from "./four-eyes.js";
import { bundleToListing } from "./listing-rows.js";

export type DraftRow = typeof listingDrafts.$inferSelect;
export type RequestRow = typeof listingRequests.$inferSelect;

/** What a form or action read, so a write can insist nothing changed since. */
export interface EditToken {
  /** The live version. */
  version: number;
  /** The draft's revision, or 0 when there is no draft. */
  revision: number;
}

export interface ListingRecord {
  id: string;
  organisationId: string;
  live: ServiceBundle;
  liveListing: Listing;
  draft: DraftRow | null;
  /** What an editor sees and changes: the draft if there is one, else the live listing. */
  working: Listing;
  token: EditToken;
  /** Whether any version was ever published (so the live rows hold public content). */
  everPublished: boolean;
  /** Who changed the working copy since the live version (see four-eyes.ts). */
  authors: Authors;
  /** Requests waiting for a second person, still about what is on screen (older ones lapsed). */
  requests: { publish: RequestRow | null; archive: RequestRow | null };
}

export async function loadListing(db: Db, id: string): Promise<ListingRecord | null> {
  const [bundles, drafts, revisionCount, requests] = await Promise.all([
    loadBundles(db, [id], { areas: true }),
    db.select().from(listingDrafts).where(eq(listingDrafts.serviceId, id)),
    db.select({ n: sql<number>`count(*)` }).from(revisions).where(eq(revisions.serviceId, id)),
    db.select().from(listingRequests).where(eq(listingRequests.serviceId, id)),
  ]);
  const live = bundles.get(id);
  if (!live) return null;
  const draft = drafts[0] ?? null;
  const liveListing = bundleToListing(live);
  const status = live.service.status;
  const everPublished =
    status === "published" || status === "archived" || (revisionCount[0]?.n ?? 0) > 0;
  const token = { version: live.service.version, revision: draft?.revision ?? 0 };
  const current = (action: RequestRow["action"]) =>
    requests.find(
      (r) =>
        r.action === action &&
        r.version === token.version &&
        (action === "archive" || r.revision === token.revision),
    ) ?? null;
  return {
    id,
    organisationId: live.service.organisationId,
    live,
    liveListing,
    draft,
    working: draft ? draft.snapshot : liveListing,
    token,
    everPublished,
    authors: draft
      ? { editors: draft.editors, numberEditors: draft.numberEditors }
      : startingAuthors(liveListing, everPublished),
    requests: { publish: current("publish"), archive: current("archive") },
  };
}

/**
 * The authors of a listing with no draft: nobody, when the live version is the baseline; the
 * seed, for a listing never published (it came from the seed files, not from the console).
 */
export function startingAuthors(live: Listing, everPublished: boolean): Authors {
  if (everPublished) return { editors: [], numberEditors: [] };
  return {
    editors: [SEED_AUTHOR],
    numberEditors: dialledNumbers(live).length ? [SEED_AUTHOR] : [],
  };
}

/** Where a listing stands, as shown in the console. */
export interface ListingStage {
  status: Status;
  /** The state of pending changes to a live listing (none for new listings, whose status says it). */
  pending: "draft" | "in-review" | null;
}

export function stageOf(record: Pick<ListingRecord, "live" | "draft">): ListingStage {
  const status = record.live.service.status;
  const live = status === "published" || status === "archived";
  return { status, pending: live && record.draft ? record.draft.state : null };
}

export const STATUS_FILTERS = ["draft", "in-review", "published", "archived"] as const;
export const SORTS = ["checked-asc", "checked-desc", "name", "edited"] as const;
export type ListingSort = (typeof SORTS)[number];

export interface ListingFilter {
  q?: string | undefined;
  status?: (typeof STATUS_FILTERS)[number] | undefined;
  kind?: Kind | undefined;
  /** An area code (ICB, LHB, LAD, country name or district) the listing serves. */
  area?: string | undefined;
  organisationId?: string | undefined;
  due?: boolean | undefined;
  sort?: ListingSort | undefined;
  /** Editors see only their organisation's listings. */
  scope: string | null;
}

export interface ListingSummary {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  kind: Kind;
  status: Status;
  pending: "draft" | "in-review" | null;
  verifiedAt: string | null;
  reviewEveryDays: number;
  demo: boolean;
  editedAt: string | null;
}

/**
 * A listing (`s`, with its working copy `d`) that is in this state or has a working copy in it:
 * what the Listings table shows for that status, and what the daily summary counts.
 */
export const inState = (state: "draft" | "in-review") =>
  sql`(s.status = ${state} or d.state = ${state})`;

/** Julian day number of an instant, to compare with SQLite's julianday() of a stored date. */
export const julianDay = (now: Date) => now.getTime() / 86_400_000 + 2440587.5;

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listListings(
  db: Db,
  filter: ListingFilter,
  now: Date,
  page: { limit: number; offset: number },
): Promise<{ rows: ListingSummary[]; total: number }> {
  const where = [sql`1 = 1`];
  if (filter.scope !== null) where.push(sql`s.organisation_id = ${filter.scope}`);
  if (filter.organisationId) where.push(sql`s.organisation_id = ${filter.organisationId}`);
  if (filter.kind) where.push(sql`s.kind = ${filter.kind}`);
  if (filter.q) {
    const q = like(filter.q);
    where.push(sql`(s.name like ${q} escape '\\' or s.summary like ${q} escape '\\'
      or o.name like ${q} escape '\\' or s.id like ${q} escape '\\'
      or json_extract(d.snapshot, '$.name') like ${q} escape '\\')`);
  }
  switch (filter.status) {
    case "draft":
    case "in-review":
      where.push(inState(filter.status));
      break;
    case "published":
    case "archived":
      where.push(sql`s.status = ${filter.status}`);
      break;
  }
  if (filter.area) {
    where.push(sql`(exists (select 1 from service_areas a where a.service_id = s.id and a.code = ${filter.area})
      or exists (select 1 from json_each(d.snapshot, '$.areas') j
        where json_extract(j.value, '$.code') = ${filter.area}))`);
  }
  if (filter.due) {
    where.push(sql`s.status = 'published' and (s.verified_at is null
      or ${julianDay(now)} - julianday(s.verified_at) > s.review_every_days)`);
  }
  const order = {
    "checked-asc": sql`s.verified_at is not null, s.verified_at asc, s.name`,
    "checked-desc": sql`s.verified_at is null, s.verified_at desc, s.name`,
    name: sql`s.name collate nocase, s.id`,
    edited: sql`coalesce(d.edited_at, s.updated_at) desc`,
  }[filter.sort ?? "checked-asc"];
  const condition = sql.join(where, sql` and `);
  const from = sql`from services s join organisations o on o.id = s.organisation_id
    left join listing_drafts d on d.service_id = s.id where ${condition}`;
  const [rows, count] = await Promise.all([
    db.all<Record<string, unknown>>(sql`
      select s.id, s.name, s.organisation_id as organisationId, o.name as organisationName, s.kind,
        s.status, d.state as draftState, s.verified_at as verifiedAt,
        s.review_every_days as reviewEveryDays, s.demo, d.edited_at as editedAt
      ${from} order by ${order} limit ${page.limit} offset ${page.offset}`),
    db.all<{ n: number }>(sql`select count(*) as n ${from}`),
  ]);
  return {
    rows: rows.map((r) => {
      const status = r.status as Status;
      const live = status === "published" || status === "archived";
      return {
        id: r.id as string,
        name: r.name as string,
        organisationId: r.organisationId as string,
        organisationName: r.organisationName as string,
        kind: r.kind as Kind,
        status,
        pending: live ? ((r.draftState as ListingSummary["pending"]) ?? null) : null,
        verifiedAt: (r.verifiedAt as string | null) ?? null,
        reviewEveryDays: Number(r.reviewEveryDays),
        demo: Boolean(r.demo),
        editedAt: (r.editedAt as string | null) ?? null,
      };
    }),
    total: count[0]?.n ?? 0,
  };
}

/** Published listings past their review date, most overdue first (never-checked ones first of all). */
export async function dueForReview(
  db: Db,
  now: Date,
  scope: string | null,
): Promise<ListingSummary[]> {
  const { rows } = await listListings(
    db,
    { due: true, status: "published", sort: "checked-asc", scope },
    now,
    { limit: 1000, offset: 0 },
  );
  // Most overdue first: days past due, not days since the check, as intervals differ.
  const overdueDays = (r: ListingSummary) =>
    r.verifiedAt === null
      ? Number.POSITIVE_INFINITY
      : (now.getTime() - Date.parse(`${r.verifiedAt}T00:00:00Z`)) / 86_400_000 - r.reviewEveryDays;
  return rows.sort((a, b) => overdueDays(b) - overdueDays(a));
}

/** Service areas in use (by listings the user can see), for the table's area filter. */
export async function areasInUse(
  db: Db,
  scope: string | null,
): Promise<{ kind: string; code: string }[]> {
  return db.all<{ kind: string; code: string }>(sql`
    select distinct a.kind, a.code from service_areas a join services s on s.id = a.service_id
    where a.code is not null ${scope === null ? sql`` : sql`and s.organisation_id = ${scope}`}
    order by a.kind, a.code`);
}
