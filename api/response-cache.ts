import { createHash } from "node:crypto";

/**
 * A small in-process cache of public JSON answers, keyed by what was asked after normalising
 * (sector and filters, never a full postcode). Entries live `ttlMs`; any successful write to the
 * data clears the whole cache, so a published or hidden listing shows on the next request.
 */
export interface CachedBody {
  body: string;
  etag: string;
}

/** Where answers are kept: process memory on Node, the Cache API on Workers. */
export interface AnswerCache {
  get(key: string): Promise<CachedBody | undefined>;
  set(key: string, value: CachedBody): Promise<void>;
  /** Forget everything (after a write); a shared edge cache may only expire instead. */
  clear(): void;
}

export class ResponseCache implements AnswerCache {
  private readonly entries = new Map<string, { value: CachedBody; expires: number }>();

  constructor(
    private readonly maxEntries = 5_000,
    private readonly ttlMs = 60_000,
  ) {}

  async get(key: string, now = Date.now()): Promise<CachedBody | undefined> {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    // Map order is insertion order: re-inserting keeps the most recently used last.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.value;
  }

  async set(key: string, value: CachedBody, now = Date.now()): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: now + this.ttlMs });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * A strong ETag: the SHA-256 of the body, shortened. `node:crypto` hashes synchronously in native
 * code, on Node and on Workers (`nodejs_compat`); Web Crypto's digest went through the thread
 * pool and cost a tenth of an uncached search (docs/benchmarks.md).
 */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("hex").slice(0, 32)}"`;
}

/**
 * Whether an `If-None-Match` header matches `etag`, by the weak comparison RFC 9110 §13.1.2
 * asks for: `W/"x"` and `"x"` are the same, a list matches if any member does, `*` matches all.
 * (A proxy that compresses a body is allowed to weaken its ETag; the client then sends `W/…`.)
 */
export function ifNoneMatch(header: string | undefined | null, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  const want = opaque(etag);
  return header.split(",").some((t) => t.trim() === "*" || opaque(t) === want);
}
