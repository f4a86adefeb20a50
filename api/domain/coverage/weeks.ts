/**
 * The coverage calendar: the next 26 Monday-to-Sunday weeks (London dates), and for a group the
 * weeks in which it holds at least one session, term-time-only sessions skipping the school
 * holidays of `school-holidays.ts` as `nextSession` does.
 */
import { londonWallClock } from "../london-time.js";
import { formatPlainDate, isoWeekday, parsePlainDate } from "../plain-date.js";
import type { ScheduleLike } from "../schedule.js";
import { patternDates } from "../schedule.js";
import { type HolidayRange, holidayChecker, SCHOOL_HOLIDAYS } from "../school-holidays.js";

export const WEEKS = 26;

/** Day number of the Monday of the London week holding `now`. */
export function firstMonday(now: Date): number {
  const today = parsePlainDate(londonWallClock(now).date)!;
  return today - (isoWeekday(today) - 1);
}

/** `YYYY-MM-DD` of the Monday starting each calendar week. */
export function weekStarts(now: Date): string[] {
  const first = firstMonday(now);
  return Array.from({ length: WEEKS }, (_, w) => formatPlainDate(first + w * 7));
}

/** Bit w is set when a schedule has a session in week w (w = 0 is the week holding `now`). */
export function sessionWeeks(
  schedules: readonly ScheduleLike[],
  monday: number,
  holidays: readonly HolidayRange[] = SCHOOL_HOLIDAYS,
): number {
  const inHoliday = holidayChecker(holidays);
  const from = formatPlainDate(monday);
  const to = formatPlainDate(monday + WEEKS * 7 - 1);
  let mask = 0;
  for (const s of schedules) {
    for (const date of patternDates(s, from, to)) {
      const day = parsePlainDate(date)!;
      if (s.termTimeOnly && inHoliday(day)) continue;
      mask |= 1 << Math.floor((day - monday) / 7);
    }
  }
  return mask;
}
