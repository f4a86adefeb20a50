import type { Kind } from "../../schema/taxonomy.js";

const DAY_MS = 86_400_000;

/** Whether a listing is past its review date: last checked longer ago than its review interval. */
export function isReviewOverdue(
  verifiedAt: string | null,
  reviewEveryDays: number,
  now: Date,
): boolean {
  return now.getTime() > overdueAfter(verifiedAt, reviewEveryDays);
}

/** The last instant (epoch ms) a listing is not yet overdue; -Infinity if never checked. */
export function overdueAfter(verifiedAt: string | null, reviewEveryDays: number): number {
  if (!verifiedAt) return Number.NEGATIVE_INFINITY;
  const checked = Date.parse(`${verifiedAt}T00:00:00Z`);
  if (Number.isNaN(checked)) return Number.NEGATIVE_INFINITY;
  return checked + reviewEveryDays * DAY_MS;
}

/**
 * How long past its review date a listing may stay in search before it is hidden until someone
 * checks it: a stale crisis line is worse than none, so crisis listings get half the time.
 */
export function hideAfterDaysPastDue(kind: Kind): number {
  return kind === "crisis" ? 90 : 180;
}

/**
 * Whether search hides a listing as too long unchecked. A listing never checked is not hidden
 * here: it can only be published flagged `needsVerification`, which the public sees.
 * The SQL twin is `notStaleSql` in api/db/search-filters.ts.
 */
export function isHiddenAsStale(
  verifiedAt: string | null,
  reviewEveryDays: number,
  kind: Kind,
  now: Date,
): boolean {
  return now.getTime() > hiddenAsStaleAfter(verifiedAt, reviewEveryDays, kind);
}

/** The last instant (epoch ms) a listing stays in search; Infinity if it is never hidden. */
export function hiddenAsStaleAfter(
  verifiedAt: string | null,
  reviewEveryDays: number,
  kind: Kind,
): number {
  if (!verifiedAt) return Number.POSITIVE_INFINITY;
  const checked = Date.parse(`${verifiedAt}T00:00:00Z`);
  if (Number.isNaN(checked)) return Number.POSITIVE_INFINITY;
  return checked + (reviewEveryDays + hideAfterDaysPastDue(kind)) * DAY_MS;
}

/**
 * The day an answer belongs to for caching, as `YYYY-MM-DD`: every instant at which a listing is
 * hidden as stale (or falls overdue) is the first after a UTC midnight, so these days run from
 * just after one UTC midnight up to the next one inclusive. Not the UK day: in summer that turns
 * an hour before such an instant, and an answer kept across it would still show the listing.
 */
export function stalenessDay(now: Date): string {
  return new Date(now.getTime() - 1).toISOString().slice(0, 10);
}

/**
 * Why a "last checked" date cannot be kept, or null. A check cannot happen after today (the UK
 * date): a date in the future would be shown to parents and would keep the listing from ever
 * falling due for review.
 */
export function futureCheckProblem(
  verifiedAt: string | null | undefined,
  today: string,
): string | null {
  if (!verifiedAt || verifiedAt <= today) return null;
  const day = new Date(`${today}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return `The last check cannot be after today (${day}). Enter the date the service was really checked.`;
}
