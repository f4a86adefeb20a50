/**
 * Dates, times, schedules, distances and contacts in words, in English or Welsh. Month and day
 * names come from the strings rather than Intl, so that output is the same on every runtime.
 */
import type { Contact, NextSession, ScheduleInfo } from "../../schema/contract.js";
import type { Lang } from "../../schema/taxonomy.js";
import { printStrings } from "./strings.js";

const KM_PER_MILE = 1.609344;

function parts(date: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

/** ISO weekday (1 = Monday) of a `YYYY-MM-DD` date. */
function weekdayOf(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "26 November 2026" / "26 Tachwedd 2026". */
export function formatDate(date: string, lang: Lang): string {
  const p = parts(date);
  if (!p) return date;
  const s = printStrings(lang);
  return `${p.day} ${s.months[p.month - 1]} ${p.year}`;
}

/** "Tuesday 1 December" / "Dydd Mawrth 1 Rhagfyr". */
export function formatDay(date: string, lang: Lang): string {
  const p = parts(date);
  if (!p) return date;
  const s = printStrings(lang);
  return capitalise(`${s.weekdays[weekdayOf(date) - 1]} ${p.day} ${s.months[p.month - 1]}`);
}

/** Today's date in Europe/London, `YYYY-MM-DD`. */
export function londonToday(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}

/**
 * "Tuesday 1 December, 10:00 to 11:30, Sidwell Street Community Room (term time only)".
 * A pack outlives the day it is printed, so the day is always a date, never "today".
 */
export function formatSession(session: NextSession, lang: Lang): string {
  const s = printStrings(lang);
  const when = `${formatDay(session.date, lang)}, ${s.time.range(session.startTime, session.endTime)}`;
  const where = session.locationName ? `, ${session.locationName}` : "";
  const term = session.termTimeOnly ? ` (${s.card.termTimeOnly})` : "";
  return `${when}${where}${term}`;
}

/** "Every Tuesday, 10:00 to 11:30" / "Yr ail ddydd Mawrth bob mis, 10:00 i 11:30". */
export function formatSchedule(schedule: ScheduleInfo, lang: Lang): string {
  const s = printStrings(lang);
  const day = s.weekdays[schedule.weekday - 1] ?? "";
  const pattern =
    schedule.pattern === "weekly"
      ? s.schedule.weekly(day)
      : schedule.pattern === "fortnightly"
        ? s.schedule.fortnightly(day)
        : s.schedule.monthly(schedule.nth ?? 1, day);
  const term = schedule.termTimeOnly ? ` (${s.schedule.termTimeOnly})` : "";
  return `${capitalise(pattern)}, ${s.time.range(schedule.startTime, schedule.endTime)}${term}`;
}

/** "0.4 miles away"; UK readers judge distances in miles. */
export function formatDistance(km: number, lang: Lang): string {
  const s = printStrings(lang);
  const miles = km / KM_PER_MILE;
  if (miles < 0.1) return s.card.underTenthMile;
  return s.card.away(miles < 10 ? miles.toFixed(1).replace(/\.0$/, "") : String(Math.round(miles)));
}

/** A web address as people read and type it: no scheme, no "www.", no trailing slash. */
export function displayUrl(url: string): string {
  return url
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/$/, "");
}

/** "Call 0300 123 3393", "Text SHOUT to 85258", "Email jo@samaritans.org", "nct.org.uk". */
export function formatContact(contact: Contact, lang: Lang): string {
  const s = printStrings(lang).contact;
  switch (contact.kind) {
    case "phone":
      return s.phone(contact.value);
    case "text":
      return s.text(contact.value, contact.keyword);
    case "email":
      return s.email(contact.value);
    case "web":
      return s.web(displayUrl(contact.value));
    case "whatsapp":
      return s.whatsapp(displayUrl(contact.value));
  }
}
