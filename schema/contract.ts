/**
 * Shapes of the public JSON API, shared by the API (which produces them) and the widget
 * (which reads them). Types only: nothing here runs.
 */
import type {
  ContactKind,
  Cost,
  Country,
  Format,
  Kind,
  Referral,
  Stage,
  When,
} from "./taxonomy.js";

/** How precisely a query matched the geography, from most to least precise. */
export type Precision = "sector" | "district" | "parent-district" | "area";

export interface Place {
  /** The normalised query as matched: a sector (`EX4 4`), district (`EX4`) or area (`EX`). */
  query: string;
  precision: Precision;
  /** Human label, e.g. "EX4 4, Exeter". */
  label: string;
  /** The country of the place (majority); `countries` lists every country it may be in. */
  country: Country;
  countries: Country[];
  lad: string | null;
  ladName: string | null;
  icb: string | null;
  icbName: string | null;
  lhb: string | null;
  lhbName: string | null;
  /** The Scottish health board (`S08…`), from the place's council area. */
  hb: string | null;
  hbName: string | null;
  latitude: number;
  longitude: number;
  /** True when the position is an approximation (Northern Ireland, area centroid). */
  approximate: boolean;
}

export interface Contact {
  kind: ContactKind;
  /** Phone number, text short code, email address or https URL. */
  value: string;
  /** A ready-to-use link: `tel:`, `sms:`, `mailto:` or `https:`. */
  href: string;
  label: string | null;
  hours: string | null;
  keyword: string | null;
  needsVerification: boolean;
}

export interface NextSession {
  /** ISO-8601 instant with offset, e.g. `2026-03-30T10:00:00+01:00`. */
  start: string;
  end: string;
  /** Wall-clock date and times in Europe/London. */
  date: string;
  startTime: string;
  endTime: string;
  locationName: string | null;
  termTimeOnly: boolean;
}

export interface SearchResult {
  id: string;
  name: string;
  organisation: string;
  summary: string;
  kind: Kind;
  stages: Stage[];
  formats: Format[];
  referral: Referral[];
  selfReferral: boolean;
  cost: Cost;
  childrenWelcome: boolean;
  peerLed: boolean;
  mentalHealthSpecific: boolean;
  /** For pregnancy and the early years, not open to anyone: such national services rank first. */
  perinatalSpecific: boolean;
  /** Kilometres from the place to the nearest location, when the service has one. */
  distanceKm: number | null;
  /**
   * Set when the nearest venue's position is only its postcode sector's centre: the distance is
   * then no more than "in EX4 4", and is said that way.
   */
  venueSector: string | null;
  nextSession: NextSession | null;
  contacts: Contact[];
  /** Date (YYYY-MM-DD) the listing was last checked. */
  verifiedAt: string | null;
  reviewOverdue: boolean;
  needsVerification: boolean;
  demo: boolean;
  /** Public page of the listing, relative to the API origin: `/services/:id`. */
  url: string;
  /** Its sessions as an iCalendar file, `/services/:id/sessions.ics`, when it has any. */
  calendarUrl: string | null;
  /** The language the name and summary are in (English text may stand in for Welsh). */
  lang: "en" | "cy";
}

export interface CrisisRoute {
  id: string;
  name: string;
  description: string;
  countries: Country[];
  contacts: Contact[];
  hours: string;
}

/**
 * Something a person can do now, whatever is listed near her: refer herself, or ask her midwife,
 * health visitor or GP for the NHS route of her nation. One rule for widget, packs and pages.
 */
export interface NextStep {
  id: string;
  /** The nation the step belongs to: a cross-border place gets the steps of each. */
  country: Country;
  /** `refer-yourself`: she can act alone now; `ask`: through a professional; `information`. */
  action: "refer-yourself" | "ask" | "information";
  title: string;
  text: string;
  /** A checked link to act on, or null when the step is to ask someone. */
  link: { label: string; href: string } | null;
  /** The listing behind the step, when there is one: its public page is `/services/:id`. */
  serviceId: string | null;
}

export interface SearchResponse {
  place: Place;
  crisis: CrisisRoute[];
  /**
   * What she can do now, for her nation; shown first when nothing local is listed. Always sent
   * by this server (optional only so that a widget still reads an older directory's answer).
   */
  nextSteps?: NextStep[];
  groups: {
    nearby: SearchResult[];
    area: SearchResult[];
    anywhere: SearchResult[];
  };
  /**
   * How many results each group holds, counted up to `limit` (a group returns at most `limit`):
   * the widget asks for 50 and shows 10 at first, so "Show N more" is exact up to 50.
   */
  totals?: { nearby: number; area: number; anywhere: number };
  total: number;
}

export interface SearchFilters {
  stage: Stage[];
  kind: Kind[];
  format: Format[];
  selfReferral: boolean;
  free: boolean;
  children: boolean;
  when: When[];
  lang: "en" | "cy";
  /** Only services offered in this language (BCP 47), e.g. `cy`. */
  language: string | null;
  radiusKm: number;
  limit: number;
}

export interface ErrorBody {
  error: { code: string; message: string; requestId: string };
}

export interface ScheduleInfo {
  pattern: "weekly" | "fortnightly" | "monthly";
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  nth: number | null;
  startTime: string;
  endTime: string;
  termTimeOnly: boolean;
  locationName: string | null;
  note: string | null;
}

export interface LocationInfo {
  id: string;
  name: string;
  address: string;
  postcode: string;
  latitude: number;
  longitude: number;
  accessibility: string | null;
}

export interface ServiceAreaInfo {
  kind: "uk" | "country" | "icb" | "lhb" | "hb" | "lad" | "district" | "radius";
  code: string | null;
  /** A readable name: "Exeter", "NHS Devon Integrated Care Board", "within 10 km of …". */
  name: string;
}

/** Everything about one published listing: the search result plus the full text. */
export interface ServiceDetail extends SearchResult {
  description: string;
  howToAccess: string;
  costNote: string | null;
  audiences: string[];
  languages: string[];
  facilitatorTrained: boolean;
  moderated: boolean;
  organisationWebsite: string | null;
  sourceUrl: string | null;
  locations: LocationInfo[];
  schedules: ScheduleInfo[];
  areas: ServiceAreaInfo[];
}
