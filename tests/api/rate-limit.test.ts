import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { memo } from "../../api/deps.js";
import { silentLogger } from "../../api/logger.js";
import { MemoryRateLimiter } from "../../api/rate-limit.js";
import type { ErrorBody } from "../../schema/contract.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";

describe("MemoryRateLimiter", () => {
  it("allows `max` requests per client per window, then refuses until the next window", async () => {
    let t = 0;
    const limiter = new MemoryRateLimiter(2, 60, () => t);
    const ok = async (key: string) => (await limiter.limit({ key })).success;
    expect([await ok("a"), await ok("a"), await ok("a")]).toEqual([true, true, false]);
    expect(await ok("b")).toBe(true);
    t = 60_000;
    expect(await ok("a")).toBe(true);
  });
});

describe("public rate limits on the app", () => {
  let backend: Backend;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    backend = await openBackend("memory");
    app = createApp({
      db: backend.db,
      logger: silentLogger,
      geo: memo(() => loadGeoIndex(backend.db)),
      now: () => FIXED_NOW,
      limits: { public: new MemoryRateLimiter(3, 60), reports: new MemoryRateLimiter(1, 60) },
    });
  });
  afterAll(() => backend?.close());

  const from = (ip: string) => ({ headers: { "cf-connecting-ip": ip } });

  it("answers 429 with Retry-After and the error envelope once a client passes its limit", async () => {
    for (let i = 0; i < 3; i++) {
      expect((await app.request("/api/v1/taxonomy", from("198.51.100.1"))).status).toBe(200);
    }
    const limited = await app.request("/api/v1/search?postcode=EX4%204", from("198.51.100.1"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    // Another client is not affected, and pages outside the API are not limited.
    expect((await app.request("/api/v1/taxonomy", from("198.51.100.2"))).status).toBe(200);
    expect((await app.request("/health", from("198.51.100.1"))).status).toBe(200);
  });

  it("limits problem reports more strictly", async () => {
    const report = () =>
      app.request("/api/v1/services/samaritans/reports", {
        method: "POST",
        headers: { "content-type": "application/json", "cf-connecting-ip": "198.51.100.3" },
        body: JSON.stringify({ reason: "wrong-contact", text: "The number rang out." }),
      });
    expect((await report()).status).toBe(201);
    const second = await report();
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toBe("60");
  });
});
