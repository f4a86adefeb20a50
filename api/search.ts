import { and, eq } from "drizzle-orm";
import type { CrisisRoute, Place, SearchResponse } from "../schema/contract.js";
import type { SearchQuery } from "../schema/search-query.js";
import { services } from "../schema/tables.js";
import type { Country, Lang } from "../schema/taxonomy.js";
import { loadBundles } from "./db/listing-bundles.js";
import { findCandidates } from "./db/search-candidates.js";
import type { Deps } from "./deps.js";
import { isEmergencyRoute, selectCrisis } from "./domain/crisis.js";
import { toCrisisRoute, toResult } from "./domain/present.js";
import { isHiddenAsStale } from "./domain/review.js";
import { rankSearch } from "./domain/search.js";
import { findPlace } from "./place.js";

/** Published crisis routes for the given countries, in the order a person in crisis needs them. */
export async function crisisFor(
  deps: Deps,
  countries: readonly Country[],
  lang: Lang,
): Promise<CrisisRoute[]> {
  // Asked with every search and changed rarely: kept with the other cached answers, so a
  // write clears it on Node and it lives a minute on Workers.
  const key = `crisis-routes:${[...countries].sort().join(",")}?lang=${lang}`;
  const cached = await deps.cache?.get(key);
  if (cached) return JSON.parse(cached.body) as CrisisRoute[];
  const routes = await loadCrisis(deps, countries, lang);
  await deps.cache?.set(key, { body: JSON.stringify(routes), etag: "" });
  return routes;
}

async function loadCrisis(
  deps: Deps,
  countries: readonly Country[],
  lang: Lang,
): Promise<CrisisRoute[]> {
  const rows = await deps.db
    .select({ id: services.id })
    .from(services)
    .where(and(eq(services.status, "published"), eq(services.kind, "crisis")));
  const bundles = await loadBundles(
    deps.db,
    rows.map((r) => r.id),
    { areas: true },
  );
  // A crisis line left unchecked long past its review date is hidden like any other listing,
  // except 999: emergency services never change, and the panel must never be without them.
  const now = deps.now();
  const fresh = [...bundles.values()].filter(
    (b) =>
      isEmergencyRoute(b) ||
      !isHiddenAsStale(b.service.verifiedAt, b.service.reviewEveryDays, b.service.kind, now),
  );
  return selectCrisis(fresh, countries).map((x) => toCrisisRoute(x.bundle, x.countries, lang));
}

export async function search(deps: Deps, query: SearchQuery): Promise<SearchResponse> {
  return searchAt(deps, await findPlace(deps, query.postcode), query);
}

/** The search answer for a place already resolved. */
export async function searchAt(
  deps: Deps,
  place: Place,
  query: SearchQuery,
): Promise<SearchResponse> {
  const now = deps.now();
  const [candidates, crisis] = await Promise.all([
    findCandidates(deps.db, place, query, now),
    crisisFor(deps, place.countries, query.lang),
  ]);
  const ranked = rankSearch(place, candidates, query, now);
  const all = [...ranked.nearby, ...ranked.area, ...ranked.anywhere];
  const bundles = await loadBundles(
    deps.db,
    all.map((r) => r.serviceId),
  );
  const results = (group: typeof all) =>
    group.flatMap((r) => {
      const b = bundles.get(r.serviceId);
      return b ? [toResult(b, { distanceKm: r.distanceKm }, query.lang, now)] : [];
    });
  const groups = {
    nearby: results(ranked.nearby),
    area: results(ranked.area),
    anywhere: results(ranked.anywhere),
  };
  return {
    place,
    crisis,
    groups,
    total: groups.nearby.length + groups.area.length + groups.anywhere.length,
  };
}
