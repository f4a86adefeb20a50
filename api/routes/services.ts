import { Hono } from "hono";
import { z } from "zod";
import { LANGS } from "../../schema/taxonomy.js";
import { loadBundles } from "../db/listing-bundles.js";
import type { AppEnv } from "../deps.js";
import { toServiceDetail } from "../domain/service-detail.js";
import { notFound } from "../errors.js";
import { cachedJson, validQuery } from "./http.js";

const detailQuery = z.object({
  lang: z
    .array(z.string())
    .default([])
    .transform((v) => v.at(-1))
    .pipe(z.enum(LANGS).default("en")),
});

export const serviceRoutes = new Hono<AppEnv>().get("/:id", async (c) => {
  const { lang } = validQuery(c, detailQuery);
  const deps = c.get("deps");
  const id = c.req.param("id");
  return cachedJson(c, `service:${id}?lang=${lang}`, async () => {
    const bundle = (await loadBundles(deps.db, [id], { areas: true })).get(id);
    // Drafts, listings in review and archived ones are not public: the same 404 as a missing id.
    if (bundle?.service.status !== "published") throw notFound("That listing");
    return toServiceDetail(bundle, await deps.geo(), lang, deps.now());
  });
});
