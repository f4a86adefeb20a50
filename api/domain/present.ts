import type { Contact, CrisisRoute, NextSession, SearchResult } from "../../schema/contract.js";
import type { Country, Lang } from "../../schema/taxonomy.js";
import type { ContactRow, ServiceBundle } from "./bundle.js";
import { contactHref } from "./contact-link.js";
import { publicContacts } from "./public-contacts.js";
import { isReviewOverdue, overdueAfter } from "./review.js";
import { nextSessionRemembered, type ScheduleLike } from "./schedule.js";
import { approximateVenueSector } from "./venue-precision.js";

const pick = (en: string, cy: string | null | undefined, lang: Lang) =>
  lang === "cy" && cy ? cy : en;

export function toContact(row: ContactRow, lang: Lang): Contact {
  return {
    kind: row.kind,
    value: row.value,
    href: contactHref(row.kind, row.value, row.keyword),
    label: row.label ? pick(row.label, row.labelCy, lang) : null,
    hours: row.hours ? pick(row.hours, row.hoursCy, lang) : null,
    keyword: row.keyword,
    needsVerification: row.needsVerification,
  };
}

/** The next session of a listing, with the name of the place it meets. */
export function nextSessionOfBundle(b: ServiceBundle, now: Date): NextSession | null {
  // A listing held in memory by the directory is asked about again and again.
  const { named } = writtenOf(b);
  return named ? nextSessionRemembered(named, named, now) : null;
}

const namedSchedulesOf = (b: ServiceBundle): ScheduleLike[] =>
  b.schedules.map((s) => ({
    ...s,
    locationName: b.locations.find((l) => l.id === s.locationId)?.name ?? null,
  }));
/**
 * A listing's publicly shown contacts in one language, worked out once per listing held in
 * memory (every search that shows it asks again). Frozen: results share them.
 */
export function shownContacts(b: ServiceBundle, lang: Lang): Contact[] {
  let byLang = contactsShown.get(b);
  if (!byLang) {
    byLang = {};
    contactsShown.set(b, byLang);
  }
  byLang[lang] ??= Object.freeze(
    publicContacts(b.contacts).map((c) => Object.freeze(toContact(c, lang))),
  ) as Contact[];
  return byLang[lang];
}

const contactsShown = new WeakMap<ServiceBundle, Partial<Record<Lang, Contact[]>>>();

export interface ResultExtra {
  distanceKm: number | null;
  /** The place searched from, to tell whether the nearest venue's position is only approximate. */
  near?: { latitude: number; longitude: number };
  /** Reviewers see every contact, unverified ones marked; the public sees verified ones only. */
  forReviewer?: boolean;
}

export function toResult(
  b: ServiceBundle,
  extra: ResultExtra,
  lang: Lang,
  now: Date,
): SearchResult {
  const s = b.service;
  // One language per card: Welsh only where both the name and the summary have it.
  const textLang: Lang = lang === "cy" && s.nameCy && s.summaryCy ? "cy" : "en";
  return {
    id: s.id,
    name: pick(s.name, s.nameCy, textLang),
    organisation: b.organisation,
    summary: pick(s.summary, s.summaryCy, textLang),
    kind: s.kind,
    stages: s.stages,
    formats: s.formats,
    referral: s.referral,
    selfReferral: s.referral.includes("self"),
    cost: s.cost,
    childrenWelcome: s.childrenWelcome,
    peerLed: s.peerLed,
    mentalHealthSpecific: s.mentalHealthSpecific,
    perinatalSpecific: s.perinatalSpecific,
    distanceKm: extra.distanceKm,
    venueSector: extra.distanceKm === null ? null : approximateVenueSector(b.locations, extra.near),
    nextSession: nextSessionOfBundle(b, now),
    contacts: extra.forReviewer
      ? b.contacts.map((c) => toContact(c, lang))
      : shownContacts(b, lang),
    verifiedAt: s.verifiedAt,
    reviewOverdue: isReviewOverdue(s.verifiedAt, s.reviewEveryDays, now),
    needsVerification: s.needsVerification,
    demo: s.demo,
    url: `/services/${encodeURIComponent(s.id)}`,
    calendarUrl: b.schedules.length ? `/services/${encodeURIComponent(s.id)}/sessions.ics` : null,
    lang: textLang,
  };
}

/** The fields of a result that depend on the search (where from, and when), not the listing. */
const SEARCH_FIELDS = ["distanceKm", "venueSector", "nextSession", "reviewOverdue"] as const;

/**
 * What `heldResult` and `resultJson` keep per listing held in memory (which never changes: a
 * change makes a new index), worked out the first time it is shown: one lookup per result
 * instead of one per part, and no date parsed per result.
 */
