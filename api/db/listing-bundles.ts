import { sql, type Table } from "drizzle-orm";
import { contacts, locations, schedules, serviceAreas, services } from "../../schema/tables.js";
import type {
  AreaRow,
  ContactRow,
  LocationRow,
  ScheduleRow,
  ServiceBundle,
  ServiceRow,
} from "../domain/bundle.js";
import { asRow, asRows, jsonObjectSql } from "./json-rows.js";
import type { Db } from "./types.js";

export type { ServiceBundle } from "../domain/bundle.js";

/** The ids as one JSON parameter, so a long list costs one bound value, not thousands. */
export const idsParam = (ids: readonly string[]) =>
  sql`(select value from json_each(${JSON.stringify(ids)}))`;

const children = (table: Table, name: string, order = "") =>
  `json(coalesce((select json_group_array(${jsonObjectSql(table, "x")}) from (select * from ${name} x where x.service_id = s.id ${order}) x), '[]'))`;

const BUNDLE_SQL = (withAreas: boolean) => `json_object(
  'service', ${jsonObjectSql(services, "s")},
  'organisation', o.name,
  'organisationWebsite', o.website,
  'contacts', ${children(contacts, "contacts", "order by x.position")},
  'locations', ${children(locations, "locations")},
  'schedules', ${children(schedules, "schedules")},
  'areas', ${withAreas ? children(serviceAreas, "service_areas") : "json('[]')"})`;

/**
 * Loads services by id with their organisation and child rows in one query, whatever the number
 * of ids: each service and everything about it comes back as one JSON value.
 */
export async function loadBundles(
  db: Db,
  ids: readonly string[],
  options: { areas?: boolean } = {},
): Promise<Map<string, ServiceBundle>> {
  const out = new Map<string, ServiceBundle>();
  if (ids.length === 0) return out;
  const rows = await db.all<{ bundle: string }>(sql`
    select ${sql.raw(BUNDLE_SQL(Boolean(options.areas)))} as bundle
    from services s join organisations o on o.id = s.organisation_id
    where s.id in ${idsParam(ids)}`);
  for (const { bundle } of rows) {
    const b = JSON.parse(bundle) as Record<string, unknown>;
    const service = asRow<ServiceRow>(services, b.service);
    out.set(service.id, {
      service,
      organisation: b.organisation as string,
      organisationWebsite: (b.organisationWebsite as string | null) ?? null,
      contacts: asRows<ContactRow>(contacts, b.contacts),
      locations: asRows<LocationRow>(locations, b.locations),
      schedules: asRows<ScheduleRow>(schedules, b.schedules),
      areas: asRows<AreaRow>(serviceAreas, b.areas),
    });
  }
  return out;
}
