/**
 * Open Referral feeds we import from, and what each remote record became. An import never
 * publishes: each kept record becomes a draft in review, with its provenance kept here.
 */
import { index, integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamps } from "./columns.js";
import { organisations, services } from "./listings.js";

/** Which remote services a feed lets in: any listed term (name, code or id) or keyword. */
export interface FeedFilterRule {
  terms: string[];
  keywords: string[];
}

export interface FeedSyncSummary {
  at: string;
  /** Who ran it: the daily job, someone in the console, or the command line. */
  by?: "daily job" | "console" | "command line";
  pages: number;
  seen: number;
  kept: number;
  new: number;
  changed: number;
  unchanged: number;
  gone: number;
  rejected: number;
}

export const feeds = sqliteTable("feeds", {
  id: id(),
  name: text("name").notNull(),
  baseUrl: text("base_url").notNull().unique(),
  licence: text("licence").notNull().default("Open Government Licence v3.0"),
  /** The organisation every listing is filed under; null: one per organisation in the feed. */
  organisationId: text("organisation_id").references(() => organisations.id),
  reviewEveryDays: integer("review_every_days").notNull().default(180),
  filterRule: text("filter_rule", { mode: "json" }).$type<FeedFilterRule>().notNull(),
  /** `HSDS-UK-3.0`, or `v1` for the older paging. */
  version: text("version"),
  /** Whether the daily job syncs it (once a UK day); "Sync now" works either way. */
  enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
  lastSyncAt: text("last_sync_at"),
  lastSummary: text("last_summary", { mode: "json" }).$type<FeedSyncSummary>(),
  /** When the daily job last started a sync of it (so it runs once a day, even if it fails). */
  lastAttemptAt: text("last_attempt_at"),
  /** Why the last sync failed (cleared by the next one that succeeds). */
  lastError: text("last_error"),
  ...timestamps,
});

export const FEED_RECORD_STATES = [
  "imported",
  "filtered",
  "rejected",
  "duplicate",
  "gone",
  /** Gone at source; a reviewer kept our listing. */
  "kept",
  /** Gone at source; a reviewer archived our listing. */
  "retired",
] as const;
export type FeedRecordState = (typeof FEED_RECORD_STATES)[number];

/** A point a reviewer must check: the import guessed, or dropped something it could not read. */
export interface CheckFlag {
  field: string;
  message: string;
}

/**
 * One remote service of a feed, keyed by (feed, remote id): remote ids are unique only within
 * their feed. `raw` is the record as fetched (for diffing later syncs), `hash` its fingerprint.
 */
export const feedRecords = sqliteTable(
  "feed_records",
  {
    feedId: text("feed_id")
      .notNull()
      .references(() => feeds.id),
    remoteId: text("remote_id").notNull(),
    serviceId: text("service_id").references(() => services.id),
    state: text("state").$type<FeedRecordState>().notNull(),
    name: text("name").notNull().default(""),
    fetchedAt: text("fetched_at").notNull(),
    raw: text("raw", { mode: "json" }).notNull(),
    hash: text("hash").notNull(),
    flags: text("flags", { mode: "json" }).$type<CheckFlag[]>().notNull(),
    /** Why the record was not imported (rejected), or which listing it may duplicate. */
    reason: text("reason"),
    /**
     * A later sync's version waiting for a reviewer ("change from source"); on a merged duplicate,
     * the record itself, with `raw` `{}` until the reviewer has chosen what to take from it.
     */
    pendingRaw: text("pending_raw", { mode: "json" }),
    pendingHash: text("pending_hash"),
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.feedId, t.remoteId] }),
    index("feed_records_service_idx").on(t.serviceId),
  ],
);
