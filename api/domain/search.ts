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
  /** The service's place in the candidates it was ranked from (`Candidates.services`). */
  at: number;
  group: GroupName;
  distanceKm: number | null;
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
  const { services, schedules: schedulesOf, contacts: contactsOf } = candidates;
  const nearest = new Map<number, number>();
  for (const l of candidates.locations) {
    const d = distanceKm(place.latitude, place.longitude, l.latitude, l.longitude);
    if (d > filters.radiusKm) continue;
    const prev = nearest.get(l.at);
    if (prev === undefined || d < prev) nearest.set(l.at, d);
  }
  const bestArea = new Map<number, AreaKind>();
  for (const a of candidates.areas) {
    if (!areaContains(a, place)) continue;
    const prev = bestArea.get(a.at);
    if (prev === undefined || SPECIFICITY[a.kind] < SPECIFICITY[prev]) bestArea.set(a.at, a.kind);
  }

  const groups: RankedGroups = { nearby: [], area: [], anywhere: [] };
  const ats = [...nearest.keys()];
  for (const at of bestArea.keys()) if (!nearest.has(at)) ats.push(at);
  for (const at of ats) {
    const s = services[at];
    if (!s) continue;
    const schedules = schedulesOf[at] ?? NO_SCHEDULES;
    if (!candidates.filtered) {
      if (!passesFilters(s, schedules, contactsOf[at] ?? NO_CONTACTS, filters)) continue;
    }
    const d = nearest.get(at);
    const areaKind = bestArea.get(at) ?? null;
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
      at,
      group,
      distanceKm: d === undefined ? null : Math.round(d * 10) / 10,
      areaKind,
    });
  }

  // Each sort key is worked out once per result, not once per comparison. The next session
  // (near you and in your area, after the other keys) only when two results are level before it:
  // finding it is most of a result's cost, and distances are seldom level.
  const { nameOrder } = candidates;
  interface Keyed {
    r: Ranked;
    keys: number[];
    /** The next session's start; NaN until asked for; no session sorts last. */
    session: number;
    name: string;
    order: number;
  }
  const sessionOf = (x: Keyed) => {
    if (Number.isNaN(x.session)) {
      const schedules = schedulesOf[x.r.at] ?? NO_SCHEDULES;
      const next = nextSessionRemembered(schedules, schedules, now);
      // A finite number, so two without a session compare equal (Infinity - Infinity is NaN).
      x.session = next ? startOf(next) : Number.MAX_SAFE_INTEGER;
    }
    return x.session;
  };
  const ranked = (
    group: Ranked[],
    keys: (r: Ranked, s: CandidateService) => number[],
    bySession: boolean,
  ) => {
    const compare = (a: Keyed, b: Keyed) => {
      for (let k = 0; k < a.keys.length; k++) {
        const diff = a.keys[k]! - b.keys[k]!;
        if (diff !== 0) return diff;
      }
      if (bySession) {
        const diff = sessionOf(a) - sessionOf(b);
        if (diff !== 0) return diff;
      }
      const byName = nameOrder ? a.order - b.order : compareNames(a.name, b.name);
      // Listings may share a name: the id keeps the order the same whoever found them.
      return byName || (a.r.serviceId < b.r.serviceId ? -1 : 1);
    };
    return group
      .map((r): Keyed => {
        const s = services[r.at]!;
        const order = nameOrder?.[r.at] ?? 0;
        return { r, keys: keys(r, s), session: Number.NaN, name: s.name, order };
      })
      .sort(compare)
      .slice(0, filters.limit)
      .map((x) => x.r);
  };
  const specificity = (r: Ranked) => (r.areaKind ? SPECIFICITY[r.areaKind] : 9);
  const { selfReferrals } = candidates;
  const selfReferralOf = (at: number, s: CandidateService) =>
    selfReferrals ? selfReferrals[at]! : selfReferral(s);

  return {
    nearby: ranked(groups.nearby, (r) => [r.distanceKm ?? 0], true),
    area: ranked(groups.area, (r, s) => [specificity(r), selfReferralOf(r.at, s)], true),
    anywhere: ranked(groups.anywhere, (r, s) => anywhereKeys(s, r.areaKind), false),
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

/** 0 for a service she can refer herself to, else 1 (a ranking key). */
export const selfReferral = (s: CandidateService) => (s.referral.includes("self") ? 0 : 1);
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
