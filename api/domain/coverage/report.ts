/**
 * One area's coverage for one criterion, as the API answers it and the pages, the map, the
 * table and the downloads show it: one shape, so they cannot disagree.
 */
import { type AreaListings, type CoverageArea, type CoverageAreaKind, UK_CODE } from "./areas.js";
import {
  type CalendarWeek,
  type CriterionSummary,
  calendar,
  type SectorCoverage,
  summarise,
  summariseAll,
} from "./compute.js";
import { BIT, type Criterion, REACH_KM, RURAL_REACH_KM } from "./criteria.js";
import type { AreaDemand } from "./demand.js";

/** EX2 before EX10. */
const byOutcode = new Intl.Collator("en-GB", { numeric: true }).compare;

export interface SectorResult {
  sector: string;
  latitude: number;
  longitude: number;
  postcodes: number;
  rural: boolean;
  /** Null where the criterion does not apply (Welsh outside Wales). */
  covered: boolean | null;
}

/** A row of the table beside the map: a postcode district, or for the UK and nations an area. */
export interface BreakdownRow extends Omit<CriterionSummary, "criterion"> {
  code: string;
  name: string;
}

export interface AreaReport {
  area: { code: string; kind: CoverageAreaKind; name: string; nameCy: string };
  criterion: Criterion;
  directoryVersion: number;
  computedAt: string;
  rules: { reachKm: number; ruralReachKm: number };
  summary: CriterionSummary;
  criteria: CriterionSummary[];
  listings: AreaListings;
  calendar: CalendarWeek[];
  breakdown: { by: "district" | "area"; rows: BreakdownRow[] };
  /** Widget searches from registered sites, suppressed below national level. */
  demand: AreaDemand;
  sectors: SectorResult[];
}

export interface ReportInput {
  coverage: SectorCoverage;
  area: CoverageArea;
  areas: readonly CoverageArea[];
  criterion: Criterion;
  listings: AreaListings;
  demand: AreaDemand;
  directoryVersion: number;
  computedAt: Date;
}

export function areaReport(input: ReportInput): AreaReport {
  const { coverage, area, criterion } = input;
  const { sectors, rural } = coverage.reach;
  const bit = BIT[criterion];
  return {
    area: { code: area.code, kind: area.kind, name: area.name, nameCy: area.nameCy },
    criterion,
    directoryVersion: input.directoryVersion,
    computedAt: input.computedAt.toISOString(),
    rules: { reachKm: REACH_KM, ruralReachKm: RURAL_REACH_KM },
    summary: summarise(coverage, area.sectors, criterion),
    criteria: summariseAll(coverage, area.sectors),
    listings: input.listings,
    calendar: calendar(coverage, area.sectors),
    breakdown: breakdown(input),
    demand: input.demand,
    sectors: Array.from(area.sectors, (i) => {
      const s = sectors[i]!;
      return {
        sector: s.sector,
        latitude: s.latitude,
        longitude: s.longitude,
        postcodes: s.postcodes,
        rural: rural[i] === 1,
        covered: coverage.applicable[i]! & bit ? (coverage.met[i]! & bit) !== 0 : null,
      };
    }),
  };
}

/** For the UK and the nations, its health areas (ICB, LHB, board); else its districts. */
function breakdown(input: ReportInput): AreaReport["breakdown"] {
  const { coverage, area, criterion } = input;
  const row = (code: string, name: string, members: ArrayLike<number>): BreakdownRow => {
    const { criterion: _, ...figures } = summarise(coverage, members, criterion);
    return { code, name, ...figures };
  };
  if (area.kind === "uk" || area.kind === "country") {
    const inside = new Set(area.sectors);
    const health = input.areas.filter(
      (a) =>
        (a.kind === "icb" || a.kind === "lhb" || a.kind === "hb") &&
        (area.code === UK_CODE || inside.has(a.sectors[0]!)),
    );
    return { by: "area", rows: health.map((a) => row(a.code, a.name, a.sectors)) };
  }
  const byDistrict = new Map<string, number[]>();
  for (const i of area.sectors) {
    const outcode = coverage.reach.sectors[i]!.outcode;
    const list = byDistrict.get(outcode);
    if (list) list.push(i);
    else byDistrict.set(outcode, [i]);
  }
  return {
    by: "district",
    rows: [...byDistrict]
      .sort(([a], [b]) => byOutcode(a, b))
      .map(([code, members]) => row(code, code, members)),
  };
}
