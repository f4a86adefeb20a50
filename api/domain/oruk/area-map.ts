/**
 * Service areas with ONS statistical-geography URIs, and back. Postcode districts are not ONS
 * geographies: they go out by name with `x_kind`/`x_code`; radius areas carry a GeoJSON polygon.
 */
import type { AreaKind, Country } from "../../../schema/taxonomy.js";
import type { OrukBundle, OrukContext } from "./bundle.js";
import { orukId } from "./uuid.js";

type AreaRow = OrukBundle["areas"][number];

export const GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/";
export const UK_CODE = "K02000001";
export const COUNTRY_CODES: Record<Country, string> = {
  England: "E92000001",
  Wales: "W92000004",
  Scotland: "S92000003",
  "Northern Ireland": "N92000002",
};

function circle(lat: number, lon: number, km: number): string {
  const points: [number, number][] = [];
  for (let i = 0; i <= 24; i++) {
    const a = (i / 24) * 2 * Math.PI;
    const dLat = (km / 111.32) * Math.sin(a);
    const dLon = (km / (111.32 * Math.cos((lat * Math.PI) / 180))) * Math.cos(a);
    points.push([Math.round((lon + dLon) * 1e5) / 1e5, Math.round((lat + dLat) * 1e5) / 1e5]);
  }
  return JSON.stringify({ type: "Polygon", coordinates: [points] });
}

export function toHsdsArea(
  a: AreaRow,
  serviceUuid: string,
  ctx: OrukContext,
): Record<string, unknown> {
  const base = { id: orukId("service_area", a.id), service_id: serviceUuid, x_kind: a.kind };
  switch (a.kind) {
    case "uk":
      return {
        ...base,
        name: "United Kingdom",
        service_area: "United Kingdom",
        uri: GSS_URI + UK_CODE,
      };
    case "country": {
      const code = COUNTRY_CODES[a.code as Country];
      return {
        ...base,
        name: a.code,
        service_area: a.code,
        uri: code ? GSS_URI + code : undefined,
        x_code: a.code,
      };
    }
    case "district":
      return { ...base, name: `${a.code} postcode district`, service_area: a.code, x_code: a.code };
    case "radius":
      return {
        ...base,
        name: `Within ${a.radiusKm} km`,
        service_area: `Within ${a.radiusKm} km of ${a.latitude}, ${a.longitude}`,
        extent: circle(a.latitude ?? 0, a.longitude ?? 0, a.radiusKm ?? 0),
        extent_type: "geojson",
        x_latitude: a.latitude,
        x_longitude: a.longitude,
        x_radius_km: a.radiusKm,
      };
    default: {
      const name = ctx.areaName(a.code ?? "") ?? a.code;
      return { ...base, name, service_area: name, uri: GSS_URI + a.code, x_code: a.code };
    }
  }
}

export interface AreaGuess {
  kind: AreaKind;
  code: string | null;
  latitude: number | null;
  longitude: number | null;
  radiusKm: number | null;
}

/** The kind of an ONS GSS code, for the area kinds we model. */
export function kindOfGss(code: string): { kind: AreaKind; code: string | null } | null {
  if (code === UK_CODE) return { kind: "uk", code: null };
  const country = (Object.entries(COUNTRY_CODES) as [Country, string][]).find(
    ([, c]) => c === code,
  );
  if (country) return { kind: "country", code: country[0] };
  if (/^E54\d{6}$/.test(code)) return { kind: "icb", code };
  if (/^W11\d{6}$/.test(code)) return { kind: "lhb", code };
  if (/^S08\d{6}$/.test(code)) return { kind: "hb", code };
  if (/^(?:E0[6-9]|W06|S12|N09)\d{6}$/.test(code)) return { kind: "lad", code };
  return null;
}

const num = (v: unknown) => {
  const n = typeof v === "string" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
};

/** One HSDS service area as ours, or null when it names nothing we can place. */
export function fromHsdsArea(raw: Record<string, unknown>): AreaGuess | null {
  const kind = raw.x_kind;
  if (kind === "radius") {
    const latitude = num(raw.x_latitude);
    const longitude = num(raw.x_longitude);
    const radiusKm = num(raw.x_radius_km);
    if (latitude === null || longitude === null || radiusKm === null) return null;
    return { kind, code: null, latitude, longitude, radiusKm };
  }
  if (kind === "district" && typeof raw.x_code === "string") {
    return { kind, code: raw.x_code, latitude: null, longitude: null, radiusKm: null };
  }
  const uri = typeof raw.uri === "string" ? raw.uri.trim() : "";
  const gss = /([EKNSW]\d{8})\/?$/.exec(uri)?.[1];
  const known = gss ? kindOfGss(gss) : null;
  return known ? { ...known, latitude: null, longitude: null, radiusKm: null } : null;
}
