import { describe, expect, it } from "vitest";
import { formatLondonIso, londonInstant } from "../../../api/domain/london-time.js";
import { parsePlainDate } from "../../../api/domain/plain-date.js";
import {
  matchesWhen,
  nextSession,
  nextSessionOf,
  SCHOOL_HOLIDAYS,
  type ScheduleLike,
  scheduleProblems,
} from "../../../api/domain/schedule.js";
import { holidayChecker } from "../../../api/domain/school-holidays.js";

/** Thursday 26 November 2026, 01:14 GMT. */
const THURSDAY = new Date("2026-11-26T01:14:00Z");

const weekly = (overrides: Partial<ScheduleLike> = {}): ScheduleLike => ({
  pattern: "weekly",
  weekday: 1,
  startTime: "10:00",
  endTime: "11:30",
  ...overrides,
});

describe("nextSession: weekly", () => {
  it("returns the coming Monday's session with its GMT offset and wall-clock fields", () => {
    expect(nextSession(weekly(), THURSDAY)).toEqual({
      start: "2026-11-30T10:00:00+00:00",
      end: "2026-11-30T11:30:00+00:00",
      date: "2026-11-30",
      startTime: "10:00",
      endTime: "11:30",
      locationName: null,
      termTimeOnly: false,
    });
  });

  it("returns today's session when it has not started yet", () => {
    const session = nextSession(
      weekly({ weekday: 4, startTime: "19:00", endTime: "21:00" }),
      THURSDAY,
    );
    expect(session?.start).toBe("2026-11-26T19:00:00+00:00");
  });

  it("moves to next week once today's session has ended", () => {
    const session = nextSession(
      weekly({ weekday: 4, startTime: "00:30", endTime: "01:00" }),
      THURSDAY,
    );
    expect(session?.start).toBe("2026-12-03T00:30:00+00:00");
  });

  it("counts a session in progress as the next session", () => {
    const session = nextSession(weekly(), new Date("2026-11-30T10:45:00Z"));
    expect(session?.start).toBe("2026-11-30T10:00:00+00:00");
  });

  it("moves on to the following week at the moment a session ends", () => {
    const session = nextSession(weekly(), new Date("2026-11-30T11:30:00Z"));
    expect(session?.start).toBe("2026-12-07T10:00:00+00:00");
  });

  it("uses the location name from the options over the schedule's own", () => {
    const schedule = weekly({ locationName: "Church hall" });
    expect(nextSession(schedule, THURSDAY)?.locationName).toBe("Church hall");
    expect(nextSession(schedule, THURSDAY, { locationName: "Library" })?.locationName).toBe(
      "Library",
    );
  });
});

describe("nextSession: fortnightly", () => {
  const fortnightly = (anchorDate: string) => weekly({ pattern: "fortnightly", anchorDate });

  it("keeps parity with an anchor 99 weeks in the past, skipping the off week", () => {
    expect(nextSession(fortnightly("2025-01-06"), THURSDAY)?.date).toBe("2026-12-07");
  });

  it("keeps parity with an anchor 98 weeks in the past, taking the coming week", () => {
    expect(nextSession(fortnightly("2025-01-13"), THURSDAY)?.date).toBe("2026-11-30");
  });

  it("counts parity backwards from an anchor in the future", () => {
    expect(nextSession(fortnightly("2027-02-22"), THURSDAY)?.date).toBe("2026-11-30");
    expect(nextSession(fortnightly("2027-03-01"), THURSDAY)?.date).toBe("2026-12-07");
  });

  it("takes parity from the anchor's Monday-to-Sunday week when the anchor is another weekday", () => {
    expect(nextSession(fortnightly("2027-02-24"), THURSDAY)?.date).toBe("2026-11-30");
  });

  it("returns null without an anchor date", () => {
    expect(nextSession(weekly({ pattern: "fortnightly" }), THURSDAY)).toBeNull();
  });
});

describe("nextSession: monthly", () => {
  const monthly = (weekday: number, nth: number) => weekly({ pattern: "monthly", weekday, nth });

  it("finds the 2nd Tuesday of the month", () => {
    const session = nextSession(monthly(2, 2), new Date("2026-12-01T09:00:00Z"));
    expect(session?.start).toBe("2026-12-08T10:00:00+00:00");
  });

  it("finds the last Friday when the month has four of them", () => {
    expect(nextSession(monthly(5, -1), THURSDAY)?.date).toBe("2026-11-27");
  });

  it("finds the last Friday when it is the fifth of the month", () => {
    const session = nextSession(monthly(5, -1), new Date("2027-01-23T00:00:00Z"));
    expect(session?.date).toBe("2027-01-29");
  });

  it("skips to next month when this month's nth weekday has passed", () => {
    // 4th Thursday of November 2026 is the 26th; at noon its 10:00 session is over.
    const session = nextSession(monthly(4, 4), new Date("2026-11-26T12:00:00Z"));
    expect(session?.date).toBe("2026-12-24");
  });

  it("rejects nth values other than 1–4 and -1", () => {
    expect(nextSession(monthly(1, 5), THURSDAY)).toBeNull();
    expect(nextSession(monthly(1, 0), THURSDAY)).toBeNull();
    expect(nextSession(weekly({ pattern: "monthly" }), THURSDAY)).toBeNull();
  });
});

