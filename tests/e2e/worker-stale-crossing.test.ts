/**
 * A listing crossing its hide-as-stale instant on Workers, while the isolate keeps running with
 * the index it loaded: `wrangler dev` on sqld, through the counting proxy. workerd hangs under
 * libfaketime, so the Worker's clock is started a few seconds before the instant by CLOCK_START
 * (api/clock.ts) and runs at real speed across it. See tests/support/stale-crossing.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { type CountingProxy, startCountingProxy } from "../support/counting-proxy.js";
import { type Sqld, startSqld } from "../support/sqld.js";
import { firstHiddenInstant, runStaleCrossing } from "../support/stale-crossing.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler.js";

/** How long before the instant the Worker's clock starts: time to load and ask before it. */
const LEAD_MS = 12_000;
let sqld: Sqld;
let proxy: CountingProxy;
let worker: WranglerDev;
let crossing: number;
let upAt: number;

beforeAll(async () => {
  sqld = await startSqld();
  const handle = openDb(sqld.url, undefined, { timeoutMs: 30_000 });
  await prepareDb(handle.db, { demo: true });
  crossing = await firstHiddenInstant(handle.db);
  handle.close();
  proxy = await startCountingProxy(sqld.url);
  worker = await startWranglerDev({
    DATABASE_URL: proxy.url,
    RATE_LIMITS: "off",
    // No version read falls due during the test: the isolate keeps the index it loaded.
    DIRECTORY_CHECK_SECONDS: "600",
    CLOCK_START: new Date(crossing - LEAD_MS).toISOString(),
  });
  upAt = Date.now();
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await proxy?.stop();
  await sqld?.stop();
});

describe("a listing crossing its stale date on Workers", () => {
  it("leaves the next search once the isolate's clock passes its instant, cached answers too, with no database request", async () => {
    const requests = await runStaleCrossing({
      url: worker.url,
      crossing,
      clockStart: crossing - LEAD_MS,
      // The isolate makes its app, and clock, at the first request it serves.
      clockMadeAfter: worker.firstRequestAt,
      clockMadeBefore: upAt,
      database: proxy,
    });
    console.log(
      `crossed ${new Date(crossing - 1).toISOString()}: ${requests} database requests after the index loaded`,
    );
    expect(requests).toBe(0);
  }, 120_000);
});
