/**
 * Cloudflare Workers entry point: the same Hono app as on Node, against Turso or sqld through
 * the libSQL web client. Built and served by `wrangler` (see wrangler.toml and docs/deploy.md).
 */
import { createClient } from "@libsql/client/web";
import londonZone from "@touch4it/ical-timezones/zones/Europe/London.ics";
import { drizzle } from "drizzle-orm/libsql/web";
import areas from "../data/geo/areas.json";
import shares from "../data/geo/district-area-shares.csv";
import districts from "../data/geo/postcode-districts.csv";
import sectors from "../data/geo/postcode-sectors.csv";
import healthBoards from "../data/geo/scottish-health-boards.csv";
import * as tables from "../schema/tables.js";
import { runDailyJobs } from "./admin/index.js";
import { httpMailSender } from "./admin/mail.js";
import { type App, createApp } from "./app.js";
import { clockFor } from "./clock.js";
import { readConfig } from "./config.js";
import { timedFetch } from "./db/timed-fetch.js";
import { type Deps, memo } from "./deps.js";
import { Directory } from "./directory.js";
import { parseGeoFiles } from "./domain/geo-files.js";
import { buildGeoIndex } from "./domain/geo-index.js";
import { EdgeCache, EdgeSnapshotStore } from "./edge-cache.js";
import { UsageCounter } from "./embed-usage.js";
import { jsonLogger } from "./logger.js";
import { type RateLimiter, Semaphore } from "./rate-limit.js";

export interface Env {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN?: string;
  PUBLIC_ORIGIN?: string;
  PUBLIC_LIMITER?: RateLimiter;
  REPORT_LIMITER?: RateLimiter;
  PAGE_LIMITER?: RateLimiter;
  LOGIN_LIMITER?: RateLimiter;
  RENDER_LIMITER?: RateLimiter;
  /** Signs the sign-in form's cookie: `npx wrangler secret put SESSION_SECRET`. */
  SESSION_SECRET?: string;
  /** "off" ignores the rate-limit bindings (for contract tests that send many requests). */
  RATE_LIMITS?: string;
  /** Days a triaged problem report's text is kept (default 90). */
  REPORT_RETENTION_DAYS?: string;
  /** Mail (docs/curation.md): the HTTP send API; `MAIL_API_TOKEN` is a secret. SMTP is Node only. */
  MAIL_API_URL?: string;
  MAIL_API_TOKEN?: string;
  MAIL_FROM?: string;
  /** How often an isolate reads `directory_version` to see whether listings changed (default 5). */
  DIRECTORY_CHECK_SECONDS?: string;
  /** Tests and demos only: where the isolate's clock starts (an ISO instant; see api/clock.ts). */
  CLOCK_START?: string;
}

// The geography ships inside the Worker, so a cold start reads no tables to resolve postcodes.
const geo = memo(async () =>
  buildGeoIndex(parseGeoFiles({ sectors, districts, shares, areas, healthBoards })),
);

let current: { key: string; app: App; deps: Deps } | undefined;

/** The VTIMEZONE component of a zone file (which wraps it in a VCALENDAR). */
function vtimezoneOf(text: string): string {
  return text.slice(text.indexOf("BEGIN:VTIMEZONE"), text.indexOf("END:VCALENDAR"));
}

/**
 * One app per isolate and database. The libSQL web client holds no connection between
 * requests (each query is an HTTP request), so sharing it across requests is safe.
 */
function forEnv(env: Env): { app: App; deps: Deps } {
  const key = `${env.DATABASE_URL}|${env.DATABASE_AUTH_TOKEN ?? ""}|${env.RATE_LIMITS ?? ""}|${env.SESSION_SECRET ?? ""}|${env.DIRECTORY_CHECK_SECONDS ?? ""}|${env.MAIL_API_URL ?? ""}|${env.MAIL_API_TOKEN ?? ""}|${env.MAIL_FROM ?? ""}|${env.CLOCK_START ?? ""}`;
  if (current?.key === key) return current;
  const client = createClient({
    url: env.DATABASE_URL,
    ...(env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {}),
    fetch: timedFetch(5_000),
  });
  const db = drizzle(client, { schema: tables });
  const logger = jsonLogger();
  if (!env.SESSION_SECRET) {
    // Each isolate would make its own key, and a form shown by one fails in another.
    logger.warn("SESSION_SECRET is not set: sign-in forms may expire between Worker instances");
  }
  const edge = (caches as unknown as { default: Cache }).default;
  // The published directory lives in this isolate, loaded once (from the Cache API when another
  // isolate already read this version) and checked every few seconds: one small read at most.
  const directory = new Directory(db, {
    checkEveryMs: Number(env.DIRECTORY_CHECK_SECONDS ?? 5) * 1_000,
    store: new EdgeSnapshotStore(edge, env.DATABASE_URL),
    logger,
  });
  const config = readConfig({
    ...(env as unknown as Record<string, string | undefined>),
    SMTP_URL: undefined, // no sockets on Workers: the HTTP mail API only
  });
  // Made here, in a request: outside one, workerd's clock reads 1970.
  const now = clockFor(config.clockStart, logger);
  const deps: Deps = {
    db,
    logger,
    geo,
    now,
    directory,
    publicOrigin: env.PUBLIC_ORIGIN,
    reportRetentionDays: config.reportRetentionDays,
    mail:
      config.mail?.transport === "http"
        ? httpMailSender({ url: config.mail.url, token: config.mail.token, from: config.mail.from })
        : undefined,
    sessionSecret: env.SESSION_SECRET || undefined,
    // No files to read on Workers: the zone the calendar files use ships as a text module.
    vtimezone: (zone) => (zone === "Europe/London" ? vtimezoneOf(londonZone) : null),
    cache: new EdgeCache(edge, env.DATABASE_URL),
    limits:
      env.RATE_LIMITS === "off"
        ? undefined
        : {
            public: withPeriod(env.PUBLIC_LIMITER, 60),
            reports: withPeriod(env.REPORT_LIMITER, 60),
            pages: withPeriod(env.PAGE_LIMITER, 60),
            login: withPeriod(env.LOGIN_LIMITER, 60),
            renders: withPeriod(env.RENDER_LIMITER, 60),
            // Per isolate: each one has a few turns for PDFs and posters.
            renderSlots: new Semaphore(2, 4),
          },
    // Counts stay in this isolate until 50 have gathered or 30 s have passed (see flushIfDue).
    usage: new UsageCounter(db, now),
  };
  current = { key, app: createApp(deps), deps };
  return current;
}

/** The binding does not say its period; tell clients how long to wait from wrangler.toml's. */
function withPeriod(
  limiter: RateLimiter | undefined,
  periodSeconds: number,
): RateLimiter | undefined {
  return limiter && { limit: (o) => limiter.limit(o), periodSeconds };
}

interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

export default {
  fetch(request: Request, env: Env, ctx: unknown): Response | Promise<Response> {
    return forEnv(env).app.fetch(request, env, ctx as never);
  },
  /**
   * The cron trigger in wrangler.toml: review reminders, sending mail, purges, and the daily sync
   * of Open Referral feeds, one due feed a tick (each tick has its own subrequest budget).
   */
  scheduled(_event: unknown, env: Env, ctx: WaitUntil): void {
    ctx.waitUntil(runDailyJobs(forEnv(env).deps, { feeds: { maxFeeds: 1 } }));
  },
};
