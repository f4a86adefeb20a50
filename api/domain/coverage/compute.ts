/**
 * Coverage of every sector, and of every area as the sum of its sectors weighted by their
 * postcode units. Pure: built from the sectors and the published listings, and kept by the
 * caller for as long as the directory version and the date stay the same.
 */
import { applicableMask, BIT, CRITERIA, type Criterion } from "./criteria.js";
import type { SectorReach } from "./reach.js";
import { WEEKS, weekStarts } from "./weeks.js";

export interface SectorCoverage {
  reach: SectorReach;
  /** Per sector, the criteria met (bits of `BIT`). */
  met: Uint16Array;
  /** Per sector, the criteria that apply there. */
  applicable: Uint16Array;
  /** Per sector, bit w set when a group session is within reach in calendar week w. */
  weeks: Int32Array;
  weekStarts: string[];
  /** Milliseconds the whole computation took. */
  ms: number;
}

export function computeCoverage(reach: SectorReach): SectorCoverage {
  const started = performance.now();
  const n = reach.sectors.length;
  const met = new Uint16Array(n);
  const applicable = new Uint16Array(n);
  const weeks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = reach.met(i);
    applicable[i] = applicableMask(reach.sectors[i]!.country);
    met[i] = r.mask & applicable[i]!;
    weeks[i] = r.weeks;
  }
  return {
    reach,
    met,
    applicable,
    weeks,
    weekStarts: weekStarts(reach.now),
    ms: performance.now() - started,
  };
}

export interface CriterionSummary {
  criterion: Criterion;
  /** False when the criterion applies to none of the area's sectors (Welsh outside Wales). */
  applicable: boolean;
  sectors: number;
  sectorsCovered: number;
  postcodes: number;
  postcodesCovered: number;
  /** Share of the area's postcode units covered, 0–1 (null when not applicable). */
  share: number | null;
}

/** One criterion over a set of sectors (indices into the coverage's sectors). */
export function summarise(
  coverage: SectorCoverage,
  sectors: ArrayLike<number>,
  criterion: Criterion,
): CriterionSummary {
  const bit = BIT[criterion];
  let count = 0;
  let covered = 0;
  let postcodes = 0;
  let postcodesCovered = 0;
  for (let k = 0; k < sectors.length; k++) {
    const i = sectors[k]!;
    if (!(coverage.applicable[i]! & bit)) continue;
    const p = coverage.reach.sectors[i]!.postcodes;
    count++;
    postcodes += p;
    if (coverage.met[i]! & bit) {
      covered++;
      postcodesCovered += p;
    }
  }
  return {
    criterion,
    applicable: count > 0,
    sectors: count,
    sectorsCovered: covered,
    postcodes,
    postcodesCovered,
    share: postcodes > 0 ? postcodesCovered / postcodes : null,
  };
}

export const summariseAll = (coverage: SectorCoverage, sectors: ArrayLike<number>) =>
  CRITERIA.map((c) => summarise(coverage, sectors, c));

export interface CalendarWeek {
  weekStart: string;
  /** Postcode units with no group session within reach that week. */
  postcodesWithout: number;
  sectorsWithout: number;
  /** Share of the area's postcode units with none, 0–1. */
  shareWithout: number;
}

/** For each of the next 26 weeks, how much of the area has no group session within reach. */
export function calendar(coverage: SectorCoverage, sectors: ArrayLike<number>): CalendarWeek[] {
  const without = new Float64Array(WEEKS);
  const sectorsWithout = new Int32Array(WEEKS);
  let total = 0;
  for (let k = 0; k < sectors.length; k++) {
    const i = sectors[k]!;
    const p = coverage.reach.sectors[i]!.postcodes;
    const w = coverage.weeks[i]!;
    total += p;
    for (let week = 0; week < WEEKS; week++) {
      if (!(w & (1 << week))) {
        without[week]! += p;
        sectorsWithout[week]! += 1;
      }
    }
  }
  return coverage.weekStarts.map((weekStart, week) => ({
    weekStart,
    postcodesWithout: without[week]!,
    sectorsWithout: sectorsWithout[week]!,
    shareWithout: total > 0 ? without[week]! / total : 0,
  }));
}
