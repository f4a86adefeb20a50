/** Public "report a problem" with a listing, and the reviewers' triage queue. */
import { and, desc, eq, inArray, isNotNull, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import {
  auditLog,
  REPORT_REASONS,
  type ReportStatus,
  reports,
  services,
  users,
} from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { sectorsOnly } from "../domain/postcode-text.js";
import { audit, auditWhere } from "./audit.js";
import { runBatch } from "./batch.js";
import { previousChanged } from "./guarded.js";
import { notify } from "./notify.js";
import { randomId } from "./tokens.js";

export const REPORT_TEXT_MAX = 1000;

export const REASON_LABELS: Record<(typeof REPORT_REASONS)[number], string> = {
  closed: "It has closed or stopped running",
  "wrong-contact": "The phone number, email or website is wrong",
  "wrong-times": "The days or times are wrong",
  other: "Something else",
};

/**
 * What the public may send. Text is optional, plain, and at most 1,000 characters; a full
 * postcode in it is cut to its sector before anything keeps it.
 */
export const reportInput = z.strictObject({
  reason: z.enum(REPORT_REASONS),
  text: z
    .string()
    .trim()
    .max(REPORT_TEXT_MAX)
    .optional()
    .transform((t) => (t ? sectorsOnly(t) : null)),
});

export type ReportRow = typeof reports.$inferSelect;

export async function createReport(
  db: Db,
  now: Date,
  serviceId: string,
  input: z.output<typeof reportInput>,
): Promise<ReportRow> {
  const at = now.toISOString();
  const row: ReportRow = {
    id: `r-${randomId(12)}`,
    serviceId,
    reason: input.reason,
    text: input.text,
    status: "open",
    handledBy: null,
    createdAt: at,
    updatedAt: at,
  };
  await runBatch(db, [
    db.insert(reports).values(row),
    audit(db, now, {
      userId: null,
      action: "report.create",
      entity: "report",
      entityId: row.id,
      // The entry names the report; what the parent wrote stays in `reports` alone, where the
      // daily job can erase it (the audit log is append-only).
      after: { serviceId, reason: row.reason },
    }),
  ]);
  await notifyReport(db, now, row);
  return row;
}

/** Tells reviewers, and the listing's editors, that a report came in (notify.ts). */
export async function notifyReport(
  db: Db,
  now: Date,
  report: Pick<ReportRow, "serviceId" | "reason">,
) {
  const [listing] = await db
    .select({ name: services.name, organisationId: services.organisationId })
    .from(services)
    .where(eq(services.id, report.serviceId));
  if (!listing) return;
  await notify(
    db,
    now,
    {
      kind: "report-created",
      subjectId: report.serviceId,
      name: listing.name,
      note: report.reason,
    },
    { organisationId: listing.organisationId },
  );
}

export interface ReportListItem extends ReportRow {
  serviceName: string;
  organisationId: string;
  /** Who resolved or dismissed it, and their note (kept in the audit entry of that act). */
  handling: { byName: string | null; at: string; note: string | null } | null;
}

/** How long the note on resolving or dismissing a report may be. */
export const REPORT_NOTE_MAX = 500;

/** The resolve or dismiss entries of these reports, newest last, by report id. */
async function handlingOf(db: Db, ids: string[]) {
  const out = new Map<string, NonNullable<ReportListItem["handling"]>>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      reportId: auditLog.entityId,
      at: auditLog.at,
      after: auditLog.after,
      byName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(
        eq(auditLog.entity, "report"),
        inArray(auditLog.entityId, ids),
        inArray(auditLog.action, ["report.resolve", "report.dismiss"]),
      ),
    )
    .orderBy(auditLog.at);
  for (const r of rows) {
    const note = (r.after as { note?: unknown } | null)?.note;
    out.set(r.reportId, {
      byName: r.byName,
      at: r.at,
      note: typeof note === "string" ? note : null,
    });
  }
  return out;
}

export async function listReports(
  db: Db,
  filter: { status?: ReportStatus | undefined; serviceId?: string | undefined },
): Promise<ReportListItem[]> {
  const where = [];
  if (filter.status) where.push(eq(reports.status, filter.status));
  if (filter.serviceId) where.push(eq(reports.serviceId, filter.serviceId));
  const rows = await db
    .select({
      report: reports,
      serviceName: services.name,
      organisationId: services.organisationId,
    })
    .from(reports)
    .innerJoin(services, eq(services.id, reports.serviceId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(reports.createdAt))
    .limit(500);
  const handling = await handlingOf(
    db,
    rows.filter((r) => r.report.status !== "open").map((r) => r.report.id),
  );
  return rows.map((r) => ({
    ...r.report,
    serviceName: r.serviceName,
    organisationId: r.organisationId,
    handling: handling.get(r.report.id) ?? null,
  }));
}

export async function countOpenReports(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reports)
    .where(eq(reports.status, "open"));
  return row?.n ?? 0;
}

/**
 * Resolves or dismisses an open report, with the reviewer's note (what was fixed, or why it was
 * dismissed); false if it was not open any more. The note is staff text and lives in the audit
 * entry, which is never erased; the reporter's own text stays in `reports` alone and is erased
 * on the retention schedule below.
 */
export async function handleReport(
  db: Db,
  now: Date,
  actorId: string,
  id: string,
  outcome: "resolved" | "dismissed",
  note: string | null = null,
): Promise<boolean> {
  const [changed] = await runBatch(db, [
    db
      .update(reports)
      .set({ status: outcome, handledBy: actorId, updatedAt: now.toISOString() })
      .where(and(eq(reports.id, id), eq(reports.status, "open"))),
    auditWhere(
      db,
      now,
      {
        userId: actorId,
        action: outcome === "resolved" ? "report.resolve" : "report.dismiss",
        entity: "report",
        entityId: id,
        before: { status: "open" },
        after: { status: outcome, ...(note ? { note } : {}) },
      },
      previousChanged,
    ),
  ]);
  return Boolean(changed);
}

/** How long a report's text is kept after it was resolved or dismissed, unless configured. */
export const REPORT_RETENTION_DAYS = 90;

/**
 * Erases the text of reports resolved or dismissed more than `days` ago (the reason, listing
 * and outcome stay); answers how many were erased. Open reports keep their text until triaged.
 */
export async function purgeReportText(db: Db, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await db
    .update(reports)
    .set({ text: null })
    .where(and(ne(reports.status, "open"), isNotNull(reports.text), lt(reports.updatedAt, cutoff)));
  return result.rowsAffected;
}
