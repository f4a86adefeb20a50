/**
 * School holidays, used to skip dates for term-time-only sessions.
 *
 * There is no national school calendar in England or Wales: each local authority (and many
 * academy trusts and voluntary-aided schools) sets its own term dates, which usually differ by a
 * few days and sometimes by a week (Easter especially). The table below is therefore APPROXIMATE:
 * the most common dates for England and Wales, school years 2025/26 and 2026/27. Scotland and
 * Northern Ireland have different calendars and are not covered. Dates after the table ends are
 * treated as term time.
 *
 * It is meant to be replaced: pass your own ranges to `nextSession` (for example from a local
 * authority's published term dates) through its `holidays` option.
 */
import { parsePlainDate } from "./plain-date.js";

/**
 * A holiday from `start` to `end`, both inclusive (`YYYY-MM-DD`). Ranges run from the first to
 * the last weekday off; a weekend inside a range (Christmas, Easter, summer) is inside it too.
 */
export interface HolidayRange {
  name: string;
  start: string;
  end: string;
}

/** Typical England and Wales school holidays, 2025/26 and 2026/27. Approximate: see above. */
export const SCHOOL_HOLIDAYS: readonly HolidayRange[] = [
  { name: "October half term 2025", start: "2025-10-27", end: "2025-10-31" },
  { name: "Christmas 2025", start: "2025-12-22", end: "2026-01-02" },
  { name: "February half term 2026", start: "2026-02-16", end: "2026-02-20" },
  { name: "Easter 2026", start: "2026-03-30", end: "2026-04-10" },
  { name: "May half term 2026", start: "2026-05-25", end: "2026-05-29" },
  { name: "Summer 2026", start: "2026-07-22", end: "2026-09-01" },
  { name: "October half term 2026", start: "2026-10-26", end: "2026-10-30" },
  { name: "Christmas 2026", start: "2026-12-21", end: "2027-01-01" },
  { name: "February half term 2027", start: "2027-02-15", end: "2027-02-19" },
  { name: "Easter 2027", start: "2027-03-26", end: "2027-04-09" },
  { name: "May half term 2027", start: "2027-05-31", end: "2027-06-04" },
  { name: "Summer 2027", start: "2027-07-22", end: "2027-08-31" },
];

/**
 * A test for "is this day number in a holiday?", built once per list of ranges.
 * Ranges with malformed dates are ignored rather than guessed at.
 */
export function holidayChecker(ranges: readonly HolidayRange[]): (dayNumber: number) => boolean {
  const spans: [number, number][] = [];
  for (const range of ranges) {
    const start = parsePlainDate(range.start);
    const end = parsePlainDate(range.end);
    if (start !== null && end !== null) spans.push([start, end]);
  }
  return (dayNumber) => spans.some(([start, end]) => dayNumber >= start && dayNumber <= end);
}
