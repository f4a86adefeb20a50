/**
 * Turns the texts of the shipped geography files (data/geo) into rows for the geography tables
 * and the in-memory index. Pure: Node reads the files from disk, the Worker bundles them.
 */
import type { Country } from "../../schema/taxonomy.js";
import type { AreaRow, DistrictRow, SectorRow } from "./geo-index.js";

export interface GeoTexts {
  sectors: string;
  districts: string;
  shares: string;
  /** areas.json as text, or already parsed (a bundler may import JSON as data). */
  areas: string | readonly unknown[];
  /** scottish-health-boards.csv (`code,name,lads`, lads `;`-separated): Scotland's 14 boards. */
  healthBoards?: string;
}

export interface GeoRows {
  sectors: SectorRow[];
  districts: DistrictRow[];
  areas: AreaRow[];
}

/** Rows of a small unquoted CSV text (the geography files have no quoted fields), by header. */
function parseCsv(text: string): Record<string, string>[] {
  const [header, ...lines] = text.split(/\r?\n/).filter((line) => line.trim() !== "");
  const columns = (header ?? "").split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

const orNull = (text: string | undefined) => (text ? text : null);

export function parseGeoFiles(texts: GeoTexts): GeoRows {
  const sharesByOutcode = new Map(parseCsv(texts.shares).map((row) => [row.outcode, row]));

  const sectors = parseCsv(texts.sectors).map((row): SectorRow => {
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

  const districts = parseCsv(texts.districts).map((row): DistrictRow => {
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

  const parsed = typeof texts.areas === "string" ? JSON.parse(texts.areas) : texts.areas;
  const areas = (parsed as AreaRow[]).map(
    (row): AreaRow => ({ code: row.code, name: row.name, kind: row.kind, lads: row.lads ?? null }),
  );
  const boards = parseCsv(texts.healthBoards ?? "").map(
    (row): AreaRow => ({
      code: row.code ?? "",
      name: row.name ?? "",
      kind: "hb",
      lads: (row.lads ?? "").split(";").filter(Boolean),
    }),
  );
  return { sectors, districts, areas: [...areas, ...boards] };
}
