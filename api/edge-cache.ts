import type { AnswerCache, CachedBody } from "./response-cache.js";

/**
 * Public answers in the Workers Cache API (per data centre). The Cache API cannot be emptied
 * at once, so entries simply live `ttlSeconds`: a publish shows everywhere within that time.
 */
export class EdgeCache implements AnswerCache {
  constructor(
    private readonly cache: Cache,
    private readonly ttlSeconds = 60,
  ) {}

  private url(key: string): string {
    return `https://answers.signpost.invalid/${encodeURIComponent(key)}`;
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
