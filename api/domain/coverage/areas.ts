/**
 * The areas coverage is shown for (the UK, its three nations with sector data, ICBs, Welsh LHBs,
 * Scottish health boards and local authorities), each as the list of its sectors, and the
 * listings that serve an area.
 */
import { isReviewOverdue } from "../review.js";
import { compareNames } from "../search.js";
import { BIT, CRITERIA, type Criterion } from "./criteria.js";
import type { CoverageSector, SectorReach } from "./reach.js";

export type CoverageAreaKind = "uk" | "country" | "icb" | "lhb" | "hb" | "lad";

export interface CoverageArea {
  code: string;
  kind: CoverageAreaKind;
  name: string;
  nameCy: string;
  /** Indices into the coverage's sectors. */
  sectors: Int32Array;
}

export const UK_CODE = "uk";
/** ONS codes of the nations with a sector table (Northern Ireland has none here). */
const NATIONS: Record<string, { code: string; cy: string }> = {
  England: { code: "E92000001", cy: "Lloegr" },
  Wales: { code: "W92000004", cy: "Cymru" },
  Scotland: { code: "S92000003", cy: "Yr Alban" },
};

/** Every area with at least one sector, the UK first, then nations, then by kind and name. */
export function coverageAreas(
  sectors: readonly CoverageSector[],
  names: ReadonlyMap<string, { name: string; kind: string }>,
): CoverageArea[] {
  const members = new Map<string, { kind: CoverageAreaKind; list: number[] }>();
  const add = (code: string | null, kind: CoverageAreaKind, i: number) => {
    if (!code) return;
    const m = members.get(code);
    if (m) m.list.push(i);
    else members.set(code, { kind, list: [i] });
  };
  sectors.forEach((s, i) => {
    add(UK_CODE, "uk", i);
    add(NATIONS[s.country]?.code ?? null, "country", i);
    add(s.icb, "icb", i);
    add(s.lhb, "lhb", i);
    add(s.hb, "hb", i);
    add(s.lad, "lad", i);
  });
  const order: CoverageAreaKind[] = ["uk", "country", "icb", "lhb", "hb", "lad"];
  const nationName = (code: string) => Object.entries(NATIONS).find(([, n]) => n.code === code);
  return [...members]
    .map(([code, m]) => {
      const nation = nationName(code);
      const name =
        code === UK_CODE ? "United Kingdom" : (nation?.[0] ?? names.get(code)?.name ?? code);
      const nameCy = code === UK_CODE ? "Y Deyrnas Unedig" : (nation?.[1].cy ?? name);
      return { code, kind: m.kind, name, nameCy, sectors: Int32Array.from(m.list) };
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || compareNames(a.name, b.name));
}

export interface ServingListing {
  id: string;
  name: string;
  organisation: string;
  /** Postcode units of the area it serves, and their share of the area's. */
  postcodes: number;
  share: number;
  overdue: boolean;
  demo: boolean;
}

export interface AreaListings {
  criterion: Criterion;
  /** Every listing meeting the criterion somewhere in the area. */
  total: number;
  /** Of those, how many are overdue for review (a gap, or a cover, may be stale data). */
  overdue: number;
  /** The listings serving most of the area, most first. */
  top: ServingListing[];
}

/** For each criterion, the listings that serve the area and how much of it. */
export function listingsServing(
  reach: SectorReach,
  area: CoverageArea,
  limit = 5,
): Record<Criterion, AreaListings> {
  const perCriterion = CRITERIA.map(() => new Map<number, number>());
  let areaPostcodes = 0;
  for (const i of area.sectors) {
    const s = reach.sectors[i]!;
    areaPostcodes += s.postcodes;
    reach.serving(i, (owner, mask) => {
      CRITERIA.forEach((c, k) => {
        if (!(mask & BIT[c])) return;
        if (c === "welsh" && s.country !== "Wales") return;
        const m = perCriterion[k]!;
        m.set(owner, (m.get(owner) ?? 0) + s.postcodes);
      });
    });
  }
  const out = {} as Record<Criterion, AreaListings>;
  CRITERIA.forEach((c, k) => {
    const listed = [...perCriterion[k]!].map(([owner, postcodes]): ServingListing => {
      const b = reach.listings[owner]!;
      return {
        id: b.service.id,
        name: b.service.name,
        organisation: b.organisation,
        postcodes,
        share: areaPostcodes > 0 ? postcodes / areaPostcodes : 0,
        overdue: isReviewOverdue(b.service.verifiedAt, b.service.reviewEveryDays, reach.now),
        demo: b.service.demo,
      };
    });
    listed.sort((a, b) => b.postcodes - a.postcodes || compareNames(a.name, b.name));
    out[c] = {
      criterion: c,
      total: listed.length,
      overdue: listed.filter((l) => l.overdue).length,
      top: listed.slice(0, limit),
    };
  });
  return out;
}

/** Sectors from the geography's rows, each with its Scottish health board. */
export function coverageSectors(
  rows: Iterable<Omit<CoverageSector, "hb">>,
  healthBoardOfLad: ReadonlyMap<string, string>,
): CoverageSector[] {
  return [...rows].map((r) => ({
    sector: r.sector,
    outcode: r.outcode,
    latitude: r.latitude,
    longitude: r.longitude,
    postcodes: r.postcodes,
    country: r.country,
    lad: r.lad,
    icb: r.icb,
    lhb: r.lhb,
    hb: r.lad ? (healthBoardOfLad.get(r.lad) ?? null) : null,
  }));
}
