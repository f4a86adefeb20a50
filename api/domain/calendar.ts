/**
 * A listing's sessions as an iCalendar file (RFC 5545), for "Add to calendar" and for
 * subscribing: one recurring event per schedule, RRULE from its pattern, times in Europe/London
 * with a VTIMEZONE, and, for term-time-only sessions, the school-holiday dates our table knows
 * as EXDATEs. Pure: the caller passes the listing, the clock, the links and the VTIMEZONE text.
 */
import ical, { ICalEventRepeatingFreq, ICalWeekday } from "ical-generator";
import type { ServiceBundle } from "./bundle.js";
import { londonWallClock } from "./london-time.js";
import { formatPlainDate, parsePlainDate } from "./plain-date.js";
import { patternDates } from "./schedule.js";
import { holidayChecker, SCHOOL_HOLIDAYS } from "./school-holidays.js";

export const CALENDAR_ZONE = "Europe/London";

const WEEKDAYS = [
  ICalWeekday.MO,
  ICalWeekday.TU,
  ICalWeekday.WE,
  ICalWeekday.TH,
  ICalWeekday.FR,
  ICalWeekday.SA,
  ICalWeekday.SU,
];

/**
 * A London wall-clock time as ical-generator reads it once a time zone is set: from the Date's
 * local fields, written as they are beside TZID=Europe/London. Built from the same local fields,
 * so the process's own zone never shifts the hour.
 */
function wallClock(date: string, time: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(y, m - 1, d, hh, mm);
}

export interface CalendarOptions {
  now: Date;
  /** Absolute URL of the listing's public page. */
  pageUrl: string;
  /** The VTIMEZONE component for Europe/London. */
  vtimezone: (zone: string) => string | null;
  lang: "en" | "cy";
}

const TEXT = {
  en: {
    termTime: "Term time only: not in school holidays.",
    holidayNote:
      "School holidays differ between areas: check with the group before you go in a holiday week.",
  },
  cy: {
    termTime: "Yn ystod y tymor yn unig: nid yn ystod gwyliau ysgol.",
    holidayNote:
      "Mae gwyliau ysgol yn wahanol rhwng ardaloedd: holwch y grŵp cyn mynd mewn wythnos wyliau.",
  },
} as const;

/** How far ahead term-time exceptions are written: the end of the school-holiday table. */
const TABLE_END = SCHOOL_HOLIDAYS.at(-1)?.end ?? "2027-08-31";

/** The .ics text of a listing's sessions; a listing without sessions gives an empty calendar. */
export function sessionsCalendar(b: ServiceBundle, o: CalendarOptions): string {
  const s = b.service;
  const name = o.lang === "cy" && s.nameCy ? s.nameCy : s.name;
  const summary = o.lang === "cy" && s.summaryCy ? s.summaryCy : s.summary;
  const cal = ical({
    name,
    prodId: { company: "Perinatal Signpost", product: "sessions", language: o.lang.toUpperCase() },
    timezone: { name: CALENDAR_ZONE, generator: o.vtimezone },
    url: o.pageUrl,
  });
  const today = londonWallClock(o.now).date;
  const inHoliday = holidayChecker(SCHOOL_HOLIDAYS);
  for (const x of b.schedules) {
    const from = x.validFrom && x.validFrom > today ? x.validFrom : today;
    const [first] = patternDates(x, from, addDays(from, 62));
    if (!first) continue;
    const venue = b.locations.find((l) => l.id === x.locationId) ?? b.locations[0];
    const note = o.lang === "cy" && x.noteCy ? x.noteCy : x.note;
    const exclude = x.termTimeOnly
      ? patternDates(x, first, TABLE_END)
          .filter((d) => inHoliday(parsePlainDate(d) ?? 0))
          .map((d) => wallClock(d, x.startTime))
      : [];
    cal.createEvent({
      id: `${x.id}@perinatal-signpost`,
      stamp: o.now,
      start: wallClock(first, x.startTime),
      end: wallClock(first, x.endTime),
      timezone: CALENDAR_ZONE,
      summary: name,
      description: [
        summary,
        note,
        x.termTimeOnly ? `${TEXT[o.lang].termTime} ${TEXT[o.lang].holidayNote}` : null,
        o.pageUrl,
      ]
        .filter(Boolean)
        .join("\n\n"),
      location: venue ? `${venue.name}, ${venue.address}, ${venue.postcode}` : null,
      url: o.pageUrl,
      categories: x.termTimeOnly ? [{ name: "Term time only" }] : [],
      repeating: {
        freq:
          x.pattern === "monthly" ? ICalEventRepeatingFreq.MONTHLY : ICalEventRepeatingFreq.WEEKLY,
        interval: x.pattern === "fortnightly" ? 2 : 1,
        byDay: [WEEKDAYS[x.weekday - 1] ?? ICalWeekday.MO],
        ...(x.pattern === "monthly" ? { bySetPos: x.nth ?? 1 } : {}),
        ...(x.validUntil ? { until: wallClock(x.validUntil, "23:59") } : {}),
        ...(exclude.length ? { exclude } : {}),
      },
    });
  }
  return cal.toString();
}

function addDays(date: string, days: number): string {
  return formatPlainDate((parsePlainDate(date) ?? 0) + days);
}
