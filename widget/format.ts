import type { NextSession } from "../schema/contract.js";
import type { Strings } from "./strings/index.js";

/**
 * Dates, times and distances as a person reads them, in the widget's language. Month and day
 * names come from the strings module, not Intl: Chromium builds often carry no Welsh locale data.
 */

const KM_PER_MILE = 1.609344;

/** "1.2 miles away"; UK readers judge walking and driving distances in miles. */
export function formatDistance(km: number, strings: Strings): string {
  const miles = km / KM_PER_MILE;
  if (miles < 0.1) return strings.card.away(strings.card.underTenthMile);
  const rounded = miles < 10 ? miles.toFixed(1).replace(/\.0$/, "") : String(Math.round(miles));
  return strings.card.away(strings.card.miles(rounded));
}

/** A calendar date (YYYY-MM-DD): "3 March 2026", or "Tuesday 3 March" with the weekday. */
export function formatDate(date: string, strings: Strings, withWeekday = false): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const monthName = strings.months[month - 1];
  if (!monthName || day < 1 || day > 31) return date;
  if (!withWeekday) return `${day} ${monthName} ${year}`;
  const weekday = strings.weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday} ${day} ${monthName}`;
}

/** "Today, 10:00 to 11:30" or "Tuesday 3 March, 10:00 to 11:30"; times are already London time. */
export function formatSession(session: NextSession, strings: Strings, now = new Date()): string {
  const today = londonDate(now);
  const tomorrow = londonDate(new Date(now.getTime() + 86_400_000));
  const day =
    session.date === today
      ? strings.card.today
      : session.date === tomorrow
        ? strings.card.tomorrow
        : formatDate(session.date, strings, true);
  return `${day}, ${strings.card.timeRange(session.startTime, session.endTime)}`;
}

const london = new Intl.DateTimeFormat("en", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** The date in Europe/London as YYYY-MM-DD. */
export function londonDate(at: Date): string {
  const part = (type: string) => london.formatToParts(at).find((p) => p.type === type)?.value;
  return `${part("year")}-${part("month")}-${part("day")}`;
}
