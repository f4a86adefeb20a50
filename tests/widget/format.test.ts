import { describe, expect, it } from "vitest";
import type { NextSession } from "../../schema/contract.js";
import { formatDate, formatDistance, formatSession, londonDate } from "../../widget/format.js";
import { loadStrings } from "../../widget/strings/index.js";

const en = await loadStrings("en");
const cy = await loadStrings("cy");

const session = (date: string): NextSession => ({
  start: `${date}T10:00:00+00:00`,
  end: `${date}T11:30:00+00:00`,
  date,
  startTime: "10:00",
  endTime: "11:30",
  locationName: null,
  termTimeOnly: false,
});

describe("formatDistance", () => {
  it("gives miles, to one decimal place under ten", () => {
    expect(formatDistance(1.8, en)).toBe("1.1 miles away");
    expect(formatDistance(1.609344, en)).toBe("1 mile away");
    expect(formatDistance(24, en)).toBe("15 miles away");
    expect(formatDistance(0, en)).toBe("under 0.1 miles away");
  });

  it("speaks Welsh", () => {
    expect(formatDistance(2.7, cy)).toBe("1.7 milltir i ffwrdd");
  });
});

describe("formatDate", () => {
  it("writes a date out in each language", () => {
    expect(formatDate("2026-03-03", en)).toBe("3 March 2026");
    expect(formatDate("2026-03-03", cy)).toBe("3 Mawrth 2026");
  });

  it("keeps text that is not a date as it is", () => {
    expect(formatDate("soon", en)).toBe("soon");
    expect(formatDate("2026-13-01", en)).toBe("2026-13-01");
  });

  it("names the weekday in each language", () => {
    expect(formatDate("2026-03-01", en, true)).toBe("Sunday 1 March");
    expect(formatDate("2026-03-01", cy, true)).toBe("Dydd Sul 1 Mawrth");
  });
});

describe("formatSession", () => {
  const now = new Date("2026-11-30T09:00:00Z");

  it("says today and tomorrow in words", () => {
    expect(formatSession(session("2026-11-30"), en, now)).toBe("Today, 10:00 to 11:30");
    expect(formatSession(session("2026-12-01"), cy, now)).toBe("Yfory, 10:00 i 11:30");
  });

  it("gives the weekday and date further ahead", () => {
    expect(formatSession(session("2026-12-03"), en, now)).toBe(
      "Thursday 3 December, 10:00 to 11:30",
    );
    expect(formatSession(session("2026-12-03"), cy, now)).toBe("Dydd Iau 3 Rhagfyr, 10:00 i 11:30");
  });

  it("counts days in London, not UTC, around midnight in summer", () => {
    expect(londonDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
  });
});
