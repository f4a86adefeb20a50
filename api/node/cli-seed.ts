import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeo } from "../db/load-geo.js";
import { migrateDb } from "../db/migrate.js";
import { seedListings } from "../db/seed.js";

const config = readConfig(process.env);
const handle = openDb(config.databaseUrl, config.databaseAuthToken);
await migrateDb(handle.db);
await loadGeo(handle.db);
const result = await seedListings(handle.db, { demo: config.seedDemo });
handle.close();
console.log(
  result.seeded
    ? `Seeded ${config.databaseUrl}: ${result.services} listings from ${result.organisations} organisations (example listings: ${config.seedDemo ? "yes" : "no"}).`
    : `${config.databaseUrl} already has listings: nothing seeded (seeding only fills an empty database).`,
);
