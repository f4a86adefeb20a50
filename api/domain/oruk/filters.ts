/**
 * The `/services` and `/service_at_locations` filters, all ANDed (a comma list inside one
 * parameter means any of its values). This is the one statement of what each filter means.
 */
import { z } from "zod";
import type { Place } from "../../../schema/contract.js";
import { distanceKm } from "../distance.js";
import type { OrukBundle } from "./bundle.js";
import { lastModified, organisationUuid } from "./publish.js";
import { BYDAY } from "./schedule-map.js";
import { TAXONOMIES_BY_UUID, TERM_TIME_ONLY, TERMS_BY_UUID, termsOf } from "./taxonomy.js";

/** What the filters read of a listing: everything but its contacts. */
export type OrukFeedRow = Omit<OrukBundle, "contacts"> & { organisation: { name: string } };

/** With a postcode and no proximity, a service with venues but no service area covers this far. */
export const DEFAULT_NEAR_KM = 16;
export const DEFAULT_PER_PAGE = 50;
export const MAX_PER_PAGE = 500;

const last = z
  .array(z.string())
  .optional()
  .transform((v) => v?.at(-1)?.trim() || undefined);
const integer = (min: number, max: number) =>
  last.pipe(z.coerce.number<string | undefined>().int().min(min).max(max).optional());
const bool = last.pipe(
  z
    .enum(["true", "false", "1", "0"], { error: "use true or false" })
    .optional()
    .transform((v) => v === "true" || v === "1"),
);
const time = last.pipe(
  z
    .string()
    .regex(/^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d)?$/, "use HH:MM or HH:MM:SS")
    .optional()
    .transform((v) => v?.slice(0, 5)),
);

const DAY_WORDS: Record<string, number> = {};
for (const [i, code] of BYDAY.entries()) {
  const name =
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][i] ?? "";
  DAY_WORDS[code.toLowerCase()] = i + 1;
  DAY_WORDS[name] = i + 1;
  DAY_WORDS[name.slice(0, 3)] = i + 1;
}

export const orukQuerySchema = z.object({
  page: integer(1, 1_000_000).transform((v) => v ?? 1),
  per_page: integer(1, MAX_PER_PAGE).transform((v) => v ?? DEFAULT_PER_PAGE),
  search: last.pipe(z.string().max(200).optional()),
  taxonomy_term_id: last,
  taxonomy_id: last,
  minimum_age: last.pipe(z.coerce.number<string | undefined>().min(0).max(255).optional()),
  maximum_age: last.pipe(z.coerce.number<string | undefined>().min(0).max(255).optional()),
  day: last.pipe(
    z
      .string()
      .optional()
      .transform((v, ctx) => {
        if (!v) return [];
        const days = v.split(",").map((d) => DAY_WORDS[d.trim().toLowerCase()]);
        if (days.some((d) => d === undefined)) {
          ctx.addIssue({ code: "custom", message: "use MO, TU, WE, TH, FR, SA, SU or day names" });
          return z.NEVER;
        }
        return days as number[];
      }),
  ),
  start_time: time,
  end_time: time,
  postcode: last.pipe(z.string().max(16).optional()),
  /** Metres from the postcode's centroid. */
  proximity: last.pipe(z.coerce.number<string | undefined>().positive().max(1_000_000).optional()),
  organization_id: last,
  modified_after: last.pipe(
    z
      .string()
      .refine((v) => !Number.isNaN(Date.parse(v)), "use an ISO 8601 date or date-time")
      .optional(),
  ),
  minimal: bool,
  full: bool,
  format: last.pipe(z.enum(["json", "ndjson"]).default("json")),
});

export type OrukQuery = z.output<typeof orukQuerySchema>;

export interface OrukFilters {
  words: string[];
  termIds: string[];
  taxonomyId: string | null;
  minimumAge: number | null;
  maximumAge: number | null;
  days: number[];
  startTime: string | null;
  endTime: string | null;
  organizationId: string | null;
  modifiedAfter: number | null;
  place: Place | null;
  proximityKm: number | null;
}

