import type { Kind } from "../../schema/taxonomy.js";
import { formatPlainDate, parsePlainDate } from "../domain/plain-date.js";
import { hideAfterDaysPastDue, isHiddenAsStale, isReviewOverdue } from "../domain/review.js";

const DAY_MS = 86_400_000;

/** Default review intervals: crisis listings every 90 days, everything else every 180. */
export function defaultReviewEveryDays(kind: Kind): number {
  return kind === "crisis" ? 90 : 180;
}

export interface ReviewStatus {
  /** Date the listing falls due for review, or null if it was never checked. */
  dueOn: string | null;
  /** Whole days past due (0 or more) when overdue; negative counts days until due. */
  daysOverdue: number;
  overdue: boolean;
  /** Date search stops showing it, unless checked before then. */
  hiddenOn: string | null;
  hidden: boolean;
}

export function reviewStatus(
  listing: { verifiedAt: string | null; reviewEveryDays: number; kind: Kind },
  now: Date,
): ReviewStatus {
  const overdue = isReviewOverdue(listing.verifiedAt, listing.reviewEveryDays, now);
  const hidden = isHiddenAsStale(listing.verifiedAt, listing.reviewEveryDays, listing.kind, now);
  const checked = listing.verifiedAt ? parsePlainDate(listing.verifiedAt) : null;
  if (checked === null) {
    return { dueOn: null, daysOverdue: 0, overdue, hiddenOn: null, hidden };
  }
  const due = checked + listing.reviewEveryDays;
  const today = Math.floor(now.getTime() / DAY_MS);
  return {
    dueOn: formatPlainDate(due),
    daysOverdue: today - due,
    overdue,
    hiddenOn: formatPlainDate(due + hideAfterDaysPastDue(listing.kind)),
    hidden,
  };
}
