/**
 * Reading the published directory for the ORUK feed. The filters' meaning lives in
 * `api/domain/oruk/filters.ts`; here SQL narrows the candidates with conditions every true match
 * meets (so nothing is lost), and only the candidates are read in full and judged there.
 * With no filter, a page is one indexed `limit`/`offset` query.
 */
import { type SQL, sql } from "drizzle-orm";
import { locations, schedules, serviceAreas, services } from "../../schema/tables.js";
import { boundingBox } from "../domain/distance.js";
import type { OrukBundle } from "../domain/oruk/bundle.js";
import { DEFAULT_NEAR_KM, type OrukFeedRow, type OrukFilters } from "../domain/oruk/filters.js";
import { TERMS_BY_UUID } from "../domain/oruk/taxonomy.js";
import { asRow, asRows, jsonObjectSql } from "./json-rows.js";
import { idsParam, loadBundles } from "./listing-bundles.js";
import { notStaleSql } from "./search-filters.js";
import type { Db } from "./types.js";

/**
 * Published, not hidden as stale, not a demo listing (examples never leave the site), and with
 * a checked contact: the public rule of api/domain/public-contacts.ts, as search applies it.
 */
export const feedWhere = (now: Date): SQL =>
  sql`s.status = 'published' and s.demo = 0 and ${notStaleSql(now)}
    and exists (select 1 from contacts c where c.service_id = s.id and c.needs_verification = 0)`;

/** Radius service areas are at most 100 km wide (schema/listing-input.ts). */
const MAX_AREA_KM = 100;

function termSql(id: string): SQL | null {
  const term = TERMS_BY_UUID.get(id);
  if (!term) return sql`0`;
  const [facet, code] = term.key.split(":");
  if (term.taxonomy !== "perinatal-signpost" || !code) return null;
  const inList = (column: string) =>
    sql`exists (select 1 from json_each(${sql.raw(column)}) j where j.value = ${code})`;
  switch (facet) {
    case "kind":
      return sql`s.kind = ${code}`;
    case "cost":
      return sql`s.cost = ${code}`;
    case "stage":
      return inList("s.stages");
    case "format":
      return inList("s.formats");
    case "referral":
      return inList("s.referral");
    case "audience":
      return inList("s.audiences");
    default:
      return null;
  }
}

/** Conditions every listing that passes `f` meets (a superset, judged exactly afterwards). */
function prefilterSql(f: OrukFilters, organisationIds: string[] | null): SQL[] {
  const parts: SQL[] = [];
  if (organisationIds) parts.push(sql`s.organisation_id in ${idsParam(organisationIds)}`);
  if (f.modifiedAfter !== null) {
    const at = new Date(f.modifiedAfter).toISOString();
    parts.push(sql`(s.updated_at >= ${at} or o.updated_at >= ${at})`);
  }
  for (const word of f.words) {
    parts.push(sql`instr(lower(s.name || ' ' || coalesce(s.name_cy, '') || ' ' || s.summary || ' ' ||
      coalesce(s.summary_cy, '') || ' ' || s.description || ' ' || coalesce(s.description_cy, '') || ' ' || o.name), ${word}) > 0`);
  }
  const terms = f.termIds.map(termSql);
  if (terms.length > 0 && terms.every((t) => t !== null)) {
    parts.push(sql`(${sql.join(terms as SQL[], sql` or `)})`);
  }
  if (f.days.length > 0 || f.startTime || f.endTime) {
    const session: SQL[] = [sql`x.service_id = s.id`];
    if (f.days.length > 0)
      session.push(sql`x.weekday in (select value from json_each(${JSON.stringify(f.days)}))`);
    if (f.startTime) session.push(sql`x.start_time >= ${f.startTime}`);
    if (f.endTime) session.push(sql`x.end_time <= ${f.endTime}`);
    parts.push(sql`exists (select 1 from schedules x where ${sql.join(session, sql` and `)})`);
  }
  const p = f.place;
  if (p) {
    const codes = [p.icb, p.lhb, p.hb, p.lad].filter((c): c is string => Boolean(c));
    const wide = boundingBox(p.latitude, p.longitude, MAX_AREA_KM);
    const near = boundingBox(p.latitude, p.longitude, f.proximityKm ?? DEFAULT_NEAR_KM);
    const venueNear = sql`exists (select 1 from locations l where l.service_id = s.id
      and l.latitude between ${near.minLat} and ${near.maxLat} and l.longitude between ${near.minLon} and ${near.maxLon})`;
    const covered = sql`exists (select 1 from service_areas a where a.service_id = s.id and (
      a.kind = 'uk'
      or (a.kind = 'country' and a.code in ${idsParam(p.countries)})
      or (a.kind not in ('uk', 'country', 'district', 'radius') and a.code in ${idsParam(codes)})
      or (a.kind = 'district' and a.code = ${p.query.split(" ")[0] ?? ""})
      or (a.kind = 'radius' and a.latitude between ${wide.minLat} and ${wide.maxLat}
        and a.longitude between ${wide.minLon} and ${wide.maxLon})))`;
    const noAreas = sql`not exists (select 1 from service_areas a where a.service_id = s.id)`;
    const coverage =
      f.proximityKm === null
        ? sql`(${covered} or (${noAreas} and ${venueNear}))`
        : sql`(${covered} or ${noAreas})`;
    parts.push(coverage);
    if (f.proximityKm !== null) {
      parts.push(
        sql`(${venueNear} or not exists (select 1 from locations l where l.service_id = s.id))`,
      );
    }
  }
  return parts;
}

