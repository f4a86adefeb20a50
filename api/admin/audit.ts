/**
 * The audit log: who did what, when, with the value before and after. Append-only: this module
 * only inserts and reads, and the database refuses UPDATE and DELETE on the table (0002 migration).
 */
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import { auditLog } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import type { AuditField } from "./audit-labels.js";
import { insertWhere } from "./guarded.js";

export const AUDIT_ACTIONS = [
  "session.login",
  "session.logout",
  "user.create",
  "user.update",
  "user.password",
  "user.invite",
  "user.password-reset-request",
  "user.two-factor-on",
  "user.two-factor-off",
  "user.recovery-code",
  "organisation.create",
  "organisation.update",
  "listing.create",
  "listing.save",
  "listing.submit",
  "listing.withdraw",
  "listing.send-back",
  "listing.publish",
  "listing.archive",
  "listing.check",
  "listing.confirm-by-link",
  "listing.discard",
  "listing.restore",
  "listing.import",
  "listing.source-accept",
  "listing.source-keep",
  "listing.merge",
  "listing.gone-keep",
  "listing.request-publish",
  "listing.request-archive",
  "listing.cancel-request",
  "report.create",
  "report.resolve",
  "report.dismiss",
  "reminder.queue",
  "access.approve",
  "access.refuse",
  "submission.accept",
  "submission.merge",
  "submission.reject",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  userId: string | null;
  action: AuditAction;
  entity:
    | "user"
    | "organisation"
    | "listing"
    | "report"
    | "outbox"
    | "access-request"
    | "submission";
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * A value the audit page can show in words: a listing (diffed under its own field names), a
 * plain value, or a record whose every field, at every depth, has a label in FIELD_LABELS. Any
 * other field is typed `never`, so recording it does not compile.
 */
export type Labelled<T> = T extends
  | null
  | undefined
  | string
  | number
  | boolean
  | readonly unknown[]
  ? T
  : T extends Listing
    ? T
    : { [K in keyof T]: K extends AuditField ? Labelled<T[K]> : never };

/** An entry whose before and after are Labelled (see above). */
export type CheckedEntry<E extends AuditEntry> = E & {
  before?: Labelled<E["before"]>;
  after?: Labelled<E["after"]>;
};

function row(at: Date, e: AuditEntry): typeof auditLog.$inferInsert {
  return {
    at: at.toISOString(),
    userId: e.userId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before ?? null,
    after: e.after ?? null,
  };
}

/** An insert to run on its own or in a batch. */
export function audit<E extends AuditEntry>(db: Db, at: Date, entry: CheckedEntry<E>) {
  return db.insert(auditLog).values(row(at, entry));
}

/** An insert that happens only if `guard` holds (see guarded.ts). */
export function auditWhere<E extends AuditEntry>(
  db: Db,
  at: Date,
  entry: CheckedEntry<E>,
  guard: SQL,
) {
  return insertWhere(db, auditLog, row(at, entry), guard);
}

export interface AuditFilter {
  entity?: string | undefined;
  entityId?: string | undefined;
  userId?: string | undefined;
  action?: string | undefined;
  /** Inclusive day, YYYY-MM-DD. */
  from?: string | undefined;
  /** Inclusive day, YYYY-MM-DD. */
  to?: string | undefined;
}

export type AuditRow = typeof auditLog.$inferSelect;

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function listAudit(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const where: SQL[] = [];
  if (filter.entity) where.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) where.push(eq(auditLog.entityId, filter.entityId));
  if (filter.userId) where.push(eq(auditLog.userId, filter.userId));
  if (filter.action) where.push(eq(auditLog.action, filter.action));
  if (filter.from) where.push(gte(auditLog.at, filter.from));
  if (filter.to) where.push(lt(auditLog.at, nextDay(filter.to)));
  const condition = where.length > 0 ? and(...where) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(condition)
      .orderBy(desc(auditLog.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: sql<number>`count(*)` }).from(auditLog).where(condition),
  ]);
  return { rows, total: count?.n ?? 0 };
}
