/**
 * The in-memory directory on Workers: `wrangler dev` on sqld, with a counting proxy between them
 * on loopback, so the test sees every database request the Worker makes. In steady state an
 * uncached search costs at most one (the version read, every DIRECTORY_CHECK_SECONDS), and after
 * listings change elsewhere the next search once a check is due reflects it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { prepareDb } from "../../api/db/prepare.js";
import type { SearchResponse } from "../../schema/contract.js";
import { type CountingProxy, startCountingProxy } from "../support/counting-proxy.js";
import { runFreshness } from "../support/freshness.js";
import { type Sqld, startSqld } from "../support/sqld.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler.js";

const CHECK_SECONDS = 1;
let sqld: Sqld;
let proxy: CountingProxy;
let worker: WranglerDev;

beforeAll(async () => {
  sqld = await startSqld();
  const handle = openDb(sqld.url, undefined, { timeoutMs: 30_000 });
  await prepareDb(handle.db, { demo: true });
  handle.close();
  proxy = await startCountingProxy(sqld.url);
  worker = await startWranglerDev({
    DATABASE_URL: proxy.url,
    RATE_LIMITS: "off",
    DIRECTORY_CHECK_SECONDS: String(CHECK_SECONDS),
  });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await proxy?.stop();
  await sqld?.stop();
});

const search = async (params: string): Promise<SearchResponse> => {
  const res = await fetch(`${worker.url}/api/v1/search?${params}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as SearchResponse;
};

describe("the directory on Workers", () => {
  it("makes at most one database request per uncached search in steady state", async () => {
    await search("postcode=EX4%204"); // the isolate loads the directory
    const sectors = ["EX4 4", "EX2 4", "PL1 1", "CF10 1", "SA1 1", "G1 1", "M1 1", "LS1 1"];
    proxy.reset();
    const started = performance.now();
    let searches = 0;
    // Distinct filter mixes, so every search misses the answer cache and runs.
    for (const [i, sector] of sectors.entries()) {
      for (const limit of [3, 7, 11]) {
        const body = await search(
          `postcode=${encodeURIComponent(sector)}&limit=${limit}&radiusKm=${20 + i}`,
        );
        expect(body.crisis.length).toBeGreaterThan(0);
        searches++;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    const requests = proxy.count();
    console.log(
      `${searches} uncached searches in ${seconds.toFixed(1)} s made ${requests} database requests`,
    );
    expect(requests).toBeLessThanOrEqual(searches);
    // One version read per check interval at most (plus the one that may be under way).
    expect(requests).toBeLessThanOrEqual(Math.ceil(seconds / CHECK_SECONDS) + 1);
  }, 120_000);

  it("reflects a publish, an archive, an accepted import and a check once the version is read", async () => {
    // Generous: the geography read is large, and the machine may be busy.
    const handle = openDb(sqld.url, undefined, { timeoutMs: 30_000 });
    try {
      await runFreshness({
        db: handle.db,
        geo: await loadGeoIndex(handle.db),
        now: () => new Date(),
        search,
        settle: () => new Promise((r) => setTimeout(r, CHECK_SECONDS * 1_000 + 200)),
      });
    } finally {
      handle.close();
    }
  }, 120_000);
});
