/** What an editor's overview shows about their organisation: sent back, reported, due. */
import { and, desc, eq, isNotNull } from "drizzle-orm";
import { listingDrafts, reports, services } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { REASON_LABELS } from "./reports.js";

export interface SentBack {
  id: string;
  name: string;
  note: string;
  at: string;
}

/** Drafts a reviewer sent back, with the reviewer's note, newest first. */
export async function sentBackListings(db: Db, organisationId: string): Promise<SentBack[]> {
  const rows = await db
    .select({
      id: services.id,
      name: services.name,
      draftName: listingDrafts.snapshot,
      note: listingDrafts.reviewNote,
      at: listingDrafts.editedAt,
    })
    .from(listingDrafts)
    .innerJoin(services, eq(services.id, listingDrafts.serviceId))
    .where(
      and(
        eq(services.organisationId, organisationId),
        eq(listingDrafts.state, "draft"),
        isNotNull(listingDrafts.reviewNote),
      ),
    )
    .orderBy(desc(listingDrafts.editedAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    name: r.draftName?.name ?? r.name,
    note: r.note ?? "",
    at: r.at,
  }));
}

export interface OpenReport {
  id: string;
  serviceId: string;
  serviceName: string;
  problem: string;
  at: string;
}

/** Open problem reports on the organisation's listings, newest first (the reason, not the text). */
export async function openReportsOf(db: Db, organisationId: string): Promise<OpenReport[]> {
  const rows = await db
    .select({
      id: reports.id,
      serviceId: reports.serviceId,
      serviceName: services.name,
      reason: reports.reason,
      at: reports.createdAt,
    })
    .from(reports)
    .innerJoin(services, eq(services.id, reports.serviceId))
    .where(and(eq(services.organisationId, organisationId), eq(reports.status, "open")))
    .orderBy(desc(reports.createdAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.serviceId,
    serviceName: r.serviceName,
    problem: REASON_LABELS[r.reason],
    at: r.at,
  }));
}
