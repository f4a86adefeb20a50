import { Hono } from "hono";
import type { AppEnv } from "../deps.js";
import { findPlace } from "../place.js";
import { publicCache } from "./http.js";

export const placeRoutes = new Hono<AppEnv>().get("/:query", async (c) => {
  const place = await findPlace(c.get("deps"), c.req.param("query"));
  publicCache(c, 3600);
  return c.json({ place }, 200);
});
