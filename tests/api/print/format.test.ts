import { describe, expect, it } from "vitest";
import {
  displayUrl,
  formatDate,
  formatDistance,
  formatSchedule,
  formatSession,
} from "../../../api/print/format.js";
import type { ScheduleInfo } from "../../../schema/contract.js";

const schedule = (over: Partial<ScheduleInfo>): ScheduleInfo => ({
  pattern: "weekly",
  weekday: 2,
  nth: null,
  startTime: "10:00",
  endTime: "11:30",
  termTimeOnly: false,
  locationName: null,
  note: null,
  ...over,
});

describe("dates and sessions", () => {
  it("writes dates in English and Welsh", () => {
    expect(formatDate("2026-11-26", "en")).toBe("26 November 2026");
    expect(formatDate("2026-12-01", "cy")).toBe("1 Rhagfyr 2026");
  });

  it("writes a session with its day, times and place; never 'today', since packs are kept", () => {
    const session = {
      start: "2026-12-01T10:00:00+00:00",
      end: "2026-12-01T11:30:00+00:00",
      date: "2026-12-01",
      startTime: "10:00",
      endTime: "11:30",
      locationName: "Community Room",
      termTimeOnly: true,
    };
    expect(formatSession(session, "en")).toBe(
      "Tuesday 1 December, 10:00 to 11:30, Community Room (term time only)",
    );
    expect(formatSession(session, "cy")).toBe(
      "Dydd Mawrth 1 Rhagfyr, 10:00 i 11:30, Community Room (yn ystod y tymor yn unig)",
    );
  });
});

describe("schedules in words", () => {
  it("describes weekly, fortnightly and monthly sessions", () => {
    expect(formatSchedule(schedule({}), "en")).toBe("Every Tuesday, 10:00 to 11:30");
    expect(formatSchedule(schedule({ pattern: "fortnightly" }), "en")).toBe(
      "Every other Tuesday, 10:00 to 11:30",
    );
    expect(formatSchedule(schedule({ pattern: "monthly", nth: -1, weekday: 4 }), "en")).toBe(
      "The last Thursday of each month, 10:00 to 11:30",
    );
  });

  it("softens 'dydd' after 'ail' in Welsh", () => {
    expect(formatSchedule(schedule({}), "cy")).toBe("Bob dydd Mawrth, 10:00 i 11:30");
    expect(formatSchedule(schedule({ pattern: "fortnightly" }), "cy")).toBe(
      "Bob yn ail ddydd Mawrth, 10:00 i 11:30",
    );
    expect(formatSchedule(schedule({ pattern: "monthly", nth: 2 }), "cy")).toBe(
      "Yr ail ddydd Mawrth bob mis, 10:00 i 11:30",
    );
    expect(formatSchedule(schedule({ pattern: "monthly", nth: 1, termTimeOnly: true }), "cy")).toBe(
      "Y dydd Mawrth cyntaf bob mis, 10:00 i 11:30 (yn ystod y tymor yn unig)",
    );
  });
});

describe("distances and addresses", () => {
  it("gives distances in miles", () => {
    expect(formatDistance(1.9, "en")).toBe("1.2 miles away");
    expect(formatDistance(1.609344, "en")).toBe("1 mile away");
    expect(formatDistance(0.05, "cy")).toBe("llai na 0.1 milltir i ffwrdd");
  });

  it("prints web addresses as people type them", () => {
    expect(displayUrl("https://www.nct.org.uk/")).toBe("nct.org.uk");
    expect(displayUrl("https://maternalocd.org/finding-help/")).toBe(
      "maternalocd.org/finding-help",
    );
  });
});
