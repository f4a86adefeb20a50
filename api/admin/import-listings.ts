/** Applies a parsed CSV import: each good row becomes a draft in one transaction of its own. */
import { inArray } from "drizzle-orm";
import { organisations } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { parseListingsCsv } from "./listing-csv.js";
import { loadListing } from "./listing-repo.js";
import { canWorkOn, type SessionUser } from "./roles.js";
import { createListing, saveDraft, ukToday } from "./workflow.js";

export interface ImportOutcome {
  line: number;
  id: string | null;
  name: string;
  result: "created" | "updated" | "rejected" | "ok";
  problems: string[];
}

export interface ImportReport {
  fileProblem: string | null;
  rows: ImportOutcome[];
  dryRun: boolean;
}

export async function importListings(
  db: Db,
  geo: GeoIndex,
  now: Date,
  actor: SessionUser,
  csv: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const parsed = parseListingsCsv(csv, geo, ukToday(now));
  if (parsed.fileProblem)
    return { fileProblem: parsed.fileProblem, rows: [], dryRun: options.dryRun };
  const orgIds = [
    ...new Set(parsed.rows.flatMap((r) => (r.listing ? [r.listing.organisationId] : []))),
  ];
  const known = new Set(
    orgIds.length
      ? (
          await db
            .select({ id: organisations.id })
            .from(organisations)
            .where(inArray(organisations.id, orgIds))
        ).map((o) => o.id)
      : [],
  );
  const ctx = { db, now, actor };
  const out: ImportOutcome[] = [];
  for (const row of parsed.rows) {
    const name = row.listing?.name ?? row.name;
    const reject = (...problems: string[]) =>
      out.push({ line: row.line, id: row.id, name, result: "rejected", problems });
    const listing = row.listing;
    if (!listing) {
      reject(...row.problems);
      continue;
    }
    if (!known.has(listing.organisationId)) {
      reject(`organisation_id: There is no organisation “${listing.organisationId}”.`);
      continue;
    }
    if (!canWorkOn(actor, listing.organisationId)) {
      reject("organisation_id: You can only import listings of your own organisation.");
      continue;
    }
    const record = row.id ? await loadListing(db, row.id) : null;
    if (row.id && record) {
      if (!canWorkOn(actor, record.organisationId)) {
        reject("id: You can only change listings of your own organisation.");
        continue;
      }
      if (row.version !== null && row.version !== record.token.version) {
        reject(
          `version: The listing has changed since this file was made (it is now version ${record.token.version}). Export it again.`,
        );
        continue;
      }
      if (record.draft) {
        reject("id: This listing already has unpublished changes. Publish or discard them first.");
        continue;
      }
      if (options.dryRun) {
        out.push({ line: row.line, id: row.id, name, result: "ok", problems: [] });
        continue;
      }
      const saved = await saveDraft(ctx, record, record.token, listing, "listing.import");
      if (saved.ok) out.push({ line: row.line, id: row.id, name, result: "updated", problems: [] });
      else reject(saved.message);
      continue;
    }
    if (options.dryRun) {
      out.push({ line: row.line, id: listing.id, name, result: "ok", problems: [] });
      continue;
    }
    try {
      await createListing(ctx, listing, "listing.import");
      out.push({ line: row.line, id: listing.id, name, result: "created", problems: [] });
    } catch {
      reject(`id: A listing “${listing.id}” already exists or could not be created.`);
    }
  }
  return { fileProblem: null, rows: out, dryRun: options.dryRun };
}
