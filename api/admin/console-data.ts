/** Small lookups the console pages share: names of people and organisations, area names. */

import { asc, desc, eq } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import { organisations, revisions, users } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { toResult } from "../domain/present.js";
import { areaLabel } from "./area-lookup.js";
import { describeArea } from "./diff.js";
import { listingToBundle } from "./listing-rows.js";
import { organisationOptions } from "./organisation-lookup.js";
import type { SessionUser } from "./roles.js";
import { can } from "./roles.js";
import type { ListingPreview } from "./views/preview.js";

export async function userNames(db: Db): Promise<Map<string, string>> {
  const rows = await db.select({ id: users.id, name: users.name, email: users.email }).from(users);
  return new Map(rows.map((u) => [u.id, u.name || u.email]));
}

export async function organisationOf(db: Db, id: string) {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** Organisations a user may file listings under: all for reviewers and admins, else none (fixed). */
export async function organisationChoices(db: Db, user: SessionUser) {
  if (!can(user, "all-organisations")) return null;
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.name));
  return organisationOptions(rows);
}

/**
 * The search results the widget would get for a listing (for the preview card): in English, and
 * in Welsh too when any of its text has a Welsh version.
 */
export function previewOf(
  listing: Listing,
  org: { name: string; website: string | null } | null,
  now: Date,
): ListingPreview {
  const bundle = listingToBundle(listing, org ?? { name: "(no organisation)", website: null });
  const welsh =
    listing.nameCy || listing.summaryCy || listing.contacts.some((c) => c.labelCy || c.hoursCy);
  const en = toResult(bundle, { distanceKm: null }, "en", now);
  return {
    en,
    cy: welsh ? toResult(bundle, { distanceKm: null }, "cy", now) : null,
    unchecked: listing.contacts.length - en.contacts.length,
  };
}

export const areaNamer = (geo: GeoIndex) => (a: Listing["areas"][number]) =>
  a.kind === "radius" ? describeArea(a) : `${areaLabel(a, geo)} (${AREA_KIND_NOUNS[a.kind]})`;

/** "Teignbridge (council area)", not "lad E07000045". */
const AREA_KIND_NOUNS: Record<Listing["areas"][number]["kind"], string> = {
  uk: "the whole UK",
  radius: "distance",
  country: "country",
  icb: "integrated care board",
  lhb: "local health board",
  hb: "health board",
  lad: "council area",
  district: "postcode district",
};

export async function revisionsOf(db: Db, serviceId: string) {
  return db
    .select()
    .from(revisions)
    .where(eq(revisions.serviceId, serviceId))
    .orderBy(desc(revisions.version));
}
