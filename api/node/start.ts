import { mkdirSync } from "node:fs";
import { readConfig } from "../config.js";
import { jsonLogger } from "../logger.js";
import { startServer } from "./server.js";

const config = readConfig(process.env);
if (config.databaseUrl.startsWith("file:data/")) mkdirSync("data", { recursive: true });
const server = await startServer({ config, logger: jsonLogger() });
console.log(`Perinatal Signpost is running at ${server.url}/ (demo pages at ${server.url}/demo/)`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error("shutdown failed", err);
        process.exit(1);
      },
    );
  });
}
