import { type SearchQuery, searchQuerySchema } from "../../schema/search-query.js";
import { FORMATS, KINDS, STAGES, WHENS } from "../../schema/taxonomy.js";

/** A random filter mix: each filter on with some probability, lists of one to three values. */
export function randomQuery(rand: () => number, postcode: string): SearchQuery {
  const some = <T>(xs: readonly T[]) => xs.filter(() => rand() < 0.3).slice(0, 3);
  const maybe = (p: number) => rand() < p;
  const raw: Record<string, string[]> = { postcode: [postcode] };
  if (maybe(0.3)) raw.stage = some(STAGES) as string[];
  if (maybe(0.25)) raw.kind = [...some(KINDS), ...(maybe(0.3) ? ["crisis"] : [])];
  if (maybe(0.2)) raw.format = some(FORMATS) as string[];
  if (maybe(0.2)) raw.when = some(WHENS) as string[];
  if (maybe(0.2)) raw.selfReferral = ["true"];
  if (maybe(0.2)) raw.free = ["true"];
  if (maybe(0.15)) raw.children = ["true"];
  if (maybe(0.1)) raw.language = ["cy"];
  if (maybe(0.2)) raw.lang = ["cy"];
  if (maybe(0.4)) raw.radiusKm = [String(1 + Math.floor(rand() * 50))];
  if (maybe(0.4)) raw.limit = [String(1 + Math.floor(rand() * 50))];
  return searchQuerySchema.parse(raw);
}
