import type { Context } from "hono";
import type { z } from "zod";
import type { AppEnv } from "../deps.js";
import { stalenessDay } from "../domain/review.js";
import { ApiError } from "../errors.js";
import { etagOf, ifNoneMatch } from "../response-cache.js";

/** Validates the query string with a shared schema; the message names every bad parameter. */
export function validQuery<S extends z.ZodType>(c: Context<AppEnv>, schema: S): z.output<S> {
  const result = schema.safeParse(c.req.queries() ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => {
    const where = String(i.path[0] ?? "query");
    return i.code === "invalid_value" ? `${where}: unknown value` : `${where}: ${i.message}`;
  });
  throw new ApiError(
    400,
    "invalid_query",
    `Check the request: ${[...new Set(problems)].join("; ")}.`,
  );
}

/** Public data may be cached briefly and served stale while a fresh copy is fetched. */
export function publicCache(c: Context<AppEnv>, maxAge = 300): void {
  c.header(
    "Cache-Control",
    `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 12}, stale-if-error=86400`,
  );
}

/**
 * Answers with a cached JSON body, or 304 when the client already holds it (ETag, compared weakly),
 * computing and caching the body on a miss.
 */
export function cachedJson(
  c: Context<AppEnv>,
  key: string,
  produce: () => Promise<unknown>,
  maxAge = 60,
): Promise<Response> {
  return cachedJsonText(c, key, async () => JSON.stringify(await produce()), maxAge);
}

/** `cachedJson` for an answer written as JSON text already. */
export async function cachedJsonText(
  c: Context<AppEnv>,
  key: string,
  produce: () => Promise<string>,
  maxAge = 60,
): Promise<Response> {
  const { cache, now } = c.get("deps");
  // Listings go stale by the clock, not by a write that would clear the cache: an answer is kept
  // only within the day it was made in (see stalenessDay), so none outlives such a crossing.
  const dayKey = `${key}@${stalenessDay(now())}`;
  let entry = await cache?.get(dayKey);
  if (!entry) {
    const body = await produce();
    entry = { body, etag: etagOf(body) };
    await cache?.set(dayKey, entry);
  }
  publicCache(c, maxAge);
  c.header("ETag", entry.etag);
  c.header("Vary", "Accept-Encoding");
  if (ifNoneMatch(c.req.header("If-None-Match"), entry.etag)) return c.body(null, 304);
  c.header("Content-Type", "application/json; charset=UTF-8");
  return c.body(entry.body, 200);
}
