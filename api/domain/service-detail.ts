import type { ServiceAreaInfo, ServiceDetail } from "../../schema/contract.js";
import type { Lang } from "../../schema/taxonomy.js";
import type { AreaRow, ServiceBundle } from "./bundle.js";
import type { GeoIndex } from "./geo-index.js";
import { toResult } from "./present.js";

const pick = (en: string, cy: string | null | undefined, lang: Lang) =>
  lang === "cy" && cy ? cy : en;

/** A readable name for a service area: "Exeter", "NHS Devon Integrated Care Board", "EX4". */
export function areaName(a: AreaRow, geo: GeoIndex, lang: Lang): string {
  switch (a.kind) {
    case "uk":
      return lang === "cy" ? "Y Deyrnas Unedig gyfan" : "The whole UK";
    case "country":
      return a.code ?? "";
    case "district":
      return a.code ?? "";
    case "radius":
      return lang === "cy" ? `O fewn ${a.radiusKm ?? 0} km` : `Within ${a.radiusKm ?? 0} km`;
    default:
      return geo.areas.get(a.code ?? "")?.name ?? a.code ?? "";
  }
}

export function toServiceDetail(
  b: ServiceBundle,
  geo: GeoIndex,
  lang: Lang,
  now: Date,
): ServiceDetail {
  const s = b.service;
  const locationName = (id: string | null) => b.locations.find((l) => l.id === id)?.name ?? null;
  const areas: ServiceAreaInfo[] = b.areas.map((a) => ({
    kind: a.kind,
    code: a.code,
    name: areaName(a, geo, lang),
  }));
  return {
    ...toResult(b, { distanceKm: null }, lang, now),
    description: pick(s.description, s.descriptionCy, lang),
    howToAccess: pick(s.howToAccess, s.howToAccessCy, lang),
    costNote: s.costNote,
    audiences: s.audiences,
    languages: s.languages,
    facilitatorTrained: s.facilitatorTrained,
    moderated: s.moderated,
    organisationWebsite: b.organisationWebsite,
    sourceUrl: s.sourceUrl,
    locations: b.locations.map((l) => ({
      id: l.id,
      name: l.name,
      address: l.address,
      postcode: l.postcode,
      latitude: l.latitude,
      longitude: l.longitude,
      accessibility: l.accessibility ? pick(l.accessibility, l.accessibilityCy, lang) : null,
    })),
    schedules: b.schedules.map((x) => ({
      pattern: x.pattern,
      weekday: x.weekday,
      nth: x.nth,
      startTime: x.startTime,
      endTime: x.endTime,
      termTimeOnly: x.termTimeOnly,
      locationName: locationName(x.locationId),
      note: x.note ? pick(x.note, x.noteCy, lang) : null,
    })),
    areas,
  };
}
