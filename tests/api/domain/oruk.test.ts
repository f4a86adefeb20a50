import { describe, expect, it } from "vitest";
import { fromHsdsArea, toHsdsArea } from "../../../api/domain/oruk/area-map.js";
import { clean, type OrukContext } from "../../../api/domain/oruk/bundle.js";
import { envelope } from "../../../api/domain/oruk/page.js";
import { fromHsdsSchedule, toHsdsSchedule } from "../../../api/domain/oruk/schedule-map.js";
import { orukId, uuidV5 } from "../../../api/domain/oruk/uuid.js";

const ctx: OrukContext = {
  base: "https://example.test/oruk",
  areaName: (code) => (code === "E54000037" ? "NHS Devon ICB" : undefined),
  countyOf: () => "Exeter",
};

describe("ORUK ids", () => {
  it("derives RFC 9562 version 5 UUIDs (the RFC's own example)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe(
      "2ed6657d-e927-568b-95e1-2665a8aea6a2",
    );
  });
  it("gives each of our rows one stable id per kind of thing", () => {
    expect(orukId("service", "samaritans")).toBe(orukId("service", "samaritans"));
    expect(orukId("service", "samaritans")).not.toBe(orukId("location", "samaritans"));
    expect(orukId("service", "samaritans")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab]/);
  });
});

describe("ORUK page envelope", () => {
  it("marks the first, last and empty pages", () => {
    expect(envelope([1, 2], 7, 1, 2)).toMatchObject({
      total_pages: 4,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    expect(envelope([7], 7, 4, 2)).toMatchObject({ first_page: false, last_page: true, size: 1 });
    expect(envelope([], 7, 5, 2)).toMatchObject({ empty: true, last_page: false, size: 0 });
  });
});

describe("clean", () => {
  it("drops nulls, empty strings and empty lists at every depth, and keeps false and 0", () => {
    expect(
      clean({ a: null, b: "", c: [], d: { e: undefined, f: 0, g: false, h: [{ i: null }] } }),
    ).toEqual({
      d: { f: 0, g: false, h: [{}] },
    });
  });
});

const session = {
  id: "s1",
  serviceId: "svc",
  locationId: "loc",
  pattern: "monthly" as const,
  weekday: 5,
  nth: -1,
  anchorDate: null,
  startTime: "10:00",
  endTime: "11:30",
  termTimeOnly: true,
  validFrom: "2026-01-01",
  validUntil: null,
  note: "Bring a blanket",
  noteCy: "Dewch â blanced",
};

describe("ORUK schedules", () => {
  it("writes monthly, fortnightly and weekly rules and reads them back exactly", () => {
    const hsds = clean(toHsdsSchedule(session, "sid"));
    expect(hsds).toMatchObject({
      freq: "MONTHLY",
      byday: "-1FR",
      opens_at: "10:00:00",
      closes_at: "11:30:00",
      notes: "Term time only. Bring a blanket",
    });
    expect(hsds.timezone).toBeUndefined();
    const { id: _id, serviceId: _s, locationId: _l, ...want } = session;
    expect(fromHsdsSchedule(hsds)).toEqual({
      sessions: [want],
    });
    const fortnightly = clean(
      toHsdsSchedule(
        {
          ...session,
          pattern: "fortnightly",
          nth: null,
          anchorDate: "2026-01-02",
          termTimeOnly: false,
        },
        "sid",
      ),
    );
    expect(fortnightly).toMatchObject({
      freq: "WEEKLY",
      interval: 2,
      dtstart: "2026-01-02",
      byday: "FR",
    });
    expect(fromHsdsSchedule(fortnightly)).toMatchObject({
      sessions: [{ pattern: "fortnightly", anchorDate: "2026-01-02" }],
    });
  });
  it("says why a schedule cannot be read", () => {
    expect(fromHsdsSchedule({ byday: "MO" })).toEqual({
      problem: "a session without opening and closing times",
    });
    expect(fromHsdsSchedule({ byday: "XX", opens_at: "10:00", closes_at: "11:00" })).toEqual({
      problem: 'an unknown day "XX"',
    });
    expect(fromHsdsSchedule({ opens_at: "10:00", closes_at: "11:00" })).toEqual({
      problem: "a session without a day (byday)",
    });
    expect(
      fromHsdsSchedule({ freq: "DAILY", byday: "MO", opens_at: "10:00", closes_at: "11:00" }),
    ).toMatchObject({ problem: expect.stringContaining("DAILY") });
  });
});

describe("ORUK service areas", () => {
  const area = {
    id: "a",
    serviceId: "svc",
    code: null,
    latitude: null,
    longitude: null,
    radiusKm: null,
  };
  it("carries ONS statistical-geography URIs and reads every kind back", () => {
    const icb = toHsdsArea({ ...area, kind: "icb", code: "E54000037" }, "sid", ctx);
    expect(icb).toMatchObject({
      name: "NHS Devon ICB",
      uri: "http://statistics.data.gov.uk/id/statistical-geography/E54000037",
    });
    expect(toHsdsArea({ ...area, kind: "country", code: "Wales" }, "sid", ctx).uri).toMatch(
      /W92000004$/,
    );
    for (const a of [
      { ...area, kind: "uk" as const },
      { ...area, kind: "country" as const, code: "Scotland" },
      { ...area, kind: "lad" as const, code: "E07000041" },
      { ...area, kind: "lhb" as const, code: "W11000028" },
      { ...area, kind: "hb" as const, code: "S08000015" },
      { ...area, kind: "district" as const, code: "EX4" },
      { ...area, kind: "radius" as const, latitude: 50.7, longitude: -3.5, radiusKm: 12 },
    ]) {
      const { id: _id, serviceId: _s, ...want } = a;
      expect(fromHsdsArea(toHsdsArea(a, "sid", ctx))).toEqual(want);
    }
    // Another publisher's area: only the URI is there to read.
    expect(
      fromHsdsArea({ uri: "http://statistics.data.gov.uk/id/statistical-geography/E06000059" }),
    ).toMatchObject({ kind: "lad", code: "E06000059" });
    expect(fromHsdsArea({ uri: "not a uri" })).toBeNull();
  });
});
