import { asc, eq, inArray, sql } from "drizzle-orm";
import {
  contacts,
  locations,
  organisations,
  schedules,
  serviceAreas,
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

/** Loads services by id with their children, in five queries whatever the number of ids. */
export async function loadBundles(
  db: Db,
  ids: readonly string[],
  children: { areas?: boolean } = {},
): Promise<Map<string, ServiceBundle>> {
  const out = new Map<string, ServiceBundle>();
  if (ids.length === 0) return out;
  const inIds = idsParam(ids);
  const [rows, contactRows, locationRows, scheduleRows, areaRows] = await Promise.all([
    db
      .select({
        service: services,
        organisation: organisations.name,
        organisationWebsite: organisations.website,
      })
      .from(services)
      .innerJoin(organisations, eq(organisations.id, services.organisationId))
      .where(inArray(services.id, inIds)),
    db
      .select()
      .from(contacts)
      .where(inArray(contacts.serviceId, inIds))
      .orderBy(asc(contacts.position)),
    db.select().from(locations).where(inArray(locations.serviceId, inIds)),
    db.select().from(schedules).where(inArray(schedules.serviceId, inIds)),
    children.areas
      ? db.select().from(serviceAreas).where(inArray(serviceAreas.serviceId, inIds))
      : Promise.resolve([]),
  ]);
  for (const { service, organisation, organisationWebsite } of rows) {
    out.set(service.id, {
      service,
      organisation,
      organisationWebsite,
      contacts: [],
      locations: [],
      schedules: [],
      areas: [],
    });
  }
  for (const row of contactRows) out.get(row.serviceId)?.contacts.push(row);
  for (const row of locationRows) out.get(row.serviceId)?.locations.push(row);
  for (const row of scheduleRows) out.get(row.serviceId)?.schedules.push(row);
  for (const row of areaRows) out.get(row.serviceId)?.areas.push(row);
  return out;
}