interface Written {
  /** The listing's result per language as `toResult` gives it at some instant, from nowhere. */
  result: Partial<Record<Lang, SearchResult>>;
  /** The listing's own fields as JSON per language, without the closing brace. */
  own: Partial<Record<Lang, string>>;
  /** Whether it has a contact shown publicly (`shownContacts`; the same in either language). */
  shown: boolean;
  /** The instant after which it is overdue for review (`isReviewOverdue`); -Infinity: always. */
  overdueAfter: number;
  /** Whether any venue is placed only at its sector's centre (else no venue sector is named). */
  sectorPlaced: boolean;
  /** Its schedules with the names of their venues (`nextSessionOfBundle`); none: no sessions. */
  named: ScheduleLike[] | null;
}
const written = new WeakMap<ServiceBundle, Written>();

function writtenOf(b: ServiceBundle): Written {
  let w = written.get(b);
  if (!w) {
    const { verifiedAt, reviewEveryDays } = b.service;
    w = {
      result: {},
      own: {},
      shown: publicContacts(b.contacts).length > 0,
      overdueAfter: overdueAfter(verifiedAt, reviewEveryDays),
      sectorPlaced: b.locations.some((l) => l.precision === "sector"),
      named: b.schedules.length > 0 ? namedSchedulesOf(b) : null,
    };
    written.set(b, w);
  }
  return w;
}

/** Whether a listing held in memory has a contact shown publicly (as `shownContacts` says). */
export function heldIsShown(b: ServiceBundle): boolean {
  return writtenOf(b).shown;
}

/** The fields of a result that depend on the search, for a listing held in memory. */
function searchFields(
  w: Written,
  b: ServiceBundle,
  extra: Omit<ResultExtra, "forReviewer">,
  now: Date,
) {
  return {
    // No venue placed at a sector's centre: no sector is named (`approximateVenueSector`).
    venueSector:
      extra.distanceKm === null || !w.sectorPlaced
        ? null
        : approximateVenueSector(b.locations, extra.near),
    nextSession: w.named ? nextSessionRemembered(w.named, w.named, now) : null,
    reviewOverdue: now.getTime() > w.overdueAfter,
  };
}

/**
 * `toResult` for the public, for a listing held in memory: its own fields are worked out once
 * per language, and only those that depend on the search each time (the answer is the same:
 * the SQL oracle's results come from `toResult`, and `tests/api/search-index.test.ts` compares).
 */
export function heldResult(
  b: ServiceBundle,
  extra: Omit<ResultExtra, "forReviewer">,
  lang: Lang,
  now: Date,
): SearchResult {
  const w = writtenOf(b);
  let result = w.result[lang];
  if (result === undefined) {
    result = toResult(b, { distanceKm: null }, lang, now);
    w.result[lang] = result;
  }
  const { venueSector, nextSession, reviewOverdue } = searchFields(w, b, extra, now);
  // Keys given again keep their place: the result reads as `toResult` writes it.
  return { ...result, distanceKm: extra.distanceKm, venueSector, nextSession, reviewOverdue };
}

/**
 * A result as JSON text, the same as `JSON.stringify(toResult(…))` read back: the listing's own
 * fields are written once per listing and language held in memory (every search that shows it
 * asks again), the fields that depend on the search each time. Writing the answer was as much
 * work as finding it.
 */
export function resultJson(b: ServiceBundle, extra: ResultExtra, lang: Lang, now: Date): string {
  const w = writtenOf(b);
  let own = w.own[lang];
  if (own === undefined) {
    const fields: Partial<SearchResult> = { ...toResult(b, { distanceKm: null }, lang, now) };
    for (const k of SEARCH_FIELDS) delete fields[k];
    own = JSON.stringify(fields).slice(0, -1); // without its closing brace
    w.own[lang] = own;
  }
  const { venueSector, nextSession, reviewOverdue } = searchFields(w, b, extra, now);
  return `${own},"distanceKm":${JSON.stringify(extra.distanceKm)},"venueSector":${JSON.stringify(venueSector)},"nextSession":${nextSession ? sessionJson(nextSession) : "null"},"reviewOverdue":${reviewOverdue}}`;
}

/** A next session as JSON, written once: it is remembered until it starts, and shown often. */
const sessionsWritten = new WeakMap<NextSession, string>();
function sessionJson(session: NextSession): string {
  let json = sessionsWritten.get(session);
  if (json === undefined) {
    json = JSON.stringify(session);
    sessionsWritten.set(session, json);
  }
  return json;
}

export function toCrisisRoute(b: ServiceBundle, countries: Country[], lang: Lang): CrisisRoute {
  const s = b.service;
  const contacts = publicContacts(b.contacts).map((c) => toContact(c, lang));
  return {
    id: s.id,
    name: pick(s.name, s.nameCy, lang),
    description: pick(s.summary, s.summaryCy, lang),
    countries,
    contacts,
    hours: contacts.find((c) => c.hours)?.hours ?? "",
  };
}
