/**
 * Calendar dates and wall-clock times without a time zone, as schedules store them
 * (`YYYY-MM-DD`, `HH:MM`). Dates are handled as day numbers (days since 1970-01-01) so that
 * stepping, comparing and finding weekdays is integer arithmetic, free of time-zone surprises.
 */

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^(\d{2}):(\d{2})$/;

/** Day number of a `YYYY-MM-DD` date, or null when the text is not a real calendar date. */
export function parsePlainDate(text: string): number | null {
  const match = DATE_PATTERN.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to 2026-03-02; a round trip catches it.
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1) return null;
  return ms / DAY_MS;
}

/** The `YYYY-MM-DD` text of a day number. */
export function formatPlainDate(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

/** Year, month (1–12) and day of the month of a day number. */
export function plainDateFields(dayNumber: number): { year: number; month: number; day: number } {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(dayNumber: number): number {
  // Day 0, 1970-01-01, was a Thursday (4).
  return mod(dayNumber + 3, 7) + 1;
}

/** Number of days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes after midnight of an `HH:MM` time (00:00–23:59), or null when it is not one. */
export function parsePlainTime(text: string): number | null {
  const match = TIME_PATTERN.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return null;
  return hours * 60 + minutes;
}

/** Remainder that is never negative, for parities counted back from a later anchor. */
export function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
