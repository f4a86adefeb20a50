/**
 * "Change from source": what a feed changed in a listing we hold, field by field, for a reviewer
 * to take or leave. Compares three versions: ours (the working copy), the source as last
 * reviewed, and the source now. A field is offered when the source now differs from ours and
 * the source changed it since it was last reviewed (every differing field when there is no
 * last-reviewed version, as after a merge); a field we edited here is marked, so a local edit is
 * never overwritten without the reviewer seeing it. Contacts, venues with their sessions, and
 * areas are taken or left as a whole (a session names its venue, so the two go together).
 */
import type { Listing } from "../../schema/listing-input.js";
import {
  AREA_FIELDS,
  type Change,
  CONTACT_FIELDS,
  describeArea,
  describeContact,
  describeLocation,
  describeSchedule,
  diffChildren,
  LOCATION_FIELDS,
  SCHEDULE_FIELDS,
  SERVICE_FIELDS,
  show,
} from "./diff.js";

/**
 * Ours alone, never the source's: whom it is filed under, how often we review it, the flags, and
 * our own judgement of whether it is for perinatal needs only (no feed carries it).
 */
const NOT_FROM_SOURCE = new Set<keyof Listing>([
  "organisationId",
  "perinatalSpecific",
  "reviewEveryDays",
  "needsVerification",
  "demo",
]);

export const SOURCE_SCALARS = SERVICE_FIELDS.filter(([key]) => !NOT_FROM_SOURCE.has(key));

export const SOURCE_LISTS = [
  { key: "contacts", label: "Contacts" },
  { key: "venues", label: "Venues and sessions" },
  { key: "areas", label: "Areas served" },
] as const;

export interface SourceGroup {
  /** A listing field name, or `contacts` / `venues` / `areas`. */
  key: string;
  label: string;
  /** What would change in ours, row by row ("before" is ours, "after" the source's). */
  changes: Change[];
  /** We changed this here since the source's last reviewed version. */
  editedHere: boolean;
}

/** Children with ids by position (and sessions naming their venue), so two sources compare. */
function positional(l: Listing) {
  const venue = new Map(l.locations.map((v) => [v.id, describeLocation(v)]));
  return {
    contacts: l.contacts.map((c, i) => ({ ...c, id: `c${i}` })),
    locations: l.locations.map((v, i) => ({ ...v, id: `v${i}` })),
    schedules: l.schedules.map((s, i) => ({
      ...s,
      id: `s${i}`,
      locationId: s.locationId ? (venue.get(s.locationId) ?? null) : null,
    })),
    areas: l.areas.map((a, i) => ({ ...a, id: `a${i}` })),
  };
}

function listChanges(key: (typeof SOURCE_LISTS)[number]["key"], a: Listing, b: Listing) {
  const x = positional(a);
  const y = positional(b);
  if (key === "contacts")
    return diffChildren("Contact", x.contacts, y.contacts, CONTACT_FIELDS, describeContact);
  if (key === "areas") return diffChildren("Area", x.areas, y.areas, AREA_FIELDS, describeArea);
  return [
    ...diffChildren("Venue", x.locations, y.locations, LOCATION_FIELDS, describeLocation),
    ...diffChildren("Session", x.schedules, y.schedules, SCHEDULE_FIELDS, describeSchedule),
  ];
}

function scalarChange(key: keyof Listing, label: string, a: Listing, b: Listing): Change[] {
  const before = show(a[key]);
  const after = show(b[key]);
  if (before === after) return [];
  const kind = before === "(empty)" ? "added" : after === "(empty)" ? "removed" : "changed";
  return [{ field: label, kind, before, after }];
}

/** What the source offers to change in ours; `before` is the source as last reviewed, if any. */
export function sourceChanges(ours: Listing, before: Listing | null, now: Listing): SourceGroup[] {
  const groups: SourceGroup[] = [];
  const offer = (key: string, label: string, diff: (a: Listing, b: Listing) => Change[]) => {
    const changes = diff(ours, now);
    if (changes.length === 0) return;
    if (before && diff(before, now).length === 0) return;
    groups.push({
      key,
      label,
      changes,
      editedHere: before ? diff(before, ours).length > 0 : false,
    });
  };
  for (const [key, label] of SOURCE_SCALARS)
    offer(key, label, (a, b) => scalarChange(key, label, a, b));
  for (const { key, label } of SOURCE_LISTS) offer(key, label, (a, b) => listChanges(key, a, b));
  return groups;
}

/** Ours with the chosen groups taken from the source; everything else stays ours. */
export function applySourceChanges(ours: Listing, now: Listing, keys: readonly string[]): Listing {
  const next: Listing = { ...ours };
  const take = new Set(keys);
  for (const [key] of SOURCE_SCALARS) {
    if (take.has(key)) (next as Record<string, unknown>)[key] = now[key];
  }
  if (take.has("contacts")) next.contacts = now.contacts;
  if (take.has("venues")) {
    next.locations = now.locations;
    next.schedules = now.schedules;
  }
  if (take.has("areas")) next.areas = now.areas;
  return next;
}
