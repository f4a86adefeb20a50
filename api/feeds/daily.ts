/**
 * The daily sync: each enabled feed is re-imported once a UK day, from the same job that sends
 * review reminders (the Node scheduler, the Workers cron, `npm run jobs:run`). The job runs every
 * 10 minutes; a feed is due when it has not been attempted yet today, and is claimed before it
 * runs (`last_attempt_at`), so two instances never sync it twice and a failing feed is tried
 * again tomorrow, not every 10 minutes. The result (the summary, or why it failed) is kept on the
 * feed and shown on /admin/feeds. An import never publishes or deletes (sync.ts).
 */
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { feeds } from "../../schema/tables.js";
import { ukToday } from "../admin/workflow.js";
import type { Deps } from "../deps.js";
import { errorFields } from "../logger.js";
import type { FeedClientOptions } from "./client.js";
import { importFeed } from "./sync.js";

export interface FeedSyncResult {
  feedsSynced: number;
  feedsFailed: number;
}

export interface FeedSyncOptions {
  /** How many due feeds one run may sync (the Worker's cron takes one a tick; default all). */
  maxFeeds?: number;
  client?: FeedClientOptions;
}

/** The UK day of an instant, for "attempted today". */
const dayOf = (iso: string) => ukToday(new Date(iso));

export async function syncDueFeeds(
  deps: Pick<Deps, "db" | "geo" | "now" | "logger">,
  options: FeedSyncOptions = {},
): Promise<FeedSyncResult> {
  const { db } = deps;
  const now = deps.now();
  const today = ukToday(now);
  const candidates = await db
    .select()
    .from(feeds)
    .where(eq(feeds.enabled, true))
    .orderBy(asc(sql`coalesce(${feeds.lastAttemptAt}, '')`), asc(feeds.id));
  const due = candidates
    .filter((f) => !f.lastAttemptAt || dayOf(f.lastAttemptAt) < today)
    .slice(0, options.maxFeeds ?? Number.POSITIVE_INFINITY);
  const result: FeedSyncResult = { feedsSynced: 0, feedsFailed: 0 };
  for (const feed of due) {
    const at = now.toISOString();
    // Claim it: only the run that moves last_attempt_at from what it read goes on.
    const claimed = await db
      .update(feeds)
      .set({ lastAttemptAt: at })
      .where(
        and(
          eq(feeds.id, feed.id),
          feed.lastAttemptAt
            ? eq(feeds.lastAttemptAt, feed.lastAttemptAt)
            : isNull(feeds.lastAttemptAt),
        ),
      )
      .returning({ id: feeds.id });
    if (claimed.length === 0) continue;
    try {
      const report = await importFeed(db, {
        baseUrl: feed.baseUrl,
        by: "daily job",
        now,
        geo: await deps.geo(),
        ...(options.client ? { client: options.client } : {}),
      });
      result.feedsSynced++;
      deps.logger.info("feed synced", {
        feed: feed.id,
        seen: report.seen,
        new: report.new,
        changed: report.changed,
        gone: report.gone,
        rejected: report.rejected,
      });
    } catch (err) {
      result.feedsFailed++;
      const message = err instanceof Error ? err.message : String(err);
      await db
        .update(feeds)
        .set({ lastError: message.slice(0, 500), updatedAt: at })
        .where(eq(feeds.id, feed.id));
      deps.logger.warn("feed sync failed", { feed: feed.id, ...errorFields(err) });
    }
  }
  return result;
}
