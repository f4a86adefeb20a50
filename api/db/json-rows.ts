import { getTableColumns, type Table } from "drizzle-orm";

/**
 * Reading rows as JSON: libSQL turns each returned column into a JS property one by one, which
 * dominates the cost of wide rows, while one JSON text column parses in a single fast step.
 * These helpers build `json_object(...)` for every column of a drizzle table and turn the parsed
 * objects back into the table's row type (JSON columns nested, booleans from 0/1).
 */
export function jsonObjectSql(table: Table, alias: string): string {
  const parts = Object.entries(getTableColumns(table)).map(([key, column]) => {
    const value = `${alias}.${column.name}`;
    return `'${key}', ${column.dataType === "json" ? `json(${value})` : value}`;
  });
  return `json_object(${parts.join(", ")})`;
}

const booleansCache = new WeakMap<Table, string[]>();

function booleanKeys(table: Table): string[] {
  let keys = booleansCache.get(table);
  if (!keys) {
    keys = Object.entries(getTableColumns(table))
      .filter(([, column]) => column.dataType === "boolean")
      .map(([key]) => key);
    booleansCache.set(table, keys);
  }
  return keys;
}

/** Fixes up one parsed object in place as a row of `table`. */
export function asRow<T>(table: Table, value: unknown): T {
  const row = value as Record<string, unknown>;
  for (const key of booleanKeys(table)) row[key] = Boolean(row[key]);
  return row as T;
}

export function asRows<T>(table: Table, values: unknown): T[] {
  return (values as unknown[]).map((v) => asRow<T>(table, v));
}
