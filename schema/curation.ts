import { sql } from "drizzle-orm";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { id, timestamps } from "./columns.js";
import type { Listing } from "./listing-input.js";
import { organisations, services } from "./listings.js";
import type { MailLanguage } from "./taxonomy.js";

export const ROLES = ["admin", "reviewer", "editor"] as const;
export const NOTIFY_CHOICES = ["immediate", "daily"] as const;
export type NotifyChoice = (typeof NOTIFY_CHOICES)[number];
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  role: text("role").$type<Role>().notNull(),
  organisationId: text("organisation_id").references(() => organisations.id),
  passwordHash: text("password_hash").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  /**
   * How this person hears about what concerns them (submissions, send-backs, reports): a mail
   * each time, or one digest a day. Null: the default for the role (see api/admin/notify.ts).
   */
  notify: text("notify").$type<NotifyChoice>(),
  /**
   * The TOTP secret (base32) once two-factor sign-in is on, else null. It must be readable to
   * check codes, so it is kept as is; recovery codes, which need not be, are kept hashed.
   */
  totpSecret: text("totp_secret"),
  totpEnabledAt: text("totp_enabled_at"),
  /** The last 30-second step a code was accepted for: the same code never signs in twice. */
  totpLastStep: integer("totp_last_step"),
  ...timestamps,
});

/** One-time recovery codes for two-factor sign-in, as SHA-256 digests; a used one is deleted. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    codeHash: text("code_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

export const ACCOUNT_TOKEN_PURPOSES = ["invitation", "password-reset"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Links that let someone set their password: an invitation (7 days) or a password reset (1 hour).
 * Only the token's SHA-256 is kept; the token itself is in the link in the mail. Single use.
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<AccountTokenPurpose>().notNull(),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the session token; the token itself is only ever in the cookie. */
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** A full snapshot of a listing (service with its children) for each published version. */
export const revisions = sqliteTable(
  "revisions",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).$type<Listing>().notNull(),
    /** Who published this version. */
    userId: text("user_id"),
    /** Who last edited it before it was published (the four-eyes rule compares the two). */
    editedBy: text("edited_by"),
    /** Why it was published: "Restored from version 3", a reviewer's note… */
    note: text("note"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("revisions_service_version_idx").on(t.serviceId, t.version)],
);

export const DRAFT_STATES = ["draft", "in-review"] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

/**
 * The working copy of a listing while it is edited: a full snapshot, kept apart from the live rows
 * so a published listing stays public, unchanged, until a reviewer publishes the new version.
 * `revision` counts saves; every write names the revision it read, so a stale form never wins.
 */
export const listingDrafts = sqliteTable(
  "listing_drafts",
  {
    serviceId: text("service_id")
      .primaryKey()
      .references(() => services.id),
    snapshot: text("snapshot", { mode: "json" }).$type<Listing>().notNull(),
    state: text("state").$type<DraftState>().notNull().default("draft"),
    /** The live version this draft started from. */
    baseVersion: integer("base_version").notNull(),
    revision: integer("revision").notNull().default(1),
    editedBy: text("edited_by"),
    editedAt: text("edited_at").notNull(),
    /**
     * Everyone who changed the working copy since the live version, and those of them whose
     * change touched a number (the four-eyes rule compares the publisher with each of them).
     * `seed` stands for content that came from the seed files or an import, not a person.
     */
    editors: text("editors", { mode: "json" }).$type<string[]>().notNull().default(sql`'[]'`),
    numberEditors: text("number_editors", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'`),
    submittedBy: text("submitted_by"),
    submittedAt: text("submitted_at"),
    /** A reviewer's reason for sending the draft back. */
    reviewNote: text("review_note"),
    /** A random token set by the write that last claimed the row; later statements check it. */
    writeToken: text("write_token").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("listing_drafts_state_idx").on(t.state)],
);

export const REQUEST_ACTIONS = ["publish", "archive"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

/**
 * A change one person asked for and a second person must carry out: archiving a crisis listing,
 * or publishing numbers no person in the console entered (seeded listings). A request is about
 * the live version and draft revision it was made at, and lapses when either moves.
 */
export const listingRequests = sqliteTable(
  "listing_requests",
  {
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    action: text("action").$type<RequestAction>().notNull(),
    requestedBy: text("requested_by").notNull(),
    requestedAt: text("requested_at").notNull(),
    version: integer("version").notNull(),
    revision: integer("revision").notNull(),
  },
  (t) => [primaryKey({ columns: [t.serviceId, t.action] })],
);

/** Append-only: rows are inserted, never updated or deleted. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull(),
    userId: text("user_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entity, t.entityId),
    index("audit_log_at_idx").on(t.at),
  ],
);

export const REPORT_REASONS = ["closed", "wrong-contact", "wrong-times", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_STATUSES = ["open", "resolved", "dismissed"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

export const reports = sqliteTable(
  "reports",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    reason: text("reason").$type<ReportReason>().notNull(),
    text: text("text"),
    status: text("status").$type<ReportStatus>().notNull().default("open"),
    /** The reviewer who resolved or dismissed the report. */
    handledBy: text("handled_by"),
    ...timestamps,
  },
  (t) => [index("reports_status_idx").on(t.status), index("reports_service_idx").on(t.serviceId)],
);

