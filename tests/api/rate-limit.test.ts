import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { type Deps, memo } from "../../api/deps.js";
import { silentLogger } from "../../api/logger.js";
import { MemoryRateLimiter, Semaphore } from "../../api/rate-limit.js";
import type { ErrorBody } from "../../schema/contract.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";

/** The app on a seeded in-memory database, with the given limits. */
const appOn = (backend: Backend, limits: Deps["limits"]) =>
  createApp({
    db: backend.db,
    logger: silentLogger,
    geo: memo(() => loadGeoIndex(backend.db)),
    now: () => FIXED_NOW,
    limits,
  });

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

describe("Semaphore", () => {
  it("lets `max` run, queues `queue` more, refuses the rest, and hands turns on in order", async () => {
    const s = new Semaphore(1, 1);
    const first = await s.acquire();
    expect(first).not.toBeNull();
    const order: string[] = [];
    const second = s.acquire().then((release) => {
      order.push("second");
      return release;
    });
    expect(await s.acquire()).toBeNull();
    first?.();
    const release = await second;
    expect(order).toEqual(["second"]);
    // Releasing twice gives back one turn only.
    release?.();
    release?.();
    const a = await s.acquire();
    expect(a).not.toBeNull();
    const b = s.acquire();
    expect(await s.acquire()).toBeNull();
    a?.();
    (await b)?.();
  });
});

describe("public rate limits on the app", () => {
  let backend: Backend;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    backend = await openBackend("memory");
    app = appOn(backend, {
      public: new MemoryRateLimiter(3, 60),
      reports: new MemoryRateLimiter(1, 60),
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

  it("counts the Open Referral feed against the same allowance, answering JSON", async () => {
    const feed = () => app.request("/oruk/taxonomies", from("198.51.100.4"));
    for (let i = 0; i < 3; i++) expect((await feed()).status).toBe(200);
    const limited = await feed();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    expect((await app.request("/oruk/", from("198.51.100.4"))).status).toBe(429);
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

describe("limits on public pages and the print tools", () => {
  let backend: Backend;
  let app: ReturnType<typeof createApp>;
  const renderSlots = new Semaphore(1, 0, 3);
  beforeAll(async () => {
    backend = await openBackend("memory");
    app = appOn(backend, {
      pages: new MemoryRateLimiter(4, 60),
      renders: new MemoryRateLimiter(2, 60),
      renderSlots,
    });
  });
  afterAll(() => backend?.close());

  const from = (ip: string, headers: Record<string, string> = {}) => ({
    headers: { "cf-connecting-ip": ip, ...headers },
  });
  const PDF = "/print/pack.pdf?postcode=EX4+4&moment=birth&lang=en";

  it("limits each client across /print, /services/*, /embed and the PDF, with a calm HTML page and the crisis routes", async () => {
    const ip = "198.51.100.20";
    for (const path of ["/print", "/services/samaritans", "/embed", "/print/poster"]) {
      expect((await app.request(path, from(ip))).status, path).toBeLessThan(400);
    }
    for (const path of ["/print", "/print/poster", PDF, "/services/samaritans", "/embed"]) {
      const res = await app.request(path, from(ip, { accept: "text/html" }));
      expect(res.status, path).toBe(429);
      expect(res.headers.get("retry-after"), path).toBe("60");
      expect(res.headers.get("content-type"), path).toContain("text/html");
      const html = await res.text();
      expect(html, path).toContain("Please wait a moment");
      for (const route of ['href="tel:999"', 'href="tel:111"', 'href="tel:116123"', "85258"]) {
        expect(html, `${path} ${route}`).toContain(route);
      }
    }
    const welsh = await app.request("/services/samaritans?lang=cy", from(ip));
    expect(welsh.status).toBe(429);
    expect(await welsh.text()).toContain("Arhoswch am funud");
    // A client that asks for JSON gets the error envelope; other clients and /health go on.
    const json = await app.request("/embed", from(ip, { accept: "application/json" }));
    expect(json.status).toBe(429);
    expect(((await json.json()) as ErrorBody).error.code).toBe("rate_limited");
    expect((await app.request("/embed", from("198.51.100.21"))).status).toBe(200);
    expect((await app.request("/health", from(ip))).status).toBe(200);
  });

  it("makes one PDF or poster at a time here: the next is refused with 429 and Retry-After until it is done", async () => {
    const held = await renderSlots.acquire();
    const busy = await app.request(PDF, from("198.51.100.30"));
    expect(busy.status).toBe(429);
    expect(busy.headers.get("retry-after")).toBe("3");
    expect(await busy.text()).toContain("The print tools are busy");
    const poster = await app.request("/print/poster?area=E07000041", from("198.51.100.31"));
    expect(poster.status).toBe(429);
    // Pages that make no PDF or poster are not held up.
    expect((await app.request("/print", from("198.51.100.32"))).status).toBe(200);
    held?.();
    const pdf = await app.request(PDF, from("198.51.100.30"));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    // The turn is given back once the PDF is made.
    const again = await renderSlots.acquire();
    expect(again).not.toBeNull();
    again?.();
  });

  it("limits PDFs and posters per client more tightly than pages", async () => {
    const ip = "198.51.100.40";
    for (let i = 0; i < 2; i++) expect((await app.request(PDF, from(ip))).status).toBe(200);
    const third = await app.request(PDF, from(ip));
    expect(third.status).toBe(429);
    expect(await third.text()).toContain("Please wait a moment");
    // Pages are still within this client's allowance, and another client still gets its PDF.
    expect((await app.request("/print", from(ip))).status).toBe(200);
    expect((await app.request(PDF, from("198.51.100.41"))).status).toBe(200);
  });
});
