/**
 * `npm run bench`: search on a UK-scale synthetic directory, in process (the in-memory index
 * beside the SQL oracle and a plain-JavaScript nearest-venues baseline, with the two compared
 * answer for answer) and over HTTP on loopback, beside `/health` as the baseline. Prints
 * figures; asserts nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import { readConfig } from "../api/config.js";
import { openDb } from "../api/db/client.js";
import { parseDirectorySnapshot, readDirectorySnapshot } from "../api/db/directory-snapshot.js";
import { loadGeo, loadGeoIndex } from "../api/db/load-geo.js";
import { migrateDb } from "../api/db/migrate.js";
import { memo } from "../api/deps.js";
import { Directory } from "../api/directory.js";
import { DirectoryIndex } from "../api/domain/directory-index.js";
import { distanceKm } from "../api/domain/distance.js";
import { heldResult, resultJson } from "../api/domain/present.js";
import { silentLogger } from "../api/logger.js";
import { startServer } from "../api/node/server.js";
import { findPlace } from "../api/place.js";
import { searchAt, searchJsonAt } from "../api/search.js";
import { searchQuerySchema } from "../schema/search-query.js";
import { sqlSearchAt } from "../tests/support/sql-search.js";
import { benchImport, benchOruk } from "./oruk.js";
import { buildSynthetic, prng } from "./synthetic.js";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 20_000);
const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 40_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 2_000);
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
  // Index build at this size: one snapshot read, parse, build; memory as retained heap.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const buildCpu = process.cpuUsage();
  t = performance.now();
  const read = await readDirectorySnapshot(handle.db);
  const tRead = performance.now() - t;
  const parsed = parseDirectorySnapshot(read.text);
  const tParse = performance.now() - t - tRead;
  const built2 = new DirectoryIndex(parsed.version, parsed.bundles);
  const tBuild = performance.now() - t;
  const buildUsed = process.cpuUsage(buildCpu);
  const buildCpuMs = (buildUsed.user + buildUsed.system) / 1000;
  gc();
  const heapIndex = process.memoryUsage().heapUsed - heapBefore;
  console.log(
    `\nindex: ${built2.size} published services, ${built2.venueCount} venues; built in ${ms(tBuild)} (read ${ms(tRead)}, parse ${ms(tParse)}, index ${ms(tBuild - tRead - tParse)}; CPU ${ms(buildCpuMs)}); retained heap ${(heapIndex / 2 ** 20).toFixed(1)} MiB, details of every service included`,
  );
  const bytes = Buffer.byteLength(read.text);
  console.log(
    `snapshot for Workers: ${(bytes / 2 ** 20).toFixed(2)} MiB JSON, ${(gzipSync(read.text).length / 2 ** 20).toFixed(2)} MiB gzip`,
  );

  // The memos results are written from (`heldResult`, `resultJson`) fill as listings are shown,
  // and are kept as long as the index: here once every listing has been shown in both languages.
  gc();
  const memoBefore = process.memoryUsage().heapUsed;
  const memoNow = new Date();
  for (const lang of ["en", "cy"] as const) {
    for (const b of built2.bundles) {
      heldResult(b, { distanceKm: 1 }, lang, memoNow);
      resultJson(b, { distanceKm: 1 }, lang, memoNow);
    }
  }
  gc();
  console.log(
    `answer memos, once all ${built2.size} listings are shown in both languages: ${((process.memoryUsage().heapUsed - memoBefore) / 2 ** 20).toFixed(1)} MiB more heap`,
  );

  const directory = new Directory(handle.db, { checkEveryMs: 1_000 });
  const deps = {
    db: handle.db,
    logger: silentLogger,
    geo: memo(async () => geoIndex),
    now: () => new Date(),
    directory,
  };
  await directory.current();
  const places = await Promise.all(queries.map((q) => findPlace(deps, q.postcode)));
  const timeAll = async (
    label: string,
    run: (i: number) => Promise<number> | number,
    count = QUERIES,
    unit = "results",
  ) => {
    // Warm up with one whole pass: a server answers searches all day, so the figures are its
    // steady state once the JIT has compiled the search, not the first minutes after start.
    for (let i = 0; i < count; i++) await run(i);
    const times: number[] = [];
    const cpu: number[] = [];
    let results = 0;
    for (let i = 0; i < count; i++) {
      const c = process.cpuUsage();
      t = performance.now();
      results += await run(i);
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpu.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpu.sort((a, b) => a - b);
    console.log(
      `  ${label.padEnd(30)} p50 ${ms(quantile(times, 0.5))}  p95 ${ms(quantile(times, 0.95))}  p99 ${ms(quantile(times, 0.99))}  max ${ms(times.at(-1) ?? 0)}  (mean ${(results / count).toFixed(1)} ${unit})`,
    );
    // CPU time of this process per search: less disturbed than wall time on a shared machine.
    console.log(
      `  ${"  (CPU time)".padEnd(30)} p50 ${ms(quantile(cpu, 0.5))}  p95 ${ms(quantile(cpu, 0.95))}  p99 ${ms(quantile(cpu, 0.99))}`,
    );
  };
  console.log("\nin-process search, %d random real sectors, mixed filters:", QUERIES);
  await timeAll(
    "index (in memory)",
    async (i) => (await searchAt(deps, places[i]!, queries[i]!)).total,
  );
  // What the API sends: the same answer finished and written as JSON text (`searchJsonAt`).
  await timeAll(
    "index, as the API writes it",
    async (i) => (await searchJsonAt(deps, places[i]!, queries[i]!)).length / 1024,
    QUERIES,
    "KB of JSON",
  );
  const sqlCount = Math.min(QUERIES, 500);
  await timeAll(
    `SQL oracle (${sqlCount} of them)`,
    async (i) => (await sqlSearchAt(deps, places[i]!, queries[i]!)).total,
    sqlCount,
  );
  // The floor: the 10 nearest of every venue within 15 km, brute force over flat arrays.
  const venues = await handle.db.all<{ latitude: number; longitude: number }>(
    sql`select latitude, longitude from locations`,
  );
  const lat = Float64Array.from(venues, (v) => v.latitude);
  const lon = Float64Array.from(venues, (v) => v.longitude);
  await timeAll(`nearest 10 venues, plain JS`, (i) => {
    const p = places[i]!;
    const near: number[] = [];
    for (let k = 0; k < lat.length; k++) {
      if (Math.abs(lat[k]! - p.latitude) > 0.14) continue;
      const d = distanceKm(p.latitude, p.longitude, lat[k]!, lon[k]!);
      if (d <= 15) near.push(d);
    }
    return near.sort((a, b) => a - b).slice(0, 10).length;
  });

  // The differential check at UK scale: every answer from the index equals the SQL oracle's.
  let same = 0;
  const firstDiff: string[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const a = await searchAt(deps, places[i]!, queries[i]!);
    const b = await sqlSearchAt(deps, places[i]!, queries[i]!);
    if (isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)))) same++;
    else if (firstDiff.length < 3)
      firstDiff.push(`${queries[i]!.postcode} ${JSON.stringify(queries[i])}`);
  }
  console.log(`  index and SQL oracle give the same answer for ${same} of ${QUERIES} searches`);
  for (const d of firstDiff) console.log(`    differs: ${d}`);
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
      // The daily jobs first run 5 s after start, inside the timed window, and at this scale
      // took about a second of the process's time: they are not what is measured here.
      dailyJobs: false,
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
  await benchImport(dir, geoIndex);
  rmSync(dir, { recursive: true, force: true });
}

await main();
