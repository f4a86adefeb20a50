/**
 * What a mother can reach from each postcode sector: the published listings that serve it, with
 * the criteria each meets there. Built once per directory version and day (which listings are
 * hidden as stale, and the calendar, follow the date); `computeCoverage` then runs it over
 * every sector.
 */
import type { ServiceBundle } from "../bundle.js";
import { distanceKm } from "../distance.js";
import { isShownPublicly } from "../public-contacts.js";
import { isHiddenAsStale } from "../review.js";
import { VenueGrid } from "../venue-grid.js";
import { BIT, listingMasks, REACH_KM, RURAL_REACH_KM } from "./criteria.js";
import { ruralFlags } from "./rural.js";
import { firstMonday, sessionWeeks } from "./weeks.js";

/** A postcode sector as coverage needs it: a `postcode_sectors` row fits, with its board. */
export interface CoverageSector {
  sector: string;
  outcode: string;
  latitude: number;
  longitude: number;
  postcodes: number;
  country: string;
  lad: string | null;
  icb: string | null;
  lhb: string | null;
  /** Scottish health board, from the council area. */
  hb: string | null;
}

interface AreaEntry {
  owner: number;
  mask: number;
  /** Radius areas only. */
  latitude?: number;
  longitude?: number;
  radiusKm?: number;
}

/** Flat distances are within 0.7% of great-circle ones: gather a little wider, then decide. */
const GATHER = (km: number) => km * 1.02 + 0.05;
const RADIUS_CELL_DEG = 0.5;
const cellOf = (lat: number, lon: number) =>
  [Math.floor(lat / RADIUS_CELL_DEG), Math.floor(lon / RADIUS_CELL_DEG)] as const;
const radiusCell = (lat: number, lon: number) => cellOf(lat, lon).join(":");

export class SectorReach {
  /** The listings counted: published, not hidden as stale, with a contact she can use. */
  readonly listings: readonly ServiceBundle[];
  readonly rural: Uint8Array;
  /** Per listing, the calendar weeks in which it holds an in-person group session. */
  readonly groupWeeks: Int32Array;
  readonly monday: number;
  private readonly venueMask: Uint16Array;
  private readonly venues: VenueGrid;
  private readonly byArea = new Map<string, AreaEntry[]>();
  private readonly radiusCells = new Map<string, AreaEntry[]>();
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(
    readonly sectors: readonly CoverageSector[],
    bundles: readonly ServiceBundle[],
    readonly now: Date,
    rural?: Uint8Array,
  ) {
    this.rural = rural ?? ruralFlags(sectors);
    this.monday = firstMonday(now);
    this.listings = bundles.filter(
      (b) =>
        isShownPublicly(b.contacts) &&
        !isHiddenAsStale(b.service.verifiedAt, b.service.reviewEveryDays, b.service.kind, now),
    );
    const n = this.listings.length;
    this.venueMask = new Uint16Array(n);
    this.groupWeeks = new Int32Array(n);
    this.seen = new Int32Array(n);
    const points: { latitude: number; longitude: number; owner: number }[] = [];
    this.listings.forEach((b, owner) => {
      const masks = listingMasks(b);
      this.venueMask[owner] = masks.venue;
      if (masks.venue & BIT["peer-group"]) {
        this.groupWeeks[owner] = sessionWeeks(b.schedules, this.monday);
      }
      if (masks.venue !== 0) {
        for (const l of b.locations) points.push({ ...l, owner });
      }
      if (masks.area !== 0) {
        for (const a of b.areas) this.addArea(a, { owner, mask: masks.area });
      }
    });
    this.venues = new VenueGrid(points);
  }

  private addArea(a: ServiceBundle["areas"][number], entry: AreaEntry): void {
    const push = (map: Map<string, AreaEntry[]>, key: string, e: AreaEntry) => {
      const list = map.get(key);
      if (list) list.push(e);
      else map.set(key, [e]);
    };
    if (a.kind !== "radius") {
      push(this.byArea, a.kind === "uk" ? "uk" : `${a.kind}:${a.code ?? ""}`, entry);
      return;
    }
    if (a.latitude === null || a.longitude === null || a.radiusKm === null) return;
    const e = { ...entry, latitude: a.latitude, longitude: a.longitude, radiusKm: a.radiusKm };
    const dLat = a.radiusKm / 110.5;
    const dLon = a.radiusKm / (111.3 * Math.max(0.01, Math.cos((a.latitude * Math.PI) / 180)));
    const [r0, c0] = cellOf(a.latitude - dLat, a.longitude - dLon);
    const [r1, c1] = cellOf(a.latitude + dLat, a.longitude + dLon);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) push(this.radiusCells, `${r}:${c}`, e);
    }
  }

  /** Reach of a venue from sector i, in km. */
  reachKm(i: number): number {
    return this.rural[i] ? RURAL_REACH_KM : REACH_KM;
  }

  /**
   * Calls `visit(owner, mask)` once for each listing that serves sector i, with the criteria it
   * meets there (a listing reached by a venue and an area gets both masks, once).
   */
  serving(i: number, visit: (owner: number, mask: number) => void): void {
    const s = this.sectors[i]!;
    const q = ++this.stamp;
    const masks = new Map<number, number>();
    const add = (owner: number, mask: number) => {
      if (this.seen[owner] !== q) {
        this.seen[owner] = q;
        masks.set(owner, mask);
      } else masks.set(owner, masks.get(owner)! | mask);
    };
    this.eachHit(s, i, add);
    for (const [owner, mask] of masks) visit(owner, mask);
  }

  /** The criteria met in sector i, and the calendar weeks with a group session within reach. */
  met(i: number): { mask: number; weeks: number } {
    const s = this.sectors[i]!;
    let mask = 0;
    let weeks = 0;
    this.eachHit(s, i, (owner, m) => {
      mask |= m;
      if (m & BIT["peer-group"]) weeks |= this.groupWeeks[owner]!;
    });
    return { mask, weeks };
  }

  private eachHit(s: CoverageSector, i: number, hit: (owner: number, mask: number) => void) {
    const km = this.reachKm(i);
    // Flat distances are within 0.7% of great-circle ones, so a venue well inside the reach is
    // in it; only one near its edge needs the exact distance.
    const inner2 = (km * 0.99) ** 2;
    this.venues.within(s.latitude, s.longitude, GATHER(km), (owner, d2) => {
      const mask = this.venueMask[owner]!;
      const within =
        d2 <= inner2 ||
        this.listings[owner]!.locations.some(
          (v) => distanceKm(s.latitude, s.longitude, v.latitude, v.longitude) <= km,
        );
      if (within) hit(owner, mask);
    });
    const keyed = (key: string) => {
      for (const e of this.byArea.get(key) ?? []) hit(e.owner, e.mask);
    };
    keyed("uk");
    keyed(`country:${s.country}`);
    keyed(`district:${s.outcode}`);
    if (s.lad) keyed(`lad:${s.lad}`);
    if (s.icb) keyed(`icb:${s.icb}`);
    if (s.lhb) keyed(`lhb:${s.lhb}`);
    if (s.hb) keyed(`hb:${s.hb}`);
    for (const e of this.radiusCells.get(radiusCell(s.latitude, s.longitude)) ?? []) {
      if (distanceKm(s.latitude, s.longitude, e.latitude!, e.longitude!) <= e.radiusKm!) {
        hit(e.owner, e.mask);
      }
    }
  }
}
