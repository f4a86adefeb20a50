import { createClient } from "@libsql/client";
import { drizzle } from "drizzle-orm/libsql";
import * as tables from "../../schema/tables.js";
import { timedFetch } from "./timed-fetch.js";
import type { Db } from "./types.js";

export interface DbHandle {
  db: Db;
  close(): void;
}

/**
 * Opens a libSQL database: `file:…`, `:memory:`, or `http(s)://` / `libsql://` for sqld and
 * Turso. Remote requests give up after `timeoutMs`, so a stalled server means a quick 503.
 */
export function openDb(
  url: string,
  authToken?: string,
  options: { timeoutMs?: number } = {},
): DbHandle {
  const client = createClient({
    url,
    ...(authToken ? { authToken } : {}),
    fetch: timedFetch(options.timeoutMs ?? 5_000),
  });
  return { db: drizzle(client, { schema: tables }), close: () => client.close() };
}
