import type { Place } from "../schema/contract.js";
import type { Deps } from "./deps.js";
import { parsePostcode } from "./domain/postcode.js";
import { resolvePlace } from "./domain/resolve-place.js";
import { invalidPostcode, postcodeNotFound } from "./errors.js";

/** Turns what a person typed into a place, or the error they should see. */
export async function findPlace(deps: Deps, text: string): Promise<Place> {
  const parsed = parsePostcode(text);
  if (!parsed.ok) throw invalidPostcode();
  const place = resolvePlace(parsed, await deps.geo());
  if (!place) throw postcodeNotFound();
  return place;
}
