/**
 * Conversion between instants and Europe/London wall-clock time, using the time-zone data
 * built into Intl so that British Summer Time starts and ends on the right days every year.
 *
 * Clock changes follow the "compatible" rule of RFC 5545 and Temporal:
 * - In March the clocks jump from 01:00 to 02:00, so 01:00–01:59 never happens. A wall-clock
 *   time in that gap is read with the offset in force just before it (GMT), which moves it
 *   forward by the length of the gap: 01:30 becomes 02:30 BST. A session is shifted, not lost.
 * - In October the clocks go back from 02:00 to 01:00, so 01:00–01:59 happens twice. The earlier
 *   of the two (still BST, +01:00) is chosen: people turn up at the first 01:30 they see.
 */
import { parsePlainDate, parsePlainTime } from "./plain-date.js";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const londonFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function formattedFields(instant: Date): WallFields {
  const fields: Record<string, number> = {};
  for (const part of londonFormat.formatToParts(instant)) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    // Some ICU versions still write midnight as 24 despite h23.
    hour: (fields.hour ?? 0) % 24,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

const HOUR_MS = 3_600_000;
/**
 * London's offset by UTC hour. UK clocks change on the hour (01:00 UTC), so the offset is the
 * same throughout each UTC hour, and asking Intl once per hour keeps search fast: Intl
 * formatting costs microseconds, and a search works out dozens of sessions.
 */
const offsetByHour = new Map<number, number>();

function offsetAt(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const start = hour * HOUR_MS;
    const f = formattedFields(new Date(start));
    offset = Math.round(
      (Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - start) / MINUTE_MS,
    );
    if (offsetByHour.size > 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

function wallFields(instant: Date): WallFields {
  const wall = new Date(
    Math.floor(instant.getTime() / 1000) * 1000 + offsetAt(instant.getTime()) * MINUTE_MS,
  );
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

const pad = (value: number) => String(value).padStart(2, "0");

/** Minutes London is ahead of UTC at an instant: 0 in winter (GMT), 60 in summer (BST). */
export function londonOffsetMinutes(instant: Date): number {
  return offsetAt(instant.getTime());
}

/** London wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`) of an instant. */
export function londonWallClock(instant: Date): { date: string; time: string } {
  const f = wallFields(instant);
  return {
    date: `${f.year}-${pad(f.month)}-${pad(f.day)}`,
    time: `${pad(f.hour)}:${pad(f.minute)}`,
  };
}

/** ISO-8601 text of an instant in London time with its offset: `2026-03-30T10:00:00+01:00`. */
export function formatLondonIso(instant: Date): string {
  const f = wallFields(instant);
  const offset = londonOffsetMinutes(instant);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return (
    `${f.year}-${pad(f.month)}-${pad(f.day)}T${pad(f.hour)}:${pad(f.minute)}:${pad(f.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/**
 * The instant of a London wall-clock date (`YYYY-MM-DD`) and time (`HH:MM`), resolving the
 * March gap and the October overlap as described at the top of this file.
 * Throws a RangeError when the date or time is malformed.
 */
export function londonInstant(date: string, time: string): Date {
  const dayNumber = parsePlainDate(date);
  const minutes = parsePlainTime(time);
  if (dayNumber === null || minutes === null) {
    throw new RangeError(`Not a London wall-clock date and time: "${date}" "${time}"`);
  }
  const wallAsUtc = dayNumber * DAY_MS + minutes * MINUTE_MS;
  // London changes offset at most once in any two days, so the offsets a day either side are
  // the only candidates.
  const offsetBefore = londonOffsetMinutes(new Date(wallAsUtc - DAY_MS));
  const offsetAfter = londonOffsetMinutes(new Date(wallAsUtc + DAY_MS));
  const valid = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => wallAsUtc - offset * MINUTE_MS)
    .filter((ms) => londonOffsetMinutes(new Date(ms)) * MINUTE_MS === wallAsUtc - ms)
    .sort((a, b) => a - b);
  const earliest = valid[0];
  if (earliest !== undefined) return new Date(earliest);
  // In the gap: keep the offset from before the change, which moves the time forward.
  return new Date(wallAsUtc - offsetBefore * MINUTE_MS);
}
