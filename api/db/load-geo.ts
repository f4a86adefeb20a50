/**
 * Loads the shipped postcode geography (data/geo, see its README) into the geography tables,
 * and reads it back as the in-memory index that resolves postcodes.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { areas, postcodeDistricts, postcodeSectors } from "../../schema/tables.js";
import type { Country } from "../../schema/taxonomy.js";
import { buildGeoIndex, type GeoIndex } from "../domain/geo-index.js";
import type { Db } from "./types.js";

const DEFAULT_DIR = new URL("../../data/geo/", import.meta.url);
const CHUNK = 500;

type SectorInsert = typeof postcodeSectors.$inferInsert;
type DistrictInsert = typeof postcodeDistricts.$inferInsert;
type AreaInsert = typeof areas.$inferInsert;

export interface LoadGeoOptions {
  /** Folder holding the geography files; defaults to the project's data/geo. */
  dir?: string | URL;
  /** Replace rows already loaded (a newer import); by default a loaded database is left alone. */
  replace?: boolean;
}

/** Rows inserted into each table (all zero when the geography was already there). */
export interface LoadGeoResult {
  loaded: boolean;
  sectors: number;
  districts: number;
  areas: number;
}

function fileIn(dir: string | URL, name: string): string | URL {
  if (typeof dir === "string") return join(dir, name);
  return new URL(name, dir.href.endsWith("/") ? dir : `${dir.href}/`);
}

/** Rows of a small unquoted CSV file (the geography files have no quoted fields), by header. */
async function readCsv(dir: string | URL, name: string): Promise<Record<string, string>[]> {
  const text = await readFile(fileIn(dir, name), "utf8");
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const columns = (header ?? "").split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

const orNull = (text: string | undefined) => (text ? text : null);

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Reads the geography files into rows shaped for the three tables. */
export async function readGeoFiles(dir: string | URL = DEFAULT_DIR): Promise<{
  sectors: SectorInsert[];
  districts: DistrictInsert[];
  areas: AreaInsert[];
}> {
  const [sectorLines, districtLines, shareLines, areasText] = await Promise.all([
    readCsv(dir, "postcode-sectors.csv"),
    readCsv(dir, "postcode-districts.csv"),
    readCsv(dir, "district-area-shares.csv"),
    readFile(fileIn(dir, "areas.json"), "utf8"),
  ]);
  const sharesByOutcode = new Map(shareLines.map((row) => [row.outcode, row]));

  const sectors = sectorLines.map((row): SectorInsert => {
    const sector = row.sector ?? "";
    return {
      sector,
      outcode: sector.split(" ")[0] ?? sector,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      postcodes: Number(row.postcodes),
      country: row.country as Country,
      lad: orNull(row.lad24),
      icb: orNull(row.icb23),
      lhb: orNull(row.lhb),
    };
  });

  const districts = districtLines.map((row): DistrictInsert => {
    const outcode = row.outcode ?? "";
    const shares = sharesByOutcode.get(outcode);
    return {
      outcode,
      area: /^[A-Z]+/.exec(outcode)?.[0] ?? outcode,
      latitude: Number(row.latitude),
      longitude: Number(row.longitude),
      country: row.country as Country,
      kind: row.kind ?? "",
      source: row.source ?? "",
      postcodes: shares?.postcodes ? Number(shares.postcodes) : null,
      regionShares: orNull(shares?.england_region_shares),
      icbShares: orNull(shares?.icb23_shares),
      lhbShares: orNull(shares?.lhb_shares),
      ladShares: orNull(shares?.lad24_shares),
    };
  });

  const areaRows = (JSON.parse(areasText) as AreaInsert[]).map(
    (row): AreaInsert => ({
      code: row.code,
      name: row.name,
      kind: row.kind,
      lads: row.lads ?? null,
    }),
  );
  return { sectors, districts, areas: areaRows };
}

/**
 * Fills postcode_sectors, postcode_districts and areas from data/geo in one batch (a single
 * transaction). Does nothing when the sectors are already loaded, unless asked to replace them.
 */
export async function loadGeo(db: Db, options: LoadGeoOptions = {}): Promise<LoadGeoResult> {
  const [existing] = await db.select({ n: count() }).from(postcodeSectors);
  if ((existing?.n ?? 0) > 0 && !options.replace) {
    return { loaded: false, sectors: 0, districts: 0, areas: 0 };
  }
  const files = await readGeoFiles(options.dir);

  await db.batch([
    db.delete(postcodeSectors),
    db.delete(postcodeDistricts),
    db.delete(areas),
    ...chunks(files.sectors).map((rows) => db.insert(postcodeSectors).values(rows)),
    ...chunks(files.districts).map((rows) => db.insert(postcodeDistricts).values(rows)),
    ...chunks(files.areas).map((rows) => db.insert(areas).values(rows)),
  ]);
  return {
    loaded: true,
    sectors: files.sectors.length,
    districts: files.districts.length,
    areas: files.areas.length,
  };
}

/** Reads the three geography tables into the in-memory index. */
export async function loadGeoIndex(db: Db): Promise<GeoIndex> {
  const [sectors, districts, areaRows] = await Promise.all([
    db.select().from(postcodeSectors),
    db.select().from(postcodeDistricts),
    db.select().from(areas),
  ]);
  return buildGeoIndex({ sectors, districts, areas: areaRows });
}
