import { Hono } from "hono";
import type { AppEnv } from "../deps.js";
import { PAGE_ASSETS } from "../pages/assets.js";
import { ifNoneMatch } from "../response-cache.js";

/** `/assets/:name`: the stylesheets and script of the server-rendered pages. */
export const pageAssetRoutes = new Hono<AppEnv>().get("/assets/:name", (c) => {
  const asset = PAGE_ASSETS[c.req.param("name")];
  if (!asset) return c.notFound();
  const etag = `"${asset.hash}"`;
  // Pages link a versioned URL (?v=hash); an unversioned request is answered but kept briefly.
  const versioned = c.req.query("v") === asset.hash;
  c.header(
    "Cache-Control",
    versioned ? "public, max-age=31536000, immutable" : "public, max-age=300",
  );
  c.header("ETag", etag);
  if (ifNoneMatch(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
  c.header("Content-Type", asset.type);
  return c.body(asset.body, 200);
});
