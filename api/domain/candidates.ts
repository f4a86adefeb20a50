import type { AreaKind, Cost, Format, Kind, Referral, Stage } from "../../schema/taxonomy.js";
import type { ContactRow, ScheduleRow } from "./bundle.js";

/** A contact, as filters judge it (checked? open when?): a `contacts` row fits as it is. */
export type ContactHit = Pick<ContactRow, "kind" | "openHours" | "needsVerification">;

/** A venue of a service, as ranking needs it: a `locations` row fits as it is. */
export interface LocationHit {
  serviceId: string;
  latitude: number;
  longitude: number;
}

/** A service area that may contain the place: a `service_areas` row fits as it is. */
export interface AreaHit {
  serviceId: string;
  kind: AreaKind;
  code: string | null;
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
 * What a search ranks: venues and service areas that may hold the place, with lookups for the
 * services they belong to. Only services named by a venue or an area are ranked, so the lookups
 * may hold the whole directory. Every service that could be shown must come with all its venues
 * within the radius (or at least its nearest), so that the groups come out right.
 */
export interface Candidates {
  locations: readonly LocationHit[];
  areas: readonly AreaHit[];
  services: ReadonlyMap<string, CandidateService>;
  schedules: ReadonlyMap<string, readonly ScheduleRow[]>;
  /** Each service's contacts: one with none checked is never shown (nor counted). */
  contacts: ReadonlyMap<string, readonly ContactHit[]>;
  /**
   * Each service's place in name order (`compareNames`; equal names, equal places), when the
   * caller has it: comparing two numbers is much cheaper than collating two names.
   */
  nameOrder?: ReadonlyMap<string, number>;
  /**
   * True when every service named by a venue or an area already passes `passesFilters` for the
   * search's filters (the in-memory index judges them as it gathers), so ranking need not again.
   */
  filtered?: boolean;
}
