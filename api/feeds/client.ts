/**
 * Reading a council's ORUK feed politely and robustly: at most 5 requests at once, 30 s timeouts,
 * back-off on 429/503 (honouring Retry-After), v3 (`contents`) or v1 (`content`) pages, a page
 * cap, retries of passing server faults, and a stop when a page repeats one already seen (feeds that ignore `page`).
 */
import { arr, num, obj, type Raw, str } from "../domain/oruk/tolerant.js";

export interface FeedClientOptions {
  concurrency?: number;
  timeoutMs?: number;
  maxPages?: number;
  perPage?: number;
  retries?: number;
  /** Milliseconds before the first retry; doubled each time. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

export class FeedError extends Error {
  override name = "FeedError";
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export interface ListedPage {
  number: number;
  ids: string[];
  items: Raw[];
}

export interface Listing {
  version: "HSDS-UK-3.0" | "v1" | string;
  pages: number;
  items: Raw[];
  /** False when a page failed or the cap was hit: absence then says nothing about a service. */
  complete: boolean;
  problems: string[];
}

export class FeedClient {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly o: Required<FeedClientOptions>;
  readonly base: string;

  constructor(base: string, options: FeedClientOptions = {}) {
    this.base = base.replace(/\/+$/, "");
    this.o = {
      concurrency: 5,
      timeoutMs: 30_000,
      maxPages: 1_000,
      perPage: 50,
      retries: 4,
      backoffMs: 500,
      fetch: globalThis.fetch.bind(globalThis),
      ...options,
    };
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.o.concurrency) await new Promise<void>((r) => this.waiting.push(r));
    this.active++;
    try {
      return await work();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }

  /** GET a path as JSON, retrying 429/503 with back-off. */
  async json(path: string): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const res = await this.slot(async () => {
        try {
          const r = await this.o.fetch(`${this.base}${path}`, {
            headers: { Accept: "application/json" },
            signal: AbortSignal.timeout(this.o.timeoutMs),
          });
          return {
            status: r.status,
            retryAfter: r.headers.get("retry-after"),
            text: await r.text(),
          };
        } catch (err) {
          const timeout = err instanceof Error && err.name === "TimeoutError";
          throw new FeedError(
            timeout
              ? `${path}: no answer in ${this.o.timeoutMs / 1000} s`
              : `${path}: ${String(err)}`,
          );
        }
      });
      // 429 and 503 ask us to wait; other 5xx are often passing faults. Both are retried.
      if ((res.status === 429 || res.status >= 500) && attempt < this.o.retries) {
        const wait = num(res.retryAfter);
        await new Promise((r) =>
          setTimeout(
            r,
            wait !== null ? Math.min(wait, 60) * 1000 : this.o.backoffMs * 2 ** attempt,
          ),
        );
        continue;
      }
      if (res.status < 200 || res.status >= 300)
        throw new FeedError(`${path}: HTTP ${res.status}`, res.status);
      try {
        return JSON.parse(res.text) as unknown;
      } catch {
        throw new FeedError(`${path}: the answer is not JSON`);
      }
    }
  }

  /** The version `/` declares, or null when it says none. */
  async version(): Promise<string | null> {
    try {
      return str(obj(await this.json("/"))?.version);
    } catch {
      return null;
    }
  }

  /** Every list item of `/services`, page by page, with what went wrong on the way. */
  async listServices(onPage?: (page: ListedPage) => void): Promise<Listing> {
    const declared = await this.version();
    let version = declared ?? "unknown";
    const items: Raw[] = [];
    const problems: string[] = [];
    const seen = new Map<string, number>();
    let complete = true;
    let pages = 0;
    let failures = 0;
    for (let n = 1; ; n++) {
      if (n > this.o.maxPages) {
        problems.push(`Stopped after ${this.o.maxPages} pages (the cap).`);
        complete = false;
        break;
      }
      let body: Raw | null;
      try {
        body = obj(await this.json(`/services?page=${n}&per_page=${this.o.perPage}`));
      } catch (err) {
        problems.push(`Page ${n} failed: ${(err as Error).message}.`);
        complete = false;
        // A failed page is skipped; three in a row, or a failed first page, end the listing.
        failures++;
        if (pages === 0 || failures >= 3) break;
        continue;
      }
      failures = 0;
      if (!body) {
        problems.push(`Page ${n} is not a page.`);
        complete = false;
        break;
      }
      const v1 = !("contents" in body) && "content" in body;
      if (!declared) version = v1 ? "v1" : "HSDS-UK-3.0";
      const list = arr(v1 ? body.content : body.contents);
      const ids = list.map((i) => str(i.id)).filter((id): id is string => id !== null);
      const key = ids.join(",");
      const repeated = ids.length > 0 ? seen.get(key) : undefined;
      if (repeated !== undefined) {
        problems.push(`Page ${n} repeats page ${repeated}: stopped there.`);
        break;
      }
      seen.set(key, n);
      pages++;
      items.push(...list);
      onPage?.({ number: n, ids, items: list });
      const total = num(v1 ? (body.totalPages ?? body.total_pages) : body.total_pages);
      const last = v1 ? (body.last ?? body.last_page) : body.last_page;
      if (list.length === 0 || last === true || (total !== null && n >= total)) break;
    }
    return { version, pages, items, complete, problems };
  }

  /** The full record of one service. */
  async service(id: string): Promise<Raw> {
    const body = obj(await this.json(`/services/${encodeURIComponent(id)}`));
    if (!body) throw new FeedError(`/services/${id}: not a service`);
    return body;
  }
}
