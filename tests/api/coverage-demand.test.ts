import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApp } from "../../api/app.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { memo } from "../../api/deps.js";
import type { AreaReport } from "../../api/domain/coverage/index.js";
import { UsageCounter } from "../../api/embed-usage.js";
import { silentLogger } from "../../api/logger.js";
import { embedSites } from "../../schema/embed.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";

/** Demand beside supply: searches from registered sites per district and month, suppressed. */

let backend: Backend;
let usage: UsageCounter;
let app: ReturnType<typeof createApp>;
const search = (postcode: string, site = "open-charity") =>
  app.request(`/api/v1/search?postcode=${encodeURIComponent(postcode)}&site=${site}`);
const rows = () =>
  backend.db.all<{ district: string; month: string; searches: number; without_local: number }>(
    sql`select * from demand_counts order by district`,
  );

beforeAll(async () => {
  backend = await openBackend("memory");
  await backend.db
    .insert(embedSites)
    .values({ id: "open-charity", name: "Charity (example)", allowedOrigins: [] });
  usage = new UsageCounter(backend.db, () => FIXED_NOW);
  app = createApp({
    db: backend.db,
    logger: silentLogger,
    geo: memo(() => loadGeoIndex(backend.db)),
    now: () => FIXED_NOW,
    usage,
  });
});
afterAll(() => backend?.close());

describe("demand counts", () => {
  it("counts a registered site's searches per district and month, and those with nothing local", async () => {
    // Exeter has local groups; Wick (KW1) has only national lines in the seeded directory.
    for (let i = 0; i < 9; i++)
      expect((await search(i % 2 ? "EX4 4PQ" : "EX4 6")).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await search("KW1 4")).status).toBe(200);
    expect((await search("KW1 4", "not-registered")).status).toBe(200);
    await vi.waitFor(async () => {
      await usage.flush();
      expect(await rows()).toEqual([
        { district: "EX4", month: "2026-11", searches: 9, without_local: 0 },
        { district: "KW1", month: "2026-11", searches: 3, without_local: 3 },
      ]);
    });
    // Nothing finer than the district and the month is kept.
    const columns = await backend.db.all<{ name: string }>(sql`pragma table_info(demand_counts)`);
    expect(columns.map((c) => c.name)).toEqual(["district", "month", "searches", "without_local"]);
  });

  it("shows them suppressed below the whole UK, exact for the UK", async () => {
    const devon = (await (
      await app.request("/api/v1/coverage?area=E54000037")
    ).json()) as AreaReport;
    expect(devon.demand.districts.EX4).toEqual({ searches: 10, withoutLocal: 0 });
    expect(devon.demand.total).toEqual({ searches: 10, withoutLocal: 0 });
    const highland = (await (
      await app.request("/api/v1/coverage?area=S08000022")
    ).json()) as AreaReport;
    expect(highland.demand.districts.KW1).toEqual({ searches: "<8", withoutLocal: "<8" });
    const uk = (await (await app.request("/api/v1/coverage?area=uk")).json()) as AreaReport;
    expect(uk.demand.total).toEqual({ searches: 12, withoutLocal: 3 });
    const page = await (await app.request("/coverage/S08000022")).text();
    expect(page).toContain(
      "over the last 12 months: fewer than 8. Of these, fewer than 8 found nothing local",
    );
    expect(page).toMatch(
      /<th scope="row">KW1<\/th>(<td>[^<]*<\/td>){3}<td>fewer than 8<\/td><td>fewer than 8<\/td>/,
    );
  });
});
