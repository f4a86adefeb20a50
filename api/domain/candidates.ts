import type { AreaKind, Cost, Format, Kind, Referral, Stage } from "../../schema/taxonomy.js";
import type { ContactRow, ScheduleRow } from "./bundle.js";

/** A contact, as filters judge it (checked? open when?): a `contacts` row fits as it is. */
export type ContactHit = Pick<ContactRow, "kind" | "openHours" | "needsVerification">;

/** A venue of a candidate service, as ranking needs it. */
export interface LocationHit {
  /** The service's place in `Candidates.services`. */
  at: number;
  latitude: number;
  longitude: number;
}

/** A service area of a candidate service that may contain the place. */
export interface AreaHit {
  /** The service's place in `Candidates.services`. */
  at: number;
  kind: AreaKind;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number | null;
}

/** The columns search filters and ranks on: a `services` row fits as it is. */
export interface CandidateService {
  id: string;
  kind: Kind;
  name: string;
  stages: Stage[];
  formats: Format[];
  referral: Referral[];
  cost: Cost;
  languages: string[];
  childrenWelcome: boolean;
  mentalHealthSpecific: boolean;
  perinatalSpecific: boolean;
  peerLed: boolean;
}

/**
 * What a search ranks: venues and service areas that may hold the place, and the services they
 * belong to, each named by its place (`at`) in `services` and the lists beside it. Only
 * services named by a venue or an area are ranked, so the lists may hold the whole directory
 * (the in-memory index passes its own, and a search looks nothing up by id). Every service that
 * could be shown must come with all its venues within the radius (or at least its nearest), so
 * that the groups come out right.
 */
export interface Candidates {
  locations: readonly LocationHit[];
  areas: readonly AreaHit[];
  services: readonly CandidateService[];
  /** Each service's schedules, by `at` (none: no sessions). */
  schedules: readonly (readonly ScheduleRow[] | undefined)[];
  /** Each service's contacts, by `at`: one with none checked is never shown (nor counted). */
  contacts: readonly (readonly ContactHit[] | undefined)[];
  /**
   * Each service's place in name order (`compareNames`; equal names, equal places), by `at`,
   * when the caller has it: comparing two numbers is much cheaper than collating two names.
   */
  nameOrder?: ArrayLike<number>;
  /** `selfReferral` of each service, by `at`, when the caller holds it worked out. */
  selfReferrals?: ArrayLike<number>;
  /**
   * True when every service named by a venue or an area already passes `passesFilters` for the
   * search's filters (the in-memory index judges them as it gathers), so ranking need not again.
   */
  filtered?: boolean;
}
