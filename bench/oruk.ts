/**
 * ORUK feed figures for `npm run bench`: the pages the ORUK validator times (page 1, a middle page,
 * the last, at the default per_page), a filtered page, an id lookup and the ndjson stream, answered
 * in process with no response cache (every request computed afresh).
 */

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { createApp } from "../api/app.js";
import { openDb } from "../api/db/client.js";
import { loadGeo } from "../api/db/load-geo.js";
import { migrateDb } from "../api/db/migrate.js";
import { memo } from "../api/deps.js";
import type { GeoIndex } from "../api/domain/geo-index.js";
import { importFeed } from "../api/feeds/sync.js";
import { silentLogger } from "../api/logger.js";
import { buildSynthetic } from "./synthetic.js";

export async function benchOruk(url: string, geo: GeoIndex): Promise<void> {
  const handle = openDb(url);
  // The synthetic listings are marked as examples, which the feed never publishes: feed them as real.
  await handle.db.run(sql`update services set demo = 0`);
  const app = createApp({
    db: handle.db,
    logger: silentLogger,
    geo: memo(async () => geo),
    now: () => new Date(),
  });
  const timed = async (path: string) => {
    const t = performance.now();
    const res = await app.request(path);
    const body = await res.text();
    return { ms: performance.now() - t, status: res.status, body };
  };
  const first = JSON.parse((await timed("/oruk/services")).body) as {
    total_pages: number;
    total_items: number;
    contents: { id: string }[];
  };
  const last = first.total_pages;
  const paths = [
    "/oruk/services?page=1",
    `/oruk/services?page=${Math.ceil(last / 2)}`,
    `/oruk/services?page=${last}`,
    "/oruk/services?postcode=EX4%204PJ&proximity=10000",
    "/oruk/services?day=TU&start_time=09:00",
    "/oruk/service_at_locations?page=1",
    `/oruk/services/${first.contents[0]?.id}`,
    // An id no page has derived: the first time, every id of the feed is derived to find it is
    // not there (the max); after that, until the directory changes, it is known to be absent.
    "/oruk/services/7c9e6679-7425-40de-944b-e07fc1f90ae7",
  ];
  console.log(
    `\nORUK feed at /oruk, in process, no response cache (${first.total_items} services, ${last} pages of 50):`,
  );
  for (const path of paths) {
    const runs = [await timed(path), await timed(path), await timed(path)];
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `  ${path.padEnd(52)} median ${ms[1]?.toFixed(0)} ms  max ${ms[2]?.toFixed(0)} ms  (status ${runs[0]?.status}; validator warns over 5000 ms)`,
    );
  }
  const nd = await timed("/oruk/services?format=ndjson");
  console.log(
    `  ${"/oruk/services?format=ndjson (every service)".padEnd(52)} ${nd.ms.toFixed(0)} ms  ${(nd.body.length / 1e6).toFixed(1)} MB`,
  );
  handle.close();
}

/**
 * Import time: a 2,000-service synthetic directory published at /oruk on loopback, imported into
 * an empty instance (every service fetched in full, mapped and written as a draft in review).
 */
export async function benchImport(dir: string, geo: GeoIndex, services = 2_000): Promise<void> {
  const source = openDb(`file:${dir}/import-source.db`);
  await migrateDb(source.db);
  await loadGeo(source.db);
  await buildSynthetic(source.db, geo, { services, locations: services * 2 }, 11);
  await source.db.run(sql`update services set demo = 0`);
  const app = createApp({
    db: source.db,
    logger: silentLogger,
    geo: memo(async () => geo),
    now: () => new Date(),
  });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oruk`;
  const target = openDb(`file:${dir}/import-target.db`);
  await migrateDb(target.db);
  await loadGeo(target.db);
  let t = performance.now();
  const first = await importFeed(target.db, { baseUrl: base, now: new Date(), geo });
  const firstMs = performance.now() - t;
  t = performance.now();
  const again = await importFeed(target.db, { baseUrl: base, now: new Date(), geo });
  const againMs = performance.now() - t;
  console.log(`\nORUK import from ${base} (loopback), into an empty instance:`);
  console.log(
    `  first run   ${(firstMs / 1000).toFixed(1)} s  ${first.pages} pages, ${first.seen} services, ${first.new} new drafts, ${first.rejected} rejected  (${(firstMs / Math.max(1, first.seen)).toFixed(1)} ms a service)`,
  );
  const reasons = new Map<string, number>();
  for (const r of first.records.filter((x) => x.result === "rejected")) {
    reasons.set(r.reason ?? "", (reasons.get(r.reason ?? "") ?? 0) + 1);
  }
  for (const [reason, n] of reasons) console.log(`    rejected ${n}: ${reason.slice(0, 140)}`);
  console.log(
    `  second run  ${(againMs / 1000).toFixed(1)} s  ${again.unchanged} unchanged, ${again.new} new, ${again.changed} changed`,
  );
  await new Promise((r) => server.close(r));
  source.close();
  target.close();
}
