/**
 * `npm run import:oruk -- <base-url> [--name "…"] [--organisation "…"] [--dry-run]`: imports a
 * council's Open Referral UK feed as drafts in review (nothing is published), with a progress bar
 * and a summary. `--organisation` (a name or an id) files every record under that organisation,
 * as the console's feed form does, instead of under the organisations the records name; it is
 * kept with the feed when the feed is first registered.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { feeds } from "../../schema/tables.js";
import { organisationNamed } from "../admin/index.js";
import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeo, loadGeoIndex } from "../db/load-geo.js";
import { migrateDb } from "../db/migrate.js";
import type { Db } from "../db/types.js";
import { summaryLines } from "../feeds/summary.js";
import { importFeed, normalBaseUrl } from "../feeds/sync.js";

const USAGE =
  'Usage: npm run import:oruk -- <base-url> [--name "Council directory"] [--organisation "Name or id"] [--dry-run]';

function bar(done: number, total: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : 0;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total}`;
}

/**
 * The organisation `--organisation` names, or null without one; false (after saying why) when it
 * names none or several, or differs from the one a registered feed already files under.
 */
async function chosenOrganisation(
  db: Db,
  base: string,
  text: string | undefined,
): Promise<string | null | false> {
  if (text === undefined) return null;
  const found = await organisationNamed(db, text);
  if (!found.ok) {
    console.error(`${found.message} Nothing was imported.`);
    return false;
  }
  const [feed] = await db
    .select({ organisationId: feeds.organisationId })
    .from(feeds)
    .where(eq(feeds.baseUrl, normalBaseUrl(base)));
  if (feed && feed.organisationId !== found.id) {
    console.error(
      `This feed is already registered, filing ${feed.organisationId ? `under ${feed.organisationId}` : "under the organisations its records name"}, and a feed keeps the organisation it was registered with. Run it without --organisation; nothing was imported.`,
    );
    return false;
  }
  return found.id;
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      organisation: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
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
  const organisationId = await chosenOrganisation(handle.db, base, values.organisation);
  if (organisationId === false) {
    handle.close();
    process.exitCode = 1;
    return;
  }
  const tty = process.stderr.isTTY;
  const show = (text: string) => (tty ? process.stderr.write(`\r${text}`) : undefined);
  try {
    const report = await importFeed(handle.db, {
      baseUrl: base,
      name: values.name,
      organisationId,
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
