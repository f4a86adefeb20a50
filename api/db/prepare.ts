import { loadGeo } from "./load-geo.js";
import { migrateDb } from "./migrate.js";
import { seedListings } from "./seed.js";
import type { Db } from "./types.js";

/** Migrates, loads the geography and seeds listings into an empty database; a no-op when done. */
export async function prepareDb(db: Db, options: { demo: boolean }): Promise<void> {
  await migrateDb(db);
  await loadGeo(db);
  await seedListings(db, { demo: options.demo });
}
