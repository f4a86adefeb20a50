import { Hono } from "hono";
import { searchQuerySchema } from "../../schema/search-query.js";
import type { AppEnv } from "../deps.js";
import { search } from "../search.js";
import { publicCache, validQuery } from "./http.js";

export const searchRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const query = validQuery(c, searchQuerySchema);
  const body = await search(c.get("deps"), query);
  publicCache(c);
  c.header("Vary", "Accept-Encoding");
  return c.json(body, 200);
});
