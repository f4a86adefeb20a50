import { beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../../api/db/client.js";
import { loadGeo, loadGeoIndex } from "../../../api/db/load-geo.js";
import { migrateDb } from "../../../api/db/migrate.js";
import type { GeoIndex } from "../../../api/domain/geo-index.js";
import { parsePostcode } from "../../../api/domain/postcode.js";
import { resolvePlace } from "../../../api/domain/resolve-place.js";

let geo: GeoIndex;

beforeAll(async () => {
  const { db } = openDb(":memory:");
  await migrateDb(db);
  await loadGeo(db);
  geo = await loadGeoIndex(db);
});

const resolve = (text: string) => resolvePlace(parsePostcode(text), geo);

describe("resolvePlace with the shipped geography", () => {
  it("resolves a full postcode to its sector, with Exeter's council and ICB", () => {
    expect(resolve("EX4 4PQ")).toEqual({
      query: "EX4 4",
      precision: "sector",
      label: "EX4 4, Exeter",
      country: "England",
      countries: ["England"],
      lad: "E07000041",
      ladName: "Exeter",
      icb: "E54000037",
      icbName: expect.stringContaining("Devon"),
      lhb: null,
      lhbName: null,
      hb: null,
      hbName: null,
      latitude: 50.7319,
      longitude: -3.53637,
      approximate: false,
    });
  });

  it("never puts the full postcode in the place", () => {
    const place = resolve("EX4 4PQ");
    expect(JSON.stringify(place)).not.toMatch(/4PQ/);
  });

  it.each([
    ["ex44pq"],
    ["EX44PQ"],
    ["ex4 4pq"],
    [" EX4  4PQ "],
    ["EX4 4P"],
    ["EX4 4"],
    ["EX4 4P0"],
  ])("resolves %j to the same sector", (text) => {
    expect(resolve(text)).toMatchObject({ query: "EX4 4", precision: "sector" });
  });

  it("resolves a district on its own at district precision", () => {
    expect(resolve("EX4")).toMatchObject({
      query: "EX4",
      precision: "district",
      label: "EX4, Exeter",
      country: "England",
      lad: "E07000041",
      approximate: false,
    });
  });

  it("resolves SW1A 1AA at sector precision because its sector is in the data", () => {
    expect(resolve("SW1A 1AA")).toMatchObject({
      query: "SW1A 1",
      precision: "sector",
      ladName: "Westminster",
    });
  });

  it("falls back to the district when the sector is missing from the 2014 data", () => {
    expect(geo.sectors.has("EX1 5")).toBe(false);
    expect(resolve("EX1 5AB")).toMatchObject({ query: "EX1", precision: "district" });
    expect(geo.sectors.has("SW1A 9")).toBe(false);
    expect(resolve("SW1A 9ZZ")).toMatchObject({ query: "SW1A", precision: "district" });
  });

  it("falls back to the London parent district when the sub-district is missing", () => {
    expect(geo.districts.has("W1P")).toBe(false);
    expect(resolve("W1P 1AA")).toMatchObject({
      query: "W1",
      precision: "parent-district",
      label: "W1, Westminster",
      country: "England",
      approximate: false,
    });
  });

  it("resolves a typed parent district at parent-district precision, named by its main council", () => {
    expect(resolve("SW1")).toMatchObject({
      query: "SW1",
      precision: "parent-district",
      lad: "E09000033",
      ladName: "Westminster",
    });
  });

  it("falls back to the postcode area centroid when sector and district are missing", () => {
    expect(geo.districts.has("EX25")).toBe(false);
    const place = resolve("EX25 1AA");
    expect(place).toMatchObject({
      query: "EX",
      precision: "area",
      label: "EX",
      country: "England",
      countries: ["England"],
      approximate: true,
    });
    const exDistricts = geo.districtsByArea.get("EX") ?? [];
    const meanLatitude = exDistricts.reduce((sum, d) => sum + d.latitude, 0) / exDistricts.length;
    expect(place?.latitude).toBeCloseTo(meanLatitude, 4);
  });

  it("names an area's ICB only when it holds most of the area's postcodes", () => {
    expect(resolve("EX")).toMatchObject({ precision: "area", icb: "E54000037", lad: null });
    expect(resolve("SW")).toMatchObject({ precision: "area", icb: null, lad: null });
  });

  it("resolves Northern Ireland at approximate district precision", () => {
    expect(resolve("BT1 1AA")).toMatchObject({
      query: "BT1",
      precision: "district",
      label: "BT1, Northern Ireland",
      country: "Northern Ireland",
      countries: ["Northern Ireland"],
      lad: null,
      icb: null,
      lhb: null,
      approximate: true,
    });
  });

  it.each([["ZZ1 1ZZ"], ["ZZ"], ["EX44"]])(
    "returns null for %j, which the data does not know",
    (text) => {
      expect(parsePostcode(text).ok).toBe(true);
      expect(resolve(text)).toBeNull();
    },
  );

  it("returns null for non-geographic districts instead of guessing an area", () => {
    expect(resolve("BN91 1AA")).toBeNull();
    expect(resolve("EN77 1AA")).toBeNull();
  });

  it.each([["hello"], [""], ["12345"], ["<script>"]])("returns null for junk %j", (text) => {
    expect(parsePostcode(text)).toEqual({ ok: false });
    expect(resolve(text)).toBeNull();
  });

  it("gives a Scottish place its health board, from its council area", () => {
    expect(resolve("G2 1DY")).toMatchObject({
      country: "Scotland",
      lad: "S12000049",
      hb: "S08000031",
      hbName: "NHS Greater Glasgow and Clyde",
    });
    expect(resolve("EH1 1YZ")).toMatchObject({ hb: "S08000024", hbName: "NHS Lothian" });
    expect(resolve("CF10 1AA")).toMatchObject({ hb: null, hbName: null });
  });

  it("places HR3 in England and Wales, England first as the data says", () => {
    expect(resolve("HR3")).toMatchObject({
      precision: "district",
      country: "England",
      countries: ["England", "Wales"],
      lad: "E06000019",
      icb: "E54000019",
      lhb: "W11000024",
      lhbName: "Powys Teaching Health Board",
    });
  });

  it("puts the HR3 5 sector in Wales, with England still listed", () => {
    expect(resolve("HR3 5DA")).toMatchObject({
      precision: "sector",
      label: "HR3 5, Powys",
      country: "Wales",
      countries: ["Wales", "England"],
      lad: "W06000023",
      icb: null,
      lhb: "W11000024",
    });
  });

  it("puts TD15 1 in England, listing Scotland because TD15's council shares reach it", () => {
    const td15 = geo.shares.get("TD15");
    expect(td15?.lad.some((s) => s.code.startsWith("S12"))).toBe(true);
    expect(resolve("TD15 1AA")).toMatchObject({
      precision: "sector",
      label: "TD15 1, Northumberland",
      country: "England",
      countries: ["England", "Scotland"],
      icb: "E54000050",
    });
  });

  it("lists only England for a district whose shares stay in England", () => {
    expect(resolve("EX4")?.countries).toEqual(["England"]);
  });

  it("mends O/0 and I/1 slips before resolving", () => {
    expect(resolve("C04 3SQ")).toMatchObject({ query: "CO4 3", ladName: "Colchester" });
    expect(resolve("0X4 4PQ")).toMatchObject({ query: "OX4 4", ladName: "Oxford" });
    expect(resolve("SW1O 1AA")).toMatchObject({ query: "SW10 1", precision: "sector" });
  });
});
