/** Public "report a problem" with a listing, and the reviewers' triage queue. */
import { and, desc, eq, isNotNull, lt, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { REPORT_REASONS, type ReportStatus, reports, services } from "../../schema/tables.js";
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
  return rows.map((r) => ({
    ...r.report,
    serviceName: r.serviceName,
    organisationId: r.organisationId,
  }));
}

export async function countOpenReports(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(reports)
    .where(eq(reports.status, "open"));
  return row?.n ?? 0;
}

/** Resolves or dismisses an open report; false if it was not open any more. */
export async function handleReport(
  db: Db,
  now: Date,
  actorId: string,
  id: string,
  outcome: "resolved" | "dismissed",
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
        after: { status: outcome },
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
