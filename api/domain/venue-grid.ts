/**
 * Venues in a flat latitude/longitude grid, stored compressed by row (one sorted run of venues
 * per cell, cells of a row side by side), so the venues in a box are a few contiguous runs.
 * Distances here are on a local flat projection scaled like the haversine sphere: within 0.7%
 * of the great-circle distance up to 50 km anywhere in the UK, and cheap enough to run over
 * thousands of venues per search. Callers keep a margin and decide exactly with `distanceKm`.
 */

/** Kilometres per degree of latitude on the sphere `distanceKm` uses. */
export const KM_PER_DEG = (6371.0088 * Math.PI) / 180;
const CELL_LAT = 0.02;
const CELL_LON = 0.03;

export interface GridPoint {
  latitude: number;
  longitude: number;
  /** Small integer naming what the point belongs to (a service's position in the index). */
  owner: number;
}

export class VenueGrid {
  private readonly minLat: number;
  private readonly minLon: number;
  private readonly rows: number;
  private readonly cols: number;
  /** Venue k of cell c is at `start[c] + k`; `start[c + 1]` ends it. */
  private readonly start: Int32Array;
  private readonly lat: Float64Array;
  private readonly lon: Float64Array;
  private readonly owner: Int32Array;

  constructor(points: readonly GridPoint[]) {
    let minLat = Number.POSITIVE_INFINITY;
    let minLon = Number.POSITIVE_INFINITY;
    let maxLat = Number.NEGATIVE_INFINITY;
    let maxLon = Number.NEGATIVE_INFINITY;
    for (const p of points) {
      minLat = Math.min(minLat, p.latitude);
      maxLat = Math.max(maxLat, p.latitude);
      minLon = Math.min(minLon, p.longitude);
      maxLon = Math.max(maxLon, p.longitude);
    }
    const empty = points.length === 0;
    this.minLat = empty ? 0 : minLat;
    this.minLon = empty ? 0 : minLon;
    this.rows = empty ? 0 : Math.floor((maxLat - minLat) / CELL_LAT) + 1;
    this.cols = empty ? 0 : Math.floor((maxLon - minLon) / CELL_LON) + 1;
    const cells = this.rows * this.cols;
    const cellOf = points.map((p) => this.row(p.latitude) * this.cols + this.col(p.longitude));
    // Counting sort by cell.
    this.start = new Int32Array(cells + 1);
    for (const c of cellOf) this.start[c + 1]! += 1;
    for (let c = 0; c < cells; c++) this.start[c + 1]! += this.start[c]!;
    const next = this.start.slice(0, cells);
    this.lat = new Float64Array(points.length);
    this.lon = new Float64Array(points.length);
    this.owner = new Int32Array(points.length);
    points.forEach((p, i) => {
      const k = next[cellOf[i]!]!++;
      this.lat[k] = p.latitude;
      this.lon[k] = p.longitude;
      this.owner[k] = p.owner;
    });
  }

  get size(): number {
    return this.lat.length;
  }

  /** Bytes held by the typed arrays. */
  get bytes(): number {
    return (
      this.start.byteLength + this.lat.byteLength + this.lon.byteLength + this.owner.byteLength
    );
  }

  private row(latitude: number): number {
    return Math.floor((latitude - this.minLat) / CELL_LAT);
  }

  private col(longitude: number): number {
    return Math.floor((longitude - this.minLon) / CELL_LON);
  }

  /**
   * Calls `visit(owner, squaredKm)` for every point within `km` (flat distance) of the centre.
   * Points come cell by cell, not in distance order.
   */
  within(
    latitude: number,
    longitude: number,
    km: number,
    visit: (owner: number, squaredKm: number) => void,
  ): void {
    if (this.rows === 0) return;
    const kmLon = KM_PER_DEG * Math.cos((latitude * Math.PI) / 180);
    const dLat = km / KM_PER_DEG;
    const dLon = km / Math.max(0.01, kmLon);
    const r0 = Math.max(0, this.row(latitude - dLat));
    const r1 = Math.min(this.rows - 1, this.row(latitude + dLat));
    const c0 = Math.max(0, this.col(longitude - dLon));
    const c1 = Math.min(this.cols - 1, this.col(longitude + dLon));
    if (r0 > r1 || c0 > c1) return;
    const limit = km * km;
    const { start, lat, lon, owner } = this;
    for (let r = r0; r <= r1; r++) {
      const end = start[r * this.cols + c1 + 1]!;
      for (let k = start[r * this.cols + c0]!; k < end; k++) {
        const dy = (lat[k]! - latitude) * KM_PER_DEG;
        const dx = (lon[k]! - longitude) * kmLon;
        const d2 = dx * dx + dy * dy;
        if (d2 <= limit) visit(owner[k]!, d2);
      }
    }
  }
}
