import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/libsql/migrator";
import type { Db } from "./types.js";

const migrationsFolder = fileURLToPath(new URL("../../schema/migrations", import.meta.url));

/** Applies the committed drizzle migrations; safe to run on every start. */
export async function migrateDb(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}
