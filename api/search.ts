import type { CrisisRoute, Place, SearchResponse } from "../schema/contract.js";
import type { SearchQuery } from "../schema/search-query.js";
import type { Country, Lang } from "../schema/taxonomy.js";
import type { Deps } from "./deps.js";
import { type Directory, directoryFor } from "./directory.js";
import { finishAnswerJson } from "./domain/answer.js";
import type { ServiceBundle } from "./domain/bundle.js";
import { isEmergencyRoute, selectCrisis } from "./domain/crisis.js";
import type { DirectoryIndex } from "./domain/directory-index.js";
import { heldIsShown, heldResult, resultJson, toCrisisRoute, toResult } from "./domain/present.js";
import { hiddenAsStaleAfter } from "./domain/review.js";
import { type Ranked, type RankedGroups, rankSearch } from "./domain/search.js";
import { findPlace } from "./place.js";

/** The directory search answers from (see api/directory.ts). */
export function directoryOf(deps: Pick<Deps, "db" | "directory">): Directory {
  return deps.directory ?? directoryFor(deps.db);
}

/** Published crisis routes for the given countries, in the order a person in crisis needs them. */
export async function crisisFor(
  deps: Deps,
  countries: readonly Country[],
  lang: Lang,
): Promise<CrisisRoute[]> {
  return crisisFrom(await directoryOf(deps).current(), countries, lang, deps.now());
}

/**
 * The crisis routes of an index, per countries and language, until one of them could cross its
 * stale date: every search sends them, and choosing them each time was a tenth of its work.
 */
interface CrisisMemo {
  routes: readonly CrisisRoute[];
  from: number;
  until: number;
  /** The routes as JSON text, once asked for. */
  json?: string;
}
const crisisMemo = new WeakMap<DirectoryIndex, Map<string, CrisisMemo>>();

function crisisFrom(
  index: DirectoryIndex,
  countries: readonly Country[],
  lang: Lang,
  now: Date,
): CrisisRoute[] {
  return [...crisisMemoFor(index, countries, lang, now).routes];
}

function crisisJsonFrom(
  index: DirectoryIndex,
  countries: readonly Country[],
  lang: Lang,
  now: Date,
): string {
  const memo = crisisMemoFor(index, countries, lang, now);
  memo.json ??= JSON.stringify(memo.routes);
  return memo.json;
}

function crisisMemoFor(
  index: DirectoryIndex,
  countries: readonly Country[],
  lang: Lang,
  now: Date,
): CrisisMemo {
  const at = now.getTime();
  let memo = crisisMemo.get(index);
  if (!memo) {
    memo = new Map();
    crisisMemo.set(index, memo);
  }
  const key = `${countries.join(",")}|${lang}`;
  const hit = memo.get(key);
  if (hit && hit.from <= at && at <= hit.until) return hit;
  // A crisis line left unchecked long past its review date is hidden like any other listing,
  // except 999: emergency services never change, and the panel must never be without them.
  let until = Number.POSITIVE_INFINITY;
  const fresh = index.crisisBundles().filter((b) => {
    if (isEmergencyRoute(b)) return true;
    const { verifiedAt, reviewEveryDays, kind } = b.service;
    const last = hiddenAsStaleAfter(verifiedAt, reviewEveryDays, kind);
    if (at > last) return false;
    until = Math.min(until, last);
    return true;
  });
  const routes = selectCrisis(fresh, countries).map((x) =>
    Object.freeze(toCrisisRoute(x.bundle, x.countries, lang)),
  );
  const entry = { routes, from: at, until };
  memo.set(key, entry);
  return entry;
}

export async function search(deps: Deps, query: SearchQuery): Promise<SearchResponse> {
  return searchAt(deps, await findPlace(deps, query.postcode), query);
}

/** The search answer for a place already resolved, from the in-memory directory. */
export async function searchAt(
  deps: Deps,
  place: Place,
  query: SearchQuery,
): Promise<SearchResponse> {
  const now = deps.now();
  const index = await directoryOf(deps).current();
  const ranked = rankSearch(place, index.candidates(place, query, now), query, now);
  return searchResponse(place, query, now, ranked, (r) => index.bundles[r.at], {
    crisis: crisisFrom(index, place.countries, query.lang, now),
    write: heldResult,
  });
}

/**
 * The search answer as the API sends it (`finishAnswer`), written as JSON text from the
 * in-memory directory: each listing's own fields are written once (`resultJson`).
 */
export async function searchJsonAt(deps: Deps, place: Place, query: SearchQuery): Promise<string> {
  const now = deps.now();
  const index = await directoryOf(deps).current();
  const ranked = rankSearch(place, index.candidates(place, query, now), query, now);
  const written = (group: RankedGroups[keyof RankedGroups]) => {
    const out: string[] = [];
    for (const r of group) {
      const b = index.bundles[r.at];
      // As `finishAnswer`: a listing with no contact she can use is not sent.
      if (b && heldIsShown(b))
        out.push(resultJson(b, { distanceKm: r.distanceKm, near: place }, query.lang, now));
    }
    return out;
  };
  return finishAnswerJson(
    place,
    crisisJsonFrom(index, place.countries, query.lang, now),
    {
      nearby: written(ranked.nearby),
      area: written(ranked.area),
      anywhere: written(ranked.anywhere),
    },
    query.lang,
  );
}

/** The answer's shape from ranked groups and the winners' details (shared with the SQL oracle). */
export function searchResponse(
  place: Place,
  query: SearchQuery,
  now: Date,
  ranked: RankedGroups,
  details: (r: Ranked) => ServiceBundle | undefined,
  extra: {
    crisis: CrisisRoute[];
    /** How a result is written: `toResult`, or `heldResult` for listings held in memory. */
    write?: typeof heldResult;
  },
): SearchResponse {
  const write = extra.write ?? toResult;
  const results = (group: RankedGroups[keyof RankedGroups]) =>
    group.flatMap((r) => {
      // Listings that cannot be shown (no checked contact, closed at the chosen times) left
      // before the ranking cut each group to its limit (`passesFilters`).
      const b = details(r);
      if (!b) return [];
      return [write(b, { distanceKm: r.distanceKm, near: place }, query.lang, now)];
    });
  const groups = {
    nearby: results(ranked.nearby),
    area: results(ranked.area),
    anywhere: results(ranked.anywhere),
  };
  return {
    place,
    crisis: extra.crisis,
    groups,
    total: groups.nearby.length + groups.area.length + groups.anywhere.length,
  };
}
