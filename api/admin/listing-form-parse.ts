/**
 * Turns the editor's form values into a listing, or into messages placed next to the fields
 * they are about. Validation is the shared schema (schema/listing-input.ts) plus what only the
 * server knows: postcodes and area names from our geography, and who may use which organisation.
 */
import type { z } from "zod";
import { type Listing, listingInput } from "../../schema/listing-input.js";
import {
  AREA_KINDS,
  type AreaKind,
  type Kind,
  VENUE_PRECISIONS,
  type VenuePrecision,
} from "../../schema/taxonomy.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { futureCheckProblem } from "../domain/review.js";
import { scheduleProblems } from "../domain/schedule.js";
import { areaCode, normalPostcode, positionOf } from "./area-lookup.js";
import { childId, type ListingFormValues } from "./listing-form.js";
import { defaultReviewEveryDays } from "./review-status.js";

/** Messages by field name (`summary`, `contacts.0.value`). */
export type FieldErrors = Record<string, string>;

export type FormResult = { ok: true; listing: Listing } | { ok: false; errors: FieldErrors };

const AREA_NOUNS: Record<AreaKind, string> = {
  uk: "place",
  radius: "place",
  country: "country",
  icb: "integrated care board",
  lhb: "local health board",
  hb: "health board",
  lad: "local authority",
  district: "postcode district",
};

const NEW_CHILD = /^(?:ct|loc|ses|area)-[a-z0-9]{10}$/;

const orNull = (s: string) => (s === "" ? null : s);

/** The structured hours carried in the form as JSON; the shared schema checks their shape. */
function parseOpenHours(text: string): unknown {
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
const num = (s: string) => (s === "" ? Number.NaN : Number(s));

/** A validation issue in words an editor can act on. */
export function friendly(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      if (issue.origin === "array") return "Choose at least one.";
      if (issue.origin === "string") return `Enter at least ${issue.minimum} characters.`;
      return `Must be at least ${issue.minimum}.`;
    case "too_big":
      if (issue.origin === "string") return `Use at most ${issue.maximum} characters.`;
      return `Must be at most ${issue.maximum}.`;
    case "invalid_type":
      return issue.expected === "number" ? "Enter a number." : "This is required.";
    case "invalid_value":
    case "invalid_union":
      return "Choose one of the options.";
    default:
      return issue.message;
  }
}

