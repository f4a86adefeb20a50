import { beforeAll, describe, expect, it } from "vitest";
import { formFromBody, formFromListing, withSpareRows } from "../../../api/admin/listing-form.js";
import { listingFromForm } from "../../../api/admin/listing-form-parse.js";
import { openDb } from "../../../api/db/client.js";
import { loadGeo, loadGeoIndex } from "../../../api/db/load-geo.js";
import { migrateDb } from "../../../api/db/migrate.js";
import type { GeoIndex } from "../../../api/domain/geo-index.js";
import { listingForm } from "./helpers.js";

let geo: GeoIndex;

beforeAll(async () => {
  const handle = openDb(":memory:");
  await migrateDb(handle.db);
  await loadGeo(handle.db);
  geo = await loadGeoIndex(handle.db);
  handle.close();
});

/** The UK date the form is checked on (the fixture's dates are before it). */
const TODAY = "2026-11-26";

const parse = (overrides: Record<string, string | string[]> = {}, today = TODAY) =>
  listingFromForm(formFromBody(listingForm(overrides)), {
    id: "new-group",
    geo,
    knownIds: new Set(),
    today,
  });

describe("listing editor form", () => {
  it("turns a filled-in form into a listing, with the venue's position from its postcode", () => {
    const result = parse();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const l = result.listing;
    expect(l).toMatchObject({
      id: "new-group",
      name: "Riverside Bumps and Babies",
      reviewEveryDays: 180,
      status: "draft",
    });
    expect(l.locations[0]).toMatchObject({ postcode: "EX4 4QJ" });
    expect(l.locations[0]?.latitude).toBeCloseTo(50.73, 1);
    expect(l.schedules[0]?.locationId).toBe(l.locations[0]?.id);
    expect(l.areas[0]).toMatchObject({ kind: "lad", code: "E07000041" });
  });

  it("defaults crisis listings to a 90-day review", () => {
    const result = parse({ kind: "crisis" });
    expect(result.ok && result.listing.reviewEveryDays).toBe(90);
  });

  it("finds areas by name for each kind, and a radius around a postcode district", () => {
    const result = parse({
      "areas.0.kind": "icb",
      "areas.0.place": "nhs devon integrated care board",
      "areas.1.kind": "country",
      "areas.1.place": "Wales",
      "areas.2.kind": "radius",
      "areas.2.place": "EX4",
      "areas.2.radiusKm": "15",
      "areas.3.kind": "district",
      "areas.3.place": "ex2",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.listing.areas.map((a) => [a.kind, a.code ?? a.radiusKm])).toEqual([
      ["icb", "E54000037"],
      ["country", "Wales"],
      ["radius", 15],
      ["district", "EX2"],
    ]);
  });

  it("puts each problem on the field the person sees, by its row in the form", () => {
    const result = parse({
      "areas.0.kind": "lad",
      "areas.0.place": "Atlantis",
      "locations.0.postcode": "ZZ9 9ZZ",
      "contacts.0.remove": "yes",
      "contacts.1.kind": "text",
      "contacts.1.value": "abc",
      "schedules.0.endTime": "09:00",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors["areas.0.place"]).toBe(
      "We do not know a local authority called “Atlantis”. Pick a name from the list.",
    );
    expect(result.errors["locations.0.postcode"]).toMatch(/could not find this postcode/);
    expect(result.errors["contacts.1.value"]).toMatch(/short code/);
    expect(result.errors["schedules.0.endTime"]).toBe("Must be after the start time");
  });

  it("refuses a last-checked date after today, on the field, and takes today itself", () => {
    for (const date of ["2099-12-31", "2026-11-27"]) {
      const result = parse({ verifiedAt: date });
      expect(result.ok, date).toBe(false);
      if (result.ok) continue;
      expect(result.errors.verifiedAt).toBe(
        "The last check cannot be after today (26 November 2026). Enter the date the service was really checked.",
      );
    }
    expect(parse({ verifiedAt: TODAY }).ok).toBe(true);
  });

  it("ignores empty spare rows and removed rows", () => {
    const result = parse({
      "contacts.1.kind": "",
      "contacts.1.value": "",
      "areas.1.kind": "",
      "schedules.0.remove": "yes",
    });
    expect(result.ok && result.listing.contacts.length).toBe(1);
    expect(result.ok && result.listing.schedules.length).toBe(0);
  });

  it("links a session to a venue added in the same form, before any save", () => {
    // Two new venue rows; the session names the second by its row id, which is not one the
    // server would keep (it was typed by hand), so the venue gets a new id and the link follows.
    const result = parse({
      "locations.1.id": "hall-by-hand",
      "locations.1.name": "Heavitree Community Hall",
      "locations.1.address": "Fore Street, Heavitree, Exeter",
      "locations.1.postcode": "EX1 2QX",
      "schedules.0.locationId": "hall-by-hand",
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const hall = result.listing.locations[1];
    expect(hall?.name).toBe("Heavitree Community Hall");
    expect(hall?.id).toMatch(/^loc-[a-z0-9]{10}$/);
    expect(result.listing.schedules[0]?.locationId).toBe(hall?.id);
  });

  it("says so on the session when its venue is empty, to be removed, or not in the form", () => {
    const spare = "loc-spare00000";
    const cases: [Record<string, string>, string][] = [
      [
        { "locations.1.id": spare, "schedules.0.locationId": spare },
        "Venue 2 is empty. Fill in its name, address and postcode, or choose another venue.",
      ],
      [{ "locations.0.remove": "yes", "schedules.0.locationId": "" }, ""],
      [
        { "locations.0.id": spare, "locations.0.remove": "yes", "schedules.0.locationId": spare },
        "Venue 1 is marked to be removed. Choose another venue, or keep it.",
      ],
      [{ "schedules.0.locationId": "loc-elsewhere0" }, "Choose one of the venues in this form."],
    ];
    for (const [overrides, message] of cases) {
      const result = parse(overrides);
      if (!message) {
        expect(result.ok, JSON.stringify(overrides)).toBe(true);
        continue;
      }
      expect(result.ok, JSON.stringify(overrides)).toBe(false);
      if (result.ok) continue;
      expect(result.errors).toEqual({ "schedules.0.locationId": message });
    }
  });

  it("round-trips a listing through the form unchanged", () => {
    const first = parse();
    if (!first.ok) throw new Error("fixture invalid");
    const values = withSpareRows(formFromListing(first.listing, geo));
    const flat: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(values)) {
      if (Array.isArray(v) && v.length && typeof v[0] === "object") {
        v.forEach((row, i) => {
          for (const [f, x] of Object.entries(row as unknown as Record<string, unknown>)) {
            if (typeof x === "boolean") {
              if (x) flat[`${k}.${i}.${f}`] = "yes";
            } else flat[`${k}.${i}.${f}`] = String(x);
          }
        });
      } else if (typeof v === "boolean") {
        if (v) flat[k] = "yes";
      } else if (Array.isArray(v)) flat[k] = v as string[];
      else flat[k] = v as string;
    }
    const again = listingFromForm(formFromBody(flat), {
      id: "new-group",
      geo,
      today: TODAY,
      knownIds: new Set(
        [
          first.listing.contacts,
          first.listing.locations,
          first.listing.schedules,
          first.listing.areas,
        ]
          .flat()
          .map((x) => x.id),
      ),
    });
    expect(again.ok && again.listing).toEqual(first.listing);
  });
});
