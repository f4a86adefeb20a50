import { eq, sql } from "drizzle-orm";
import { directoryVersion } from "../../schema/tables.js";
import type { Db } from "./types.js";

/**
 * The statement that moves the directory version; put it in the same batch (transaction) as the
 * write that changes published data, so nobody can see the change without the version moving.
 */
export function bumpDirectoryVersion(db: Db, now = new Date()) {
  const at = now.toISOString();
  return db
    .insert(directoryVersion)
    .values({ id: 1, version: 1, changedAt: at })
    .onConflictDoUpdate({
      target: directoryVersion.id,
      set: { version: sql`${directoryVersion.version} + 1`, changedAt: at },
    });
}

/** The query for the current version (0 before anything was ever published). */
export function directoryVersionQuery(db: Db) {
  return db
    .select({ version: directoryVersion.version })
    .from(directoryVersion)
    .where(eq(directoryVersion.id, 1));
}

export async function readDirectoryVersion(db: Db): Promise<number> {
  const [row] = await directoryVersionQuery(db);
  return row?.version ?? 0;
}
