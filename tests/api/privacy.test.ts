import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { memo } from "../../api/deps.js";
import { jsonLogger } from "../../api/logger.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";

const FULL_POSTCODES = [
  "EX4 4PQ",
  "ex44pq",
  "CF10 1EP",
  "ZZ1 1ZZ",
  "HR3 5DE",
  "BT1 1AA",
  "SW1A 1AA",
];

describe("privacy: a full postcode never reaches a log, a table or an error message", () => {
  let backend: Backend;
  const lines: string[] = [];
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    backend = await openBackend("memory");
    // The real JSON logger, writing to a captured sink instead of stdout.
    app = createApp({
      db: backend.db,
      logger: jsonLogger((line) => lines.push(line)),
      geo: memo(() => loadGeoIndex(backend.db)),
      now: () => FIXED_NOW,
    });
  });
  afterAll(() => backend?.close());

  it("keeps full postcodes out of logs and responses on every route and error path", async () => {
    const bodies: string[] = [];
    for (const p of FULL_POSTCODES) {
      const q = encodeURIComponent(p);
      for (const path of [
        `/api/v1/search?postcode=${q}`,
        `/api/v1/search?postcode=${q}&kind=nope`,
        `/api/v1/search?postcode=${q}x`,
        `/api/v1/places/${q}`,
      ]) {
        const res = await app.request(path);
        expect(res.status).toBeLessThan(500);
        bodies.push(await res.text());
      }
    }
    expect(lines.length).toBeGreaterThan(0);
    const logged = lines
      .join("\n")
      .toUpperCase()
      .replace(/\s|%20/g, "");
    const answered = bodies.join("\n").toUpperCase().replace(/\s/g, "");
    for (const p of FULL_POSTCODES) {
      const compact = p.toUpperCase().replace(/\s/g, "");
      expect(logged).not.toContain(compact);
      expect(answered).not.toContain(compact);
    }
  });

  it("writes nothing about searches into the database", async () => {
    await app.request(`/api/v1/search?postcode=${encodeURIComponent("EX4 4PQ")}`);
    const tables = await backend.db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const { name } of tables) {
      const rows = await backend.db.all<Record<string, unknown>>(
        sql.raw(`select * from "${name}"`),
      );
      const text = JSON.stringify(rows).toUpperCase();
      expect(text, name).not.toContain("EX4 4PQ");
      expect(text, name).not.toContain("EX44PQ");
    }
  });

  it("keeps only the sector of a full postcode written in a problem report, in every table", async () => {
    for (const [i, p] of FULL_POSTCODES.entries()) {
      const res = await app.request("/api/v1/services/samaritans/reports", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ reason: "other", text: `Report ${i}: I live at ${p}, call me.` }),
      });
      expect(res.status).toBe(201);
      expect(await res.text()).not.toContain(p);
    }
    const kept = await backend.db.all<{ text: string }>(
      sql`select text from reports where text like 'Report %'`,
    );
    expect(kept.map((r) => r.text)).toContain("Report 0: I live at EX4 4, call me.");
    expect(kept.map((r) => r.text)).toContain("Report 1: I live at EX4 4, call me.");
    const tables = await backend.db.all<{ name: string }>(
      sql`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`,
    );
    for (const { name } of tables) {
      const rows = await backend.db.all<Record<string, unknown>>(
        sql.raw(`select * from "${name}"`),
      );
      const text = JSON.stringify(rows).toUpperCase().replace(/\s/g, "");
      for (const p of FULL_POSTCODES) {
        expect(text, name).not.toContain(p.toUpperCase().replace(/\s/g, ""));
      }
    }
  });
});
