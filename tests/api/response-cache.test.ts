import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/app.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { memo } from "../../api/deps.js";
import { silentLogger } from "../../api/logger.js";
import { etagOf, ResponseCache } from "../../api/response-cache.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("ResponseCache", () => {
  it("forgets entries after their time to live", async () => {
    const cache = new ResponseCache(10, 1_000);
    await cache.set("a", { body: "1", etag: '"x"' }, 0);
    expect((await cache.get("a", 999))?.body).toBe("1");
    expect(await cache.get("a", 1_000)).toBeUndefined();
  });

  it("evicts the least recently used entry when full", async () => {
    const cache = new ResponseCache(2, 60_000);
    await cache.set("a", { body: "a", etag: "" }, 0);
    await cache.set("b", { body: "b", etag: "" }, 0);
    await cache.get("a", 1);
    await cache.set("c", { body: "c", etag: "" }, 2);
    expect(await cache.get("b", 3)).toBeUndefined();
    expect((await cache.get("a", 3))?.body).toBe("a");
    expect(cache.size).toBe(2);
  });

  it("makes the same strong ETag for the same body and another for a different one", () => {
    expect(etagOf("{}")).toBe(etagOf("{}"));
    expect(etagOf("{}")).not.toBe(etagOf("[]"));
    expect(etagOf("")).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it("tells apart bodies that differ in one character, its place or a Welsh letter", () => {
    const body = JSON.stringify({ name: "Grŵp Cymorth Caerdydd", next: "2026-12-03T10:00:00Z" });
    const variants = new Set([body]);
    for (let i = 0; i < body.length; i++) {
      variants.add(`${body.slice(0, i)}x${body.slice(i + 1)}`);
      if (i + 1 < body.length)
        variants.add(body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2));
    }
    variants.add(body.replace("ŵ", "w"));
    const tags = new Set([...variants].map(etagOf));
    expect(tags.size).toBe(variants.size);
  });
});

describe("search answers through the cache", () => {
  let backend: Backend;
  let cache: ResponseCache;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    backend = await openBackend("memory");
    cache = new ResponseCache();
    app = createApp({
      db: backend.db,
      logger: silentLogger,
      geo: memo(() => loadGeoIndex(backend.db)),
      now: () => FIXED_NOW,
      cache,
    });
  });
  afterAll(() => backend?.close());

  it("shares one entry between a full postcode and its sector, and keys filters in any order", async () => {
    const a = await app.request(
      "/api/v1/search?postcode=EX4%204PQ&kind=peer-group,helpline&free=true",
    );
    const b = await app.request(
      "/api/v1/search?postcode=ex4%204&free=true&kind=helpline&kind=peer-group",
    );
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(await a.text()).toBe(await b.text());
    // One entry for both (the crisis routes come from the in-memory directory, not the cache).
    expect(cache.size).toBe(1);
  });

  it("sends a Welsh answer from the cache as the same text and ETag as when it was made", async () => {
    const path = "/api/v1/search?postcode=CF10%201AA&lang=cy";
    const made = await app.request(path);
    const kept = await app.request(path);
    expect(made.status).toBe(200);
    expect(kept.status).toBe(200);
    const body = await made.text();
    // Welsh letters and typography: more bytes than characters.
    expect(bytes(body).byteLength).toBeGreaterThan(body.length);
    expect(await kept.text()).toBe(body);
    for (const res of [made, kept]) {
      expect(res.headers.get("Content-Type")).toBe("application/json; charset=UTF-8");
      expect(res.headers.get("ETag")).toBe(etagOf(body));
    }
  });

  it("does not cache errors", async () => {
    const before = cache.size;
    expect((await app.request("/api/v1/search?postcode=ZZ1%201ZZ")).status).toBe(404);
    expect((await app.request("/api/v1/services/no-such")).status).toBe(404);
    expect(cache.size).toBe(before);
  });
});
