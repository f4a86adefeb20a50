import type { NextSession, Place } from "../../schema/contract.js";
import type { SearchQuery } from "../../schema/search-query.js";
import type { AreaKind } from "../../schema/taxonomy.js";
import type { ScheduleRow } from "./bundle.js";
import type { AreaHit, CandidateService, Candidates, ContactHit } from "./candidates.js";
import { distanceKm } from "./distance.js";
import { contactsMatchWhen } from "./open-hours.js";
import { isShownPublicly, publicContacts } from "./public-contacts.js";
import { matchesWhen, nextSessionRemembered } from "./schedule.js";

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
/** The order of listing names (British English collation). */
export const compareNames = new Intl.Collator("en-GB").compare;
const NO_SCHEDULES: readonly ScheduleRow[] = Object.freeze([]);
const NO_CONTACTS: readonly ContactHit[] = Object.freeze([]);

/** The filters a listing passes or fails by itself (not by where it is). */
export type ListingFilters = Pick<
  SearchQuery,
  "stage" | "kind" | "format" | "when" | "selfReferral" | "free" | "children" | "language"
>;

export type SearchFiltersInput = ListingFilters & Pick<SearchQuery, "radiusKm" | "limit">;

/**
 * Whether a service can be shown for the filters the person chose. Judged before each group is
 * cut to its limit, so a group is never short while more could be shown.
 */
export function passesFilters(
  s: CandidateService,
  schedules: readonly Pick<ScheduleRow, "weekday" | "startTime" | "termTimeOnly">[],
  contacts: readonly ContactHit[],
  f: ListingFilters,
): boolean {
  if (s.kind === "crisis" && !f.kind.includes("crisis")) return false;
  // A listing she could not act on (no checked contact) is not shown.
  if (!isShownPublicly(contacts)) return false;
  // "Text support" is any service reached by text, as the widget's built-in text lines are.
  if (f.kind.length > 0 && !f.kind.includes(s.kind)) {
    if (!(f.kind.includes("text-line") && s.formats.includes("text"))) return false;
  }
  if (f.stage.length > 0 && !s.stages.some((x) => f.stage.includes(x))) return false;
  if (f.format.length > 0 && !s.formats.some((x) => f.format.includes(x))) return false;
  if (f.selfReferral && !s.referral.includes("self")) return false;
  if (f.free && s.cost !== "free") return false;
  if (f.children && !s.childrenWelcome) return false;
  if (f.language && !s.languages.includes(f.language)) return false;
  // Times narrow services that meet at set times by their sessions, and lines and apps by the
  // hours of the contacts shown (hours not known in that form never hide a listing).
  if (f.when.length > 0) {
    const open =
      schedules.length > 0
        ? matchesWhen(schedules, f.when)
        : contactsMatchWhen(publicContacts(contacts), f.when);
    if (!open) return false;
  }
  return true;
}

/**
 * Sorts candidates into the three groups of DESIGN.md and ranks each: near you by distance then
 * next session; covering your area most specific first; anywhere by `anywhereKeys`
 * (perinatal-specific first). Each service appears once, in the first group it qualifies for.
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
  const ids = [...nearest.keys()];
  for (const id of bestArea.keys()) if (!nearest.has(id)) ids.push(id);
  for (const id of ids) {
    const s = candidates.services.get(id);
    if (!s) continue;
    const schedules = candidates.schedules.get(s.id) ?? NO_SCHEDULES;
    if (!candidates.filtered) {
      const contacts = candidates.contacts.get(s.id) ?? NO_CONTACTS;
      if (!passesFilters(s, schedules, contacts, filters)) continue;
    }
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
      // A ranking key near you and in your area; in "anywhere" only the winners need it (below).
      nextSession: group === "anywhere" ? null : nextSessionRemembered(schedules, schedules, now),
      areaKind,
    });
  }

  // Each sort key is worked out once per result, not once per comparison.
  const { nameOrder, services } = candidates;
  const keyed = (group: Ranked[], keys: (r: Ranked, s: CandidateService) => number[]) =>
    group.map((r) => {
      const s = services.get(r.serviceId)!;
      return { r, keys: keys(r, s), name: s.name, order: nameOrder?.get(r.serviceId) ?? 0 };
    });
  type Keyed = ReturnType<typeof keyed>[number];
  const compare = (a: Keyed, b: Keyed) => {
    for (let k = 0; k < a.keys.length; k++) {
      const diff = a.keys[k]! - b.keys[k]!;
      if (diff !== 0) return diff;
    }
    const byName = nameOrder ? a.order - b.order : compareNames(a.name, b.name);
    // Listings may share a name: the id keeps the order the same whoever found them.
    return byName || (a.r.serviceId < b.r.serviceId ? -1 : 1);
  };
  const ranked = (group: Ranked[], keys: (r: Ranked, s: CandidateService) => number[]) =>
    keyed(group, keys)
      .sort(compare)
      .slice(0, filters.limit)
      .map((x) => x.r);
  // No session sorts last; a finite number, so two such compare equal (Infinity - Infinity is NaN).
  const session = (r: Ranked) => (r.nextSession ? startOf(r.nextSession) : Number.MAX_SAFE_INTEGER);
  const specificity = (r: Ranked) => (r.areaKind ? SPECIFICITY[r.areaKind] : 9);

  return {
    nearby: ranked(groups.nearby, (r) => [r.distanceKm ?? 0, session(r)]),
    area: ranked(groups.area, (r, s) => [specificity(r), selfReferral(s), session(r)]),
    anywhere: ranked(groups.anywhere, (r, s) => anywhereKeys(s, r.areaKind)).map((r) => {
      const schedules = candidates.schedules.get(r.serviceId) ?? NO_SCHEDULES;
      return { ...r, nextSession: nextSessionRemembered(schedules, schedules, now) };
    }),
  };
}

/**
 * A session's start as a number, parsed once: a listing's next session is remembered until it
 * starts (`nextSessionRemembered`), so every search that ranks it asks about the same object.
 */
const starts = new WeakMap<NextSession, number>();
function startOf(session: NextSession): number {
  let t = starts.get(session);
  if (t === undefined) {
    t = Date.parse(session.start);
    starts.set(session, t);
  }
  return t;
}

const selfReferral = (s: CandidateService) => (s.referral.includes("self") ? 0 : 1);
const perinatal = (s: CandidateService) => (s.perinatalSpecific ? 0 : 1);
const mentalHealth = (s: CandidateService) => (s.mentalHealthSpecific ? 0 : 1);

/**
 * How "online and phone, anywhere" ranks before names: perinatal-specific first (a line open to
 * anyone, such as Mind Infoline, after every one for parents), then mental-health-specific, then
 * self-referral, then a country's own service before a UK-wide one. The index holds national
 * services in this order too (`DirectoryIndex`), so this is the one place it is decided.
 */
export function anywhereKeys(s: CandidateService, areaKind: AreaKind | null): number[] {
  return [perinatal(s), mentalHealth(s), selfReferral(s), areaKind ? SPECIFICITY[areaKind] : 9];
}

function areaContains(a: AreaHit, place: Place): boolean {
  if (a.kind !== "radius") return true; // matched by code in the query
  if (a.latitude === null || a.longitude === null || a.radiusKm === null) return false;
  return distanceKm(place.latitude, place.longitude, a.latitude, a.longitude) <= a.radiusKm;
}
