import { Hono } from "hono";
import type { AppEnv } from "../../deps.js";
import { toHsdsSalFull, toHsdsSalItem } from "../../domain/oruk/publish.js";
import { notFound } from "../../errors.js";
import { cachedJson } from "../http.js";
import { bundles, findItem, orukCacheKey, orukContext } from "./feed.js";
import { answerList } from "./list.js";

export const orukSalRoutes = new Hono<AppEnv>()
  .get("/", (c) =>
    answerList(c, {
      perVenue: true,
      render: (b, item, q, ctx) =>
        item.locationId
          ? q.full
            ? toHsdsSalFull(b, item.locationId, ctx)
            : toHsdsSalItem(b, item.locationId, ctx)
          : null,
    }),
  )
  .get("/:id", async (c) => {
    const ctx = await orukContext(c);
    const id = c.req.param("id").toLowerCase();
    return cachedJson(c, orukCacheKey(c, ctx), async () => {
      const item = await findItem(c, "service_at_location", id);
      const [bundle] = item ? await bundles(c, [item.serviceId]) : [];
      const body = bundle && item?.locationId ? toHsdsSalFull(bundle, item.locationId, ctx) : null;
      if (!body) throw notFound("That service at location");
      return body;
    });
  });