export function filtersOf(q: OrukQuery, place: Place | null): OrukFilters {
  const list = (v: string | undefined) =>
    (v ?? "")
      .toLowerCase()
      .split(",")
      .map((x) => x.trim())
      .filter(Boolean);
  return {
    words: (q.search ?? "").toLowerCase().split(/\s+/).filter(Boolean),
    termIds: list(q.taxonomy_term_id),
    taxonomyId: q.taxonomy_id?.toLowerCase() ?? null,
    minimumAge: q.minimum_age ?? null,
    maximumAge: q.maximum_age ?? null,
    days: q.day,
    startTime: q.start_time ?? null,
    endTime: q.end_time ?? null,
    organizationId: q.organization_id?.toLowerCase() ?? null,
    modifiedAfter: q.modified_after ? Date.parse(q.modified_after) : null,
    place,
    proximityKm: q.proximity !== undefined ? q.proximity / 1000 : null,
  };
}

function textOf(r: OrukFeedRow): string {
  const s = r.service;
  return [
    s.name,
    s.nameCy,
    s.summary,
    s.summaryCy,
    s.description,
    s.descriptionCy,
    r.organisation.name,
  ]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
}

function hasTerm(r: OrukFeedRow, id: string): boolean {
  const term = TERMS_BY_UUID.get(id);
  if (!term) return false;
  if (term.key === TERM_TIME_ONLY) return r.schedules.some((x) => x.termTimeOnly);
  return term.applies(r.service);
}

function areaCovers(a: OrukFeedRow["areas"][number], p: Place): boolean {
  switch (a.kind) {
    case "uk":
      return true;
    case "country":
      return p.countries.includes(a.code as Place["country"]);
    case "icb":
      return p.icb === a.code;
    case "lhb":
      return p.lhb === a.code;
    case "hb":
      return p.hb === a.code;
    case "lad":
      return p.lad === a.code;
    case "district":
      return p.query.split(" ")[0] === a.code;
    case "radius":
      return (
        a.latitude !== null &&
        a.longitude !== null &&
        a.radiusKm !== null &&
        distanceKm(p.latitude, p.longitude, a.latitude, a.longitude) <= a.radiusKm
      );
  }
}

/**
 * Service-area semantics: where a listing states service areas, the postcode must lie in one;
 * with `proximity`, a listing with venues must have one that near (online and phone services,
 * with no venue, are judged by their areas alone). A listing with venues and no area covers
 * `DEFAULT_NEAR_KM` around them when no proximity is given.
 */
export function matchesPlace(
  r: OrukFeedRow,
  venues: OrukFeedRow["locations"],
  f: OrukFilters,
): boolean {
  const p = f.place;
  if (!p) return true;
  const within = (km: number) =>
    venues.some((l) => distanceKm(p.latitude, p.longitude, l.latitude, l.longitude) <= km);
  const covered =
    r.areas.length > 0
      ? r.areas.some((a) => areaCovers(a, p))
      : f.proximityKm !== null || within(DEFAULT_NEAR_KM);
  if (!covered) return false;
  return f.proximityKm === null || venues.length === 0 || within(f.proximityKm);
}

/** Whether a listing (or one of its venues, for `/service_at_locations`) passes every filter. */
export function matchesFilters(
  r: OrukFeedRow,
  f: OrukFilters,
  locationId: string | null = null,
): boolean {
  const s = r.service;
  if (f.organizationId && organisationUuid(r.organisation.id) !== f.organizationId) return false;
  if (f.modifiedAfter !== null && Date.parse(lastModified(r)) < f.modifiedAfter) return false;
  if (f.words.length > 0) {
    const text = textOf(r);
    if (!f.words.every((w) => text.includes(w))) return false;
  }
  if (f.termIds.length > 0 && !f.termIds.some((id) => hasTerm(r, id))) return false;
  if (f.taxonomyId) {
    const taxonomy = TAXONOMIES_BY_UUID.get(f.taxonomyId);
    if (!taxonomy || !termsOf(s).some((t) => t.taxonomy === taxonomy.key)) return false;
  }
  // Our listings state no age limits: they are open to parents of any age, so age filters pass.
  if (f.days.length > 0 || f.startTime || f.endTime) {
    const sessions = r.schedules.filter(
      (x) => locationId === null || x.locationId === null || x.locationId === locationId,
    );
    const fits = sessions.some(
      (x) =>
        (f.days.length === 0 || f.days.includes(x.weekday)) &&
        (!f.startTime || x.startTime >= f.startTime) &&
        (!f.endTime || x.endTime <= f.endTime),
    );
    if (!fits) return false;
  }
  const venues = locationId === null ? r.locations : r.locations.filter((l) => l.id === locationId);
  return matchesPlace(r, venues, f);
}
