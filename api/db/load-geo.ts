/**
 * Loads the shipped postcode geography (data/geo, see its README) into the geography tables,
 * and reads it back as the in-memory index that resolves postcodes.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { count } from "drizzle-orm";
import { areas, postcodeDistricts, postcodeSectors } from "../../schema/tables.js";
import { type GeoRows, parseGeoFiles } from "../domain/geo-files.js";
import { buildGeoIndex, type GeoIndex } from "../domain/geo-index.js";
import type { Db } from "./types.js";

const DEFAULT_DIR = new URL("../../data/geo/", import.meta.url);
const CHUNK = 500;

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

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Reads the geography files into rows shaped for the three tables. */
export async function readGeoFiles(dir: string | URL = DEFAULT_DIR): Promise<GeoRows> {
  const read = (name: string) => readFile(fileIn(dir, name), "utf8");
  const [sectors, districts, shares, areas, healthBoards] = await Promise.all([
    read("postcode-sectors.csv"),
    read("postcode-districts.csv"),
    read("district-area-shares.csv"),
    read("areas.json"),
    read("scottish-health-boards.csv"),
  ]);
  return parseGeoFiles({ sectors, districts, shares, areas, healthBoards });
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
