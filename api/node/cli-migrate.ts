import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeo } from "../db/load-geo.js";
import { migrateDb } from "../db/migrate.js";

const config = readConfig(process.env);
const handle = openDb(config.databaseUrl, config.databaseAuthToken);
await migrateDb(handle.db);
await loadGeo(handle.db);
handle.close();
console.log(`Migrated ${config.databaseUrl} and loaded the postcode geography.`);
