/**
 * Writes that take effect only if a guard holds when they run. A batch runs as one transaction,
 * so a first statement can claim a row with a fresh token and every later statement can check
 * that claim: if the claim found nothing (someone else got there first), nothing at all changes.
 * This needs no interactive transaction, which libSQL over HTTP and on Workers handles poorly.
 */
import { getTableColumns, type SQL, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db } from "../db/types.js";

/** `insert into table (…) select … where guard`, with each value encoded by its column. */
export function insertWhere<T extends SQLiteTable>(
  db: Db,
  table: T,
  row: T["$inferInsert"],
  guard: SQL,
) {
  const columns = getTableColumns(table);
  const entries = Object.entries(row as Record<string, unknown>).filter(
    ([key, value]) => value !== undefined && key in columns,
  );
  const names = entries.map(([key]) => sql.identifier(columns[key]!.name));
  const values = entries.map(([key, value]) => sql.param(value, columns[key]));
  return db.run(
    sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(values, sql`, `)} where ${guard}`,
  );
}

/** True inside a batch when the statement just before changed at least one row. */
export const previousChanged = sql`changes() > 0`;
