/**
 * The published directory as one compact JSON text, read in one statement (one round trip, one
 * consistent read): each table as rows of values in column order, with the version it is of.
 * Workers keep this text in the Cache API, so a cold isolate rarely reads it from the database.
 * Every column of every table is carried, so a column added to schema/ reaches search as it is.
 */
import { getTableColumns, getTableName, sql, type Table } from "drizzle-orm";
import { contacts, locations, schedules, serviceAreas, services } from "../../schema/tables.js";
import type { ServiceBundle } from "../domain/bundle.js";
import { asRow } from "./json-rows.js";
import type { Db } from "./types.js";

/** The child tables of a published service, in the order their rows are shown. */
const CHILDREN = {
  contacts: { table: contacts, order: "x.position, x.rowid" },
  locations: { table: locations, order: "x.rowid" },
  schedules: { table: schedules, order: "x.rowid" },
  areas: { table: serviceAreas, order: "x.rowid" },
} as const;

const columnsOf = (table: Table) => Object.entries(getTableColumns(table));

function valuesSql(table: Table, alias: string): string {
  const values = columnsOf(table).map(([, column]) => {
    const value = `${alias}.${column.name}`;
    return column.dataType === "json" ? `json(${value})` : value;
  });
  return `json_array(${values.join(", ")})`;
}

const PUBLISHED = "select id from services where status = 'published'";

const SNAPSHOT_SQL = `select json_object(
  'version', coalesce((select version from directory_version where id = 1), 0),
  'services', (select json_group_array(${valuesSql(services, "s")}) from services s
    where s.status = 'published'),
  'organisations', (select json_group_array(json_array(o.id, o.name, o.website))
    from organisations o where o.id in (select organisation_id from services where status = 'published')),
  ${Object.entries(CHILDREN)
    .map(
      ([name, { table, order }]) =>
        `'${name}', (select json_group_array(${valuesSql(table, "x")}) from (select * from ${getTableName(table)} x
          where x.service_id in (${PUBLISHED}) order by ${order}) x)`,
    )
    .join(",\n  ")}) as snapshot`;

/** Reads the published directory: its version and the snapshot text. */
export async function readDirectorySnapshot(db: Db): Promise<{ version: number; text: string }> {
  const [row] = await db.all<{ snapshot: string }>(sql.raw(SNAPSHOT_SQL));
  const text = row?.snapshot ?? "{}";
  const version = Number(/"version":(\d+)/.exec(text)?.[1] ?? 0);
  return { version, text };
}

type Values = unknown[];

function rowsOf<T>(table: Table, rows: Values[] | undefined): T[] {
  const keys = columnsOf(table).map(([key]) => key);
  const out: T[] = [];
  for (const values of rows ?? []) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = values[i] ?? null;
    out.push(asRow<T>(table, row));
  }
  return out;
}

/** Turns snapshot text back into the services with everything shown about them. */
export function parseDirectorySnapshot(text: string): {
  version: number;
  bundles: ServiceBundle[];
} {
  const data = JSON.parse(text) as Record<string, Values[] | number | undefined>;
  const orgs = new Map(
    ((data.organisations as Values[] | undefined) ?? []).map(([id, name, website]) => [
      id as string,
      { name: name as string, website: (website as string | null) ?? null },
    ]),
  );
  const bundles = new Map<string, ServiceBundle>();
  for (const service of rowsOf<ServiceBundle["service"]>(services, data.services as Values[])) {
    const org = orgs.get(service.organisationId);
    bundles.set(service.id, {
      service,
      organisation: org?.name ?? "",
      organisationWebsite: org?.website ?? null,
      contacts: [],
      locations: [],
      schedules: [],
      areas: [],
    });
  }
  for (const [name, { table }] of Object.entries(CHILDREN) as [
    keyof typeof CHILDREN,
    (typeof CHILDREN)[keyof typeof CHILDREN],
  ][]) {
    for (const row of rowsOf<{ serviceId: string }>(table, data[name] as Values[])) {
      (bundles.get(row.serviceId)?.[name] as unknown[] | undefined)?.push(row);
    }
  }
  return { version: Number(data.version ?? 0), bundles: [...bundles.values()] };
}
