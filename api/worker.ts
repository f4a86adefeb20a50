/**
 * Cloudflare Workers entry point: the same Hono app as on Node, against Turso or sqld through
 * the libSQL web client. Built and served by `wrangler` (see wrangler.toml and docs/deploy.md).
 */
import { createClient } from "@libsql/client/web";
import { drizzle } from "drizzle-orm/libsql/web";
import areas from "../data/geo/areas.json";
import shares from "../data/geo/district-area-shares.csv";
import districts from "../data/geo/postcode-districts.csv";
import sectors from "../data/geo/postcode-sectors.csv";
import * as tables from "../schema/tables.js";
import { type App, createApp } from "./app.js";
import { timedFetch } from "./db/timed-fetch.js";
import { memo } from "./deps.js";
import { parseGeoFiles } from "./domain/geo-files.js";
import { buildGeoIndex } from "./domain/geo-index.js";
import { EdgeCache } from "./edge-cache.js";
import { jsonLogger } from "./logger.js";
import type { RateLimiter } from "./rate-limit.js";

export interface Env {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN?: string;
  PUBLIC_ORIGIN?: string;
  PUBLIC_LIMITER?: RateLimiter;
  REPORT_LIMITER?: RateLimiter;
  /** "off" ignores the rate-limit bindings (for contract tests that send many requests). */
  RATE_LIMITS?: string;
}

// The geography ships inside the Worker, so a cold start reads no tables to resolve postcodes.
const geo = memo(async () => buildGeoIndex(parseGeoFiles({ sectors, districts, shares, areas })));

let current: { key: string; app: App } | undefined;

/**
 * One app per isolate and database. The libSQL web client holds no connection between
 * requests (each query is an HTTP request), so sharing it across requests is safe.
 */
function appFor(env: Env): App {
  const key = `${env.DATABASE_URL}|${env.DATABASE_AUTH_TOKEN ?? ""}|${env.RATE_LIMITS ?? ""}`;
  if (current?.key === key) return current.app;
  const client = createClient({
    url: env.DATABASE_URL,
    ...(env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {}),
    fetch: timedFetch(5_000),
  });
  const app = createApp({
    db: drizzle(client, { schema: tables }),
    logger: jsonLogger(),
    geo,
    now: () => new Date(),
    publicOrigin: env.PUBLIC_ORIGIN,
    cache: new EdgeCache((caches as unknown as { default: Cache }).default),
    limits: {
      public: withPeriod(env.PUBLIC_LIMITER, 60),
      reports: withPeriod(env.REPORT_LIMITER, 600),
    },
  });
  current = { key, app };
  return app;
}

/** The binding does not say its period; tell clients how long to wait from wrangler.toml's. */
function withPeriod(
  limiter: RateLimiter | undefined,
  periodSeconds: number,
): RateLimiter | undefined {
  return limiter && { limit: (o) => limiter.limit(o), periodSeconds };
}

export default {
  fetch(request: Request, env: Env, ctx: unknown): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx as never);
  },
};
