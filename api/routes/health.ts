import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../deps.js";

export const healthRoutes = new Hono<AppEnv>()
  // No icon: answer plainly rather than with a 404 in every page's console.
  .get("/favicon.ico", (c) => {
    c.header("Cache-Control", "public, max-age=86400");
    return c.body(null, 204);
  })
  .get("/health", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" }, 200);
  })
  .get("/health/ready", async (c) => {
    c.header("Cache-Control", "no-store");
    await c.get("deps").db.run(sql`select 1`);
    return c.json({ status: "ok", database: "ok" }, 200);
  });
