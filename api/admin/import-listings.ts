/**
 * Applies a parsed CSV import: each good row becomes a draft in one transaction of its own.
 * Importing the same file again changes nothing: a new row that matches a listing of its
 * organisation by name and venue postcodes is reported as already imported.
 */
import { sql } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import { organisations } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { parseListingsCsv } from "./listing-csv.js";
import { loadListing } from "./listing-repo.js";
import { canWorkOn, organisationScope, type SessionUser } from "./roles.js";
import { createListing, saveDraft, ukToday } from "./workflow.js";

export interface ImportOutcome {
  line: number;
  id: string | null;
  name: string;
  result: "created" | "updated" | "rejected" | "ok" | "already-imported";
  problems: string[];
}

export interface ImportReport {
  fileProblem: string | null;
  rows: ImportOutcome[];
  dryRun: boolean;
}

type Identity = Pick<Listing, "organisationId" | "name"> & { postcodes: readonly string[] };

/** What makes two new listings the same one: organisation, name and venue postcodes, normalised. */
export function importKey(l: Identity): string {
  const name = l.name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  const postcodes = [...new Set(l.postcodes.map((p) => p.replace(/\s+/g, "").toUpperCase()))];
  return JSON.stringify([l.organisationId, name, postcodes.sort()]);
}

/** Import keys of every listing of these organisations (live rows and drafts alike), to its id. */
async function existingKeys(
  db: Db,
  orgIds: string[],
): Promise<Map<string, { id: string | null; line?: number }>> {
  const keys = new Map<string, { id: string | null; line?: number }>();
  if (orgIds.length === 0) return keys;
  const rows = await db.all<{ id: string; org: string; name: string; postcodes: string }>(sql`
    select s.id, s.organisation_id as org, s.name,
      (select json_group_array(l.postcode) from locations l where l.service_id = s.id) as postcodes
    from services s where s.organisation_id in (${sql.join(
      orgIds.map((o) => sql`${o}`),
      sql`, `,
    )})
    union all
    select d.service_id, json_extract(d.snapshot, '$.organisationId'), json_extract(d.snapshot, '$.name'),
      (select json_group_array(json_extract(j.value, '$.postcode'))
        from json_each(d.snapshot, '$.locations') j)
    from listing_drafts d join services s on s.id = d.service_id
    where s.organisation_id in (${sql.join(
      orgIds.map((o) => sql`${o}`),
      sql`, `,
    )})`);
  for (const r of rows) {
    const postcodes = JSON.parse(r.postcodes) as string[];
    keys.set(importKey({ organisationId: r.org, name: r.name, postcodes }), { id: r.id });
  }
  return keys;
}

export async function importListings(
  db: Db,
  geo: GeoIndex,
  now: Date,
  actor: SessionUser,
  csv: string,
  options: { dryRun: boolean },
): Promise<ImportReport> {
  const all = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations);
  const parsed = parseListingsCsv(csv, geo, ukToday(now), {
    organisations: all,
    defaultOrganisationId: organisationScope(actor) === null ? null : actor.organisationId,
  });
  if (parsed.fileProblem)
    return { fileProblem: parsed.fileProblem, rows: [], dryRun: options.dryRun };
  const orgIds = [
    ...new Set(parsed.rows.flatMap((r) => (r.listing ? [r.listing.organisationId] : []))),
  ];
  const known = new Set(all.map((o) => o.id));
  const imported = await existingKeys(
    db,
    orgIds.filter((o) => canWorkOn(actor, o)),
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
      reject(`organisation: There is no organisation “${listing.organisationId}”.`);
      continue;
    }
    if (!canWorkOn(actor, listing.organisationId)) {
      reject(
        "organisation: You can only import listings of your own organisation. Leave the column empty, or write its name.",
      );
      continue;
    }
    if (row.id) {
      const record = await loadListing(db, row.id);
      // Another organisation's listing gets the same answer as one that does not exist.
      if (!record || !canWorkOn(actor, record.organisationId)) {
        reject(
          `id: There is no listing “${row.id}” that you can change. Leave id empty to add a new listing.`,
        );
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
    const key = importKey({ ...listing, postcodes: listing.locations.map((l) => l.postcode) });
    const existing = imported.get(key);
    if (existing) {
      out.push({
        line: row.line,
        id: existing.id,
        name,
        result: "already-imported",
        problems: existing.line ? [`It repeats line ${existing.line} of this file.`] : [],
      });
      continue;
    }
    // Later rows of the same file that repeat this one are already imported too.
    imported.set(key, { id: options.dryRun ? null : listing.id, line: row.line });
    if (options.dryRun) {
      out.push({ line: row.line, id: listing.id, name, result: "ok", problems: [] });
      continue;
    }
    try {
      await createListing(ctx, listing, "listing.import");
      out.push({ line: row.line, id: listing.id, name, result: "created", problems: [] });
    } catch {
      imported.delete(key);
      reject("The listing could not be created. Try the import again.");
    }
  }
  return { fileProblem: null, rows: out, dryRun: options.dryRun };
}
