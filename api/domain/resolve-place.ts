/**
 * Turns a parsed postcode into a place, as precisely as the 2014 geography allows:
 * sector → district → London parent district → postcode area. Country and areas come from the
 * data, never from the letters (TD15 is in England, HR3 straddles England and Wales).
 */
import type { Place, Precision } from "../../schema/contract.js";
import { COUNTRIES, type Country } from "../../schema/taxonomy.js";
import {
  type AreaShares,
  type DistrictRow,
  type GeoIndex,
  mergeShares,
  type Share,
} from "./geo-index.js";
import type { ParsedPostcode } from "./postcode.js";

/** Royal Mail keeps district numbers 90–99 for business and government mail, not for places. */
const NON_GEOGRAPHIC_FROM = 90;

interface Codes {
  lad: string | null;
  icb: string | null;
  lhb: string | null;
}

interface Found {
  query: string;
  precision: Precision;
  country: Country;
  countries: Iterable<Country>;
  codes: Codes;
  latitude: number;
  longitude: number;
  approximate: boolean;
}

/** The countries a district's shares reach into, from the codes' prefixes (ONS GSS codes). */
function countriesIn(shares: AreaShares): Set<Country> {
  const found = new Set<Country>();
  if (shares.region.length > 0 || shares.icb.length > 0) found.add("England");
  if (shares.lhb.length > 0) found.add("Wales");
  for (const { code } of shares.lad) {
    if (code.startsWith("E")) found.add("England");
    else if (code.startsWith("W")) found.add("Wales");
    else if (code.startsWith("S")) found.add("Scotland");
    else if (code.startsWith("N")) found.add("Northern Ireland");
  }
  return found;
}

function top(shares: Share[], atLeast = 0): string | null {
  const first = shares[0];
  return first && first.share > atLeast ? first.code : null;
}

function place(geo: GeoIndex, found: Found): Place {
  const name = (code: string | null) => (code ? (geo.areas.get(code)?.name ?? null) : null);
  const { lad, icb, lhb } = found.codes;
  const ladName = name(lad);
  // A board is a fixed union of council areas, like a Welsh LHB: it follows from the LAD.
  const hb = (lad && geo.healthBoardOfLad.get(lad)) ?? null;
  const others = new Set(found.countries);
  const countries = [
    found.country,
    ...COUNTRIES.filter((c) => c !== found.country && others.has(c)),
  ];
  let label = found.query;
  if (found.country === "Northern Ireland") label = `${found.query}, Northern Ireland`;
  else if (found.precision !== "area" && ladName) label = `${found.query}, ${ladName}`;
  return {
    query: found.query,
    precision: found.precision,
    label,
    country: found.country,
    countries,
    lad,
    ladName,
    icb,
    icbName: name(icb),
    lhb,
    lhbName: name(lhb),
    hb,
    hbName: name(hb),
    latitude: found.latitude,
    longitude: found.longitude,
    approximate: found.approximate,
  };
}

function fromDistrict(geo: GeoIndex, district: DistrictRow, precision: Precision): Place {
  const shares = geo.shares.get(district.outcode);
  return place(geo, {
    query: district.outcode,
    precision,
    country: district.country,
    countries: shares ? countriesIn(shares) : [],
    codes: shares
      ? { lad: top(shares.lad), icb: top(shares.icb), lhb: top(shares.lhb) }
      : { lad: null, icb: null, lhb: null },
    latitude: district.latitude,
    longitude: district.longitude,
    approximate: district.kind === "outcode-approx",
  });
}

/** The area's centroid (mean of its districts); an area code only where it holds most postcodes. */
function fromArea(geo: GeoIndex, area: string): Place | null {
  const districts = geo.districtsByArea.get(area) ?? [];
  if (districts.length === 0) return null;
  const weight = (d: DistrictRow) => d.postcodes ?? 1;
  const byCountry = new Map<Country, number>();
  for (const d of districts) byCountry.set(d.country, (byCountry.get(d.country) ?? 0) + weight(d));
  const [country] = [...byCountry].sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!country) return null;
  const shares = mergeShares(
    districts.flatMap((d) => {
      const own = geo.shares.get(d.outcode);
      return own ? [{ shares: own, weight: weight(d) }] : [];
    }),
  );
  const mean = (pick: (d: DistrictRow) => number) =>
    Math.round((districts.reduce((sum, d) => sum + pick(d), 0) / districts.length) * 1e5) / 1e5;
  return place(geo, {
    query: area,
    precision: "area",
    country,
    countries: new Set([...byCountry.keys(), ...countriesIn(shares)]),
    codes: { lad: top(shares.lad, 0.5), icb: top(shares.icb, 0.5), lhb: top(shares.lhb, 0.5) },
    latitude: mean((d) => d.latitude),
    longitude: mean((d) => d.longitude),
    approximate: true,
  });
}

/**
 * A district missing from the data that is no place to approximate: in the non-geographic range
 * (BN91), or numbered beyond every district of its area (EN77 where EN stops at EN11).
 */
function isNonGeographic(geo: GeoIndex, outcode: string, area: string): boolean {
  const number = Number(/\d+/.exec(outcode)?.[0]);
  const known = (geo.districtsByArea.get(area) ?? []).map((d) =>
    Number(/\d+/.exec(d.outcode)?.[0]),
  );
  return number >= NON_GEOGRAPHIC_FROM || known.every((n) => n < number);
}

/** The place a parsed postcode stands for, or null when the geography does not know it. */
export function resolvePlace(parsed: ParsedPostcode, geo: GeoIndex): Place | null {
  if (!parsed.ok) return null;

  const sector = parsed.sector ? geo.sectors.get(parsed.sector) : undefined;
  if (sector) {
    const district = geo.districts.get(sector.outcode);
    const districtShares = geo.shares.get(sector.outcode);
    return place(geo, {
      query: sector.sector,
      precision: "sector",
      country: sector.country,
      countries: [
        ...(districtShares ? countriesIn(districtShares) : []),
        ...(district ? [district.country] : []),
      ],
      codes: { lad: sector.lad, icb: sector.icb, lhb: sector.lhb },
      latitude: sector.latitude,
      longitude: sector.longitude,
      approximate: false,
    });
  }

  if (parsed.outcode) {
    const district = geo.districts.get(parsed.outcode);
    if (district) {
      return fromDistrict(
        geo,
        district,
        district.kind === "district-aggregate" ? "parent-district" : "district",
      );
    }
    // London sub-districts end in a letter: SW1A, EC1A and W1A sit inside SW1, EC1 and W1.
    const parentCode = /^([A-Z]{1,2}\d)[A-Z]$/.exec(parsed.outcode)?.[1];
    const parent = parentCode ? geo.districts.get(parentCode) : undefined;
    if (parent) return fromDistrict(geo, parent, "parent-district");
    if (isNonGeographic(geo, parsed.outcode, parsed.area)) return null;
  }

  return fromArea(geo, parsed.area);
}
