import { describe, expect, it } from "vitest";
import { EdgeCache, EdgeSnapshotStore } from "../../api/edge-cache.js";
import { etagOf } from "../../api/response-cache.js";

/**
 * The Cache API's part that the edge caches use (`match` and `put`, by URL), as one data centre
 * holds it: every Worker on the same zone shares it. The Workers runtime is tried end to end in
 * tests/e2e/worker*.test.ts; this checks what each key names.
 */
class DataCentre {
  readonly urls: string[] = [];
  private readonly held = new Map<string, { body: ArrayBuffer; headers: Headers }>();

  async match(url: string): Promise<Response | undefined> {
    const hit = this.held.get(url);
    return hit ? new Response(hit.body.slice(0), { headers: hit.headers }) : undefined;
  }

  async put(url: string, res: Response): Promise<void> {
    this.urls.push(url);
    this.held.set(url, { body: await res.arrayBuffer(), headers: new Headers(res.headers) });
  }

  asCache(): Cache {
    return this as unknown as Cache;
  }
}

const answer = (body: string) => ({ body, etag: etagOf(body) });

describe("EdgeCache", () => {
  it("keeps an answer's text and ETag", async () => {
    const centre = new DataCentre();
    const cache = new EdgeCache(centre.asCache(), "libsql://one.example");
    const kept = answer('{"name":"Grŵp Cymorth Caerdydd"}');
    await cache.set("search:CF10 1?lang=cy@2026-12-02", kept);
    const got = await cache.get("search:CF10 1?lang=cy@2026-12-02");
    expect(got?.etag).toBe(kept.etag);
    expect(got?.body).toBe('{"name":"Grŵp Cymorth Caerdydd"}');
    expect(await cache.get("search:CF10 1?lang=en@2026-12-02")).toBeUndefined();
  });

  it("never answers one deployment with another's answer, in a shared data centre", async () => {
    const centre = new DataCentre();
    const one = new EdgeCache(centre.asCache(), "libsql://one.example");
    const other = new EdgeCache(centre.asCache(), "libsql://other.example");
    const key = "search:EX4 4?@2026-12-02";
    await one.set(key, answer('{"from":"one"}'));
    expect(await other.get(key)).toBeUndefined();
    await other.set(key, answer('{"from":"other"}'));
    expect((await one.get(key))?.body).toBe('{"from":"one"}');
    expect((await other.get(key))?.body).toBe('{"from":"other"}');
    // A second Worker on the same database shares its answers.
    const again = new EdgeCache(centre.asCache(), "libsql://one.example");
    expect((await again.get(key))?.body).toBe('{"from":"one"}');
    expect(new Set(centre.urls).size).toBe(2);
  });
});

describe("EdgeSnapshotStore", () => {
  it("keeps a snapshot by database and version", async () => {
    const centre = new DataCentre();
    const one = new EdgeSnapshotStore(centre.asCache(), "libsql://one.example");
    const other = new EdgeSnapshotStore(centre.asCache(), "libsql://other.example");
    await one.put(7, '{"version":7}');
    expect(await one.get(7)).toBe('{"version":7}');
    expect(await one.get(8)).toBeUndefined();
    expect(await other.get(7)).toBeUndefined();
  });
});
