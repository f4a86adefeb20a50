/**
 * ORUK feed figures for `npm run bench`: the pages the ORUK validator times (page 1, a middle page,
 * the last, at the default per_page), a filtered page, an id lookup and the ndjson stream, answered
 * in process with no response cache (every request computed afresh).
 */
import { sql } from "drizzle-orm";
import { createApp } from "../api/app.js";
import { openDb } from "../api/db/client.js";
import { memo } from "../api/deps.js";
import type { GeoIndex } from "../api/domain/geo-index.js";
import { silentLogger } from "../api/logger.js";

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
    // An id no page has derived: every id of the feed is derived to find it is not there.
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
