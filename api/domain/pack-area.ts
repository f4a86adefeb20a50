/**
 * Finds the area a poster is for from what someone typed: a postcode district (`EX4`), or a
 * council (Northern Ireland's too), ICB, Welsh health board or Scottish health board by code
 * (`E07000041`) or name ("Exeter", "Devon", "Caerdydd", "Belfast", "NHS Lothian"), and the
 * postcode districts it covers. Pure: it reads the in-memory geography only.
 */
import type { Country } from "../../schema/taxonomy.js";
import type { AreaRow, GeoIndex } from "./geo-index.js";
import { NI_COUNCILS } from "./ni-councils.js";
import { parsePostcode } from "./postcode.js";

export type PosterAreaKind = "district" | "lad" | "icb" | "lhb" | "hb";

export interface PosterArea {
  kind: PosterAreaKind;
  code: string;
  /** The English name from the data ("Exeter"), or the district itself ("EX4"). */
  name: string;
  country: Country;
  /**
   * The postcode district the directory opens at: the district itself, or a council's largest
   * district. Null for ICBs and health boards, which span many towns: the reader enters theirs.
   */
  district: string | null;
}

export type AreaLookup =
  | { ok: true; area: PosterArea }
  | { ok: false; reason: "not-found" }
  | { ok: false; reason: "ambiguous"; names: string[] };

function countryOfCode(code: string): Country {
  if (code.startsWith("W")) return "Wales";
  if (code.startsWith("S")) return "Scotland";
  if (code.startsWith("N")) return "Northern Ireland";
  return "England";
}

/** "NHS Devon Integrated Care Board" → "devon"; "Bristol, City of" → "bristol". */
export function shortName(name: string): string {
  return name
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^nhs\s+/, "")
    .replace(/\s+(integrated care board|university health board|teaching health board)$/, "")
    .replace(/,\s*(city|county) of$/, "")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The district holding most of a council's postcodes. */
function largestDistrict(geo: GeoIndex, lad: string): string | null {
  let best: { outcode: string; weight: number } | null = null;
  for (const [outcode, shares] of geo.shares) {
    const row = geo.districts.get(outcode);
    if (!row || row.kind === "district-aggregate") continue;
    const share = shares.lad.find((s) => s.code === lad)?.share ?? 0;
    const weight = share * (row.postcodes ?? 1);
    if (share > 0 && (!best || weight > best.weight)) best = { outcode, weight };
  }
  return best?.outcode ?? null;
}

const NI_ROWS: readonly AreaRow[] = NI_COUNCILS.map((c) => ({
  code: c.code,
  name: c.name,
  kind: "lad",
  lads: null,
}));
const NI_BY_CODE = new Map(NI_COUNCILS.map((c) => [c.code, c]));

/** Areas by code: the geography's, and Northern Ireland's councils (not in data/geo). */
function areaRow(geo: GeoIndex, code: string): AreaRow | undefined {
  return geo.areas.get(code) ?? NI_ROWS.find((r) => r.code === code);
}

function fromCode(geo: GeoIndex, code: string): PosterArea | null {
  const row = areaRow(geo, code);
  if (!row) return null;
  const ni = NI_BY_CODE.get(row.code);
  return {
    kind: row.kind,
    code: row.code,
    name: row.name,
    country: countryOfCode(row.code),
    district: ni
      ? (ni.districts[0] ?? null)
      : row.kind === "lad"
        ? largestDistrict(geo, row.code)
        : null,
  };
}

/**
 * The postcode districts an area covers, any part of it: the district itself; a council's,
 * ICB's or Welsh health board's from the districts' shares; a Scottish board's through its
 * councils; a Northern Ireland council's from its table. Known districts only, in data order.
 */
export function districtsOf(area: PosterArea, geo: GeoIndex): string[] {
  if (area.kind === "district") return [area.code];
  const ni = NI_BY_CODE.get(area.code);
  if (ni) return ni.districts.filter((d) => geo.districts.has(d));
  const lads =
    area.kind === "hb" ? new Set(geo.areas.get(area.code)?.lads ?? []) : new Set([area.code]);
  const kind = area.kind === "hb" ? "lad" : area.kind;
  const out: string[] = [];
  for (const [outcode, shares] of geo.shares) {
    if (shares[kind].some((s) => lads.has(s.code) && s.share > 0)) out.push(outcode);
  }
  return out;
}

export function findPosterArea(
  input: string,
  geo: GeoIndex,
  aliases: Readonly<Record<string, string>> = {},
): AreaLookup {
  const text = input.trim();
  if (!text || text.length > 100) return { ok: false, reason: "not-found" };

  const byCode = fromCode(geo, text.toUpperCase());
  if (byCode) return { ok: true, area: byCode };

  const parsed = parsePostcode(text);
  if (parsed.ok && parsed.kind === "district") {
    const row = geo.districts.get(parsed.outcode);
    if (row) {
      const area: PosterArea = {
        kind: "district",
        code: row.outcode,
        name: row.outcode,
        country: row.country,
        district: row.outcode,
      };
      return { ok: true, area };
    }
  }

  // Names: the data's own, their short forms, and other-language names (Caerdydd → Cardiff).
  const wanted = shortName(text);
  const english = Object.entries(aliases).find(([, other]) => shortName(other) === wanted)?.[0];
  const rows = [...geo.areas.values(), ...NI_ROWS];
  const exact = rows.filter(
    (r) => shortName(r.name) === wanted || (english !== undefined && r.name === english),
  );
  // "Cardiff" is both a council and part of a health board's name: the exact one wins, and
  // among exact matches the smaller area (a council before an ICB) does.
  const order = { lad: 0, lhb: 1, hb: 1, icb: 2 } as const;
  exact.sort((a, b) => order[a.kind] - order[b.kind]);
  if (exact[0]) return { ok: true, area: fromCode(geo, exact[0].code)! };

  const partial = wanted.length >= 3 ? rows.filter((r) => shortName(r.name).includes(wanted)) : [];
  if (partial.length === 1) return { ok: true, area: fromCode(geo, partial[0]!.code)! };
  if (partial.length > 1) {
    const names = partial.map((r) => r.name).sort((a, b) => a.localeCompare(b, "en-GB"));
    return { ok: false, reason: "ambiguous", names: names.slice(0, 8) };
  }
  return { ok: false, reason: "not-found" };
}

/**
 * The countries a listing serves, from its service areas, for the crisis routes shown beside
 * it. A radius counts as the country of the venue it is drawn around. Unknown: all four.
 */
export function countriesServed(
  areas: readonly { kind: string; code: string | null }[],
  venuePostcodes: readonly string[],
  geo: GeoIndex,
): Country[] {
  const found = new Set<Country>();
  const all: Country[] = ["England", "Wales", "Scotland", "Northern Ireland"];
  for (const area of areas) {
    const code = area.code ?? "";
    if (area.kind === "uk") return all;
    if (area.kind === "country" && (all as string[]).includes(code)) found.add(code as Country);
    if (area.kind === "lad" || area.kind === "icb" || area.kind === "lhb" || area.kind === "hb") {
      found.add(countryOfCode(code));
    }
    if (area.kind === "district") {
      const row = geo.districts.get(code);
      if (row) found.add(row.country);
    }
    if (area.kind === "radius") {
      for (const postcode of venuePostcodes) {
        const parsed = parsePostcode(postcode);
        const row = parsed.ok && parsed.outcode ? geo.districts.get(parsed.outcode) : undefined;
        if (row) found.add(row.country);
      }
    }
  }
  return found.size > 0 ? all.filter((c) => found.has(c)) : all;
}