export function listingFromForm(
  v: ListingFormValues,
  ctx: {
    id: string;
    geo: GeoIndex;
    knownIds: ReadonlySet<string>;
    /** Today's UK date (`YYYY-MM-DD`), from the app's clock. */
    today: string;
  },
): FormResult {
  const errors: FieldErrors = {};
  const futureCheck = futureCheckProblem(v.verifiedAt, ctx.today);
  if (futureCheck) errors.verifiedAt = futureCheck;
  const keepId = (id: string, prefix: string) =>
    ctx.knownIds.has(id) || NEW_CHILD.test(id) ? id : childId(prefix);
  // Form rows that become listing rows, remembering each one's form index for messages.
  const contactRows = v.contacts
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !c.remove && (c.value || c.label || c.hours));
  const locationRows = v.locations
    .map((l, i) => ({ l, i }))
    .filter(({ l }) => !l.remove && (l.name || l.address || l.postcode));
  const scheduleRows = v.schedules
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => !s.remove && (s.startTime || s.endTime || s.pattern));
  const areaRows = v.areas.map((a, i) => ({ a, i })).filter(({ a }) => !a.remove && a.kind);

  // A session names its venue by the venue row's id, which a new row has from the moment the
  // form is drawn: so a session can meet at a venue added in the same form, before any save.
  const venueIds = new Map<string, string>();
  const locations = locationRows.map(({ l, i }) => {
    const postcode = normalPostcode(l.postcode) ?? l.postcode.toUpperCase();
    let latitude = num(l.latitude);
    let longitude = num(l.longitude);
    let precision = (VENUE_PRECISIONS as readonly string[]).includes(l.precision)
      ? (l.precision as VenuePrecision)
      : "address";
    if (l.latitude === "" && l.longitude === "" && l.postcode) {
      const found = positionOf(l.postcode, ctx.geo);
      if (found) {
        latitude = found.latitude;
        longitude = found.longitude;
        // Our geography knows sectors, not addresses: distances to it are only approximate.
        precision = "sector";
      } else {
        errors[`locations.${i}.postcode`] =
          "We could not find this postcode in our geography. Check it, or enter the latitude and longitude.";
      }
    }
    const id = keepId(l.id, "loc");
    venueIds.set(l.id, id);
    return {
      id,
      name: l.name,
      address: l.address,
      postcode,
      latitude,
      longitude,
      precision,
      accessibility: orNull(l.accessibility),
      accessibilityCy: orNull(l.accessibilityCy),
    };
  });

  /** The listing id of a session's venue; a venue row that will not be saved is a message. */
  const venueOf = (ref: string, i: number): string | null => {
    if (ref === "") return null;
    const id = venueIds.get(ref);
    if (id) return id;
    const row = v.locations.findIndex((l) => l.id === ref);
    errors[`schedules.${i}.locationId`] =
      row < 0
        ? "Choose one of the venues in this form."
        : v.locations[row]?.remove
          ? `Venue ${row + 1} is marked to be removed. Choose another venue, or keep it.`
          : `Venue ${row + 1} is empty. Fill in its name, address and postcode, or choose another venue.`;
    return null;
  };

  const areas = areaRows.map(({ a, i }) => {
    const kind = (AREA_KINDS as readonly string[]).includes(a.kind) ? (a.kind as AreaKind) : "uk";
    const id = keepId(a.id, "area");
    if (kind === "uk") return { id, kind };
    if (kind === "radius") {
      const centre = positionOf(a.place, ctx.geo);
      if (!centre) {
        errors[`areas.${i}.place`] =
          "Enter the centre as a postcode, sector or district (EX4 4) or as latitude, longitude.";
      }
      return {
        id,
        kind,
        latitude: centre?.latitude ?? Number.NaN,
        longitude: centre?.longitude ?? Number.NaN,
        radiusKm: num(a.radiusKm),
      };
    }
    const code = areaCode(kind, a.place, ctx.geo);
    if (!code) {
      errors[`areas.${i}.place`] = a.place
        ? `We do not know a ${AREA_NOUNS[kind]} called “${a.place}”. Pick a name from the list.`
        : "Enter the name of the area.";
    }
    return { id, kind, code: code ?? a.place };
  });

  const kind = v.kind as Kind;
  const candidate = {
    id: ctx.id,
    organisationId: v.organisationId,
    name: v.name,
    nameCy: orNull(v.nameCy),
    summary: v.summary,
    summaryCy: orNull(v.summaryCy),
    description: v.description,
    descriptionCy: orNull(v.descriptionCy),
    kind: v.kind,
    stages: v.stages,
    audiences: v.audiences,
    formats: v.formats,
    referral: v.referral,
    howToAccess: v.howToAccess,
    howToAccessCy: orNull(v.howToAccessCy),
    cost: v.cost,
    costNote: orNull(v.costNote),
    languages: v.languages
      .split(/[\s,;]+/)
      .map((x) => x.trim())
      .filter(Boolean),
    childrenWelcome: v.childrenWelcome,
    mentalHealthSpecific: v.mentalHealthSpecific,
    perinatalSpecific: v.perinatalSpecific,
    peerLed: v.peerLed,
    facilitatorTrained: v.facilitatorTrained,
    moderated: v.moderated,
    status: "draft",
    verifiedAt: orNull(v.verifiedAt),
    reviewEveryDays:
      v.reviewEveryDays === "" ? defaultReviewEveryDays(kind) : num(v.reviewEveryDays),
    sourceUrl: orNull(v.sourceUrl),
    needsVerification: v.needsVerification,
    demo: v.demo,
    contacts: contactRows.map(({ c }, position) => ({
      id: keepId(c.id, "ct"),
      kind: c.kind,
      value: c.value,
      label: orNull(c.label),
      labelCy: orNull(c.labelCy),
      hours: orNull(c.hours),
      hoursCy: orNull(c.hoursCy),
      keyword: c.kind === "text" ? orNull(c.keyword.toUpperCase()) : null,
      openHours: parseOpenHours(c.openHours),
      needsVerification: c.needsVerification,
      position,
    })),
    locations,
    schedules: scheduleRows.map(({ s, i }) => ({
      id: keepId(s.id, "ses"),
      locationId: venueOf(s.locationId, i),
      pattern: s.pattern,
      weekday: num(s.weekday),
      nth: s.pattern === "monthly" ? num(s.nth) : null,
      anchorDate: s.pattern === "fortnightly" ? orNull(s.anchorDate) : null,
      startTime: s.startTime,
      endTime: s.endTime,
      termTimeOnly: s.termTimeOnly,
      validFrom: orNull(s.validFrom),
      validUntil: orNull(s.validUntil),
      note: orNull(s.note),
      noteCy: orNull(s.noteCy),
    })),
    areas,
  };

  // Form index of each listing row, so a message lands on the row the person sees.
  const formIndex: Record<string, number[]> = {
    contacts: contactRows.map((r) => r.i),
    locations: locationRows.map((r) => r.i),
    schedules: scheduleRows.map((r) => r.i),
    areas: areaRows.map((r) => r.i),
  };
  const fieldOf = (path: readonly PropertyKey[]): string => {
    const [group, index, field] = path;
    if (typeof group === "string" && group in formIndex && typeof index === "number") {
      const i = formIndex[group]?.[index] ?? index;
      // Radius and area codes are typed into the "place" box.
      const name =
        group === "areas" && (field === "code" || field === "latitude" || field === "longitude")
          ? "place"
          : String(field ?? "kind");
      return `${group}.${i}.${name}`;
    }
    return path.map(String).join(".") || "form";
  };

  const parsed = listingInput.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      errors[field] ??= friendly(issue);
    }
  }
  // The schedule arithmetic's own checks, for rows the schema found nothing wrong with.
  scheduleRows.forEach(({ s, i }) => {
    if (Object.keys(errors).some((k) => k.startsWith(`schedules.${i}.`))) return;
    const problems = scheduleProblems({
      pattern: s.pattern as never,
      weekday: num(s.weekday),
      nth: s.pattern === "monthly" ? num(s.nth) : null,
      anchorDate: s.pattern === "fortnightly" ? orNull(s.anchorDate) : null,
      startTime: s.startTime,
      endTime: s.endTime,
      validFrom: orNull(s.validFrom),
      validUntil: orNull(s.validUntil),
      termTimeOnly: s.termTimeOnly,
    });
    if (problems.length > 0) errors[`schedules.${i}.pattern`] ??= problems.join(" ");
  });

  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, listing: parsed.data };
}
