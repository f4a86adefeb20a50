import { type SQL, sql } from "drizzle-orm";
import type { Place } from "../../schema/contract.js";
import { contacts as contactsTable, schedules as schedulesTable } from "../../schema/tables.js";
import type { AreaKind, Cost, Kind } from "../../schema/taxonomy.js";
import type { ContactRow, ScheduleRow } from "../domain/bundle.js";
import type { AreaHit, CandidateService, Candidates, LocationHit } from "../domain/candidates.js";
import { boundingBox } from "../domain/distance.js";
import type { SearchFiltersInput } from "../domain/search.js";
import { asRows, jsonObjectSql } from "./json-rows.js";
import { idsParam } from "./listing-bundles.js";
import { filterSql } from "./search-filters.js";
import type { Db } from "./types.js";

/** Radius service areas are at most this wide, so one box finds every one that may contain a place. */
export const MAX_AREA_RADIUS_KM = 100;

/**
 * The SQL statement of search's candidates, kept as the oracle that the in-memory index
 * (api/domain/directory-index.ts) is tested against: published services that pass the filters
 * and are not hidden as stale, with every venue within the radius and every service area that
 * may contain the place. It cuts nothing, so it is exact, and slow where venues are many.
 */
export async function findCandidates(
  db: Db,
  place: Place,
  filters: SearchFiltersInput,
  /** Today, for hiding listings long past their review date. */
  now: Date,
): Promise<Candidates> {
  const { radiusKm } = filters;
  const wide = boundingBox(place.latitude, place.longitude, MAX_AREA_RADIUS_KM);
  const lads = place.lad ? [place.lad] : [];
  const district =
    place.precision === "sector" || place.precision === "district"
      ? place.query.split(" ")[0]
      : null;
  // Squared kilometres on a local flat projection: exact enough to order and cut by distance.
  const kmLat = 110.574;
  const kmLon = 111.32 * Math.cos((place.latitude * Math.PI) / 180);
  const d2 = (lat: SQL, lon: SQL) =>
    sql`((${lat} - ${place.latitude}) * ${kmLat}) * ((${lat} - ${place.latitude}) * ${kmLat}) + ((${lon} - ${place.longitude}) * ${kmLon}) * ((${lon} - ${place.longitude}) * ${kmLon})`;
  const passes = filterSql(filters, now);
  // CROSS JOIN keeps SQLite driving from the small indexed side (venues or service areas)
  // rather than scanning every published service; each area branch uses its own index.
  const published = sql`cross join services s on s.id = a.service_id`;
  // The columns filters and ranking need, read in the same pass as the venue or area.
  const serviceColumns = sql.raw(SERVICE_COLUMNS);
  type AreaRow = Omit<AreaHit, "kind" | "at"> & {
    serviceId: string;
    areaKind: AreaKind;
    code: string | null;
  } & ServiceColumns;
  const km = radiusKm;
  const nearby = db.all<Omit<LocationHit, "at"> & { serviceId: string } & ServiceColumns>(sql`
      select l.service_id as serviceId, l.latitude, l.longitude, ${serviceColumns}
      from locations l cross join services s on s.id = l.service_id
      where l.latitude between ${place.latitude - km / kmLat} and ${place.latitude + km / kmLat}
        and l.longitude between ${place.longitude - km / kmLon} and ${place.longitude + km / kmLon}
        and ${d2(sql`l.latitude`, sql`l.longitude`)} <= ${km * km * 1.05}
        and ${passes}`);
  const local = db.all<AreaRow>(sql`
      select a.service_id as serviceId, a.kind as areaKind, a.code, a.latitude, a.longitude,
        a.radius_km as radiusKm, ${serviceColumns}
      from service_areas a ${published}
      where ((a.kind = 'district' and a.code = ${district})
        or (a.kind = 'lad' and a.code in (select value from json_each(${JSON.stringify(lads)})))
        or (a.kind = 'icb' and a.code = ${place.icb})
        or (a.kind = 'lhb' and a.code = ${place.lhb})
        or (a.kind = 'hb' and a.code = ${place.hb}))
        and ${passes}
      union all
      select a.service_id, a.kind, a.code, a.latitude, a.longitude, a.radius_km, ${serviceColumns}
      from service_areas a ${published}
      where a.kind = 'radius'
        and a.latitude between ${wide.minLat} and ${wide.maxLat}
        and a.longitude between ${wide.minLon} and ${wide.maxLon}
        and ${d2(sql`a.latitude`, sql`a.longitude`)} <= a.radius_km * a.radius_km * 1.05
        and ${passes}`);
  const national = db.all<AreaRow>(sql`
      select a.service_id as serviceId, a.kind as areaKind, a.code, a.latitude, a.longitude,
        a.radius_km as radiusKm, ${serviceColumns}
      from service_areas a ${published}
      where (a.kind = 'uk' or (a.kind = 'country'
          and a.code in (select value from json_each(${JSON.stringify(place.countries)}))))
        and ${passes}`);
  const [locationRows, localRows, nationalRows] = await Promise.all([nearby, local, national]);
  const areaRows = [...localRows, ...nationalRows];

  // Each service once, named by its place in `services` (`Candidates`).
  const atOf = new Map<string, number>();
  const services: CandidateService[] = [];
  for (const r of [...locationRows, ...areaRows]) {
    if (atOf.has(r.serviceId)) continue;
    atOf.set(r.serviceId, services.length);
    services.push(toCandidate(r));
  }
  const ids = services.map((s) => s.id);
  const [schedules, contacts] = await Promise.all([
    rowsByService<ScheduleRow>(db, schedulesTable, "schedules", ids),
    rowsByService<ContactRow>(db, contactsTable, "contacts", ids),
  ]);
  const areas = areaRows.map(({ serviceId, areaKind, latitude, longitude, radiusKm }) => ({
    at: atOf.get(serviceId)!,
    kind: areaKind,
    latitude,
    longitude,
    radiusKm,
  }));
  const locations = locationRows.map(({ serviceId, latitude, longitude }) => ({
    at: atOf.get(serviceId)!,
    latitude,
    longitude,
  }));
  return {
    locations,
    areas,
    services,
    schedules: ids.map((id) => schedules.get(id)),
    contacts: ids.map((id) => contacts.get(id)),
  };
}

