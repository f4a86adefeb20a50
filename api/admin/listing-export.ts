import { inArray } from "drizzle-orm";
import { listingDrafts } from "../../schema/tables.js";
import { idsParam, loadBundles } from "../db/listing-bundles.js";
import type { Db } from "../db/types.js";
import type { ExportRow } from "./listing-csv.js";
import { bundleToListing } from "./listing-rows.js";

/**
 * What the export holds for each listing: the published content of listings that have been
 * published, and the draft of those that never were (their live rows are only a placeholder).
 */
export async function exportRows(db: Db, ids: readonly string[]): Promise<ExportRow[]> {
  const [bundles, drafts] = await Promise.all([
    loadBundles(db, ids, { areas: true }),
    ids.length
      ? db
          .select()
          .from(listingDrafts)
          .where(inArray(listingDrafts.serviceId, idsParam(ids)))
      : [],
  ]);
  const draftOf = new Map(drafts.map((d) => [d.serviceId, d]));
  return ids.flatMap((id) => {
    const b = bundles.get(id);
    if (!b) return [];
    const s = b.service;
    const live = s.status === "published" || s.status === "archived";
    const draft = draftOf.get(id);
    return [
      {
        listing: !live && draft ? draft.snapshot : bundleToListing(b),
        organisationName: b.organisation,
        status: s.status,
        version: s.version,
      },
    ];
  });
}
