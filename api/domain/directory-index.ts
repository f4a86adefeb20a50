/**
 * The read model search runs on: the published directory in memory, with venues in a spatial
 * grid, service areas by kind and code, radius areas in a coarse grid, and each service's
 * schedules and details. It finds a search's candidates; `rankSearch` ranks them, the same
 * function that ranks the SQL oracle's candidates (api/db/search-candidates.ts).
 */
import type { Place } from "../../schema/contract.js";
import { COUNTRIES, type Country } from "../../schema/taxonomy.js";
import type { AreaRow, ScheduleRow, ServiceBundle, ServiceRow } from "./bundle.js";
import type { AreaHit, Candidates, LocationHit } from "./candidates.js";
import { boundingBox, distanceKm } from "./distance.js";
import { hiddenAsStaleAfter } from "./review.js";
import {
  anywhereKeys,
  compareNames,
  type ListingFilters,
  passesFilters,
  type SearchFiltersInput,
  selfReferral,
} from "./search.js";
import { VenueGrid } from "./venue-grid.js";

/** Radius areas are kept in cells this many degrees wide, each area in every cell it touches. */
const AREA_CELL_DEG = 0.5;
/**
 * Flat distances are within 0.7% of great-circle ones up to 50 km (see venue-grid.ts): venues are
 * gathered a little beyond the radius, and the exact distance is left to `rankSearch`.
 */
const REACH = (km: number) => km * 1.02 + 0.05;
/**
 * Every service that can be shown near you lies within this flat distance, given the k-th nearest
 * (flat) distance `dk`: shown distances are rounded to 0.1 km and ties go to the next session.
 */
const TIE_REACH = (dk: number) => dk * 1.03 + 0.15;
/** The first circle venues are gathered in (km); widened threefold until the answer lies inside. */
const FIRST_REACH_KM = 2;
/**
 * How many different sets of filters keep their verdicts (one byte per service each, 19 KB at
 * 19,000 services); the least recently asked set goes first.
 */
const FILTER_SETS_KEPT = 64;
/** A verdict not worked out yet, and the two answers of `passesFilters`. */
const UNJUDGED = 0;
const PASSES = 1;
const FAILS = 2;

const list = (v: readonly string[]) => v.join(",");
const flag = (v: boolean) => (v ? "1" : "0");
/** How each filter `passesFilters` reads goes into a key (a filter added there must be added here). */
const FILTER_KEY: { [K in keyof ListingFilters]-?: (v: ListingFilters[K]) => string } = {
  stage: list,
  kind: list,
  format: list,
  when: list,
  selfReferral: flag,
  free: flag,
  children: flag,
  language: (v) => v ?? "",
};

/** The filters a verdict depends on, as one key (radius and limit do not change it). */
function filterKey(f: ListingFilters): string {
  return `${FILTER_KEY.stage(f.stage)}|${FILTER_KEY.kind(f.kind)}|${FILTER_KEY.format(f.format)}|${FILTER_KEY.when(f.when)}|${FILTER_KEY.selfReferral(f.selfReferral)}${FILTER_KEY.free(f.free)}${FILTER_KEY.children(f.children)}|${FILTER_KEY.language(f.language)}`;
}

/** A service area as ranking reads it, named by its service's place in the index (`at`). */
type AreaEntry = AreaHit;

const areaCell = (lat: number, lon: number) =>
  (Math.floor(lat / AREA_CELL_DEG) + 1_000) * 10_000 + Math.floor(lon / AREA_CELL_DEG) + 1_000;

export class DirectoryIndex {
  /** Every published service, in the index's order: a service's place here is its `at`. */
  readonly bundles: readonly ServiceBundle[];
  // What ranking reads, by `at` (see `Candidates`): no search looks a service up by id.
  private readonly services: readonly ServiceRow[];
  private readonly schedules: readonly (readonly ScheduleRow[] | undefined)[];
  private readonly contacts: Candidates["contacts"];
  private readonly nameOrder: Int32Array;
  private readonly selfReferrals: Uint8Array;
  private readonly byId: ReadonlyMap<string, ServiceBundle>;
  private readonly hiddenAfter: Float64Array;
  private readonly venues: VenueGrid;
  /** Each service's venues as ranking reads them: service `at`'s are `venueHits[venueStart[at]…]`. */
  private readonly venueStart: Int32Array;
  private readonly venueHits: readonly LocationHit[];
  private readonly byArea = new Map<string, AreaEntry[]>();
  private readonly radiusCells = new Map<number, AreaEntry[]>();
  private readonly crisis: ServiceBundle[];
  /** Per country, its UK-wide and country services (one area each, the most specific), ranked. */
  private readonly national = new Map<Country, AreaEntry[]>();
  // Scratch space for one search at a time (searches run to the end without awaiting).
  private stamp = 0;
  private seenStamp = 0;
  private heap = new Float64Array(64);
  private readonly seenAt: Int32Array;
  private readonly nearest2: Float64Array;
  private readonly touched: Int32Array;
  private readonly pushedAt: Int32Array;
  /**
   * `passesFilters` per service, per set of filters, worked out as searches ask. A verdict
   * depends on the listing and the filters alone (not on the place or the time), and most
   * searches share one of a few sets of filters, so each is judged once per index.
   */
  private readonly verdicts = new Map<string, Uint8Array>();

