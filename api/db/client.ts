import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as tables from "../../schema/tables.js";
import type { Db } from "./types.js";

export interface DbHandle {
  db: Db;
  close(): void;
}

/** Opens a libSQL database: `file:…`, `:memory:`, or `http(s)://` / `libsql://` for sqld and Turso. */
export function openDb(url: string, authToken?: string): DbHandle {
  const client = createClient(authToken ? { url, authToken } : { url });
  return { db: drizzle(client, { schema: tables }), close: () => client.close() };
}