/** Every row of a child table (schedules, contacts) of the given services, by service. */
async function rowsByService<R extends { serviceId: string }>(
  db: Db,
  table: typeof schedulesTable | typeof contactsTable,
  name: "schedules" | "contacts",
  ids: readonly string[],
): Promise<Map<string, R[]>> {
  const byService = new Map<string, R[]>();
  if (ids.length === 0) return byService;
  const [row] = await db.all<{ rows: string | null }>(sql`
    select json_group_array(${sql.raw(jsonObjectSql(table, "x"))}) as rows
    from ${sql.raw(name)} x where x.service_id in ${idsParam(ids)}`);
  for (const r of asRows<R>(table, JSON.parse(row?.rows ?? "[]"))) {
    const list = byService.get(r.serviceId);
    if (list) list.push(r);
    else byService.set(r.serviceId, [r]);
  }
  return byService;
}

const SERVICE_COLUMNS = `s.kind as kind, s.name as serviceName, s.stages as stages, s.formats as formats,
  s.referral as referral, s.cost as cost, s.languages as languages,
  s.children_welcome as childrenWelcome, s.mental_health_specific as mentalHealthSpecific,
  s.perinatal_specific as perinatalSpecific,
  s.peer_led as peerLed`;

interface ServiceColumns {
  kind: Kind;
  serviceName: string;
  stages: string;
  formats: string;
  referral: string;
  cost: Cost;
  languages: string;
  childrenWelcome: number;
  mentalHealthSpecific: number;
  perinatalSpecific: number;
  peerLed: number;
}

function toCandidate(r: ServiceColumns & { serviceId: string }): CandidateService {
  return {
    id: r.serviceId,
    kind: r.kind,
    name: r.serviceName,
    stages: JSON.parse(r.stages),
    formats: JSON.parse(r.formats),
    referral: JSON.parse(r.referral),
    cost: r.cost,
    languages: JSON.parse(r.languages),
    childrenWelcome: Boolean(r.childrenWelcome),
    mentalHealthSpecific: Boolean(r.mentalHealthSpecific),
    perinatalSpecific: Boolean(r.perinatalSpecific),
    peerLed: Boolean(r.peerLed),
  };
}
