/**
 * The two paged lists, `/services` and `/service_at_locations`: the filtered items, one page
 * of them answered (cached), or with `format=ndjson` every match streamed, one object a line.
 */
import type { Context } from "hono";
import { stream } from "hono/streaming";
import type { FeedItem } from "../../db/oruk-feed.js";
import type { AppEnv } from "../../deps.js";
import type { OrukBundle, OrukContext } from "../../domain/oruk/bundle.js";
import type { OrukQuery } from "../../domain/oruk/filters.js";
import { envelope } from "../../domain/oruk/page.js";
import { cachedJson } from "../http.js";
import {
  bundles,
  feedItems,
  feedPage,
  orukCacheKey,
  orukContext,
  orukFilters,
  orukQuery,
} from "./feed.js";

export interface ListSpec {
  /** One item per venue (`/service_at_locations`) rather than per listing. */
  perVenue: boolean;
  /** `minimal`: what can be said without reading the listing. */
  minimal?: (item: FeedItem) => unknown;
  render: (b: OrukBundle, item: FeedItem, q: OrukQuery, ctx: OrukContext) => unknown;
}

const NDJSON_CHUNK = 200;

async function render(
  c: Context<AppEnv>,
  spec: ListSpec,
  items: FeedItem[],
  q: OrukQuery,
  ctx: OrukContext,
): Promise<unknown[]> {
  if (q.minimal && spec.minimal) return items.map(spec.minimal);
  const ids = [...new Set(items.map((i) => i.serviceId))];
  const loaded = new Map((await bundles(c, ids)).map((b) => [b.service.id, b]));
  return items.flatMap((item) => {
    const b = loaded.get(item.serviceId);
    const out = b ? spec.render(b, item, q, ctx) : null;
    return out ? [out] : [];
  });
}

export async function answerList(c: Context<AppEnv>, spec: ListSpec): Promise<Response> {
  const q = orukQuery(c);
  const f = await orukFilters(c, q);
  const ctx = await orukContext(c);
  if (q.format === "ndjson") {
    const items = await feedItems(c, f, spec.perVenue);
    c.header("Content-Type", "application/x-ndjson; charset=UTF-8");
    c.header("Cache-Control", "public, max-age=60");
    return stream(c, async (out) => {
      for (let i = 0; i < items.length; i += NDJSON_CHUNK) {
        const lines = await render(c, spec, items.slice(i, i + NDJSON_CHUNK), q, ctx);
        await out.write(lines.map((l) => `${JSON.stringify(l)}\n`).join(""));
      }
    });
  }
  return cachedJson(c, orukCacheKey(c, ctx, f), async () => {
    const { items, total } = await feedPage(c, f, spec.perVenue, q.page, q.per_page);
    return envelope(await render(c, spec, items, q, ctx), total, q.page, q.per_page);
  });
}
