import { Hono } from "hono";
import type { AppEnv } from "../../deps.js";
import {
  lastModifiedOf,
  serviceUuid,
  toHsdsListItem,
  toHsdsService,
} from "../../domain/oruk/publish.js";
import { notFound } from "../../errors.js";
import { cachedJson } from "../http.js";
import { bundles, findItem, orukCacheKey, orukContext } from "./feed.js";
import { answerList } from "./list.js";

export const orukServiceRoutes = new Hono<AppEnv>()
  .get("/", (c) =>
    answerList(c, {
      perVenue: false,
      minimal: (i) => ({
        id: serviceUuid(i.serviceId),
        last_modified: lastModifiedOf(i.serviceUpdatedAt, i.organisationUpdatedAt),
      }),
      render: (b, _item, q, ctx) => (q.full ? toHsdsService(b, ctx) : toHsdsListItem(b)),
    }),
  )
  .get("/:id", async (c) => {
    const ctx = await orukContext(c);
    const id = c.req.param("id").toLowerCase();
    return cachedJson(c, orukCacheKey(c, ctx), async () => {
      const item = await findItem(c, "service", id);
      const [bundle] = item ? await bundles(c, [item.serviceId]) : [];
      if (!bundle) throw notFound("That service");
      return toHsdsService(bundle, ctx);
    });
  });
