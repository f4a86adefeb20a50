import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { prepareDb } from "../db/prepare.js";

const config = readConfig(process.env);
const handle = openDb(config.databaseUrl, config.databaseAuthToken);
await prepareDb(handle.db, { demo: config.seedDemo });
handle.close();
console.log(`Seeded ${config.databaseUrl} (demo listings: ${config.seedDemo ? "yes" : "no"}).`);
