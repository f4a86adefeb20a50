/**
 * What the links in a review reminder do (email-links.ts): "still correct" marks the listing as
 * checked today, audited as confirmed by email link by its organisation; "something has changed"
 * files what the organisation wrote as a problem report for the reviewers. Either uses the link.
 */
import { and, eq, sql } from "drizzle-orm";
import {
  emailLinks,
  listingDrafts,
  organisations,
  reports,
  services,
} from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { auditWhere } from "./audit.js";
import { claimLink, type EmailLinkRow } from "./email-links.js";
import { insertWhere, previousChanged } from "./guarded.js";
import { type PublishedWriteContext, runPublishedWrite } from "./published.js";
import { notifyReport, REPORT_TEXT_MAX } from "./reports.js";
import { randomId } from "./tokens.js";
import { ukToday } from "./workflow.js";

export interface LinkedListing {
  id: string;
  name: string;
  status: string;
  verifiedAt: string | null;
  organisationName: string;
}

export async function linkedListing(db: Db, link: EmailLinkRow): Promise<LinkedListing | null> {
  const [row] = await db
    .select({
      id: services.id,
      name: services.name,
      status: services.status,
      verifiedAt: services.verifiedAt,
      organisationName: organisations.name,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(eq(services.id, link.subjectId));
  return row ?? null;
}

/** Answers whether this call confirmed it (false: the link was used or expired meanwhile). */
export async function confirmByLink(
  ctx: PublishedWriteContext & { now: Date },
  link: EmailLinkRow,
  listing: LinkedListing,
): Promise<boolean> {
  const { db, now } = ctx;
  const today = ukToday(now);
  const at = now.toISOString();
  const [claimed] = await runPublishedWrite(ctx, [
    claimLink(db, now, link),
    db
      .update(services)
      .set({ verifiedAt: today, updatedAt: at })
      .where(and(eq(services.id, listing.id), eq(services.status, "published"), previousChanged)),
    auditWhere(
      db,
      now,
      {
        userId: null,
        action: "listing.confirm-by-link",
        entity: "listing",
        entityId: listing.id,
        before: { verifiedAt: listing.verifiedAt },
        after: {
          verifiedAt: today,
          confirmedBy: `email link by ${listing.organisationName}`,
          organisationId: link.organisationId,
        },
      },
      previousChanged,
    ),
    // As "Mark as checked" does: pending changes that left the date alone take the check too.
    db
      .update(listingDrafts)
      .set({ snapshot: sql`json_set(${listingDrafts.snapshot}, '$.verifiedAt', ${today})` })
      .where(
        and(
          eq(listingDrafts.serviceId, listing.id),
          sql`json_extract(${listingDrafts.snapshot}, '$.verifiedAt') is ${listing.verifiedAt}`,
          sql`exists (select 1 from ${emailLinks} where ${emailLinks.id} = ${link.id} and ${emailLinks.usedAt} = ${at})`,
        ),
      ),
  ]);
  return (claimed ?? 0) > 0;
}

/** The longest suggestion an organisation may send (a report's text, less our preface). */
export const SUGGESTION_MAX = REPORT_TEXT_MAX - 100;

/**
 * Files "something has changed" as an open problem report (reason "other") for the reviewers,
 * prefaced with who sent it; the report's text is erased like any other (reports.ts).
 */
export async function suggestChangeByLink(
  db: Db,
  now: Date,
  link: EmailLinkRow,
  listing: LinkedListing,
  text: string,
): Promise<boolean> {
  const at = now.toISOString();
  const id = `r-${randomId(12)}`;
  const body = `From ${listing.organisationName}, by the link in their review reminder: ${text}`;
  const [claimed] = await db.batch([
    claimLink(db, now, link),
    insertWhere(
      db,
      reports,
      {
        id,
        serviceId: listing.id,
        reason: "other",
        text: body.slice(0, REPORT_TEXT_MAX),
        status: "open",
        handledBy: null,
        createdAt: at,
        updatedAt: at,
      },
      previousChanged,
    ),
    auditWhere(
      db,
      now,
      {
        userId: null,
        action: "report.create",
        entity: "report",
        entityId: id,
        after: { serviceId: listing.id, reason: "other", from: "email link" },
      },
      previousChanged,
    ),
  ]);
  if (claimed.rowsAffected === 0) return false;
  await notifyReport(db, now, { serviceId: listing.id, reason: "other" });
  return true;
}
