/**
 * A readable difference between two versions of a listing: field by field for the service, and
 * added / removed / changed for its contacts, venues, sessions and areas (matched by id).
 */
import type { Listing } from "../../schema/listing-input.js";
import { type Label, mailLanguageLabels } from "../../schema/taxonomy.js";
import { fieldLabel } from "./audit-labels.js";
import { VOCABULARIES } from "./csv-cells.js";

export interface Change {
  /** What changed, in words: "Summary", "Contact: Helpline · Number". */
  field: string;
  kind: "added" | "removed" | "changed";
  before: string;
  after: string;
}

export const SERVICE_FIELDS: [keyof Listing, string][] = [
  ["organisationId", "Organisation"],
  ["name", "Name"],
  ["nameCy", "Name (Welsh)"],
  ["summary", "Summary"],
  ["summaryCy", "Summary (Welsh)"],
  ["description", "Description"],
  ["descriptionCy", "Description (Welsh)"],
  ["kind", "Kind"],
  ["stages", "Stages"],
  ["audiences", "Audiences"],
  ["formats", "Formats"],
  ["referral", "Referral"],
  ["howToAccess", "How to access"],
  ["howToAccessCy", "How to access (Welsh)"],
  ["cost", "Cost"],
  ["costNote", "Cost note"],
  ["languages", "Languages"],
  ["childrenWelcome", "Children welcome"],
  ["mentalHealthSpecific", "Mental health specific"],
  ["perinatalSpecific", "Perinatal specific"],
  ["peerLed", "Peer-led"],
  ["facilitatorTrained", "Trained facilitator"],
  ["moderated", "Moderated"],
  ["verifiedAt", "Last checked"],
  ["reviewEveryDays", "Review every (days)"],
  ["sourceUrl", "Source"],
  ["needsVerification", "Needs verification"],
  ["demo", "Example listing"],
];

export const CONTACT_FIELDS = {
  kind: "Kind",
  value: "Number or address",
  label: "Label",
  labelCy: "Label (Welsh)",
  hours: "Hours",
  hoursCy: "Hours (Welsh)",
  keyword: "Keyword",
  needsVerification: "Needs verification",
};
export const LOCATION_FIELDS = {
  name: "Name",
  address: "Address",
  postcode: "Postcode",
  latitude: "Latitude",
  longitude: "Longitude",
  accessibility: "Accessibility",
  accessibilityCy: "Accessibility (Welsh)",
};
export const SCHEDULE_FIELDS = {
  locationId: "Venue",
  pattern: "Repeats",
  weekday: "Day",
  nth: "Week of the month",
  anchorDate: "First date",
  startTime: "Starts",
  endTime: "Ends",
  termTimeOnly: "Term time only",
  validFrom: "From",
  validUntil: "Until",
  note: "Note",
  noteCy: "Note (Welsh)",
};
export const AREA_FIELDS = {
  kind: "Kind",
  code: "Area",
  latitude: "Latitude",
  longitude: "Longitude",
  radiusKm: "Radius (km)",
};

const DAYS = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "(empty)";
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (Array.isArray(value)) return value.length ? value.join(", ") : "(none)";
  return String(value);
}

const same = (a: unknown, b: unknown) => show(a) === show(b);

const VOCABULARY: Partial<Record<string, Record<string, Label>>> = {
  ...VOCABULARIES,
  // An organisation's language of mail (organisation entries in the audit log).
  mailLanguage: mailLanguageLabels,
};

/** A field's value as people read it: labels, not codes ("Pregnant, Baby under 1"). */
export function showField(key: string, value: unknown): string {
  const labels = VOCABULARY[key];
  if (!labels) return show(value);
  const label = (code: unknown) => labels[String(code)]?.en ?? String(code);
  return show(Array.isArray(value) ? value.map(label) : value ? label(value) : value);
}

