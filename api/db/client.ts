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
 * libSQL waits for a locked file synchronously, and the whole process waits with it: two seconds
 * covers a CLI's short write (`npm run user:create`) without stalling every other request long.
 */
const MAX_BUSY_WAIT_MS = 2_000;

/**
 * Opens a libSQL database: `file:…`, `:memory:`, or `http(s)://` / `libsql://` for sqld and
 * Turso. Remote requests give up after `timeoutMs`, so a stalled server means a quick 503; a
 * file that another process holds locked (`npm run db:seed`, `npm run user:create`) is waited
 * for up to the same time, at most MAX_BUSY_WAIT_MS (SQLite's busy timeout), before the answer
 * is 503.
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
    timeout: Math.min(options.timeoutMs ?? 5_000, MAX_BUSY_WAIT_MS),
  });
  return { db: drizzle(client, { schema: tables }), close: () => client.close() };
}
