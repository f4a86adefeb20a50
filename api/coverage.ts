/**
 * Coverage figures for the pages and the API, computed from the in-memory directory the first
 * time they are asked for at a directory version on a given London day, and kept while both
 * hold: a publish moves the version, so the next request after it computes afresh (about 2 s of
 * CPU at 20,000 listings, see docs/benchmarks.md). On Workers each isolate does the same from the
 * snapshot it loaded. Nothing here is stored.
 */
import type { Deps } from "./deps.js";
import {
  type AreaListings,
  type CoverageArea,
  type Criterion,
  computeCoverage,
  coverageAreas,
  coverageSectors,
  listingsServing,
  ruralFlags,
  type SectorCoverage,
  SectorReach,
} from "./domain/coverage/index.js";
import type { DirectoryIndex } from "./domain/directory-index.js";
import type { GeoIndex } from "./domain/geo-index.js";
import { londonWallClock } from "./domain/london-time.js";
import { directoryOf } from "./search.js";

interface Geography {
  sectors: ReturnType<typeof coverageSectors>;
  rural: Uint8Array;
  areas: CoverageArea[];
  byCode: Map<string, CoverageArea>;
}

export interface CoverageModel {
  geography: Geography;
  coverage: SectorCoverage;
  version: number;
  computedAt: Date;
  /** The listings serving an area, per criterion (worked out once per area). */
  listings(area: CoverageArea): Record<Criterion, AreaListings>;
}

const geographies = new WeakMap<GeoIndex, Geography>();
const models = new WeakMap<DirectoryIndex, { day: string; model: CoverageModel }>();

function geographyOf(geo: GeoIndex): Geography {
  let g = geographies.get(geo);
  if (!g) {
    const sectors = coverageSectors(geo.sectors.values(), geo.healthBoardOfLad);
    const areas = coverageAreas(sectors, geo.areas);
    g = {
      sectors,
      rural: ruralFlags(sectors),
      areas,
      byCode: new Map(areas.map((a) => [a.code, a])),
    };
    geographies.set(geo, g);
  }
  return g;
}

/** The coverage of the directory as published now. */
export async function currentCoverage(deps: Deps): Promise<CoverageModel> {
  const [index, geo] = await Promise.all([directoryOf(deps).current(), deps.geo()]);
  const now = deps.now();
  const day = londonWallClock(now).date;
  const held = models.get(index);
  if (held?.day === day) return held.model;
  const geography = geographyOf(geo);
  const reach = new SectorReach(geography.sectors, index.bundles, now, geography.rural);
  const coverage = computeCoverage(reach);
  const perArea = new Map<string, Record<Criterion, AreaListings>>();
  const model: CoverageModel = {
    geography,
    coverage,
    version: index.version,
    computedAt: now,
    listings(area) {
      let l = perArea.get(area.code);
      if (!l) {
        l = listingsServing(reach, area);
        perArea.set(area.code, l);
      }
      return l;
    },
  };
  models.set(index, { day, model });
  deps.logger.info("coverage computed", {
    version: index.version,
    sectors: geography.sectors.length,
    ms: Math.round(coverage.ms),
  });
  return model;
}
