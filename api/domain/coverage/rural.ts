/**
 * Which postcode sectors are rural, from our own geography: a sector is rural when fewer than
 * `RURAL_BELOW` postcode units lie in the sectors whose centres are within `DENSITY_KM` of its
 * centre (itself included), that is fewer than about 6.4 units per km². That marks 16% of Great
 * Britain's postcode units rural, near the 17% of England's people that ONS counts as rural.
 */
import { distanceKm } from "../distance.js";
import { VenueGrid } from "../venue-grid.js";

export const DENSITY_KM = 5;
export const RURAL_BELOW = 500;

export interface SectorPoint {
  latitude: number;
  longitude: number;
  postcodes: number;
}

/** Postcode units within `DENSITY_KM` of each sector's centre, in the order given. */
export function postcodesNearby(sectors: readonly SectorPoint[]): Int32Array {
  const grid = new VenueGrid(sectors.map((s, owner) => ({ ...s, owner })));
  const out = new Int32Array(sectors.length);
  sectors.forEach((s, i) => {
    let sum = 0;
    // The flat distance is within 0.7% of the great-circle one: gather a little wider, then decide.
    grid.within(s.latitude, s.longitude, DENSITY_KM * 1.02, (j) => {
      const t = sectors[j]!;
      if (distanceKm(s.latitude, s.longitude, t.latitude, t.longitude) <= DENSITY_KM) {
        sum += t.postcodes;
      }
    });
    out[i] = sum;
  });
  return out;
}

/** Whether each sector is rural, in the order given. */
export function ruralFlags(sectors: readonly SectorPoint[]): Uint8Array {
  const nearby = postcodesNearby(sectors);
  return Uint8Array.from(nearby, (n) => (n < RURAL_BELOW ? 1 : 0));
}
