import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../deps.js";
import type { OrukContext } from "../../domain/oruk/bundle.js";
import { clean } from "../../domain/oruk/bundle.js";
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from "../../domain/oruk/filters.js";
import { pageOf } from "../../domain/oruk/page.js";
import { toHsdsTerm } from "../../domain/oruk/publish.js";
import {
  type OrukTaxonomyDef,
  TAXONOMIES,
  TAXONOMIES_BY_UUID,
  TERMS,
  TERMS_BY_UUID,
  taxonomyUuid,
  termUuid,
} from "../../domain/oruk/taxonomy.js";
import { notFound } from "../../errors.js";
import { publicCache, validQuery } from "../http.js";
import { orukContext } from "./feed.js";

const last = z
  .array(z.string())
  .optional()
  .transform((v) => v?.at(-1)?.trim() || undefined);
const pageQuery = z.object({
  page: last.pipe(z.coerce.number<string | undefined>().int().min(1).default(1)),
  per_page: last.pipe(
    z.coerce.number<string | undefined>().int().min(1).max(MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
  ),
  taxonomy_id: last,
  parent_id: last,
  top_only: last.pipe(z.enum(["true", "false"]).optional()),
});

function toHsdsTaxonomy(t: OrukTaxonomyDef, ctx: OrukContext, withTerms: boolean) {
  const id = taxonomyUuid(t.key);
  return clean({
    id,
    name: t.name,
    description: t.description,
    uri: t.uri ?? `${ctx.base}/taxonomies/${id}`,
    version: t.version,
    taxonomy_terms: withTerms
      ? TERMS.filter((x) => x.taxonomy === t.key).map((x) => toHsdsTerm(x, ctx))
      : undefined,
  });
}

export const orukTaxonomyRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = validQuery(c, pageQuery);
    const ctx = await orukContext(c);
    publicCache(c, 3600);
    return c.json(
      pageOf(
        TAXONOMIES.map((t) => toHsdsTaxonomy(t, ctx, false)),
        q.page,
        q.per_page,
      ),
      200,
    );
  })
  .get("/:id", async (c) => {
    const t = TAXONOMIES_BY_UUID.get(c.req.param("id").toLowerCase());
    if (!t) throw notFound("That taxonomy");
    publicCache(c, 3600);
    return c.json(toHsdsTaxonomy(t, await orukContext(c), true), 200);
  });

export const orukTermRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const q = validQuery(c, pageQuery);
    const ctx = await orukContext(c);
    const terms = TERMS.filter(
      (t) =>
        (!q.taxonomy_id || taxonomyUuid(t.taxonomy) === q.taxonomy_id.toLowerCase()) &&
        (!q.parent_id ||
          (t.parentKey !== null && termUuid(t.parentKey) === q.parent_id.toLowerCase())) &&
        (q.top_only !== "true" || t.parentKey === null),
    );
    publicCache(c, 3600);
    return c.json(
      pageOf(
        terms.map((t) => toHsdsTerm(t, ctx)),
        q.page,
        q.per_page,
      ),
      200,
    );
  })
  .get("/:id", async (c) => {
    const t = TERMS_BY_UUID.get(c.req.param("id").toLowerCase());
    if (!t) throw notFound("That taxonomy term");
    publicCache(c, 3600);
    return c.json(toHsdsTerm(t, await orukContext(c)), 200);
  });
