import { eq, inArray, type SQLWrapper, sql } from "drizzle-orm";
import {
  type contacts,
  type locations,
  organisations,
  type schedules,
  type serviceAreas,
  services,
} from "../../schema/tables.js";
import type { Db } from "./types.js";

export type ServiceRow = typeof services.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type ScheduleRow = typeof schedules.$inferSelect;
export type AreaRow = typeof serviceAreas.$inferSelect;

/** A service with everything shown about it: its organisation's name and its child rows. */
export interface ServiceBundle {
  service: ServiceRow;
  organisation: string;
  organisationWebsite: string | null;
  contacts: ContactRow[];
  locations: LocationRow[];
  schedules: ScheduleRow[];
  areas: AreaRow[];
}

/** The ids as one JSON parameter, so a long list costs one bound value, not thousands. */
export const idsParam = (ids: readonly string[]) =>
  sql`(select value from json_each(${JSON.stringify(ids)}))`;

const jsonRows = (columns: string, table: string, serviceId: SQLWrapper, order = "") =>
  sql<string>`(select json_group_array(json_object(${sql.raw(columns)})) from (select * from ${sql.raw(table)} x where x.service_id = ${serviceId} ${sql.raw(order)}) x)`;

const CONTACT_JSON = `'id', x.id, 'serviceId', x.service_id, 'kind', x.kind, 'value', x.value,
  'label', x.label, 'labelCy', x.label_cy, 'hours', x.hours, 'hoursCy', x.hours_cy,
  'keyword', x.keyword, 'needsVerification', x.needs_verification, 'position', x.position`;
const LOCATION_JSON = `'id', x.id, 'serviceId', x.service_id, 'name', x.name, 'address', x.address,
  'postcode', x.postcode, 'latitude', x.latitude, 'longitude', x.longitude,
  'accessibility', x.accessibility, 'accessibilityCy', x.accessibility_cy`;
const SCHEDULE_JSON = `'id', x.id, 'serviceId', x.service_id, 'locationId', x.location_id,
  'pattern', x.pattern, 'weekday', x.weekday, 'nth', x.nth, 'anchorDate', x.anchor_date,
  'startTime', x.start_time, 'endTime', x.end_time, 'termTimeOnly', x.term_time_only,
  'validFrom', x.valid_from, 'validUntil', x.valid_until, 'note', x.note, 'noteCy', x.note_cy`;
const AREA_JSON = `'id', x.id, 'serviceId', x.service_id, 'kind', x.kind, 'code', x.code,
  'latitude', x.latitude, 'longitude', x.longitude, 'radiusKm', x.radius_km`;

/**
 * Loads services by id with their organisation and child rows in one query, whatever the number
 * of ids: each child list comes back as a JSON array in its own column.
 */
export async function loadBundles(
  db: Db,
  ids: readonly string[],
  children: { areas?: boolean } = {},
): Promise<Map<string, ServiceBundle>> {
  const out = new Map<string, ServiceBundle>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      service: services,
      organisation: organisations.name,
      organisationWebsite: organisations.website,
      contacts: jsonRows(CONTACT_JSON, "contacts", services.id, "order by x.position"),
      locations: jsonRows(LOCATION_JSON, "locations", services.id),
      schedules: jsonRows(SCHEDULE_JSON, "schedules", services.id),
      areas: children.areas ? jsonRows(AREA_JSON, "service_areas", services.id) : sql<string>`'[]'`,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(inArray(services.id, idsParam(ids)));
  for (const row of rows) {
    out.set(row.service.id, {
      service: row.service,
      organisation: row.organisation,
      organisationWebsite: row.organisationWebsite,
      contacts: parseRows<ContactRow>(row.contacts, ["needsVerification"]),
      locations: parseRows<LocationRow>(row.locations, []),
      schedules: parseRows<ScheduleRow>(row.schedules, ["termTimeOnly"]),
      areas: parseRows<AreaRow>(row.areas, []),
    });
  }
  return out;
}

/** JSON from SQLite carries booleans as 0/1; name the boolean fields to turn them back. */
function parseRows<T>(json: string, booleans: readonly string[]): T[] {
  const rows = JSON.parse(json) as Record<string, unknown>[];
  for (const row of rows) for (const key of booleans) row[key] = Boolean(row[key]);
  return rows as T[];
}
