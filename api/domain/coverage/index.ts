export {
  type AreaListings,
  type CoverageArea,
  type CoverageAreaKind,
  coverageAreas,
  coverageSectors,
  listingsServing,
  type ServingListing,
  UK_CODE,
} from "./areas.js";
export {
  type CalendarWeek,
  type CriterionSummary,
  calendar,
  computeCoverage,
  type SectorCoverage,
  summarise,
  summariseAll,
} from "./compute.js";
export {
  applicableMask,
  BIT,
  CRITERIA,
  type Criterion,
  criterionLabels,
  isCriterion,
  listingMasks,
  REACH_KM,
  RURAL_REACH_KM,
} from "./criteria.js";
export {
  type AreaDemand,
  areaDemand,
  type DemandCount,
  type Suppressed,
  suppress,
} from "./demand.js";
export { type DownloadMeta, LICENCE, sectorCsvRows, sectorGeoJson } from "./downloads.js";
export { type CoverageSector, SectorReach } from "./reach.js";
export {
  type AreaReport,
  areaReport,
  type BreakdownRow,
  type ReportInput,
  type SectorResult,
} from "./report.js";
export { DENSITY_KM, postcodesNearby, RURAL_BELOW, ruralFlags } from "./rural.js";
export { WEEKS, weekStarts } from "./weeks.js";