describe("nextSession: clock change in March 2026 (29 March)", () => {
  it("gives a Monday 30 March session a +01:00 offset when asked the week before", () => {
    const session = nextSession(weekly(), new Date("2026-03-26T12:00:00Z"));
    expect(session?.start).toBe("2026-03-30T10:00:00+01:00");
    expect(session?.end).toBe("2026-03-30T11:30:00+01:00");
  });

  it("moves a 01:30 session, which never happens that night, forward to 02:30 BST", () => {
    const schedule = weekly({ weekday: 7, startTime: "01:30", endTime: "03:00" });
    expect(nextSession(schedule, new Date("2026-03-28T12:00:00Z"))).toMatchObject({
      start: "2026-03-29T02:30:00+01:00",
      end: "2026-03-29T03:00:00+01:00",
      date: "2026-03-29",
      startTime: "02:30",
      endTime: "03:00",
    });
  });

  it("gives a session spanning the change a GMT start and a BST end", () => {
    const schedule = weekly({ weekday: 7, startTime: "00:30", endTime: "03:00" });
    const session = nextSession(schedule, new Date("2026-03-28T12:00:00Z"));
    expect(session?.start).toBe("2026-03-29T00:30:00+00:00");
    expect(session?.end).toBe("2026-03-29T03:00:00+01:00");
  });
});

describe("nextSession: clock change in October 2026 (25 October)", () => {
  it("gives the Saturday before +01:00 and the Monday after +00:00", () => {
    const now = new Date("2026-10-23T12:00:00Z");
    expect(nextSession(weekly({ weekday: 6 }), now)?.start).toBe("2026-10-24T10:00:00+01:00");
    expect(nextSession(weekly(), now)?.start).toBe("2026-10-26T10:00:00+00:00");
  });

  it("reads a 01:30 session, which happens twice that night, as the first (BST) 01:30", () => {
    const schedule = weekly({ weekday: 7, startTime: "01:30", endTime: "01:45" });
    const session = nextSession(schedule, new Date("2026-10-24T12:00:00Z"));
    expect(session?.start).toBe("2026-10-25T01:30:00+01:00");
    expect(session?.end).toBe("2026-10-25T01:45:00+01:00");
  });

  it("gives a session spanning the change a BST start and a GMT end", () => {
    const schedule = weekly({ weekday: 7, startTime: "00:30", endTime: "02:30" });
    const session = nextSession(schedule, new Date("2026-10-24T12:00:00Z"));
    expect(session?.start).toBe("2026-10-25T00:30:00+01:00");
    expect(session?.end).toBe("2026-10-25T02:30:00+00:00");
  });
});

