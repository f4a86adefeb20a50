/**
 * Registers an embed site, so searches from its widget are counted, and shows the counts.
 *
 *   npm run site -- add --id exeter-gp --name "Exeter GP surgery" [--origin https://surgery.example]…
 *   npm run site -- remove --id exeter-gp
 *   npm run site -- usage [--days 30]
 *
 * The widget names its site with `<perinatal-signpost site="exeter-gp">`. With origins listed,
 * only searches from pages on those origins count. Unregistered sites work the same, uncounted.
 */
import { parseArgs } from "node:util";
import { eq, sql } from "drizzle-orm";
import { embedSites } from "../../schema/embed.js";
import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { migrateDb } from "../db/migrate.js";

const USAGE = `Usage:
  npm run site -- add --id <id> --name <name> [--origin <https://…>]…
  npm run site -- remove --id <id>
  npm run site -- usage [--days <n>]`;

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    id: { type: "string" },
    name: { type: "string" },
    origin: { type: "string", multiple: true },
    days: { type: "string", default: "30" },
  },
});

const handle = openDb(
  readConfig(process.env).databaseUrl,
  readConfig(process.env).databaseAuthToken,
);
const { db } = handle;
await migrateDb(db);

switch (positionals[0]) {
  case "add": {
    const id = values.id ?? fail("--id is required.");
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(id))
      fail("--id: lower-case letters, digits and hyphens.");
    const name = values.name?.trim() || fail("--name is required.");
    const origins = (values.origin ?? []).map((o) => {
      try {
        const url = new URL(o);
        if (
          url.protocol !== "https:" &&
          url.hostname !== "localhost" &&
          url.hostname !== "127.0.0.1"
        )
          fail(`--origin ${o}: use https.`);
        return url.origin;
      } catch {
        return fail(`--origin ${o}: not a URL.`);
      }
    });
    await db
      .insert(embedSites)
      .values({ id, name, allowedOrigins: origins })
      .onConflictDoUpdate({ target: embedSites.id, set: { name, allowedOrigins: origins } });
    console.log(
      `Registered ${id} (${name}); origins: ${origins.length ? origins.join(", ") : "any"}.`,
    );
    break;
  }
  case "remove": {
    const id = values.id ?? fail("--id is required.");
    await db.delete(embedSites).where(eq(embedSites.id, id));
    console.log(`Removed ${id} and its counts.`);
    break;
  }
  case "usage": {
    const days = Number(values.days);
    if (!Number.isInteger(days) || days < 1) fail("--days must be a whole number of days.");
    const rows = await db.all<{ site: string; name: string; searches: number; days: number }>(sql`
      select s.id as site, s.name as name, coalesce(sum(u.searches), 0) as searches,
        count(u.day) as days
      from embed_sites s left join embed_usage u
        on u.site_id = s.id and u.day >= date('now', ${`-${days} days`})
      group by s.id order by searches desc, s.id`);
    console.log(`Searches in the last ${days} days:`);
    for (const r of rows)
      console.log(`  ${r.site.padEnd(24)} ${String(r.searches).padStart(8)}  ${r.name}`);
    if (rows.length === 0) console.log("  (no sites registered)");
    break;
  }
  default:
    fail("Say add, remove or usage.");
}
handle.close();
