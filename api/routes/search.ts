import { Hono } from "hono";
import {
  parseSearchQueryFast,
  type SearchQuery,
  searchQuerySchema,
} from "../../schema/search-query.js";
import type { AppEnv } from "../deps.js";
import { findPlace } from "../place.js";
import { searchJsonAt } from "../search.js";
import { cachedJsonText, validQuery } from "./http.js";

/** The cache key: the place as resolved (a sector at most) and every filter, in a fixed order. */
function cacheKey(placeQuery: string, q: SearchQuery): string {
  const { postcode: _, ...filters } = q;
  const sorted = Object.entries(filters)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? [...v].sort().join(",") : String(v)}`)
    .sort();
  return `search:${placeQuery}?${sorted.join("&")}`;
}

export const searchRoutes = new Hono<AppEnv>().get("/", async (c) => {
  // The schema speaks only when the query is not well formed, to say what is wrong with it.
  const query = parseSearchQueryFast(c.req.queries()) ?? validQuery(c, searchQuerySchema);
  const deps = c.get("deps");
  const place = await findPlace(deps, query.postcode);
  return cachedJsonText(c, cacheKey(place.query, query), () => searchJsonAt(deps, place, query));
});
