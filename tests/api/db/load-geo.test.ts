import { fileURLToPath } from "node:url";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../../api/db/client.js";
import { loadGeo, loadGeoIndex } from "../../../api/db/load-geo.js";
import { migrateDb } from "../../../api/db/migrate.js";
import type { Db } from "../../../api/db/types.js";
import type { GeoIndex } from "../../../api/domain/geo-index.js";
import { areas, postcodeDistricts, postcodeSectors } from "../../../schema/tables.js";

async function freshDb(): Promise<Db> {
  const { db } = openDb(":memory:");
  await migrateDb(db);
  return db;
}

async function counts(db: Db) {
  const [sectors] = await db.select({ n: count() }).from(postcodeSectors);
  const [districts] = await db.select({ n: count() }).from(postcodeDistricts);
  const [areaRows] = await db.select({ n: count() }).from(areas);
  return { sectors: sectors?.n, districts: districts?.n, areas: areaRows?.n };
}

describe("loadGeo", () => {
  let db: Db;

  beforeAll(async () => {
    db = await freshDb();
  });

  it("loads every row of the shipped geography", async () => {
    const result = await loadGeo(db);
    expect(result).toEqual({ loaded: true, sectors: 10_820, districts: 2_968, areas: 413 });
    expect(await counts(db)).toEqual({ sectors: 10_820, districts: 2_968, areas: 413 });
  });

  it("leaves an already loaded database alone", async () => {
    const result = await loadGeo(db);
    expect(result.loaded).toBe(false);
    expect(await counts(db)).toEqual({ sectors: 10_820, districts: 2_968, areas: 413 });
  });

  it("replaces the rows cleanly when asked to", async () => {
    const result = await loadGeo(db, { replace: true });
    expect(result.loaded).toBe(true);
    expect(await counts(db)).toEqual({ sectors: 10_820, districts: 2_968, areas: 413 });
  });

  it("joins each district to its shares, and derives area and outcode", async () => {
    const [hr3] = await db
      .select()
      .from(postcodeDistricts)
      .where(eq(postcodeDistricts.outcode, "HR3"));
    expect(hr3).toMatchObject({
      area: "HR",
      country: "England",
      kind: "outcode",
      postcodes: 424,
      regionShares: "West Midlands:0.524",
      icbShares: "E54000019:0.540",
      lhbShares: "W11000024:0.448",
      ladShares: "E06000019:0.552;W06000023:0.448",
    });
    const [sector] = await db
      .select()
      .from(postcodeSectors)
      .where(eq(postcodeSectors.sector, "HR3 5"));
    expect(sector).toMatchObject({ outcode: "HR3", country: "Wales", lad: "W06000023", icb: null });
  });

  it("keeps districts without shares (parent districts, Northern Ireland) with empty shares", async () => {
    const rows = await db
      .select()
      .from(postcodeDistricts)
      .where(eq(postcodeDistricts.kind, "outcode-approx"));
    expect(rows).toHaveLength(80);
    expect(rows.every((row) => row.country === "Northern Ireland" && row.ladShares === null)).toBe(
      true,
    );
    const [sw1] = await db
      .select()
      .from(postcodeDistricts)
      .where(eq(postcodeDistricts.outcode, "SW1"));
    expect(sw1).toMatchObject({
      kind: "district-aggregate",
      area: "SW",
      postcodes: null,
      ladShares: null,
    });
  });

  it("strips the files' Windows line endings from the last column", async () => {
    const sectors = await db.select().from(postcodeSectors);
    const districts = await db.select().from(postcodeDistricts);
    expect(sectors.filter((row) => /\r/.test(row.lhb ?? ""))).toEqual([]);
    expect(districts.filter((row) => /\r/.test(`${row.source}${row.ladShares}`))).toEqual([]);
  });

  it("stores the local authorities of each Welsh health board", async () => {
    const [powys] = await db.select().from(areas).where(eq(areas.code, "W11000024"));
    expect(powys).toEqual({
      code: "W11000024",
      name: "Powys Teaching Health Board",
      kind: "lhb",
      lads: ["W06000023"],
    });
  });

  it("reads the geography from a folder given as a path", async () => {
    const other = await freshDb();
    const dir = fileURLToPath(new URL("../../../data/geo", import.meta.url));
    expect(await loadGeo(other, { dir })).toMatchObject({ loaded: true, sectors: 10_820 });
  });
});

describe("loadGeoIndex", () => {
  let geo: GeoIndex;

  beforeAll(async () => {
    const db = await freshDb();
    await loadGeo(db);
    geo = await loadGeoIndex(db);
  });

  it("indexes the loaded tables by code, with parsed shares", () => {
    expect(geo.sectors.size).toBe(10_820);
    expect(geo.districts.size).toBe(2_968);
    expect(geo.areas.get("E07000041")?.name).toBe("Exeter");
    expect(geo.shares.get("HR3")?.lad).toEqual([
      { code: "E06000019", share: 0.552 },
      { code: "W06000023", share: 0.448 },
    ]);
    expect(geo.shares.get("HR3")?.region).toEqual([{ code: "West Midlands", share: 0.524 }]);
  });

  it("lists each area's districts without the London parent districts", () => {
    const w = geo.districtsByArea.get("W")?.map((d) => d.outcode) ?? [];
    expect(w).toContain("W1A");
    expect(w).not.toContain("W1");
    expect(geo.districtsByArea.get("BT")).toHaveLength(80);
  });

  it("gives a parent district the postcode-weighted shares of its sub-districts", () => {
    const sw1 = geo.shares.get("SW1");
    expect(sw1?.lad[0]?.code).toBe("E09000033");
    expect(sw1?.lad.reduce((sum, s) => sum + s.share, 0)).toBeCloseTo(1, 1);
    expect(geo.shares.get("W1")?.icb[0]?.code).toBe("E54000027");
  });
});
