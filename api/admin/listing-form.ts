/**
 * The listing editor's form values: every field as the text a person typed, so a form with
 * mistakes comes back exactly as it was sent. Field names are dotted paths (`contacts.0.value`)
 * that match the paths of validation issues.
 */
import type { Listing } from "../../schema/listing-input.js";
import type { AreaKind } from "../../schema/taxonomy.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { areaLabel } from "./area-lookup.js";
import { randomId } from "./tokens.js";

export interface ContactValues {
  id: string;
  kind: string;
  value: string;
  label: string;
  labelCy: string;
  hours: string;
  hoursCy: string;
  keyword: string;
  /** Structured hours (schema/hours.ts) as JSON, carried through the form unchanged. */
  openHours: string;
  needsVerification: boolean;
  remove: boolean;
}
export interface LocationValues {
  id: string;
  name: string;
  address: string;
  postcode: string;
  latitude: string;
  longitude: string;
  accessibility: string;
  accessibilityCy: string;
  /** How precise the position is (`address`, `postcode`, `sector`). */
  precision: string;
  remove: boolean;
}
export interface ScheduleValues {
  id: string;
  locationId: string;
  pattern: string;
  weekday: string;
  nth: string;
  anchorDate: string;
  startTime: string;
  endTime: string;
  termTimeOnly: boolean;
  validFrom: string;
  validUntil: string;
  note: string;
  noteCy: string;
  remove: boolean;
}
export interface AreaValues {
  id: string;
  kind: string;
  /** A name or code; for a radius, the centre as a postcode, sector, district or "lat, lon". */
  place: string;
  radiusKm: string;
  remove: boolean;
}

export const TEXT_FIELDS = [
  "organisationId",
  "name",
  "nameCy",
  "summary",
  "summaryCy",
  "description",
  "descriptionCy",
  "kind",
  "howToAccess",
  "howToAccessCy",
  "cost",
  "costNote",
  "languages",
  "verifiedAt",
  "reviewEveryDays",
  "sourceUrl",
] as const;
export const LIST_FIELDS = ["stages", "audiences", "formats", "referral"] as const;
export const FLAG_FIELDS = [
  "childrenWelcome",
  "mentalHealthSpecific",
  "perinatalSpecific",
  "peerLed",
  "facilitatorTrained",
  "moderated",
  "needsVerification",
  "demo",
] as const;

export type ListingFormValues = Record<(typeof TEXT_FIELDS)[number], string> &
  Record<(typeof LIST_FIELDS)[number], string[]> &
  Record<(typeof FLAG_FIELDS)[number], boolean> & {
    contacts: ContactValues[];
    locations: LocationValues[];
    schedules: ScheduleValues[];
    areas: AreaValues[];
  };

export const childId = (prefix: string) => `${prefix}-${randomId(10)}`;

export const blankContact = (): ContactValues => ({
  id: childId("ct"),
  kind: "",
  value: "",
  label: "",
  labelCy: "",
  hours: "",
  hoursCy: "",
  keyword: "",
  openHours: "",
  needsVerification: false,
  remove: false,
});
export const blankLocation = (): LocationValues => ({
  id: childId("loc"),
  name: "",
  address: "",
  postcode: "",
  latitude: "",
  longitude: "",
  accessibility: "",
  accessibilityCy: "",
  precision: "",
  remove: false,
});
export const blankSchedule = (): ScheduleValues => ({
  id: childId("ses"),
  locationId: "",
  pattern: "",
  weekday: "",
  nth: "",
  anchorDate: "",
  startTime: "",
  endTime: "",
  termTimeOnly: false,
  validFrom: "",
  validUntil: "",
  note: "",
  noteCy: "",
  remove: false,
});
export const blankArea = (): AreaValues => ({
  id: childId("area"),
  kind: "",
  place: "",
  radiusKm: "",
  remove: false,
});

export function emptyForm(organisationId: string): ListingFormValues {
  return {
    organisationId,
    name: "",
    nameCy: "",
    summary: "",
    summaryCy: "",
    description: "",
    descriptionCy: "",
    kind: "",
    howToAccess: "",
    howToAccessCy: "",
    cost: "free",
    costNote: "",
    languages: "en",
    verifiedAt: "",
    reviewEveryDays: "",
    sourceUrl: "",
    stages: [],
    audiences: [],
    formats: [],
    referral: [],
    childrenWelcome: false,
    mentalHealthSpecific: true,
    perinatalSpecific: true,
    peerLed: false,
    facilitatorTrained: false,
    moderated: false,
    needsVerification: false,
    demo: false,
    contacts: [],
    locations: [],
    schedules: [],
    areas: [],
  };
}