describe("London wall clock to instant", () => {
  it("resolves the March gap forward and the October overlap to the earlier instant", () => {
    expect(londonInstant("2026-03-29", "00:59").toISOString()).toBe("2026-03-29T00:59:00.000Z");
    expect(londonInstant("2026-03-29", "01:30").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(londonInstant("2026-03-29", "02:00").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    expect(londonInstant("2026-10-25", "01:30").toISOString()).toBe("2026-10-25T00:30:00.000Z");
    expect(londonInstant("2026-10-25", "02:00").toISOString()).toBe("2026-10-25T02:00:00.000Z");
  });

  it("formats the second pass through October's repeated hour with +00:00", () => {
    expect(formatLondonIso(new Date("2026-10-25T00:30:00Z"))).toBe("2026-10-25T01:30:00+01:00");
    expect(formatLondonIso(new Date("2026-10-25T01:30:00Z"))).toBe("2026-10-25T01:30:00+00:00");
  });

  it("throws on a malformed date or time", () => {
    expect(() => londonInstant("2026-02-30", "10:00")).toThrow(RangeError);
    expect(() => londonInstant("2026-03-01", "24:00")).toThrow(RangeError);
  });
});

describe("nextSession: validity window", () => {
  it("starts from validFrom when it is in the future", () => {
    const session = nextSession(weekly({ validFrom: "2027-01-11" }), THURSDAY);
    expect(session?.date).toBe("2027-01-11");
  });

  it("returns null when validUntil is in the past", () => {
    expect(nextSession(weekly({ validUntil: "2026-11-01" }), THURSDAY)).toBeNull();
  });

  it("includes a session on the validUntil date itself", () => {
    expect(nextSession(weekly({ validUntil: "2026-11-30" }), THURSDAY)?.date).toBe("2026-11-30");
  });

  it("returns null when the first session is more than 400 days ahead", () => {
    expect(nextSession(weekly({ validFrom: "2028-01-10" }), THURSDAY)).toBeNull();
    expect(nextSession(weekly({ validFrom: "2027-12-27" }), THURSDAY)?.date).toBe("2027-12-27");
  });
});

describe("nextSession: term time only", () => {
  const wednesday = weekly({ weekday: 3, termTimeOnly: true });
  const beforeSummer = new Date("2026-07-20T11:00:00Z");

  it("skips dates in the summer holiday", () => {
    const session = nextSession(wednesday, beforeSummer);
    expect(session?.start).toBe("2026-09-02T10:00:00+01:00");
    expect(session?.termTimeOnly).toBe(true);
  });

  it("runs through the holiday when the schedule is not term-time-only", () => {
    const session = nextSession({ ...wednesday, termTimeOnly: false }, beforeSummer);
    expect(session?.date).toBe("2026-07-22");
  });

  it("uses holidays passed in instead of the built-in table", () => {
    const holidays = [{ name: "Local", start: "2026-07-22", end: "2026-07-29" }];
    expect(nextSession(wednesday, beforeSummer, { holidays })?.date).toBe("2026-08-05");
    expect(nextSession(wednesday, beforeSummer, { holidays: [] })?.date).toBe("2026-07-22");
  });
});

describe("school holiday table", () => {
  it("has well-formed ranges that end on or after they start, in order", () => {
    let previousEnd = -Infinity;
    for (const range of SCHOOL_HOLIDAYS) {
      const start = parsePlainDate(range.start);
      const end = parsePlainDate(range.end);
      expect(start).not.toBeNull();
      expect(end).not.toBeNull();
      expect(end!).toBeGreaterThanOrEqual(start!);
      expect(start!).toBeGreaterThan(previousEnd);
      previousEnd = end!;
    }
  });

  it("treats both ends of a range as holiday", () => {
    const inHoliday = holidayChecker([
      { name: "Half term", start: "2026-10-26", end: "2026-10-30" },
    ]);
    expect(inHoliday(parsePlainDate("2026-10-25")!)).toBe(false);
    expect(inHoliday(parsePlainDate("2026-10-26")!)).toBe(true);
    expect(inHoliday(parsePlainDate("2026-10-30")!)).toBe(true);
    expect(inHoliday(parsePlainDate("2026-10-31")!)).toBe(false);
  });
});

describe("nextSessionOf", () => {
  it("returns the earliest session across schedules, with its own location", () => {
    const session = nextSessionOf(
      [
        weekly({ weekday: 5, locationName: "Library" }),
        weekly({ weekday: 1, locationName: "Church hall" }),
        weekly({ weekday: 3, validUntil: "2026-01-01", locationName: "Old venue" }),
      ],
      THURSDAY,
    );
    expect(session?.date).toBe("2026-11-27");
    expect(session?.locationName).toBe("Library");
  });

  it("prefers the session that ends first when two start together", () => {
    const session = nextSessionOf(
      [weekly({ endTime: "12:00" }), weekly({ endTime: "11:00" })],
      THURSDAY,
    );
    expect(session?.endTime).toBe("11:00");
  });

  it("returns null for no schedules or only invalid ones", () => {
    expect(nextSessionOf([], THURSDAY)).toBeNull();
    expect(nextSessionOf([weekly({ weekday: 9 })], THURSDAY)).toBeNull();
  });
});

describe("matchesWhen", () => {
  const morning = weekly({ startTime: "09:30", endTime: "11:00" });
  const noon = weekly({ startTime: "12:00", endTime: "13:00" });
  const lateAfternoon = weekly({ startTime: "16:59", endTime: "18:00" });
  const evening = weekly({ startTime: "17:00", endTime: "19:00" });
  const saturday = weekly({ weekday: 6 });
  const sunday = weekly({ weekday: 7 });
  const termTime = weekly({ termTimeOnly: true });

  it("matches morning for starts before 12:00 only", () => {
    expect(matchesWhen([morning], ["morning"])).toBe(true);
    expect(matchesWhen([noon], ["morning"])).toBe(false);
  });

  it("matches afternoon for starts from 12:00 to 16:59", () => {
    expect(matchesWhen([noon], ["afternoon"])).toBe(true);
    expect(matchesWhen([lateAfternoon], ["afternoon"])).toBe(true);
    expect(matchesWhen([morning], ["afternoon"])).toBe(false);
    expect(matchesWhen([evening], ["afternoon"])).toBe(false);
  });

  it("matches evening for starts at 17:00 or later", () => {
    expect(matchesWhen([evening], ["evening"])).toBe(true);
    expect(matchesWhen([lateAfternoon], ["evening"])).toBe(false);
  });

  it("matches weekend for Saturday and Sunday sessions", () => {
    expect(matchesWhen([saturday], ["weekend"])).toBe(true);
    expect(matchesWhen([sunday], ["weekend"])).toBe(true);
    expect(matchesWhen([morning], ["weekend"])).toBe(false);
  });

  it("matches school-holidays when any schedule is not term-time-only", () => {
    expect(matchesWhen([termTime, evening], ["school-holidays"])).toBe(true);
    expect(matchesWhen([termTime], ["school-holidays"])).toBe(false);
  });

  it("matches when any schedule meets any selected time of day", () => {
    expect(matchesWhen([noon, saturday], ["evening", "weekend"])).toBe(true);
    expect(matchesWhen([noon], ["morning", "evening"])).toBe(false);
  });

  it("requires a non-term-time schedule as well as the time of day when school-holidays is selected", () => {
    expect(matchesWhen([termTime], ["morning", "school-holidays"])).toBe(false);
    expect(matchesWhen([termTime, evening], ["morning", "school-holidays"])).toBe(true);
    expect(matchesWhen([evening], ["morning", "school-holidays"])).toBe(false);
  });

  it("matches everything for an empty selection and nothing without schedules", () => {
    expect(matchesWhen([], [])).toBe(true);
    expect(matchesWhen([], ["morning"])).toBe(false);
    expect(matchesWhen([], ["school-holidays"])).toBe(false);
  });
});

describe("scheduleProblems", () => {
  it("finds nothing wrong with a valid schedule of each pattern", () => {
    expect(scheduleProblems(weekly())).toEqual([]);
    expect(scheduleProblems(weekly({ pattern: "fortnightly", anchorDate: "2026-01-05" }))).toEqual(
      [],
    );
    expect(scheduleProblems(weekly({ pattern: "monthly", nth: -1 }))).toEqual([]);
  });

  it("reports malformed times and an end that is not after the start", () => {
    expect(scheduleProblems(weekly({ startTime: "9:30" }))).toEqual([
      'Start time must be 24-hour HH:MM, not "9:30".',
    ]);
    expect(scheduleProblems(weekly({ endTime: "25:00" }))).toEqual([
      'End time must be 24-hour HH:MM, not "25:00".',
    ]);
    expect(scheduleProblems(weekly({ startTime: "11:00", endTime: "10:00" }))).toEqual([
      "End time 10:00 must be after start time 11:00 on the same day.",
    ]);
  });

  it("reports a weekday outside 1–7", () => {
    expect(scheduleProblems(weekly({ weekday: 0 }))).toEqual([
      "Weekday must be 1 (Monday) to 7 (Sunday), not 0.",
    ]);
    expect(scheduleProblems(weekly({ weekday: 8 }))).toHaveLength(1);
  });

  it("reports a fortnightly schedule without a usable anchor date", () => {
    expect(scheduleProblems(weekly({ pattern: "fortnightly" }))).toEqual([
      "A fortnightly schedule needs an anchor date: any date the session runs on.",
    ]);
    expect(scheduleProblems(weekly({ pattern: "fortnightly", anchorDate: "2026-13-01" }))).toEqual([
      'Anchor date must be a real YYYY-MM-DD date, not "2026-13-01".',
    ]);
  });

  it("reports a monthly schedule without a valid nth", () => {
    expect(scheduleProblems(weekly({ pattern: "monthly" }))).toEqual([
      "A monthly schedule needs nth: 1 to 4, or -1 for the last in the month, not none.",
    ]);
    expect(scheduleProblems(weekly({ pattern: "monthly", nth: 5 }))).toHaveLength(1);
  });

  it("reports bad validity dates and a window that ends before it starts", () => {
    expect(scheduleProblems(weekly({ validFrom: "soon" }))).toEqual([
      'Valid from must be a real YYYY-MM-DD date, not "soon".',
    ]);
    expect(scheduleProblems(weekly({ validFrom: "2026-05-01", validUntil: "2026-04-01" }))).toEqual(
      ["Valid until 2026-04-01 is before valid from 2026-05-01."],
    );
  });
});
