import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBundles } from "../../api/db/listing-bundles.js";
import { sessionsCalendar } from "../../api/domain/calendar.js";
import { type Backend, openBackend } from "../support/backends.js";

/**
 * `/services/:id/sessions.ics`, generated with ical-generator and read back here with ical.js,
 * a different parser, across both clock changes.
 */

let backend: Backend;
const get = (path: string) => Promise.resolve(backend.app.request(path));

beforeAll(async () => {
  backend = await openBackend("memory");
});
afterAll(async () => {
  await backend?.close();
});

/** Every occurrence the file describes, as UTC instants, up to `until`. */
function occurrences(ics: string, until: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  const zone = calendar.getFirstSubcomponent("vtimezone");
  if (zone) ICAL.TimezoneService.register(zone);
  const event = new ICAL.Event(calendar.getFirstSubcomponent("vevent") ?? undefined);
  const out: string[] = [];
  const iterator = event.iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const at = next.toJSDate().toISOString();
    if (at > until) break;
    out.push(at);
  }
  return out;
}

async function calendarOf(id: string, now: Date) {
  const bundle = (await loadBundles(backend.db, [id])).get(id);
  if (!bundle) throw new Error(`no listing ${id}`);
  return sessionsCalendar(bundle, {
    now,
    pageUrl: `https://signpost.example/services/${id}`,
    vtimezone: getVtimezoneComponent,
    lang: "en",
  });
}

describe("sessions.ics", () => {
  it("answers an RFC 5545 calendar with a Europe/London VTIMEZONE and an RRULE", async () => {
    const res = await get("/services/demo-exeter-bumps-group/sessions.ics");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const ics = await res.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("VERSION:2.0");
    expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/London");
    expect(ics).toContain("DTSTART;TZID=Europe/London:20261201T100000");
    expect(ics).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=TU/);
    expect(ics).toContain("URL;VALUE=URI:http://localhost/services/demo-exeter-bumps-group");
    // Every line is folded to 75 octets at most, as the RFC asks.
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });

  it("keeps a weekly session at 10:00 London time across the October clock change", async () => {
    const ics = await calendarOf("demo-exeter-bumps-group", new Date("2026-10-10T12:00:00Z"));
    const dates = occurrences(ics, "2026-11-04T00:00:00Z");
    expect(dates).toEqual([
      "2026-10-13T09:00:00.000Z",
      "2026-10-20T09:00:00.000Z",
      "2026-10-27T10:00:00.000Z",
      "2026-11-03T10:00:00.000Z",
    ]);
  });

  it("skips the school holidays of a term-time-only group, across the March clock change", async () => {
    // Plymouth Baby Café (example): Thursdays 13:00, term time only.
    const ics = await calendarOf("demo-plymouth-baby-cafe", new Date("2027-03-10T12:00:00Z"));
    expect(ics).toContain("EXDATE;TZID=Europe/London:20270401T130000");
    expect(ics).toContain("Term time only");
    const dates = occurrences(ics, "2027-04-23T00:00:00Z");
    expect(dates).toEqual([
      "2027-03-11T13:00:00.000Z",
      "2027-03-18T13:00:00.000Z",
      "2027-03-25T13:00:00.000Z",
      // 1 and 8 April are the Easter holidays; British Summer Time has begun.
      "2027-04-15T12:00:00.000Z",
      "2027-04-22T12:00:00.000Z",
    ]);
  });

  it("writes monthly sessions on their nth or last weekday, and fortnightly ones every other week", async () => {
    const now = new Date("2026-11-26T09:00:00Z");
    const last = await calendarOf("demo-plymouth-lgbtq-parents", now);
    expect(last).toMatch(/RRULE:FREQ=MONTHLY;INTERVAL=1;BYDAY=SU;BYSETPOS=-1/);
    expect(occurrences(last, "2027-02-01T00:00:00Z")).toEqual([
      "2026-11-29T14:00:00.000Z",
      "2026-12-27T14:00:00.000Z",
      "2027-01-31T14:00:00.000Z",
    ]);
    const fortnightly = await calendarOf("demo-exmouth-walk-and-talk", now);
    const [a, b] = occurrences(fortnightly, "2027-01-01T00:00:00Z");
    expect(Date.parse(b ?? "") - Date.parse(a ?? "")).toBe(14 * 86_400_000);
  });

  it("answers 404 for a listing without sessions, and for one that is not published", async () => {
    expect((await get("/services/samaritans/sessions.ics")).status).toBe(404);
    expect((await get("/services/no-such-listing/sessions.ics")).status).toBe(404);
  });

  it("offers the file and a webcal: subscription on the service page", async () => {
    const html = await (await get("/services/demo-exeter-bumps-group")).text();
    expect(html).toContain('href="http://localhost/services/demo-exeter-bumps-group/sessions.ics"');
    expect(html).toContain(
      'href="webcal://localhost/services/demo-exeter-bumps-group/sessions.ics"',
    );
  });
});
