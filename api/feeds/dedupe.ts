/**
 * The same service met again, from this feed, another one, or already in our directory: matched
 * by organisation identifier, venue postcode or web/email domain, each with the same name. A match
 * is offered to a reviewer as a merge (the record is kept as a duplicate), never created twice.
 */
import { sql } from "drizzle-orm";
import type { Listing } from "../../schema/listing-input.js";
import type { Db } from "../db/types.js";
import type { RemoteOrganisation } from "../domain/oruk/import-map.js";

export interface Candidate {
  id: string;
  name: string;
  charityNumber: string | null;
  postcodes: string[];
  domains: string[];
}

export interface Candidates {
  services: Candidate[];
  organisations: Map<string, { name: string; charityNumber: string | null }>;
}

/** Shared domains say nothing about which service a record is. */
const SHARED_DOMAINS = new Set([
  "nhs.uk",
  "nhs.net",
  "gov.uk",
  "gmail.com",
  "hotmail.com",
  "outlook.com",
  "yahoo.co.uk",
  "btinternet.com",
  "facebook.com",
]);

export const normalName = (name: string) =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export function domainOf(value: string): string | null {
  let host: string | undefined;
  if (value.includes("@")) host = value.split("@")[1];
  else {
    try {
      host = new URL(value).hostname;
    } catch {
      return null;
    }
  }
  const d = host?.toLowerCase().replace(/^www\./, "");
  return d && !SHARED_DOMAINS.has(d) && ![...SHARED_DOMAINS].some((s) => d.endsWith(`.${s}`))
    ? d
    : null;
}

export function candidateOf(
  listing: Listing,
  org: RemoteOrganisation | null,
): Omit<Candidate, "id"> {
  return {
    name: normalName(listing.name),
    charityNumber: org?.charityNumber ?? null,
    postcodes: listing.locations.map((l) => l.postcode),
    domains: listing.contacts
      .flatMap((c) => (c.kind === "email" || c.kind === "web" ? [domainOf(c.value)] : []))
      .filter((d): d is string => d !== null),
  };
}

/** Every listing we hold, live and draft, as the fields deduplication compares. */
export async function loadCandidates(db: Db): Promise<Candidates> {
  const rows = await db.all<{
    id: string;
    name: string;
    charity: string | null;
    postcodes: string;
    values: string;
  }>(sql`
    select s.id, s.name, o.charity_number as charity,
      (select json_group_array(l.postcode) from locations l where l.service_id = s.id) as postcodes,
      (select json_group_array(c.value) from contacts c where c.service_id = s.id and c.kind in ('email', 'web')) as "values"
    from services s join organisations o on o.id = s.organisation_id
    union all
    select d.service_id, json_extract(d.snapshot, '$.name'), o.charity_number,
      (select json_group_array(json_extract(j.value, '$.postcode')) from json_each(d.snapshot, '$.locations') j),
      (select json_group_array(json_extract(j.value, '$.value')) from json_each(d.snapshot, '$.contacts') j
        where json_extract(j.value, '$.kind') in ('email', 'web'))
    from listing_drafts d join services s on s.id = d.service_id join organisations o on o.id = s.organisation_id`);
  const orgs = await db.all<{ id: string; name: string; charityNumber: string | null }>(
    sql`select id, name, charity_number as charityNumber from organisations`,
  );
  return {
    services: rows.map((r) => ({
      id: r.id,
      name: normalName(r.name),
      charityNumber: r.charity,
      postcodes: JSON.parse(r.postcodes) as string[],
      domains: (JSON.parse(r.values) as string[])
        .map(domainOf)
        .filter((d): d is string => d !== null),
    })),
    organisations: new Map(
      orgs.map((o) => [o.id, { name: o.name, charityNumber: o.charityNumber }]),
    ),
  };
}

export function duplicateOf(
  listing: Listing,
  org: RemoteOrganisation | null,
  candidates: Candidates,
): { id: string; reason: string } | null {
  const me = candidateOf(listing, org);
  for (const c of candidates.services) {
    if (c.name !== me.name) continue;
    if (me.charityNumber && c.charityNumber === me.charityNumber) {
      return {
        id: c.id,
        reason: `Same name and charity number as listing ${c.id}: offered as a merge.`,
      };
    }
    const postcode = me.postcodes.find((p) => c.postcodes.includes(p));
    if (postcode)
      return {
        id: c.id,
        reason: `Same name and venue postcode (${postcode}) as listing ${c.id}: offered as a merge.`,
      };
    const domain = me.domains.find((d) => c.domains.includes(d));
    if (domain)
      return {
        id: c.id,
        reason: `Same name and web or email domain (${domain}) as listing ${c.id}: offered as a merge.`,
      };
  }
  return null;
}
