/**
 * Freshness on Node: the real server (its directory reads the version every second) on a libSQL
 * file, while the console's own code changes listings through another handle on the same file,
 * as another process would. See tests/support/freshness.ts for the steps.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, it } from "vitest";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import type { SearchResponse } from "../../schema/contract.js";
import { runFreshness } from "../support/freshness.js";

describe("search on Node after listings change in another process", () => {
  const dir = mkdtempSync(join(tmpdir(), "signpost-fresh-"));
  const url = `file:${join(dir, "fresh.db")}`;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({
      config: readConfig({
        PORT: "0",
        DATABASE_URL: url,
        RESPONSE_CACHE: "on",
        RATE_LIMITS: "off",
      }),
      logger: silentLogger,
      dailyJobs: false,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("reflects a publish, an archive, an accepted import and a check within a second", async () => {
    const handle = openDb(url);
    try {
      await runFreshness({
        db: handle.db,
        geo: await loadGeoIndex(handle.db),
        now: () => new Date(),
        search: async (params) => {
          const res = await fetch(`${server.url}/api/v1/search?${params}`);
          if (res.status !== 200) throw new Error(`search answered ${res.status}`);
          return (await res.json()) as SearchResponse;
        },
        settle: () => new Promise((r) => setTimeout(r, 1_100)),
      });
    } finally {
      handle.close();
    }
  }, 60_000);
});
