/**
 * Service areas picked by name, and venue positions found from postcodes, with our own
 * geography (api/domain/geo-index.ts): no outside lookups.
 */
import { type AreaKind, COUNTRIES } from "../../schema/taxonomy.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { parsePostcode } from "../domain/postcode.js";
import { resolvePlace } from "../domain/resolve-place.js";

export const AREA_KIND_LABELS: Record<AreaKind, string> = {
  uk: "The whole UK",
  country: "Country",
  icb: "Integrated care board (England)",
  lhb: "Local health board (Wales)",
  hb: "Health board (Scotland)",
  lad: "Local authority",
  district: "Postcode district",
  radius: "Distance around a place",
};

export interface Position {
  latitude: number;
  longitude: number;
  /** What the position was taken from, e.g. "sector EX4 4". */
  source: string;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** The position of a postcode, sector or district, or of typed "lat, lon" coordinates. */
export function positionOf(text: string, geo: GeoIndex): Position | null {
  const coords = /^\s*(-?\d{1,2}(?:\.\d+)?)\s*,\s*(-?\d{1,2}(?:\.\d+)?)\s*$/.exec(text);
  if (coords) {
    return { latitude: Number(coords[1]), longitude: Number(coords[2]), source: "coordinates" };
  }
  const parsed = parsePostcode(text);
  if (!parsed.ok || parsed.kind === "area") return null;
  const place = resolvePlace(parsed, geo);
  if (!place) return null;
  return {
    latitude: round(place.latitude),
    longitude: round(place.longitude),
    source: `${place.precision} ${place.query}`,
  };
}

/** A postcode in its normal form (`EX4 4AB`), or null when it is not a full postcode. */
export function normalPostcode(text: string): string | null {
  const parsed = parsePostcode(text);
  if (!parsed.ok || parsed.kind !== "full") return null;
  const units = text.replace(/\s+/g, "").toUpperCase().slice(-2);
  return `${parsed.sector}${units}`;
}

/** The code of an area of `kind` named (or coded) `text`, or null when there is none. */
export function areaCode(kind: AreaKind, text: string, geo: GeoIndex): string | null {
  const wanted = text.trim().toLowerCase();
  if (!wanted) return null;
  switch (kind) {
    case "uk":
    case "radius":
      return null;
    case "country":
      return COUNTRIES.find((c) => c.toLowerCase() === wanted) ?? null;
    case "district": {
      const outcode = text.trim().toUpperCase();
      return geo.districts.has(outcode) ? outcode : null;
    }
    default:
      for (const area of geo.areas.values()) {
        if (area.kind !== kind) continue;
        if (area.code.toLowerCase() === wanted || area.name.toLowerCase() === wanted) {
          return area.code;
        }
      }
      return null;
  }
}

/** What the editor shows for an area: its name, or for a radius the centre's coordinates. */
export function areaLabel(
  area: {
    kind: AreaKind;
    code?: string | null;
    latitude?: number | null;
    longitude?: number | null;
  },
  geo: GeoIndex,
): string {
  if (area.kind === "radius") return `${area.latitude ?? ""}, ${area.longitude ?? ""}`;
  if (area.kind === "icb" || area.kind === "lhb" || area.kind === "lad") {
    return geo.areas.get(area.code ?? "")?.name ?? area.code ?? "";
  }
  return area.code ?? "";
}

/** Names offered while typing, for each kind of area that has names. */
export function areaChoices(geo: GeoIndex): Record<"country" | "icb" | "lhb" | "lad", string[]> {
  const out = {
    country: [...COUNTRIES] as string[],
    icb: [] as string[],
    lhb: [] as string[],
    lad: [] as string[],
  };
  for (const area of geo.areas.values()) {
    if (area.kind === "icb" || area.kind === "lhb" || area.kind === "lad")
      out[area.kind].push(area.name);
  }
  for (const list of Object.values(out)) list.sort((a, b) => a.localeCompare(b, "en-GB"));
  return out;
}
