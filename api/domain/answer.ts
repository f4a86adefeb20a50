/**
 * The last step of a search answer, the same for every way it is computed: listings a parent
 * could not act on leave (every contact still to be checked), each group says how many it
 * holds, the place is named in the reader's language, and the next steps for her nation come
 * with it.
 */
import type { CrisisRoute, Place, SearchResponse, SearchResult } from "../../schema/contract.js";
import type { Country, Lang } from "../../schema/taxonomy.js";
import { placeName } from "../print/place-names.js";
import { nextSteps } from "./next-steps.js";

/** "CF10 1, Caerdydd" in Welsh; the label as it is otherwise. */
export function placeIn(place: Place, lang: Lang): Place {
  if (lang !== "cy" || !place.ladName || place.precision === "area") return place;
  const name = placeName(place.ladName, "cy");
  return name === place.ladName ? place : { ...place, label: `${place.query}, ${name}` };
}

export function finishAnswer(answer: SearchResponse, lang: Lang): Required<SearchResponse> {
  const actionable = (list: SearchResult[]) => list.filter((r) => r.contacts.length > 0);
  const groups = {
    nearby: actionable(answer.groups.nearby),
    area: actionable(answer.groups.area),
    anywhere: actionable(answer.groups.anywhere),
  };
  const dropped = (g: keyof typeof groups) => answer.groups[g].length - groups[g].length;
  const total = (g: keyof typeof groups) =>
    Math.max((answer.totals?.[g] ?? answer.groups[g].length) - dropped(g), groups[g].length);
  const place = placeIn(answer.place, lang);
  return {
    ...answer,
    place,
    groups,
    totals: { nearby: total("nearby"), area: total("area"), anywhere: total("anywhere") },
    total: groups.nearby.length + groups.area.length + groups.anywhere.length,
    nextSteps: nextSteps(place.countries, lang),
  };
}

/** Results already written as JSON text (`resultJson`), per group. */
export type WrittenGroups = Record<keyof SearchResponse["groups"], readonly string[]>;

/**
 * `finishAnswer` as JSON text, from results already written and only those a parent can act on
 * (`tests/api/search-index.test.ts` checks that it reads back as `finishAnswer` gives).
 */
export function finishAnswerJson(
  place: Place,
  crisis: readonly CrisisRoute[] | string,
  groups: WrittenGroups,
  lang: Lang,
): string {
  const shown = placeIn(place, lang);
  const totals = {
    nearby: groups.nearby.length,
    area: groups.area.length,
    anywhere: groups.anywhere.length,
  };
  const crisisJson = typeof crisis === "string" ? crisis : JSON.stringify(crisis);
  return `{"place":${JSON.stringify(shown)},"crisis":${crisisJson},"groups":{"nearby":[${groups.nearby.join(",")}],"area":[${groups.area.join(",")}],"anywhere":[${groups.anywhere.join(",")}]},"total":${totals.nearby + totals.area + totals.anywhere},"totals":${JSON.stringify(totals)},"nextSteps":${nextStepsJson(shown.countries, lang)}}`;
}

/** The next steps of each set of nations and language as JSON: fixed text, sent with every answer. */
const stepsWritten = new Map<string, string>();
function nextStepsJson(countries: readonly Country[], lang: Lang): string {
  const key = `${countries.join(",")}|${lang}`;
  let json = stepsWritten.get(key);
  if (json === undefined) {
    json = JSON.stringify(nextSteps(countries, lang));
    stepsWritten.set(key, json);
  }
  return json;
}