  constructor(
    /** The `directory_version` this index was built from. */
    readonly version: number,
    bundles: readonly ServiceBundle[],
  ) {
    this.bundles = bundles;
    this.byId = new Map(bundles.map((b) => [b.service.id, b]));
    this.services = bundles.map((b) => b.service);
    this.schedules = bundles.map((b) => (b.schedules.length > 0 ? b.schedules : undefined));
    this.contacts = bundles.map((b) => b.contacts);
    const n = bundles.length;
    this.nameOrder = new Int32Array(n);
    this.selfReferrals = Uint8Array.from(this.services, selfReferral);
    this.venueStart = new Int32Array(n + 1);
    this.hiddenAfter = new Float64Array(n);
    this.seenAt = new Int32Array(n);
    this.nearest2 = new Float64Array(n);
    this.touched = new Int32Array(n);
    this.pushedAt = new Int32Array(n);
    const points: { latitude: number; longitude: number; owner: number }[] = [];
    const venueHits: LocationHit[] = [];
    bundles.forEach((b, at) => {
      const s = b.service;
      this.hiddenAfter[at] = hiddenAsStaleAfter(s.verifiedAt, s.reviewEveryDays, s.kind);
      for (const l of b.locations) {
        points.push({ latitude: l.latitude, longitude: l.longitude, owner: at });
        venueHits.push({ at, latitude: l.latitude, longitude: l.longitude });
      }
      this.venueStart[at + 1] = venueHits.length;
      for (const area of b.areas) this.addArea(area, at);
    });
    this.venueHits = venueHits;
    this.venues = new VenueGrid(points);
    const byName = [...bundles.keys()].sort((a, b) =>
      compareNames(bundles[a]!.service.name, bundles[b]!.service.name),
    );
    byName.forEach((at, i) => {
      const prev = byName[i - 1];
      const same =
        prev !== undefined &&
        compareNames(bundles[prev]!.service.name, bundles[at]!.service.name) === 0;
      this.nameOrder[at] = same ? this.nameOrder[prev]! : i;
    });
    this.crisis = bundles.filter((b) => b.service.kind === "crisis");
    for (const country of COUNTRIES) this.national.set(country, this.rankNational(country));
  }

  /** The national services of a country in the order `rankSearch` gives "anywhere". */
  private rankNational(country: Country): AreaEntry[] {
    const best = new Map<number, AreaEntry>();
    for (const e of [
      ...(this.byArea.get(`country:${country}`) ?? []),
      ...(this.byArea.get("uk") ?? []),
    ]) {
      if (!best.has(e.at)) best.set(e.at, e); // country entries come first: more specific
    }
    const keyed = [...best.values()].map((e) => {
      const s = this.services[e.at]!;
      return { e, keys: anywhereKeys(s, e.kind), order: this.nameOrder[e.at]!, id: s.id };
    });
    keyed.sort((a, b) => {
      for (let k = 0; k < a.keys.length; k++) {
        const diff = a.keys[k]! - b.keys[k]!;
        if (diff !== 0) return diff;
      }
      return a.order - b.order || (a.id < b.id ? -1 : 1);
    });
    return keyed.map((x) => x.e);
  }

