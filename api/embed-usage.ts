import { sql } from "drizzle-orm";
import { embedSites } from "../schema/embed.js";
import type { Db } from "./db/types.js";

type Sites = Map<string, string[]>;

/**
 * Counts searches per registered embed site and day, in memory, and adds them to the
 * `embed_usage` table when flushed. Nothing personal is kept: no address, no postcode, no time
 * finer than the day. Unknown sites, and registered sites seen from an origin they did not
 * list, are simply not counted.
 */
export class UsageCounter {
  private counts = new Map<string, number>();
  private sites: { loaded: number; sites: Sites } | undefined;
  private lastFlush = Date.now();

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
    private readonly sitesTtlMs = 300_000,
  ) {}

  async record(siteId: string, origin: string | undefined): Promise<boolean> {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(siteId)) return false;
    const allowed = (await this.registered()).get(siteId);
    if (!allowed) return false;
    if (allowed.length > 0 && (!origin || !allowed.includes(origin))) return false;
    const key = `${siteId}|${this.now().toISOString().slice(0, 10)}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    return true;
  }

  /** Searches counted but not yet written. */
  get pending(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** Adds the counts so far to the table in one batch; they stay in memory if that fails. */
  async flush(): Promise<void> {
    if (this.counts.size === 0) return;
    const batch = this.counts;
    this.counts = new Map();
    try {
      const [first, ...rest] = [...batch].map(([key, n]) => {
        const [siteId, day] = key.split("|");
        return this.db.run(sql`
          insert into embed_usage (site_id, day, searches) values (${siteId}, ${day}, ${n})
          on conflict (site_id, day) do update set searches = searches + excluded.searches`);
      });
      // One transaction: either every count is added or none is (and they are kept to retry).
      if (first) await this.db.batch([first, ...rest]);
    } catch (err) {
      for (const [key, n] of batch) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      throw err;
    }
  }

  /** Flushes when enough has been counted or enough time has passed (for Workers). */
  async flushIfDue(minPending = 50, maxAgeMs = 30_000): Promise<void> {
    const t = Date.now();
    if (this.pending >= minPending || (this.pending > 0 && t - this.lastFlush >= maxAgeMs)) {
      this.lastFlush = t;
      await this.flush();
    }
  }

  /** Forget the registered sites, so a change is seen on the next search. */
  forgetSites(): void {
    this.sites = undefined;
  }

  private async registered(): Promise<Sites> {
    const t = Date.now();
    if (!this.sites || t - this.sites.loaded > this.sitesTtlMs) {
      const rows = await this.db.select().from(embedSites);
      this.sites = { loaded: t, sites: new Map(rows.map((r) => [r.id, r.allowedOrigins])) };
    }
    return this.sites.sites;
  }
}
