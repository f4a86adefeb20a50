import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { id, timestamps } from "./columns.js";
import { organisations, services } from "./listings.js";

export const ROLES = ["admin", "reviewer", "editor"] as const;
export type Role = (typeof ROLES)[number];

export const users = sqliteTable("users", {
  id: id(),
  email: text("email").notNull().unique(),
  name: text("name").notNull().default(""),
  role: text("role").$type<Role>().notNull(),
  organisationId: text("organisation_id").references(() => organisations.id),
  passwordHash: text("password_hash").notNull(),
  disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
  ...timestamps,
});

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
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    userId: text("user_id"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("revisions_service_version_idx").on(t.serviceId, t.version)],
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

export const reports = sqliteTable(
  "reports",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id),
    reason: text("reason").$type<(typeof REPORT_REASONS)[number]>().notNull(),
    text: text("text"),
    status: text("status").$type<"open" | "resolved" | "dismissed">().notNull().default("open"),
    ...timestamps,
  },
  (t) => [index("reports_status_idx").on(t.status)],
);
