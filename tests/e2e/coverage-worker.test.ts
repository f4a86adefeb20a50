/**
 * Coverage on the Worker build: a real sqld with the migrations and seed, `wrangler dev`
 * offline in front of it. The isolate computes the figures from the directory snapshot it holds.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import type { AreaReport } from "../../api/domain/coverage/index.js";
import { type Sqld, startSqld } from "../support/sqld.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";

let sqld: Sqld;
let worker: WranglerDev;
beforeAll(async () => {
  await ensureWidgetBuild();
  sqld = await startSqld();
  const handle = openDb(sqld.url);
  await prepareDb(handle.db, { demo: true });
  handle.close();
  worker = await startWranglerDev({ DATABASE_URL: sqld.url, RATE_LIMITS: "off" });
}, 240_000);
afterAll(async () => {
  await worker?.stop();
  await sqld?.stop();
});

describe("coverage on the Worker", () => {
  it("answers the API, the page and the downloads as Node does", { timeout: 120_000 }, async () => {
    const res = await fetch(`${worker.url}/api/v1/coverage?area=W11000029&criterion=welsh`);
    expect(res.status).toBe(200);
    const report = (await res.json()) as AreaReport;
    expect(report.area.name).toBe("Cardiff and Vale University Health Board");
    expect(report.summary.applicable).toBe(true);
    expect(report.summary.sectorsCovered).toBeGreaterThan(0);
    expect(report.sectors).toHaveLength(report.summary.sectors);
    const page = await fetch(`${worker.url}/coverage/W11000029?criterion=welsh&lang=cy`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page.text()).toContain('<svg class="cov-map"');
    const csv = await fetch(`${worker.url}/coverage/W11000029/sectors.csv`);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\r\n").filter(Boolean)).toHaveLength(
      report.sectors.length + 1,
    );
    expect((await fetch(`${worker.url}/api/v1/coverage?area=nowhere`)).status).toBe(404);
  });
});
