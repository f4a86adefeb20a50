/**
 * An area's sector results, every criterion, for download: rows for a CSV file and a GeoJSON
 * FeatureCollection of sector centres (RFC 7946: longitude first, WGS84), each with the date it
 * was computed and the licence.
 */
import type { CoverageArea } from "./areas.js";
import type { SectorCoverage } from "./compute.js";
import { BIT, CRITERIA } from "./criteria.js";
import { WEEKS } from "./weeks.js";

export const LICENCE = {
  name: "Open Government Licence v3.0",
  id: "OGL-UK-3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  attribution:
    "Contains OS data © Crown copyright and database right 2014, 2023, 2024. Contains Royal Mail data © Royal Mail copyright and database right 2014. Contains National Statistics data © Crown copyright and database right 2014, 2023, 2024.",
} as const;

export interface DownloadMeta {
  area: CoverageArea;
  directoryVersion: number;
  computedAt: Date;
}

type Cell = string | number | boolean | null;

/** One sector's fields: place, whether rural, each criterion (null: not counted there). */
function sectorFields(coverage: SectorCoverage, i: number): [string, Cell][] {
  const s = coverage.reach.sectors[i]!;
  const weeks = coverage.weeks[i]!;
  let without = 0;
  for (let w = 0; w < WEEKS; w++) if (!(weeks & (1 << w))) without++;
  return [
    ["sector", s.sector],
    ["postcodes", s.postcodes],
    ["country", s.country],
    ["lad", s.lad],
    ["icb", s.icb],
    ["lhb", s.lhb],
    ["hb", s.hb],
    ["rural", coverage.reach.rural[i] === 1],
    ...CRITERIA.map((c): [string, Cell] => [
      c,
      coverage.applicable[i]! & BIT[c] ? (coverage.met[i]! & BIT[c]) !== 0 : null,
    ]),
    ["weeks_without_group_session", without],
  ];
}

/** Header and rows of the CSV: true/false per criterion, empty where not counted. */
export function sectorCsvRows(coverage: SectorCoverage, meta: DownloadMeta): string[][] {
  const text = (v: Cell) => (v === null ? "" : String(v));
  const rows: string[][] = [];
  const extra = [meta.computedAt.toISOString(), String(meta.directoryVersion), LICENCE.id];
  for (const i of meta.area.sectors) {
    const s = coverage.reach.sectors[i]!;
    const fields = sectorFields(coverage, i);
    if (rows.length === 0) {
      rows.push([
        ...fields.map(([k]) => k),
        "latitude",
        "longitude",
        "computed_at",
        "directory_version",
        "licence",
      ]);
    }
    rows.push([
      ...fields.map(([, v]) => text(v)),
      String(s.latitude),
      String(s.longitude),
      ...extra,
    ]);
  }
  return rows;
}

export function sectorGeoJson(coverage: SectorCoverage, meta: DownloadMeta) {
  return {
    type: "FeatureCollection" as const,
    // Foreign members (RFC 7946 §6.1): what the figures are and under which terms.
    area: { code: meta.area.code, kind: meta.area.kind, name: meta.area.name },
    computedAt: meta.computedAt.toISOString(),
    directoryVersion: meta.directoryVersion,
    licence: LICENCE,
    features: Array.from(meta.area.sectors, (i) => {
      const s = coverage.reach.sectors[i]!;
      return {
        type: "Feature" as const,
        id: s.sector,
        geometry: { type: "Point" as const, coordinates: [s.longitude, s.latitude] },
        properties: Object.fromEntries(sectorFields(coverage, i)),
      };
    }),
  };
}
