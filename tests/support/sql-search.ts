import { loadBundles } from "../../api/db/listing-bundles.js";
import { findCandidates } from "../../api/db/search-candidates.js";
import type { Deps } from "../../api/deps.js";
import { rankSearch } from "../../api/domain/search.js";
import { crisisFor, searchResponse } from "../../api/search.js";
import type { Place, SearchResponse } from "../../schema/contract.js";
import type { SearchQuery } from "../../schema/search-query.js";

/**
 * Search answered the old way, from SQL (the oracle the in-memory index is checked against):
 * candidates from api/db/search-candidates.ts, winners' details from one bundle query.
 */
export async function sqlSearchAt(
  deps: Deps,
  place: Place,
  query: SearchQuery,
): Promise<SearchResponse> {
  const now = deps.now();
  const candidates = await findCandidates(deps.db, place, query, now);
  const ranked = rankSearch(place, candidates, query, now);
  const ids = [...ranked.nearby, ...ranked.area, ...ranked.anywhere].map((r) => r.serviceId);
  const bundles = await loadBundles(deps.db, ids);
  return searchResponse(place, query, now, ranked, (r) => bundles.get(r.serviceId), {
    crisis: await crisisFor(deps, place.countries, query.lang),
  });
}
