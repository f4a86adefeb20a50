/**
 * Demand without personal data: widget searches from registered sites per postcode district and
 * month, with how many found nothing local. Below national level small numbers are suppressed
 * as NHS England publishes Hospital Episode Statistics: 1 to 7 show as "fewer than 8", and every
 * other count is rounded to the nearest 5.
 */

export interface DemandCount {
  searches: number;
  withoutLocal: number;
}

/** A count as it may be shown: a number (0, or rounded to 5), or "<8" for 1 to 7. */
export type Suppressed = number | "<8";

export function suppress(n: number): Suppressed {
  if (n <= 0) return 0;
  if (n < 8) return "<8";
  return Math.round(n / 5) * 5;
}

export interface AreaDemand {
  /** Months counted, ending with this one. */
  months: number;
  /** The area's total: exact for the UK (national level), suppressed below it. */
  total: { searches: Suppressed; withoutLocal: Suppressed };
  /** Per district of the area, suppressed; districts with no search are left out. */
  districts: Record<string, { searches: Suppressed; withoutLocal: Suppressed }>;
}

export function areaDemand(
  districts: Iterable<string>,
  counts: ReadonlyMap<string, DemandCount>,
  national: boolean,
  months: number,
): AreaDemand {
  let searches = 0;
  let withoutLocal = 0;
  const out: AreaDemand["districts"] = {};
  for (const d of new Set(districts)) {
    const c = counts.get(d);
    if (!c || c.searches === 0) continue;
    searches += c.searches;
    withoutLocal += c.withoutLocal;
    out[d] = { searches: suppress(c.searches), withoutLocal: suppress(c.withoutLocal) };
  }
  const show = (n: number): Suppressed => (national ? n : suppress(n));
  return {
    months,
    total: { searches: show(searches), withoutLocal: show(withoutLocal) },
    districts: out,
  };
}