/** Whether any filter is set (with none, SQL alone answers a page). */
export function hasFilters(f: OrukFilters): boolean {
  return (
    f.words.length > 0 ||
    f.termIds.length > 0 ||
    f.taxonomyId !== null ||
    f.days.length > 0 ||
    f.startTime !== null ||
    f.endTime !== null ||
    f.organizationId !== null ||
    f.modifiedAfter !== null ||
    f.place !== null
  );
}

export interface FeedItem {
  serviceId: string;
  locationId: string | null;
  serviceUpdatedAt: string;
  organisationUpdatedAt: string;
}

/** The ids of the feed's listings (or of their venues) that SQL lets through, in a stable order. */
export async function candidateItems(
  db: Db,
  now: Date,
  f: OrukFilters | null,
  options: {
    perVenue: boolean;
    organisationIds: string[] | null;
    /** One page only (`limit`, `offset`), for an unfiltered list. */
    page?: { limit: number; offset: number };
    /** Only this listing (a lookup by id). */
    serviceId?: string;
  },
): Promise<FeedItem[]> {
  const where = [feedWhere(now), ...(f ? prefilterSql(f, options.organisationIds) : [])];
  if (options.serviceId !== undefined) where.push(sql`s.id = ${options.serviceId}`);
  const page = options.page
    ? sql`limit ${options.page.limit} offset ${options.page.offset}`
    : sql``;
  if (options.perVenue) {
    return db.all<FeedItem>(sql`
      select s.id as serviceId, v.id as locationId, s.updated_at as serviceUpdatedAt,
        o.updated_at as organisationUpdatedAt
      from services s join organisations o on o.id = s.organisation_id
        join locations v on v.service_id = s.id
      where ${sql.join(where, sql` and `)}
      order by s.id, v.id ${page}`);
  }
  return db.all<FeedItem>(sql`
    select s.id as serviceId, null as locationId, s.updated_at as serviceUpdatedAt,
      o.updated_at as organisationUpdatedAt
    from services s join organisations o on o.id = s.organisation_id
    where ${sql.join(where, sql` and `)}
    order by s.id ${page}`);
}

/** How many listings (or venues) the unfiltered feed holds. */
export async function countFeed(db: Db, now: Date, perVenue: boolean): Promise<number> {
  const venues = perVenue ? sql`join locations v on v.service_id = s.id` : sql``;
  const [row] = await db.all<{ n: number }>(sql`
    select count(*) as n from services s ${venues} where ${feedWhere(now)}`);
  return row?.n ?? 0;
}

/** The organisations of the feed, for `organization_id`. */
export async function feedOrganisations(db: Db): Promise<string[]> {
  const rows = await db.all<{ id: string }>(sql`select id from organisations`);
  return rows.map((r) => r.id);
}

/** The rows the filters judge, for the given listings (contacts are never needed). */
export async function loadFeedRows(db: Db, ids: readonly string[]): Promise<OrukFeedRow[]> {
  if (ids.length === 0) return [];
  const children = (table: Parameters<typeof jsonObjectSql>[0], name: string) =>
    `json(coalesce((select json_group_array(${jsonObjectSql(table, "x")}) from ${name} x where x.service_id = s.id), '[]'))`;
  const rows = await db.all<{ row: string }>(sql`
    select json_object(
      'service', ${sql.raw(jsonObjectSql(services, "s"))},
      'organisation', json_object('id', o.id, 'name', o.name, 'website', o.website,
        'charityNumber', o.charity_number, 'updatedAt', o.updated_at),
      'locations', ${sql.raw(children(locations, "locations"))},
      'schedules', ${sql.raw(children(schedules, "schedules"))},
      'areas', ${sql.raw(children(serviceAreas, "service_areas"))}) as row
    from services s join organisations o on o.id = s.organisation_id
    where s.id in ${idsParam(ids)}`);
  return rows.map(({ row }) => {
    const r = JSON.parse(row) as Record<string, unknown>;
    return {
      service: asRow(services, r.service),
      organisation: r.organisation as OrukFeedRow["organisation"],
      locations: asRows(locations, r.locations),
      schedules: asRows(schedules, r.schedules),
      areas: asRows(serviceAreas, r.areas),
    };
  });
}

/** Full bundles for the given listings, in the given order (ids no longer in the feed are skipped). */
export async function loadOrukBundles(db: Db, ids: readonly string[]): Promise<OrukBundle[]> {
  if (ids.length === 0) return [];
  const [bundles, orgs] = await Promise.all([
    loadBundles(db, ids, { areas: true }),
    db.all<OrukBundle["organisation"] & { serviceId: string }>(sql`
      select s.id as serviceId, o.id, o.name, o.website, o.charity_number as charityNumber,
        o.updated_at as updatedAt
      from services s join organisations o on o.id = s.organisation_id
      where s.id in ${idsParam(ids)}`),
  ]);
  const orgOf = new Map(orgs.map(({ serviceId, ...o }) => [serviceId, o]));
  return ids.flatMap((id) => {
    const b = bundles.get(id);
    const organisation = orgOf.get(id);
    if (!b || !organisation) return [];
    return [{ ...b, organisation }];
  });
}
