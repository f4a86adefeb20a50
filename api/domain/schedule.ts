/**
 * When does a recurring session next happen? Schedules are stored as London wall-clock rules
 * (weekly, fortnightly, monthly nth weekday); this turns them into the next concrete session,
 * with instants that carry the right offset either side of the clock changes.
 */
import type { NextSession } from "../../schema/contract.js";
import type { SchedulePattern } from "../../schema/taxonomy.js";
import { formatLondonIso, londonInstant, londonWallClock } from "./london-time.js";
import {
  daysInMonth,
  formatPlainDate,
  isoWeekday,
  mod,
  parsePlainDate,
  plainDateFields,
} from "./plain-date.js";
import { scheduleProblems } from "./schedule-problems.js";
import { type HolidayRange, holidayChecker, SCHOOL_HOLIDAYS } from "./school-holidays.js";

// Schedule arithmetic has one front door; the siblings keep each file to one concept.
export { scheduleProblems } from "./schedule-problems.js";
export { matchesWhen } from "./schedule-when.js";
export { type HolidayRange, SCHOOL_HOLIDAYS } from "./school-holidays.js";

/** The fields of a `schedules` row that the arithmetic needs; a database row fits as it is. */
export interface ScheduleLike {
  pattern: SchedulePattern;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Monthly only: 1–4, or -1 for the last such weekday of the month. */
  nth?: number | null;
  /**
   * Fortnightly only: a date in a week the session runs. Parity is counted in Monday-to-Sunday
   * weeks from this date, forwards and backwards, so it may lie before or after today.
   */
  anchorDate?: string | null;
  /** Wall-clock `HH:MM` in Europe/London. */
  startTime: string;
  endTime: string;
  termTimeOnly?: boolean;
  /** First and last dates (`YYYY-MM-DD`, inclusive) the schedule applies. */
  validFrom?: string | null;
  validUntil?: string | null;
  /** The session's venue name, when the caller has joined it in (not a `schedules` column). */
  locationName?: string | null;
}

export interface NextSessionOptions {
  /** Overrides `schedule.locationName`. */
  locationName?: string | null;
  /** Holidays skipped by term-time-only schedules; defaults to `SCHOOL_HOLIDAYS`. */
  holidays?: readonly HolidayRange[];
}

/** How far ahead to look before deciding a schedule has no next session. */
export const SEARCH_DAYS = 400;

/**
 * The next session of a schedule whose end is after `now`, so a session already under way is
 * still the next one. Returns null when the schedule is invalid (see `scheduleProblems`), has
 * ended, or has no session within `SEARCH_DAYS` days.
 */
export function nextSession(
  schedule: ScheduleLike,
  now: Date,
  opts: NextSessionOptions = {},
): NextSession | null {
  if (scheduleProblems(schedule).length > 0) return null;
  const runsOn = dayMatcher(schedule);
  const inHoliday = schedule.termTimeOnly
    ? holidayChecker(opts.holidays ?? SCHOOL_HOLIDAYS)
    : () => false;
  const today = parsePlainDate(londonWallClock(now).date)!;
  const validFrom = schedule.validFrom ? parsePlainDate(schedule.validFrom)! : today;
  const validUntil = schedule.validUntil ? parsePlainDate(schedule.validUntil)! : Infinity;
  const last = Math.min(today + SEARCH_DAYS, validUntil);

  for (let day = Math.max(today, validFrom); day <= last; day++) {
    if (!runsOn(day) || inHoliday(day)) continue;
    const date = formatPlainDate(day);
    const start = londonInstant(date, schedule.startTime);
    // Only a session straddling the March gap could end "before" it starts; keep it whole.
    const endMs = Math.max(londonInstant(date, schedule.endTime).getTime(), start.getTime());
    if (endMs <= now.getTime()) continue;
    const end = new Date(endMs);
    return {
      start: formatLondonIso(start),
      end: formatLondonIso(end),
      date: londonWallClock(start).date,
      startTime: londonWallClock(start).time,
      endTime: londonWallClock(end).time,
      locationName:
        opts.locationName !== undefined ? opts.locationName : (schedule.locationName ?? null),
      termTimeOnly: Boolean(schedule.termTimeOnly),
    };
  }
  return null;
}

