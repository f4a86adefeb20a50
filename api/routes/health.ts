import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { AppEnv } from "../deps.js";

export const healthRoutes = new Hono<AppEnv>()
  .get("/health", (c) => {
    c.header("Cache-Control", "no-store");
    return c.json({ status: "ok" }, 200);
  })
  .get("/health/ready", async (c) => {
    c.header("Cache-Control", "no-store");
    await c.get("deps").db.run(sql`select 1`);
    return c.json({ status: "ok", database: "ok" }, 200);
  });