/** One spare row of each kind, so a person can add one without JavaScript. */
export function withSpareRows(v: ListingFormValues): ListingFormValues {
  const spare = <T extends { remove: boolean }>(
    rows: T[],
    blank: () => T,
    isBlank: (r: T) => boolean,
  ) => (rows.some(isBlank) ? rows : [...rows, blank()]);
  return {
    ...v,
    contacts: spare(v.contacts, blankContact, (c) => !c.value && !c.label),
    locations: spare(v.locations, blankLocation, (l) => !l.name && !l.address && !l.postcode),
    schedules: spare(v.schedules, blankSchedule, (s) => !s.startTime && !s.endTime),
    areas: spare(v.areas, blankArea, (a) => !a.kind),
  };
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

export function formFromListing(l: Listing, geo: GeoIndex): ListingFormValues {
  return {
    organisationId: l.organisationId,
    name: l.name,
    nameCy: text(l.nameCy),
    summary: l.summary,
    summaryCy: text(l.summaryCy),
    description: l.description,
    descriptionCy: text(l.descriptionCy),
    kind: l.kind,
    howToAccess: l.howToAccess,
    howToAccessCy: text(l.howToAccessCy),
    cost: l.cost,
    costNote: text(l.costNote),
    languages: l.languages.join(", "),
    verifiedAt: text(l.verifiedAt),
    reviewEveryDays: String(l.reviewEveryDays),
    sourceUrl: text(l.sourceUrl),
    stages: [...l.stages],
    audiences: [...l.audiences],
    formats: [...l.formats],
    referral: [...l.referral],
    childrenWelcome: l.childrenWelcome,
    mentalHealthSpecific: l.mentalHealthSpecific,
    perinatalSpecific: l.perinatalSpecific,
    peerLed: l.peerLed,
    facilitatorTrained: l.facilitatorTrained,
    moderated: l.moderated,
    needsVerification: l.needsVerification,
    demo: l.demo,
    contacts: l.contacts.map((c) => ({
      id: c.id,
      kind: c.kind,
      value: c.value,
      label: text(c.label),
      labelCy: text(c.labelCy),
      hours: text(c.hours),
      hoursCy: text(c.hoursCy),
      keyword: text(c.keyword),
      openHours: c.openHours ? JSON.stringify(c.openHours) : "",
      needsVerification: c.needsVerification,
      remove: false,
    })),
    locations: l.locations.map((x) => ({
      id: x.id,
      name: x.name,
      address: x.address,
      postcode: x.postcode,
      latitude: String(x.latitude),
      longitude: String(x.longitude),
      accessibility: text(x.accessibility),
      accessibilityCy: text(x.accessibilityCy),
      precision: x.precision,
      remove: false,
    })),
    schedules: l.schedules.map((s) => ({
      id: s.id,
      locationId: text(s.locationId),
      pattern: s.pattern,
      weekday: String(s.weekday),
      nth: text(s.nth),
      anchorDate: text(s.anchorDate),
      startTime: s.startTime,
      endTime: s.endTime,
      termTimeOnly: s.termTimeOnly,
      validFrom: text(s.validFrom),
      validUntil: text(s.validUntil),
      note: text(s.note),
      noteCy: text(s.noteCy),
      remove: false,
    })),
    areas: l.areas.map((a) => ({
      id: a.id,
      kind: a.kind,
      place: areaLabel(a as { kind: AreaKind }, geo),
      radiusKm: text(a.radiusKm),
      remove: false,
    })),
  };
}

export type FormBody = Record<string, string | File | (string | File)[]>;

const first = (v: FormBody[string] | undefined): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x : "";
};
const all = (v: FormBody[string] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === "string",
  );

/** Rows of a repeated group, from `group.<index>.<field>` names, in index order. */
function rows<T>(
  body: FormBody,
  group: string,
  read: (get: (f: string) => string, has: (f: string) => boolean) => T,
): T[] {
  const indexes = new Set<number>();
  const pattern = new RegExp(`^${group}\\.(\\d{1,3})\\.`);
  for (const key of Object.keys(body)) {
    const m = pattern.exec(key);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) =>
      read(
        (f) => first(body[`${group}.${i}.${f}`]).trim(),
        (f) => first(body[`${group}.${i}.${f}`]) !== "",
      ),
    );
}

/** Reads the posted editor form. Unknown names are ignored; nothing is trusted yet. */
export function formFromBody(body: FormBody): ListingFormValues {
  const values = {} as ListingFormValues;
  for (const f of TEXT_FIELDS) values[f] = first(body[f]).trim();
  for (const f of LIST_FIELDS) values[f] = all(body[f]);
  for (const f of FLAG_FIELDS) values[f] = first(body[f]) !== "";
  values.contacts = rows(body, "contacts", (get, has) => ({
    id: get("id") || childId("ct"),
    kind: get("kind"),
    value: get("value"),
    label: get("label"),
    labelCy: get("labelCy"),
    hours: get("hours"),
    hoursCy: get("hoursCy"),
    keyword: get("keyword"),
    openHours: get("openHours"),
    needsVerification: has("needsVerification"),
    remove: has("remove"),
  }));
  values.locations = rows(body, "locations", (get, has) => ({
    id: get("id") || childId("loc"),
    name: get("name"),
    address: get("address"),
    postcode: get("postcode"),
    latitude: get("latitude"),
    longitude: get("longitude"),
    accessibility: get("accessibility"),
    accessibilityCy: get("accessibilityCy"),
    precision: get("precision"),
    remove: has("remove"),
  }));
  values.schedules = rows(body, "schedules", (get, has) => ({
    id: get("id") || childId("ses"),
    locationId: get("locationId"),
    pattern: get("pattern"),
    weekday: get("weekday"),
    nth: get("nth"),
    anchorDate: get("anchorDate"),
    startTime: get("startTime"),
    endTime: get("endTime"),
    termTimeOnly: has("termTimeOnly"),
    validFrom: get("validFrom"),
    validUntil: get("validUntil"),
    note: get("note"),
    noteCy: get("noteCy"),
    remove: has("remove"),
  }));
  values.areas = rows(body, "areas", (get, has) => ({
    id: get("id") || childId("area"),
    kind: get("kind"),
    place: get("place"),
    radiusKm: get("radiusKm"),
    remove: has("remove"),
  }));
  return values;
}