  private addArea(area: AreaRow, at: number): void {
    const entry: AreaEntry = {
      at,
      kind: area.kind,
      latitude: area.latitude,
      longitude: area.longitude,
      radiusKm: area.radiusKm,
    };
    if (area.kind !== "radius") {
      const key = area.kind === "uk" ? "uk" : `${area.kind}:${area.code ?? ""}`;
      const list = this.byArea.get(key);
      if (list) list.push(entry);
      else this.byArea.set(key, [entry]);
      return;
    }
    if (area.latitude === null || area.longitude === null || area.radiusKm === null) return;
    const box = boundingBox(area.latitude, area.longitude, area.radiusKm);
    for (
      let lat = Math.floor(box.minLat / AREA_CELL_DEG);
      lat <= box.maxLat / AREA_CELL_DEG;
      lat++
    ) {
      for (
        let lon = Math.floor(box.minLon / AREA_CELL_DEG);
        lon <= box.maxLon / AREA_CELL_DEG;
        lon++
      ) {
        const key = areaCell(lat * AREA_CELL_DEG, lon * AREA_CELL_DEG);
        const list = this.radiusCells.get(key);
        if (list) list.push(entry);
        else this.radiusCells.set(key, [entry]);
      }
    }
  }

  /** Published services in the index. */
  get size(): number {
    return this.bundles.length;
  }

  get venueCount(): number {
    return this.venues.size;
  }

  /** A published service with everything shown about it. */
  bundle(id: string): ServiceBundle | undefined {
    return this.byId.get(id);
  }

  /** Every published crisis listing (the crisis panel chooses and orders them). */
  crisisBundles(): readonly ServiceBundle[] {
    return this.crisis;
  }

  /**
   * The candidates of a search: enough of them that `rankSearch` gives exactly the answer it
   * would give over every published service. Near you: the `limit` nearest services that pass the
   * filters, and every other that could tie with them once distances are rounded; covering your
   * area and anywhere: every service with an area for the place, with its venues, so a service
   * that also meets nearby lands in the right group.
   */
  candidates(place: Place, f: SearchFiltersInput, now: Date): Candidates {
    const q = this.nextStamp();
    const nowMs = now.getTime();
    const verdict = this.verdictsFor(f);
    const accept = (i: number): boolean => {
      if (nowMs > this.hiddenAfter[i]!) return false;
      let v = verdict[i]!;
      if (v === UNJUDGED) {
        const b = this.bundles[i]!;
        v = passesFilters(b.service, b.schedules, b.contacts, f) ? PASSES : FAILS;
        verdict[i] = v;
      }
      return v === PASSES;
    };

    const areas: AreaHit[] = [];
    const areaOwners: number[] = [];
    const add = (entries: readonly AreaEntry[] | undefined) => {
      for (const e of entries ?? []) {
        if (!accept(e.at)) continue;
        areas.push(e);
        areaOwners.push(e.at);
      }
    };
    if (place.precision === "sector" || place.precision === "district") {
      add(this.byArea.get(`district:${place.query.split(" ")[0]}`));
    }
    if (place.lad) add(this.byArea.get(`lad:${place.lad}`));
    if (place.icb) add(this.byArea.get(`icb:${place.icb}`));
    if (place.lhb) add(this.byArea.get(`lhb:${place.lhb}`));
    if (place.hb) add(this.byArea.get(`hb:${place.hb}`));
    add(this.radiusCells.get(areaCell(place.latitude, place.longitude)));
    const national =
      place.countries.length === 1 ? this.national.get(place.countries[0]!) : undefined;
    if (national) {
      // Ranked already: stop once `limit` of them must land in "anywhere" (no venue within the
      // radius, no local area). Those beyond could not be shown there, and any of them shown
      // nearer is found by its venue or local area.
      const local = new Set(areaOwners);
      let sure = 0;
      for (const e of national) {
        if (sure >= f.limit) break;
        if (!accept(e.at)) continue;
        areas.push(e);
        areaOwners.push(e.at);
        if (!local.has(e.at) && !this.meetsNearby(e.at, place, f.radiusKm)) sure++;
      }
    } else {
      add(this.byArea.get("uk"));
      for (const country of place.countries) add(this.byArea.get(`country:${country}`));
    }

    // Each service's nearest venue (flat distance). Venues are gathered within a small circle
    // first, widened (to a little beyond the radius at most) until the `limit` nearest that pass
    // the filters, and every service that could tie with them, lie inside it: in a town the
    // answer is found among a few dozen venues instead of the thousands within 15 km.
    const full = REACH(f.radiusKm);
    let reach = Math.min(full, FIRST_REACH_KM);
    let touchedCount = 0;
    let cut2 = Number.POSITIVE_INFINITY;
    for (;;) {
      touchedCount = this.gather(place, reach);
      cut2 = this.tieCut2(touchedCount, f.limit, accept);
      if (reach >= full || cut2 <= reach * reach) break;
      reach = Math.min(full, reach * 3);
    }

    const locations: LocationHit[] = [];
    const pushVenues = (i: number) => {
      if (this.pushedAt[i] === q) return;
      this.pushedAt[i] = q;
      const end = this.venueStart[i + 1]!;
      for (let k = this.venueStart[i]!; k < end; k++) locations.push(this.venueHits[k]!);
    };
    for (let j = 0; j < touchedCount; j++) {
      const i = this.touched[j]!;
      if (this.nearest2[i]! <= cut2 && accept(i)) pushVenues(i);
    }
    for (const i of areaOwners) pushVenues(i);
    const { services, schedules, contacts, nameOrder, selfReferrals } = this;
    return {
      locations,
      areas,
      services,
      schedules,
      contacts,
      nameOrder,
      selfReferrals,
      filtered: true,
    };
  }