/**
 * The dates (`YYYY-MM-DD`) a valid schedule's pattern falls on from `from` to `to` inclusive,
 * within its valid dates, holidays not skipped: what an iCalendar RRULE expands to.
 */
export function patternDates(schedule: ScheduleLike, from: string, to: string): string[] {
  if (scheduleProblems(schedule).length > 0) return [];
  const runsOn = dayMatcher(schedule);
  const first = Math.max(
    parsePlainDate(from) ?? 0,
    schedule.validFrom ? (parsePlainDate(schedule.validFrom) ?? 0) : 0,
  );
  const last = Math.min(
    parsePlainDate(to) ?? 0,
    schedule.validUntil ? (parsePlainDate(schedule.validUntil) ?? Infinity) : Infinity,
  );
  const out: string[] = [];
  for (let day = first; day <= last; day++) if (runsOn(day)) out.push(formatPlainDate(day));
  return out;
}

/** The earliest next session across several schedules (ties go to the one ending first). */
export function nextSessionOf(
  schedules: readonly ScheduleLike[],
  now: Date,
  opts: NextSessionOptions = {},
): NextSession | null {
  let best: NextSession | null = null;
  for (const schedule of schedules) {
    const session = nextSession(schedule, now, opts);
    if (session && (!best || isEarlier(session, best))) best = session;
  }
  return best;
}

const HOUR_MS = 3_600_000;
const remembered = new WeakMap<
  object,
  { from: number; until: number; value: NextSession | null }
>();

/**
 * `nextSessionOf` remembered for `key` (an object that lives as long as the schedules, such as
 * a listing held in memory): the answer found at instant `from` holds until the first of the
 * sessions found ends, since each schedule's next session only moves later as time passes. An
 * answer is kept at most an hour, so a session beyond the 400-day horizon comes into view.
 */
export function nextSessionRemembered(
  key: object,
  schedules: readonly ScheduleLike[],
  now: Date,
): NextSession | null {
  const t = now.getTime();
  const hit = remembered.get(key);
  if (hit && t >= hit.from && t < hit.until) return hit.value;
  let best: NextSession | null = null;
  let until = t + HOUR_MS;
  for (const schedule of schedules) {
    const session = nextSession(schedule, now);
    if (!session) continue;
    until = Math.min(until, Date.parse(session.end));
    if (!best || isEarlier(session, best)) best = session;
  }
  remembered.set(key, { from: t, until, value: best });
  return best;
}

function isEarlier(a: NextSession, b: NextSession): boolean {
  const byStart = Date.parse(a.start) - Date.parse(b.start);
  return byStart < 0 || (byStart === 0 && Date.parse(a.end) < Date.parse(b.end));
}

/** A test for whether the schedule's pattern falls on a day; the schedule must be valid. */
function dayMatcher(schedule: ScheduleLike): (day: number) => boolean {
  const { weekday } = schedule;
  switch (schedule.pattern) {
    case "weekly":
      return (day) => isoWeekday(day) === weekday;
    case "fortnightly": {
      const anchorWeek = mondayOf(parsePlainDate(schedule.anchorDate!)!);
      return (day) => isoWeekday(day) === weekday && mod(mondayOf(day) - anchorWeek, 14) === 0;
    }
    case "monthly": {
      const nth = schedule.nth!;
      return (day) => isoWeekday(day) === weekday && isNthOfMonth(day, nth);
    }
  }
}

function mondayOf(day: number): number {
  return day - (isoWeekday(day) - 1);
}

/** Whether a day is the nth (1–4) or last (-1) of its weekday in its month. */
function isNthOfMonth(day: number, nth: number): boolean {
  const { year, month, day: dayOfMonth } = plainDateFields(day);
  if (nth === -1) return dayOfMonth + 7 > daysInMonth(year, month);
  return Math.ceil(dayOfMonth / 7) === nth;
}
