/**
 * Faults on the remote-database path: the Node server in front of a real sqld that is stopped,
 * frozen and brought back. The API must answer 503 with the error envelope, never hang, and
 * recover by itself.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import type { ErrorBody } from "../../schema/contract.js";
import { freePort, type Sqld, startSqld } from "../support/sqld.js";

const SEARCH = "/api/v1/search?postcode=EX4%204";
/** A read that always goes to the database (search answers from the in-memory directory). */
const READ = "/api/v1/services/samaritans";

describe("when the libSQL server fails", () => {
  const dir = mkdtempSync(join(tmpdir(), "signpost-faults-"));
  let port: number;
  let sqld: Sqld;
  let server: RunningServer;

  beforeAll(async () => {
    port = await freePort();
    sqld = await startSqld({ dir, port });
    const handle = openDb(sqld.url);
    await prepareDb(handle.db, { demo: true });
    handle.close();
    server = await startServer({
      config: readConfig({
        PORT: "0",
        DATABASE_URL: sqld.url,
        RESPONSE_CACHE: "off",
        RATE_LIMITS: "off",
        DATABASE_TIMEOUT_MS: "1500",
      }),
      logger: silentLogger,
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await sqld?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const timed = async (path: string) => {
    const started = performance.now();
    const res = await fetch(`${server.url}${path}`);
    return { res, ms: performance.now() - started };
  };

  it("answers 200 while the database is up", async () => {
    expect((await timed(SEARCH)).res.status).toBe(200);
    expect((await timed(READ)).res.status).toBe(200);
  });

  it("answers 503 with the error envelope when sqld is stopped, then recovers when it is back", async () => {
    await sqld.stop();
    const { res, ms } = await timed(READ);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("service_unavailable");
    expect(body.error.requestId).toMatch(/[0-9a-f-]{36}/);
    expect(ms).toBeLessThan(3_000);
    // Liveness does not depend on the database; readiness does.
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    expect((await fetch(`${server.url}/health/ready`)).status).toBe(503);
    // Search keeps answering from the directory it holds, within the query timeout.
    const searched = await timed(SEARCH);
    expect(searched.res.status).toBe(200);
    expect(searched.ms).toBeLessThan(3_000);

    sqld = await startSqld({ dir, port });
    const back = await timed(READ);
    expect(back.res.status).toBe(200);
  });

  it("answers 503 within the query timeout when sqld stops answering, and recovers", async () => {
    const { pid } = sqld;
    expect(pid).toBeGreaterThan(0);
    process.kill(pid, "SIGSTOP");
    try {
      const { res, ms } = await timed(READ);
      expect(res.status).toBe(503);
      expect(ms).toBeGreaterThan(1_000);
      expect(ms).toBeLessThan(5_000);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    const back = await timed(READ);
    expect(back.res.status).toBe(200);
  });
});