  /** Whether a service meets within `km` of the place (as `rankSearch` measures). */
  private meetsNearby(at: number, place: Place, km: number): boolean {
    const end = this.venueStart[at + 1]!;
    for (let k = this.venueStart[at]!; k < end; k++) {
      const l = this.venueHits[k]!;
      if (distanceKm(place.latitude, place.longitude, l.latitude, l.longitude) <= km) return true;
    }
    return false;
  }

  /** The verdicts kept for one set of filters (see `verdicts`). */
  private verdictsFor(f: ListingFilters): Uint8Array {
    const key = filterKey(f);
    let kept = this.verdicts.get(key);
    if (kept) {
      // Map order is insertion order: re-inserting keeps the most recently asked last.
      this.verdicts.delete(key);
    } else {
      kept = new Uint8Array(this.bundles.length);
      if (this.verdicts.size >= FILTER_SETS_KEPT) {
        const oldest = this.verdicts.keys().next().value;
        if (oldest !== undefined) this.verdicts.delete(oldest);
      }
    }
    this.verdicts.set(key, kept);
    return kept;
  }

  /** Each service's nearest venue within `km` (flat), into `touched` / `nearest2`; their count. */
  private gather(place: Place, km: number): number {
    const seen = this.nextSeenStamp();
    let count = 0;
    this.venues.within(place.latitude, place.longitude, km, (owner, d2) => {
      if (this.seenAt[owner] !== seen) {
        this.seenAt[owner] = seen;
        this.nearest2[owner] = d2;
        this.touched[count++] = owner;
      } else if (d2 < this.nearest2[owner]!) this.nearest2[owner] = d2;
    });
    return count;
  }

  /**
   * The squared flat distance within which every service that can be shown near you lies: found
   * from the `limit`-th nearest service that passes the filters (a bounded max-heap, so filters
   * are judged only for services that could still be among the nearest).
   */
  private tieCut2(count: number, limit: number, accept: (i: number) => boolean): number {
    if (this.heap.length < limit) this.heap = new Float64Array(limit);
    const heap = this.heap;
    let size = 0;
    for (let j = 0; j < count; j++) {
      const i = this.touched[j]!;
      const d2 = this.nearest2[i]!;
      if (size === limit && d2 >= heap[0]!) continue;
      if (!accept(i)) continue;
      if (size < limit) {
        // Sift up.
        let k = size++;
        while (k > 0) {
          const parent = (k - 1) >> 1;
          if (heap[parent]! >= d2) break;
          heap[k] = heap[parent]!;
          k = parent;
        }
        heap[k] = d2;
      } else {
        // Replace the largest and sift down.
        let k = 0;
        for (;;) {
          const left = 2 * k + 1;
          if (left >= size) break;
          const right = left + 1;
          const child = right < size && heap[right]! > heap[left]! ? right : left;
          if (heap[child]! <= d2) break;
          heap[k] = heap[child]!;
          k = child;
        }
        heap[k] = d2;
      }
    }
    if (size < limit) return Number.POSITIVE_INFINITY;
    const cut = TIE_REACH(Math.sqrt(heap[0]!));
    return cut * cut;
  }

  private nextStamp(): number {
    if (this.stamp >= 0x7fff_fff0) {
      this.stamp = 0;
      this.pushedAt.fill(0);
    }
    return ++this.stamp;
  }

  private nextSeenStamp(): number {
    if (this.seenStamp >= 0x7fff_fff0) {
      this.seenStamp = 0;
      this.seenAt.fill(0);
    }
    return ++this.seenStamp;
  }
}
