const DAY_MS = 86_400_000;

/** Whether a listing is past its review date: last checked longer ago than its review interval. */
export function isReviewOverdue(
  verifiedAt: string | null,
  reviewEveryDays: number,
  now: Date,
): boolean {
  if (!verifiedAt) return true;
  const checked = Date.parse(`${verifiedAt}T00:00:00Z`);
  if (Number.isNaN(checked)) return true;
  return now.getTime() - checked > reviewEveryDays * DAY_MS;
}