export const OUTBOX_STATUSES = ["queued", "sent", "failed"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_KINDS = [
  "review-reminder",
  /** One event (a submission, a send-back, a report) for someone who chose a mail each time. */
  "notification",
  /** A day's events and queues for one person. */
  "digest",
  /** "Confirm your email address" for a public submission or an access request. */
  "address-check",
  /** The answer to a public submission or an access request. */
  "outcome",
  "invitation",
  "password-reset",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Every message the system sends, written here first and sent from here by a replaceable sender
 * (api/admin/outbox.ts). Review reminders: one per organisation per day, whatever the number of
 * job runs; every other kind names a `key` that makes it once-only.
 * Mail to one person that carries a set-password link loses the link once sent.
 */
export const outbox = sqliteTable(
  "outbox",
  {
    id: id(),
    kind: text("kind").$type<OutboxKind>().notNull(),
    /** The organisation a review reminder is for. */
    organisationId: text("organisation_id").references(() => organisations.id),
    /** The person a message is for, when it is for one person. */
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    /** Makes a message once-only: `digest:<user>:<day>`, `notification:<id>`… */
    key: text("key"),
    /** The day (YYYY-MM-DD, Europe/London) the message was written for. */
    day: text("day").notNull(),
    recipients: text("recipients", { mode: "json" }).$type<string[]>().notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The language of the body: "both" is Welsh, then English, parted by BILINGUAL_BREAK. */
    lang: text("lang").$type<MailLanguage>().notNull().default("en"),
    /** What the message is about (for reminders: the listings, with how overdue each was). */
    payload: text("payload", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<OutboxStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /**
     * When the sending job may next try (ISO): set ahead when a run claims the message (so an
     * overlapping run leaves it alone) and further ahead after a failure (backoff).
     */
    nextAttemptAt: text("next_attempt_at"),
    sentAt: text("sent_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("outbox_kind_organisation_day_idx").on(t.kind, t.organisationId, t.day),
    uniqueIndex("outbox_key_idx").on(t.key),
    index("outbox_status_idx").on(t.status),
  ],
);

export const FORM_PURPOSES = ["import"] as const;
export type FormPurpose = (typeof FORM_PURPOSES)[number];

/**
 * One-time tokens of forms that must take effect once (the CSV import). The page issues a token;
 * the first submit marks it used, and a second submit of the same form finds it used and does
 * nothing. Tokens are useless after a day and are cleared then.
 */
export const formTokens = sqliteTable(
  "form_tokens",
  {
    token: text("token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose").$type<FormPurpose>().notNull(),
    createdAt: text("created_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("form_tokens_created_idx").on(t.createdAt)],
);
