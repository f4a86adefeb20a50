/**
 * `npm run import:oruk -- <base-url> [--name "…"] [--dry-run]`: imports a council's Open Referral
 * UK feed as drafts in review (nothing is published), with a progress bar and a summary.
 */
import { parseArgs } from "node:util";
import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeo, loadGeoIndex } from "../db/load-geo.js";
import { migrateDb } from "../db/migrate.js";
import { summaryLines } from "../feeds/summary.js";
import { importFeed } from "../feeds/sync.js";

const USAGE = 'Usage: npm run import:oruk -- <base-url> [--name "Council directory"] [--dry-run]';

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : 0;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: "string" }, "dry-run": { type: "boolean", default: false } },
  });
  const base = positionals[0];
  if (!base || !/^https?:\/\/\S+$/.test(base)) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  const config = readConfig(process.env);
  const handle = openDb(config.databaseUrl, config.databaseAuthToken);
  await migrateDb(handle.db);
  await loadGeo(handle.db);
  const geo = await loadGeoIndex(handle.db);
  const tty = process.stderr.isTTY;
  const show = (text: string) => (tty ? process.stderr.write(`\r${text}`) : undefined);
  try {
    const report = await importFeed(handle.db, {
      baseUrl: base,
      name: values.name,
      dryRun: values["dry-run"],
      by: "command line",
      now: new Date(),
      geo,
      onProgress: (e) =>
        show(
          e.phase === "list" ? `listing: page ${e.page}      ` : `records ${bar(e.done, e.total)}`,
        ),
    });
    if (tty) process.stderr.write("\n");
    console.log(summaryLines(report).join("\n"));
  } catch (err) {
    console.error(`\nThe import stopped: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    handle.close();
  }
}

await main();
