import type { AnswerCache, CachedBody } from "./response-cache.js";

/**
 * Public answers in the Workers Cache API (per data centre), by database and question. The
 * Cache API cannot be emptied at once, so entries simply live `ttlSeconds`: a publish shows
 * everywhere within that time.
 */
export class EdgeCache implements AnswerCache {
  constructor(
    private readonly cache: Cache,
    /** Names the database (never its token), so two deployments never share answers. */
    private readonly database: string,
    private readonly ttlSeconds = 60,
  ) {}

  private url(key: string): string {
    return `https://answers.signpost.invalid/${encodeURIComponent(this.database)}/${encodeURIComponent(key)}`;
  }

  async get(key: string): Promise<CachedBody | undefined> {
    const res = await this.cache.match(this.url(key));
    if (!res) return undefined;
    return { body: await res.text(), etag: res.headers.get("x-answer-etag") ?? "" };
  }

  async set(key: string, value: CachedBody): Promise<void> {
    const headers = {
      "Cache-Control": `public, max-age=${this.ttlSeconds}`,
      "x-answer-etag": value.etag,
    };
    await this.cache.put(this.url(key), new Response(value.body, { headers }));
  }

  clear(): void {}
}

/**
 * Directory snapshots in the Workers Cache API, by database and version. A version's snapshot
 * never changes, so it may live long; a new version is simply another key.
 */
export class EdgeSnapshotStore {
  constructor(
    private readonly cache: Cache,
    /** Names the database (never its token), so two deployments never share snapshots. */
    private readonly database: string,
    private readonly ttlSeconds = 86_400,
  ) {}

  private url(version: number): string {
    return `https://directory.signpost.invalid/${encodeURIComponent(this.database)}/v${version}`;
  }

  async get(version: number): Promise<string | undefined> {
    const res = await this.cache.match(this.url(version));
    return res ? res.text() : undefined;
  }

  async put(version: number, text: string): Promise<void> {
    const headers = {
      "Cache-Control": `public, max-age=${this.ttlSeconds}`,
      "Content-Type": "application/json",
    };
    await this.cache.put(this.url(version), new Response(text, { headers }));
  }
}