export function describeContact(c: Listing["contacts"][number]): string {
  return `${c.kind} ${c.value}${c.label ? ` (${c.label})` : ""}`;
}
export function describeLocation(l: Listing["locations"][number]): string {
  return `${l.name}, ${l.postcode}`;
}
export function describeSchedule(s: Listing["schedules"][number]): string {
  const every =
    s.pattern === "monthly"
      ? `Monthly, ${s.nth === -1 ? "last" : `week ${s.nth}`}`
      : s.pattern === "fortnightly"
        ? "Fortnightly"
        : "Weekly";
  return `${every} on ${DAYS[s.weekday] ?? s.weekday}, ${s.startTime}–${s.endTime}`;
}
export function describeArea(a: Listing["areas"][number]): string {
  if (a.kind === "uk") return "The whole UK";
  if (a.kind === "radius") return `Within ${a.radiusKm} km of ${a.latitude}, ${a.longitude}`;
  return `${a.kind} ${a.code}`;
}

export function diffChildren<T extends { id: string }>(
  label: string,
  before: readonly T[],
  after: readonly T[],
  fields: Record<string, string>,
  describe: (item: T) => string,
): Change[] {
  const changes: Change[] = [];
  const old = new Map(before.map((x) => [x.id, x]));
  const ids = new Set(after.map((x) => x.id));
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) {
      changes.push({ field: label, kind: "added", before: "", after: describe(item) });
      continue;
    }
    for (const [key, name] of Object.entries(fields)) {
      const a = (was as Record<string, unknown>)[key];
      const b = (item as Record<string, unknown>)[key];
      if (!same(a, b)) {
        changes.push({
          field: `${label}: ${describe(was)} · ${name}`,
          kind: "changed",
          before: show(a),
          after: show(b),
        });
      }
    }
  }
  for (const item of before) {
    if (!ids.has(item.id)) {
      changes.push({ field: label, kind: "removed", before: describe(item), after: "" });
    }
  }
  return changes;
}

/** What changed from `before` to `after`; everything counts as added when there is no before. */
export function diffListings(before: Listing | null, after: Listing): Change[] {
  const base = before ?? ({ contacts: [], locations: [], schedules: [], areas: [] } as never);
  const changes: Change[] = [];
  for (const [key, name] of SERVICE_FIELDS) {
    const a = before ? before[key] : undefined;
    const b = after[key];
    if (!same(a, b)) {
      changes.push({
        field: name,
        kind:
          !before || show(a) === "(empty)"
            ? "added"
            : show(b) === "(empty)"
              ? "removed"
              : "changed",
        before: before ? showField(key, a) : "",
        after: showField(key, b),
      });
    }
  }
  return [
    ...changes,
    ...diffChildren("Contact", base.contacts, after.contacts, CONTACT_FIELDS, describeContact),
    ...diffChildren("Venue", base.locations, after.locations, LOCATION_FIELDS, describeLocation),
    ...diffChildren("Session", base.schedules, after.schedules, SCHEDULE_FIELDS, describeSchedule),
    ...diffChildren("Area", base.areas, after.areas, AREA_FIELDS, describeArea),
  ];
}

const isListing = (v: unknown): v is Listing =>
  typeof v === "object" && v !== null && "name" in v && "contacts" in v && "areas" in v;

/**
 * An audited field's label (audit-labels.ts); a key logged before it had one is spelt out
 * ("someField" → "Some field").
 */
export function auditFieldName(key: string): string {
  const label = fieldLabel(key);
  if (label) return label;
  const s = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** A value as people read it; a nested record as "Label: value; Label: value". */
const showAny = (key: string, v: unknown): string =>
  v !== null && typeof v === "object" && !Array.isArray(v)
    ? Object.entries(v)
        .map(([k, x]) => `${auditFieldName(k)}: ${showAny(k, x)}`)
        .join("; ")
    : showField(key, v);

/**
 * What an audit entry's before and after say, in words: a listing field by field (as
 * diffListings), anything else key by key.
 */
export function auditChanges(before: unknown, after: unknown): Change[] {
  if (isListing(after)) return diffListings(isListing(before) ? before : null, after);
  const a = (before && typeof before === "object" ? before : {}) as Record<string, unknown>;
  const b = (after && typeof after === "object" ? after : {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((key): Change[] => {
    const field = auditFieldName(key);
    const was = showAny(key, a[key]);
    const now = showAny(key, b[key]);
    if (!(key in a)) return [{ field, kind: "added", before: "", after: now }];
    if (!(key in b)) return [{ field, kind: "removed", before: was, after: "" }];
    return was === now ? [] : [{ field, kind: "changed", before: was, after: now }];
  });
}
