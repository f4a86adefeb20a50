/**
 * Contacts, venues, sessions and areas have ids unique across all listings. A posted form may
 * carry any id; before a listing is kept, ids that belong to another listing's rows are replaced,
 * so publishing it can never collide with (or touch) someone else's rows.
 */
import { and, inArray, ne } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import {
  contacts,
  listingDrafts,
  locations,
  schedules,
  serviceAreas,
} from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { childId } from "./listing-form.js";

export async function withOwnChildIds(db: Db, listing: Listing): Promise<Listing> {
  const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
  const [c, l, s, a, drafts] = await Promise.all([
    taken(db, contacts, listing.id, ids(listing.contacts)),
    taken(db, locations, listing.id, ids(listing.locations)),
    taken(db, schedules, listing.id, ids(listing.schedules)),
    taken(db, serviceAreas, listing.id, ids(listing.areas)),
    // Ids in other listings' drafts are claimed too: they will be rows once published.
    db
      .select({ snapshot: listingDrafts.snapshot })
      .from(listingDrafts)
      .where(ne(listingDrafts.serviceId, listing.id)),
  ]);
  const inDrafts = new Set(
    drafts.flatMap(({ snapshot: d }) =>
      [d.contacts, d.locations, d.schedules, d.areas].flat().map((x) => x.id),
    ),
  );
  const clash = (set: Set<string>) => (id: string) => set.has(id) || inDrafts.has(id);
  const renamed = new Map<string, string>();
  const fix = <T extends { id: string }>(rows: T[], used: Set<string>, prefix: string): T[] =>
    rows.map((row) => {
      if (!clash(used)(row.id)) return row;
      const id = childId(prefix);
      renamed.set(row.id, id);
      return { ...row, id };
    });
  const locationsFixed = fix(listing.locations, l, "loc");
  return {
    ...listing,
    contacts: fix(listing.contacts, c, "ct"),
    locations: locationsFixed,
    schedules: fix(listing.schedules, s, "ses").map((x) =>
      x.locationId && renamed.has(x.locationId)
        ? { ...x, locationId: renamed.get(x.locationId) }
        : x,
    ),
    areas: fix(listing.areas, a, "area"),
  };
}

type ChildTable = typeof contacts | typeof locations | typeof schedules | typeof serviceAreas;

async function taken(
  db: Db,
  table: ChildTable,
  serviceId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(and(inArray(table.id, ids), ne(table.serviceId, serviceId)));
  return new Set(rows.map((r) => r.id));
}
