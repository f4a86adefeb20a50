import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id } from "./columns.js";
import { users } from "./curation.js";
import { organisations, services } from "./listings.js";
import type { Lang } from "./taxonomy.js";

export const LINK_PURPOSES = ["confirm-listing", "confirm-address"] as const;
export type LinkPurpose = (typeof LINK_PURPOSES)[number];

/**
 * Links sent by mail that act without a sign-in: "still correct" in a review reminder (30 days),
 * "confirm your email address" for a public submission or access request (7 days). The link holds
 * a random token; only its SHA-256 is stored, so the table cannot be turned back into links.
 * A link works once: `usedAt` is set by the guarded update that acts on it.
 */
export const emailLinks = sqliteTable(
  "email_links",
  {
    /** SHA-256 (hex) of the token in the link. */
    id: id(),
    purpose: text("purpose").$type<LinkPurpose>().notNull(),
    /** The listing to confirm, or the submission / access request whose address is checked. */
    subjectId: text("subject_id").notNull(),
    organisationId: text("organisation_id"),
    createdAt: text("created_at").notNull(),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
  },
  (t) => [index("email_links_expires_idx").on(t.expiresAt)],
);

export const SUBMISSION_STATUSES = [
  /** Waiting for the submitter to confirm their email address. */
  "unconfirmed",
  /** In the reviewers' queue. */
  "waiting",
  "accepted",
  "merged",
  "rejected",
] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

/** What the public "Add your service" form collected, as typed (strings, checkbox lists). */
export type SubmissionFields = Record<string, string | string[]>;

/**
 * A service offered through the public `/add-your-service` form. The submitter's name and email
 * are personal data: erased when the submission is handled (they move to the invitation, if any)
 * or when an unconfirmed one lapses (api/admin/submissions.ts).
 */
export const submissions = sqliteTable(
  "submissions",
  {
    id: id(),
    status: text("status").$type<SubmissionStatus>().notNull(),
    lang: text("lang").$type<Lang>().notNull(),
    fields: text("fields", { mode: "json" }).$type<SubmissionFields>().notNull(),
    contactName: text("contact_name"),
    contactEmail: text("contact_email"),
    createdAt: text("created_at").notNull(),
    confirmedAt: text("confirmed_at"),
    handledBy: text("handled_by").references(() => users.id, { onDelete: "set null" }),
    handledAt: text("handled_at"),
    /** Why it was rejected (sent to the submitter). */
    reason: text("reason"),
    organisationId: text("organisation_id").references(() => organisations.id),
    serviceId: text("service_id").references(() => services.id),
  },
  (t) => [index("submissions_status_idx").on(t.status)],
);

export const ACCESS_STATUSES = ["unconfirmed", "waiting", "approved", "refused"] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

/** "Is this your service? Ask to update it": someone asks to become an editor of its organisation. */
export const accessRequests = sqliteTable(
  "access_requests",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    status: text("status").$type<AccessStatus>().notNull(),
    lang: text("lang").$type<Lang>().notNull(),
    name: text("name"),
    email: text("email"),
    /** Their role at the organisation, as they put it. */
    role: text("role"),
    createdAt: text("created_at").notNull(),
    confirmedAt: text("confirmed_at"),
    handledBy: text("handled_by").references(() => users.id, { onDelete: "set null" }),
    handledAt: text("handled_at"),
  },
  (t) => [index("access_requests_status_idx").on(t.status)],
);

export const NOTIFICATION_KINDS = [
  "listing-submitted",
  "listing-sent-back",
  "listing-published",
  "report-created",
  "submission-waiting",
  "access-requested",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What happened, in enough detail to write the mail later (no personal data). */
export interface NotificationEvent {
  kind: NotificationKind;
  /** The listing, submission or access request it is about. */
  subjectId: string;
  /** Its name, as shown in the console. */
  name: string;
  /** A reviewer's note (send-back) or a report's reason code. */
  note?: string | undefined;
}

/**
 * Something one person should hear about. The job turns these into mail: one each for people
 * who chose "immediate", one digest a day for the rest; `outboxId` is the message that carried it.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: id(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    event: text("event", { mode: "json" }).$type<NotificationEvent>().notNull(),
    createdAt: text("created_at").notNull(),
    outboxId: text("outbox_id"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.outboxId)],
);
