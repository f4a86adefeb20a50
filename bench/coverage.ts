/**
 * `npm run bench:coverage`: whole-UK coverage (every sector, every criterion) on the UK-scale
 * synthetic directory of `npm run bench`, with the time of each step, each criterion computed
 * alone, and a brute-force baseline (every listing against every sector, for a sample of
 * sectors) whose answers are compared with the real ones. Prints figures; asserts nothing.
 */

import { openDb } from "../api/db/client.js";
import { parseDirectorySnapshot, readDirectorySnapshot } from "../api/db/directory-snapshot.js";
import { loadGeo, loadGeoIndex } from "../api/db/load-geo.js";
import { migrateDb } from "../api/db/migrate.js";
import type { ServiceBundle } from "../api/domain/bundle.js";
import {
  applicableMask,
  BIT,
  type CoverageSector,
  CRITERIA,
  calendar,
  computeCoverage,
  coverageAreas,
  coverageSectors,
  listingMasks,
  listingsServing,
  REACH_KM,
  RURAL_REACH_KM,
  ruralFlags,
  SectorReach,
  summariseAll,
} from "../api/domain/coverage/index.js";
import { distanceKm } from "../api/domain/distance.js";
import { buildSynthetic, prng } from "./synthetic.js";

const SERVICES = Number(process.env.BENCH_SERVICES ?? 20_000);
const LOCATIONS = Number(process.env.BENCH_LOCATIONS ?? 40_000);
const SAMPLE = Number(process.env.BENCH_SAMPLE ?? 300);

const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
function timed<T>(label: string, run: () => T): T {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = run();
  const used = process.cpuUsage(cpu);
  console.log(
    `  ${label.padEnd(44)} ${ms(performance.now() - t)}  (CPU ${ms((used.user + used.system) / 1000)})`,
  );
  return out;
}

/** The rule of docs/coverage.md written plainly: every listing against one sector. */
function bruteForce(
  s: CoverageSector,
  rural: boolean,
  listings: readonly { b: ServiceBundle; m: ReturnType<typeof listingMasks> }[],
) {
  const km = rural ? RURAL_REACH_KM : REACH_KM;
  let mask = 0;
  for (const { b, m } of listings) {
    const near = b.locations.some(
      (l) => distanceKm(s.latitude, s.longitude, l.latitude, l.longitude) <= km,
    );
    if (near) mask |= m.venue;
    const inArea = b.areas.some((a) => {
      switch (a.kind) {
        case "uk":
          return true;
        case "country":
          return a.code === s.country;
        case "district":
          return a.code === s.outcode;
        case "lad":
          return a.code === s.lad;
        case "icb":
          return a.code === s.icb;
        case "lhb":
          return a.code === s.lhb;
        case "hb":
          return a.code === s.hb;
        case "radius":
          return (
            a.latitude !== null &&
            a.longitude !== null &&
            a.radiusKm !== null &&
            distanceKm(s.latitude, s.longitude, a.latitude, a.longitude) <= a.radiusKm
          );
      }
      return false;
    });
    if (inArea) mask |= m.area;
  }
  return mask & applicableMask(s.country);
}

async function main() {
  console.log(`Perinatal Signpost coverage benchmark (${new Date().toISOString()})`);
  console.log(`node ${process.version}`);
  const handle = openDb(":memory:");
  await migrateDb(handle.db);
  await loadGeo(handle.db);
  const geo = await loadGeoIndex(handle.db);
  let t = performance.now();
  const built = await buildSynthetic(handle.db, geo, { services: SERVICES, locations: LOCATIONS });
  console.log(
    `dataset: ${built.services} services, ${built.locations} locations, ${built.areas} service areas (built in ${((performance.now() - t) / 1000).toFixed(1)} s)`,
  );
  const bundles = parseDirectorySnapshot((await readDirectorySnapshot(handle.db)).text).bundles;
  const now = new Date();
  const sectors = coverageSectors(geo.sectors.values(), geo.healthBoardOfLad);
  console.log(`${sectors.length} sectors, ${bundles.length} published listings\n`);

  console.log("whole UK, all criteria:");
  t = performance.now();
  const rural = timed("rural sectors (once per geography)", () => ruralFlags(sectors));
  const reach = timed(
    "reach model (masks, venue grid, calendars)",
    () => new SectorReach(sectors, bundles, now, rural),
  );
  const coverage = timed("every sector, every criterion and week", () => computeCoverage(reach));
  const areas = timed("areas (UK, nations, ICB, LHB, HB, LAD)", () =>
    coverageAreas(sectors, geo.areas),
  );
  timed(`summaries of ${areas.length} areas x ${CRITERIA.length} criteria`, () =>
    areas.map((a) => summariseAll(coverage, a.sectors)),
  );
  timed(`26-week calendars of ${areas.length} areas`, () =>
    areas.map((a) => calendar(coverage, a.sectors)),
  );
  console.log(
    `  ${"total, from the listings to every area's figures".padEnd(44)} ${ms(performance.now() - t)}`,
  );
  timed("listings serving the UK (per page, cached)", () => listingsServing(reach, areas[0]!));
  const devon = areas.find((a) => a.code === "E54000037");
  if (devon) timed("listings serving Devon ICB", () => listingsServing(reach, devon));

  console.log("\neach criterion alone (only the listings that can meet it):");
  for (const c of CRITERIA) {
    const own = bundles.filter((b) => {
      const m = listingMasks(b);
      return ((m.venue | m.area) & BIT[c]) !== 0;
    });
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const alone = computeCoverage(new SectorReach(sectors, own, now, rural));
    const wall = performance.now() - t0;
    const used = process.cpuUsage(cpu);
    const share = summariseAll(alone, areas[0]!.sectors).find((s) => s.criterion === c)!.share;
    console.log(
      `  ${c.padEnd(24)} ${String(own.length).padStart(6)} listings ${ms(wall)}  (CPU ${ms((used.user + used.system) / 1000)})  UK share covered ${((share ?? 0) * 100).toFixed(1)}%`,
    );
  }

  console.log(
    `\nbaseline: brute force (every listing, rules judged once, against each sector), ${SAMPLE} random sectors:`,
  );
  const rand = prng(11);
  const sample = Array.from({ length: SAMPLE }, () => Math.floor(rand() * sectors.length));
  const masked = reach.listings.map((b) => ({ b, m: listingMasks(b) }));
  const t1 = performance.now();
  const brute = sample.map((i) => bruteForce(sectors[i]!, rural[i] === 1, masked));
  const bruteMs = performance.now() - t1;
  const agree = sample.filter((i, k) => brute[k] === coverage.met[i]).length;
  console.log(
    `  ${ms(bruteMs)} for ${SAMPLE} sectors: ${(bruteMs / SAMPLE).toFixed(2)} ms a sector, about ${(((bruteMs / SAMPLE) * sectors.length) / 1000).toFixed(1)} s for the UK`,
  );
  console.log(
    `  index pass: ${(coverage.ms / sectors.length).toFixed(3)} ms a sector (${(coverage.ms / 1000).toFixed(2)} s for the UK)`,
  );
  console.log(`  answers agree with the index for ${agree} of ${SAMPLE} sectors`);
  handle.close();
}

await main();
