import type {
  contacts,
  locations,
  organisations,
  schedules,
  serviceAreas,
  services,
} from "../../../schema/tables.js";

export type OrukServiceRow = typeof services.$inferSelect;
export type OrukOrganisationRow = Pick<
  typeof organisations.$inferSelect,
  "id" | "name" | "website" | "charityNumber" | "updatedAt"
>;

/** One published listing with everything the feed shows about it. */
export interface OrukBundle {
  service: OrukServiceRow;
  organisation: OrukOrganisationRow;
  contacts: (typeof contacts.$inferSelect)[];
  locations: (typeof locations.$inferSelect)[];
  schedules: (typeof schedules.$inferSelect)[];
  areas: (typeof serviceAreas.$inferSelect)[];
}

/** What the feed needs from outside: its own address and the names of places. */
export interface OrukContext {
  /** The feed's base URL, e.g. `https://signpost.example/oruk` (no trailing slash). */
  base: string;
  /** The name of an ONS area (ICB, LHB, LAD) by GSS code. */
  areaName: (code: string) => string | undefined;
  /** The local authority name for a full postcode, for `state_province`. */
  countyOf: (postcode: string) => string | undefined;
}

/** Drops nulls, undefined, empty strings and empty arrays at every depth: the schemas refuse null. */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clean) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined || v === "") continue;
      if (Array.isArray(v) && v.length === 0) continue;
      out[k] = clean(v);
    }
    return out as T;
  }
  return value;
}
