/**
 * Honest distances. A venue whose position is only its postcode sector's centre is "under 0.1
 * miles away" from everyone in that sector, which says nothing: such a venue is described as
 * "in EX4 4" instead. Positions taken from the venue's own address or postcode unit are exact
 * enough to give a distance.
 */
import type { VenuePrecision } from "../../schema/taxonomy.js";
import { distanceKm } from "./distance.js";

interface Venue {
  postcode: string;
  latitude: number;
  longitude: number;
  precision: VenuePrecision;
}

/** The sector (`EX4 4`) of a full postcode (`EX4 4AB`). */
export function sectorOf(postcode: string): string {
  return postcode.trim().slice(0, -2).trim();
}

/**
 * The sector to name instead of a distance, when the venue nearest `near` (or the only venue)
 * is placed at its sector's centre; null when its distance can be given as it is.
 */
export function approximateVenueSector(
  venues: readonly Venue[],
  near?: { latitude: number; longitude: number },
): string | null {
  let nearest: Venue | undefined;
  let best = Number.POSITIVE_INFINITY;
  for (const v of venues) {
    const d = near ? distanceKm(near.latitude, near.longitude, v.latitude, v.longitude) : 0;
    if (d < best) {
      best = d;
      nearest = v;
    }
  }
  return nearest?.precision === "sector" ? sectorOf(nearest.postcode) : null;
}
