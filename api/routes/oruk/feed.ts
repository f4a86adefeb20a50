import type { Context } from "hono";
import type { Place } from "../../../schema/contract.js";
import { readDirectoryVersion } from "../../db/directory-version.js";
import {
  candidateItems,
  countFeed,
  type FeedItem,
  feedOrganisations,
  hasFilters,
  loadFeedRows,
  loadOrukBundles,
} from "../../db/oruk-feed.js";
import type { AppEnv } from "../../deps.js";
import type { OrukBundle, OrukContext } from "../../domain/oruk/bundle.js";
import {
  filtersOf,
  matchesFilters,
  type OrukFilters,
  type OrukQuery,
  orukQuerySchema,
} from "../../domain/oruk/filters.js";
import { organisationUuid, salUuid, serviceUuid } from "../../domain/oruk/publish.js";
import { knownIdsGeneration, partsOfKnownId } from "../../domain/oruk/uuid.js";
import { stalenessDay } from "../../domain/review.js";
import { ApiError } from "../../errors.js";
import { findPlace } from "../../place.js";
import { validQuery } from "../http.js";

/** The feed's base URL and place names, for this request. */
export async function orukContext(c: Context<AppEnv>): Promise<OrukContext> {
  const deps = c.get("deps");
  const geo = await deps.geo();
  const origin = deps.publicOrigin ?? new URL(c.req.url).origin;
  return {
    base: `${origin.replace(/\/$/, "")}/oruk`,
    areaName: (code) => geo.areas.get(code)?.name,
    countyOf: (postcode) => {
      const sector = geo.sectors.get(postcode.slice(0, -2));
      const lad = sector?.lad ? geo.areas.get(sector.lad) : undefined;
      return lad?.name;
    },
  };
}

export function orukQuery(c: Context<AppEnv>): OrukQuery {
  const q = validQuery(c, orukQuerySchema);
  if (q.proximity !== undefined && !q.postcode) {
    throw new ApiError(400, "invalid_query", "Check the request: proximity needs a postcode.");
  }
  return q;
}

export async function orukFilters(c: Context<AppEnv>, q: OrukQuery): Promise<OrukFilters> {
  const deps = c.get("deps");
  const place: Place | null = q.postcode ? await findPlace(deps, q.postcode) : null;
  return filtersOf(q, place);
}

const JUDGE_CHUNK = 500;

/**
 * The feed's listings (or venues) that pass `f`, in a stable order: SQL narrows, and the
 * domain's `matchesFilters` judges each candidate.
 */
export async function feedItems(
  c: Context<AppEnv>,
  f: OrukFilters | null,
  perVenue: boolean,
): Promise<FeedItem[]> {
  const deps = c.get("deps");
  const filtered = f !== null && hasFilters(f);
  const organisationIds =
    filtered && f.organizationId
      ? (await feedOrganisations(deps.db)).filter((id) => organisationUuid(id) === f.organizationId)
      : null;
  const items = await candidateItems(deps.db, deps.now(), filtered ? f : null, {
    perVenue,
    organisationIds,
  });
  if (!filtered) return items;
  const ids = [...new Set(items.map((i) => i.serviceId))];
  const rows = new Map<string, Awaited<ReturnType<typeof loadFeedRows>>[number]>();
  for (let i = 0; i < ids.length; i += JUDGE_CHUNK) {
    for (const r of await loadFeedRows(deps.db, ids.slice(i, i + JUDGE_CHUNK)))
      rows.set(r.service.id, r);
  }
  return items.filter((i) => {
    const row = rows.get(i.serviceId);
    return row !== undefined && matchesFilters(row, f, i.locationId);
  });
}

/** One page of the feed's items and how many there are in all. */
export async function feedPage(
  c: Context<AppEnv>,
  f: OrukFilters,
  perVenue: boolean,
  page: number,
  perPage: number,
): Promise<{ items: FeedItem[]; total: number }> {
  const offset = (page - 1) * perPage;
  if (hasFilters(f)) {
    const all = await feedItems(c, f, perVenue);
    return { items: all.slice(offset, offset + perPage), total: all.length };
  }
  // Unfiltered (what the validator times): SQL counts and cuts the page.
  const deps = c.get("deps");
  const [items, total] = await Promise.all([
    candidateItems(deps.db, deps.now(), null, {
      perVenue,
      organisationIds: null,
      page: { limit: perPage, offset },
    }),
    countFeed(deps.db, deps.now(), perVenue),
  ]);
  return { items, total };
}

/**
 * The feed item a UUID names. Ids already derived in this process (every page derives its own)
 * are found at once; otherwise every id of the feed is derived once and kept.
 */
export async function findItem(
  c: Context<AppEnv>,
  entity: "service" | "service_at_location",
  uuid: string,
): Promise<FeedItem | undefined> {
  const perVenue = entity === "service_at_location";
  const known = partsOfKnownId(entity, uuid);
  const deps = c.get("deps");
  if (known?.[0]) {
    const items = await candidateItems(deps.db, deps.now(), null, {
      perVenue,
      organisationIds: null,
      serviceId: known[0],
    });
    return items.find((i) => i.locationId === (known[1] ?? null));
  }
  // Not derived yet: derive every id of the feed, unless that was done for the same published
  // directory on the same staleness day and found nothing (a UUID nobody has, asked again or a
  // new one each time, would otherwise read the whole feed every time: a third of a second at
  // 20,000 listings).
  const stamp = `${await readDirectoryVersion(deps.db)}|${stalenessDay(deps.now())}|${knownIdsGeneration()}`;
  const scanned = wholeFeedDerived.get(deps.db) ?? new Map<string, string>();
  wholeFeedDerived.set(deps.db, scanned);
  if (scanned.get(entity) === stamp) return undefined;
  const items = await feedItems(c, null, perVenue);
  const found = items.find((i) =>
    perVenue && i.locationId
      ? salUuid(i.serviceId, i.locationId) === uuid
      : serviceUuid(i.serviceId) === uuid,
  );
  // Every id was derived only if the search ran to the end.
  if (!found) scanned.set(entity, stamp);
  return found;
}

/**
 * Per database and kind of item, the directory version, staleness day and id generation at which
 * every id of the feed was derived. Publishing moves the version; hiding as stale happens only at
 * the start of a staleness day and only takes listings away.
 */
const wholeFeedDerived = new WeakMap<object, Map<string, string>>();

export function bundles(c: Context<AppEnv>, ids: readonly string[]): Promise<OrukBundle[]> {
  return loadOrukBundles(c.get("deps").db, ids);
}

/** A cache key from the path and the query in a fixed order, so equal requests share an answer. */
export function orukCacheKey(
  c: Context<AppEnv>,
  ctx: OrukContext,
  f: OrukFilters | null = null,
): string {
  const url = new URL(c.req.url);
  // A full postcode is never kept, not even as a cache key: the place it resolved to stands in.
  if (url.searchParams.has("postcode")) url.searchParams.set("postcode", f?.place?.query ?? "");
  const params = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b));
  return `oruk:${ctx.base}${url.pathname}?${new URLSearchParams(params)}`;
}
