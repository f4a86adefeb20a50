/**
 * `npm run import:csv -- <file.csv> [--organisation "Name or id"] [--dry-run]`: imports a CSV file
 * in the console's import format (the template and column guide are at /admin/import) as draft
 * listings, exactly as the console's import does. Nothing is published; reviewers do that.
 *
 * With `--organisation` (a name, any case, or an id) the file is one organisation's: rows that
 * name no organisation are filed under it, and rows that name another are turned away. Without
 * it, every row names its own organisation.
 */
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importListings } from "../admin/import-listings.js";
import { importSummary, RESULT_LABELS } from "../admin/import-summary.js";
import { organisationNamed } from "../admin/index.js";
import type { SessionUser } from "../admin/roles.js";
import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeo, loadGeoIndex } from "../db/load-geo.js";
import { migrateDb } from "../db/migrate.js";

const USAGE = 'Usage: npm run import:csv -- <file.csv> [--organisation "Name or id"] [--dry-run]';

/** The command line's name in the audit log and on drafts. */
const IMPORTER = {
  id: "import:csv",
  email: "",
  name: "CSV import (command line)",
  organisationName: null,
} as const;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      organisation: { type: "string" },
      "dry-run": { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    process.exitCode = 2;
    return;
  }
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    console.error(`Could not read ${file}: ${(err as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const config = readConfig(process.env);
  const handle = openDb(config.databaseUrl, config.databaseAuthToken);
  try {
    await migrateDb(handle.db);
    await loadGeo(handle.db);
    let actor: SessionUser = { ...IMPORTER, role: "admin", organisationId: null };
    if (values.organisation !== undefined) {
      const found = await organisationNamed(handle.db, values.organisation);
      if (!found.ok) {
        console.error(`${found.message} Nothing was imported.`);
        process.exitCode = 1;
        return;
      }
      // One organisation's file: imported as that organisation's editor would import it.
      actor = { ...IMPORTER, role: "editor", organisationId: found.id };
    }
    const report = await importListings(
      handle.db,
      await loadGeoIndex(handle.db),
      new Date(),
      actor,
      text,
      { dryRun: values["dry-run"] },
    );
    if (report.fileProblem) {
      console.error(`${report.fileProblem} Nothing was imported.`);
      process.exitCode = 1;
      return;
    }
    for (const row of report.rows) {
      const problems = row.problems.length ? `: ${row.problems.join(" ")}` : "";
      console.log(`line ${row.line}: ${RESULT_LABELS[row.result]}, ${row.name}${problems}`);
    }
    console.log(importSummary(report));
    if (report.rows.some((r) => r.result === "rejected")) process.exitCode = 1;
  } catch (err) {
    console.error(`The import stopped: ${(err as Error).message}`);
    process.exitCode = 1;
  } finally {
    handle.close();
  }
}

await main();
