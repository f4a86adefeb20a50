import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { memo } from "../../api/deps.js";
import { UsageCounter } from "../../api/embed-usage.js";
import { silentLogger } from "../../api/logger.js";
import { embedSites } from "../../schema/embed.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";

describe("embed site usage", () => {
  let backend: Backend;
  let usage: UsageCounter;
  let app: ReturnType<typeof createApp>;
  const search = (site: string, origin?: string) =>
    app.request(`/api/v1/search?postcode=EX4%204&site=${site}`, {
      headers: origin ? { Origin: origin } : {},
    });
  const counts = () =>
    backend.db.all<{ site_id: string; day: string; searches: number }>(
      sql`select * from embed_usage order by site_id`,
    );

  beforeAll(async () => {
    backend = await openBackend("memory");
    await backend.db.insert(embedSites).values([
      { id: "exeter-gp", name: "Exeter GP (example)", allowedOrigins: ["https://surgery.example"] },
      { id: "open-charity", name: "Charity (example)", allowedOrigins: [] },
    ]);
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

  it("counts searches per registered site and day, from allowed origins only", async () => {
    expect((await search("exeter-gp", "https://surgery.example")).status).toBe(200);
    expect((await search("exeter-gp", "https://surgery.example")).status).toBe(200);
    expect((await search("exeter-gp", "https://elsewhere.example")).status).toBe(200);
    expect((await search("exeter-gp")).status).toBe(200);
    expect((await search("open-charity", "https://any.example")).status).toBe(200);
    await usage.flush();
    expect(await counts()).toEqual([
      { site_id: "exeter-gp", day: "2026-11-26", searches: 2 },
      { site_id: "open-charity", day: "2026-11-26", searches: 1 },
    ]);
  });

  it("answers unknown sites the same and counts nothing for them", async () => {
    const before = await counts();
    const known = await app.request("/api/v1/search?postcode=EX4%204");
    const unknown = await search("not-registered", "https://x.example");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toBe(await known.text());
    expect((await search("Bad Site!<>")).status).toBe(200);
    await usage.flush();
    expect(await counts()).toEqual(before);
  });

  it("adds to the day's count on later flushes and keeps no personal data", async () => {
    await search("open-charity");
    await usage.flush();
    const rows = await counts();
    expect(rows.find((r) => r.site_id === "open-charity")?.searches).toBe(2);
    const columns = await backend.db.all<{ name: string }>(
      sql`select name from pragma_table_info('embed_usage')`,
    );
    expect(columns.map((c) => c.name).sort()).toEqual(["day", "searches", "site_id"]);
  });
});
