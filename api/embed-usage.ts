import { sql } from "drizzle-orm";
import { embedSites } from "../schema/embed.js";
import type { Db } from "./db/types.js";
import { londonWallClock } from "./domain/london-time.js";

type Sites = Map<string, string[]>;

/**
 * Counts searches per registered embed site and day, in memory, and adds them to the
 * `embed_usage` table when flushed. Nothing personal is kept: no address, no postcode, no time
 * finer than the day. Unknown sites, and registered sites seen from an origin they did not
 * list, are simply not counted.
 */
export class UsageCounter {
  private counts = new Map<string, number>();
  /** `district|YYYY-MM` → [searches, without local results]; see `recordDemand`. */
  private demand = new Map<string, [number, number]>();
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

  /**
   * Counts a counted search's postcode district for the month (London time), and whether it
   * found nothing local: no sector, no day, no time is kept (demand in docs/coverage.md).
   */
  recordDemand(district: string, local: boolean): void {
    if (!/^[A-Z]{1,2}[0-9][0-9A-Z]?$/.test(district)) return;
    const key = `${district}|${londonWallClock(this.now()).date.slice(0, 7)}`;
    const [searches, without] = this.demand.get(key) ?? [0, 0];
    this.demand.set(key, [searches + 1, without + (local ? 0 : 1)]);
  }

  /** Searches counted but not yet written. */
  get pending(): number {
    let n = 0;
    for (const v of this.counts.values()) n += v;
    return n;
  }

  /** Adds the counts so far to the table in one batch; they stay in memory if that fails. */
  async flush(): Promise<void> {
    if (this.counts.size === 0 && this.demand.size === 0) return;
    const batch = this.counts;
    const demand = this.demand;
    this.counts = new Map();
    this.demand = new Map();
    try {
      const [first, ...rest] = [
        ...[...batch].map(([key, n]) => {
          const [siteId, day] = key.split("|");
          return this.db.run(sql`
          insert into embed_usage (site_id, day, searches) values (${siteId}, ${day}, ${n})
          on conflict (site_id, day) do update set searches = searches + excluded.searches`);
        }),
        ...[...demand].map(([key, [n, without]]) => {
          const [district, month] = key.split("|");
          return this.db.run(sql`
          insert into demand_counts (district, month, searches, without_local)
          values (${district}, ${month}, ${n}, ${without})
          on conflict (district, month) do update set searches = searches + excluded.searches,
            without_local = without_local + excluded.without_local`);
        }),
      ];
      // One transaction: either every count is added or none is (and they are kept to retry).
      if (first) await this.db.batch([first, ...rest]);
    } catch (err) {
      for (const [key, n] of batch) this.counts.set(key, (this.counts.get(key) ?? 0) + n);
      for (const [key, [n, w]] of demand) {
        const [n0, w0] = this.demand.get(key) ?? [0, 0];
        this.demand.set(key, [n0 + n, w0 + w]);
      }
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

/** The district a search answer was for, and whether it found anything local (near or area). */
export function searchDemand(body: unknown): { district: string; local: boolean } | null {
  const answer = body as {
    place?: { query?: string; precision?: string };
    groups?: { nearby?: unknown[]; area?: unknown[] };
  };
  const { place, groups } = answer ?? {};
  if (!place?.query || (place.precision !== "sector" && place.precision !== "district")) {
    return null;
  }
  const local = (groups?.nearby?.length ?? 0) + (groups?.area?.length ?? 0) > 0;
  return { district: place.query.split(" ")[0]!, local };
}
