/**
 * The postcode geography held in memory: about 14,000 small rows, looked up on every search.
 * Built once from the rows of the geography tables; nothing here touches the database.
 */
import type { areas, postcodeDistricts, postcodeSectors } from "../../schema/tables.js";

export type SectorRow = typeof postcodeSectors.$inferSelect;
export type DistrictRow = typeof postcodeDistricts.$inferSelect;
export type AreaRow = typeof areas.$inferSelect;

/** One code's share (0–1) of a district's postcode units. */
export interface Share {
  code: string;
  share: number;
}

/** A district's shares by kind of area, each list most first. Regions are named, not coded. */
export interface AreaShares {
  region: Share[];
  icb: Share[];
  lhb: Share[];
  lad: Share[];
}

export interface GeoIndex {
  sectors: ReadonlyMap<string, SectorRow>;
  /** Every district row by outcode: GB districts, London parent districts, Northern Ireland. */
  districts: ReadonlyMap<string, DistrictRow>;
  /** Names of ICBs, LADs, LHBs and Scottish health boards by code. */
  areas: ReadonlyMap<string, AreaRow>;
  /** The Scottish health board (`S08…`) of each Scottish council area (`S12…`). */
  healthBoardOfLad: ReadonlyMap<string, string>;
  /**
   * The districts of each postcode area (`EX` → EX1…EX39), without London parent districts,
   * which only aggregate districts already listed.
   */
  districtsByArea: ReadonlyMap<string, readonly DistrictRow[]>;
  /**
   * Parsed shares by outcode. A London parent district (`SW1`) has none of its own in the data;
   * it gets its sub-districts' shares weighted by their postcode counts.
   */
  shares: ReadonlyMap<string, AreaShares>;
}

const NO_SHARES: AreaShares = { region: [], icb: [], lhb: [], lad: [] };
const SHARE_KINDS = ["region", "icb", "lhb", "lad"] as const;

/** Parses `E06000019:0.552;W06000023:0.448` (most first); empty or null text gives `[]`. */
export function parseShares(text: string | null | undefined): Share[] {
  if (!text) return [];
  const shares: Share[] = [];
  for (const part of text.split(";")) {
    // Region names may hold spaces, so split at the last colon.
    const colon = part.lastIndexOf(":");
    const code = part.slice(0, colon).trim();
    const share = Number(part.slice(colon + 1));
    if (colon > 0 && code && Number.isFinite(share)) shares.push({ code, share });
  }
  return shares.sort((a, b) => b.share - a.share);
}

/** Shares of a group of districts, each weighted (normally by its postcode count). */
export function mergeShares(parts: readonly { shares: AreaShares; weight: number }[]): AreaShares {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  if (total <= 0) return NO_SHARES;
  const merged = { ...NO_SHARES };
  for (const kind of SHARE_KINDS) {
    const sums = new Map<string, number>();
    for (const { shares, weight } of parts) {
      for (const { code, share } of shares[kind]) {
        sums.set(code, (sums.get(code) ?? 0) + (share * weight) / total);
      }
    }
    merged[kind] = [...sums]
      .map(([code, share]) => ({ code, share: Math.round(share * 1000) / 1000 }))
      .sort((a, b) => b.share - a.share);
  }
  return merged;
}

function sharesOf(row: DistrictRow): AreaShares {
  return {
    region: parseShares(row.regionShares),
    icb: parseShares(row.icbShares),
    lhb: parseShares(row.lhbShares),
    lad: parseShares(row.ladShares),
  };
}

export function buildGeoIndex(rows: {
  sectors: readonly SectorRow[];
  districts: readonly DistrictRow[];
  areas: readonly AreaRow[];
}): GeoIndex {
  const sectors = new Map(rows.sectors.map((row) => [row.sector, row]));
  const districts = new Map(rows.districts.map((row) => [row.outcode, row]));
  const areaNames = new Map(rows.areas.map((row) => [row.code, row]));
  const healthBoardOfLad = new Map(
    rows.areas
      .filter((row) => row.kind === "hb")
      .flatMap((row) => (row.lads ?? []).map((lad) => [lad, row.code] as const)),
  );
  const districtsByArea = new Map<string, DistrictRow[]>();
  const shares = new Map<string, AreaShares>();

  const parents: DistrictRow[] = [];
  for (const row of rows.districts) {
    if (row.kind === "district-aggregate") {
      parents.push(row);
      continue;
    }
    shares.set(row.outcode, sharesOf(row));
    const list = districtsByArea.get(row.area);
    if (list) list.push(row);
    else districtsByArea.set(row.area, [row]);
  }

  for (const parent of parents) {
    const ownShares = sharesOf(parent);
    if (SHARE_KINDS.some((kind) => ownShares[kind].length > 0)) {
      shares.set(parent.outcode, ownShares);
      continue;
    }
    // SW1 is SW1A, SW1E, …: its outcode followed by one letter.
    const children = (districtsByArea.get(parent.area) ?? []).filter(
      (row) =>
        row.outcode.startsWith(parent.outcode) &&
        /^[A-Z]$/.test(row.outcode.slice(parent.outcode.length)),
    );
    shares.set(
      parent.outcode,
      mergeShares(
        children.map((row) => ({
          shares: shares.get(row.outcode) ?? NO_SHARES,
          weight: row.postcodes ?? 0,
        })),
      ),
    );
  }

  return { sectors, districts, areas: areaNames, healthBoardOfLad, districtsByArea, shares };
}
