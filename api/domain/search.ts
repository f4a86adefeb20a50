import type { NextSession, Place } from "../../schema/contract.js";
import type { SearchQuery } from "../../schema/search-query.js";
import type { AreaKind } from "../../schema/taxonomy.js";
import type { ScheduleRow } from "../db/listing-bundles.js";
import type { AreaHit, CandidateService, Candidates } from "../db/search-candidates.js";
import { distanceKm } from "./distance.js";
import { matchesWhen, nextSessionOf } from "./schedule.js";

export type GroupName = "nearby" | "area" | "anywhere";

export interface Ranked {
  serviceId: string;
  group: GroupName;
  distanceKm: number | null;
  nextSession: NextSession | null;
  /** The most specific service area that contains the place, if any. */
  areaKind: AreaKind | null;
}

export type RankedGroups = Record<GroupName, Ranked[]>;

/** Most specific first: a district group is more "yours" than a health board's service. */
const SPECIFICITY: Record<AreaKind, number> = {
  district: 0,
  radius: 1,
  lad: 2,
  icb: 3,
  lhb: 3,
  hb: 3,
  country: 4,
  uk: 5,
};
const LOCAL_LIMIT = SPECIFICITY.lhb;

export type SearchFiltersInput = Pick<
  SearchQuery,
  | "stage"
  | "kind"
  | "format"
  | "when"
  | "selfReferral"
  | "free"
  | "children"
  | "language"
  | "radiusKm"
  | "limit"
>;

/** Whether a service passes every filter the person chose. */
export function passesFilters(
  s: CandidateService,
  schedules: readonly ScheduleRow[],
  f: SearchFiltersInput,
): boolean {
  if (s.kind === "crisis" && !f.kind.includes("crisis")) return false;
  if (f.kind.length > 0 && !f.kind.includes(s.kind)) return false;
  if (f.stage.length > 0 && !s.stages.some((x) => f.stage.includes(x))) return false;
  if (f.format.length > 0 && !s.formats.some((x) => f.format.includes(x))) return false;
  if (f.selfReferral && !s.referral.includes("self")) return false;
  if (f.free && s.cost !== "free") return false;
  if (f.children && !s.childrenWelcome) return false;
  if (f.language && !s.languages.includes(f.language)) return false;
  // Times only narrow services that meet at set times; helplines and apps have no sessions.
  if (f.when.length > 0 && schedules.length > 0 && !matchesWhen(schedules, f.when)) return false;
  return true;
}

/**
 * Sorts candidates into the three groups of DESIGN.md and ranks each: near you by distance then
 * next session; covering your area most specific first; anywhere with perinatal-specific and
 * self-referral services first. Each service appears once, in the first group it qualifies for.
 */
export function rankSearch(
  place: Place,
  candidates: Candidates,
  filters: SearchFiltersInput,
  now: Date,
): RankedGroups {
  const nearest = new Map<string, number>();
  for (const l of candidates.locations) {
    const d = distanceKm(place.latitude, place.longitude, l.latitude, l.longitude);
    if (d > filters.radiusKm) continue;
    const prev = nearest.get(l.serviceId);
    if (prev === undefined || d < prev) nearest.set(l.serviceId, d);
  }
  const bestArea = new Map<string, AreaKind>();
  for (const a of candidates.areas) {
    if (!areaContains(a, place)) continue;
    const prev = bestArea.get(a.serviceId);
    if (prev === undefined || SPECIFICITY[a.kind] < SPECIFICITY[prev])
      bestArea.set(a.serviceId, a.kind);
  }

  const groups: RankedGroups = { nearby: [], area: [], anywhere: [] };
  for (const s of candidates.services.values()) {
    const schedules = candidates.schedules.get(s.id) ?? [];
    if (!passesFilters(s, schedules, filters)) continue;
    const d = nearest.get(s.id);
    const areaKind = bestArea.get(s.id) ?? null;
    const group: GroupName | null =
      d !== undefined
        ? "nearby"
        : areaKind === null
          ? null
          : SPECIFICITY[areaKind] <= LOCAL_LIMIT
            ? "area"
            : "anywhere";
    if (!group) continue;
    groups[group].push({
      serviceId: s.id,
      group,
      distanceKm: d === undefined ? null : Math.round(d * 10) / 10,
      nextSession: nextSessionOf(schedules, now),
      areaKind,
    });
  }

  const byService = candidates.services;
  const name = (r: Ranked) => byService.get(r.serviceId)?.name ?? "";
  const flag = (r: Ranked, f: (s: CandidateService) => boolean) => {
    const s = byService.get(r.serviceId);
    return s && f(s) ? 0 : 1;
  };
  const session = (r: Ranked) =>
    r.nextSession ? Date.parse(r.nextSession.start) : Number.POSITIVE_INFINITY;
  const by =
    (...keys: ((r: Ranked) => number)[]) =>
    (a: Ranked, b: Ranked) => {
      for (const key of keys) {
        const diff = key(a) - key(b);
        if (diff !== 0) return diff;
      }
      return name(a).localeCompare(name(b), "en-GB");
    };
  const specificity = (r: Ranked) => (r.areaKind ? SPECIFICITY[r.areaKind] : 9);
  const selfReferral = (r: Ranked) => flag(r, (s) => s.referral.includes("self"));
  const perinatal = (r: Ranked) => flag(r, (s) => s.mentalHealthSpecific);

  groups.nearby.sort(by((r) => r.distanceKm ?? 0, session));
  groups.area.sort(by(specificity, selfReferral, session));
  groups.anywhere.sort(by(perinatal, selfReferral, specificity));
  return {
    nearby: groups.nearby.slice(0, filters.limit),
    area: groups.area.slice(0, filters.limit),
    anywhere: groups.anywhere.slice(0, filters.limit),
  };
}

function areaContains(a: AreaHit, place: Place): boolean {
  if (a.kind !== "radius") return true; // matched by code in the query
  if (a.latitude === null || a.longitude === null || a.radiusKm === null) return false;
  return distanceKm(place.latitude, place.longitude, a.latitude, a.longitude) <= a.radiusKm;
}
