/**
 * `npm run bench`: search on a UK-scale synthetic directory, in process and over HTTP on loopback,
 * beside `/health` as the baseline. Prints figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { readConfig } from "../api/config.js";
import { openDb } from "../api/db/client.js";
import { loadGeo, loadGeoIndex } from "../api/db/load-geo.js";
import { migrateDb } from "../api/db/migrate.js";
import { memo } from "../api/deps.js";
import { silentLogger } from "../api/logger.js";
import { startServer } from "../api/node/server.js";
import { search } from "../api/search.js";
import { searchQuerySchema } from "../schema/search-query.js";
import { benchOruk } from "./oruk.js";
import { buildSynthetic, prng } from "./synthetic.js";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 20_000);
const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 40_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 1_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const dir = mkdtempSync(join(tmpdir(), "signpost-bench-"));
const url = `file:${join(dir, "bench.db")}`;

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(2)} ms`;

const FILTER_MIXES: Record<string, string[]>[] = [
  {},
  { stage: ["postnatal"] },
  { selfReferral: ["true"], free: ["true"] },
  { kind: ["peer-group,one-to-one-peer"], when: ["evening"] },
  { format: ["online,phone"] },
  { children: ["true"], stage: ["pregnancy"], when: ["morning,weekend"] },
  { radiusKm: ["30"], limit: ["20"] },
];

async function main() {
  console.log(`Perinatal Signpost search benchmark (${new Date().toISOString()})`);
  console.log(`node ${process.version}; database ${url}`);
  const handle = openDb(url);
  await migrateDb(handle.db);
  await loadGeo(handle.db);
  const geoIndex = await loadGeoIndex(handle.db);
  let t = performance.now();
  const built = await buildSynthetic(handle.db, geoIndex, {
    services: SERVICES,
    locations: LOCATIONS,
  });
  console.log(
    `dataset: ${built.services} services, ${built.locations} locations, ${built.areas} service areas, ${built.schedules} schedules (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );

  const rand = prng(7);
  const sectors = [...geoIndex.sectors.keys()];
  const queries = Array.from({ length: QUERIES }, (_, i) =>
    searchQuerySchema.parse({
      postcode: [sectors[Math.floor(rand() * sectors.length)]],
      ...FILTER_MIXES[i % FILTER_MIXES.length],
    }),
  );
  const deps = {
    db: handle.db,
    logger: silentLogger,
    geo: memo(async () => geoIndex),
    now: () => new Date(),
  };
  for (const q of queries.slice(0, 50)) await search(deps, q); // warm up
  const times: number[] = [];
  let results = 0;
  for (const q of queries) {
    t = performance.now();
    const r = await search(deps, q);
    times.push(performance.now() - t);
    results += r.total;
  }
  times.sort((a, b) => a - b);
  console.log("\nin-process search, %d random real sectors, mixed filters:", QUERIES);
  console.log(
    `  p50 ${ms(quantile(times, 0.5))}  p95 ${ms(quantile(times, 0.95))}  p99 ${ms(quantile(times, 0.99))}  max ${ms(times.at(-1) ?? 0)}  (mean ${(results / QUERIES).toFixed(1)} results)`,
  );
  handle.close();

  const paths = queries.slice(0, 500).map((q, i) => {
    const mix = FILTER_MIXES[i % FILTER_MIXES.length] ?? {};
    const params = new URLSearchParams({ postcode: q.postcode });
    for (const [k, v] of Object.entries(mix)) params.set(k, v.join(","));
    return `/api/v1/search?${params}`;
  });
  const run = async (cache: "on" | "off", rotate: string[]) => {
    const server = await startServer({
      config: readConfig({
        PORT: "0",
        DATABASE_URL: url,
        SEED_DEMO: "false",
        RESPONSE_CACHE: cache,
        // All load comes from one loopback address; the per-client limit would answer it 429.
        RATE_LIMITS: "off",
      }),
      logger: silentLogger,
    });
    // Steady state: each distinct search has been asked once already (as after a minute of use).
    if (cache === "on") for (const path of rotate) await fetch(`${server.url}${path}`);
    let next = 0;
    const result = await autocannon({
      url: server.url,
      connections: 10,
      duration: SECONDS,
      requests: [
        { setupRequest: (req) => ({ ...req, path: rotate[next++ % rotate.length] ?? "/health" }) },
      ],
    });
    await server.close();
    return result;
  };
  console.log(`\nHTTP on loopback, autocannon, 10 connections, ${SECONDS} s each:`);
  const health = await run("off", ["/health"]);
  const cold = await run("off", paths);
  const warm = await run("on", paths);
  const row = (name: string, r: autocannon.Result) =>
    console.log(
      `  ${name.padEnd(34)} ${r.requests.average.toFixed(0).padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  non-2xx ${r.non2xx}  errors ${r.errors}  (${((r.requests.average / health.requests.average) * 100).toFixed(0)}% of /health)`,
    );
  const failures = [health, cold, warm].reduce((n, r) => n + r.non2xx + r.errors, 0);
  if (failures > 0)
    console.log(`  WARNING: ${failures} requests failed: the figures below are not valid`);
  row("/health (baseline)", health);
  row("/api/v1/search, response cache off", cold);
  row("/api/v1/search, response cache on", warm);
  console.log(
    `  ${paths.length} distinct searches rotate; with the cache on, each was asked once before timing starts and is then served from memory for a minute (target: >= 40% of /health)`,
  );
  await benchOruk(url, geoIndex);
  rmSync(dir, { recursive: true, force: true });
}

await main();
