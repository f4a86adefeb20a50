/** Hand-made listings and sectors for the coverage tests. */
import type { ScheduleRow, ServiceBundle, ServiceRow } from "../../../../api/domain/bundle.js";
import type { CoverageSector } from "../../../../api/domain/coverage/index.js";
import { KM_PER_DEG } from "../../../../api/domain/venue-grid.js";

export const EXETER = { latitude: 50.72, longitude: -3.53 };

export function sector(name: string, over: Partial<CoverageSector> = {}): CoverageSector {
  return {
    sector: name,
    outcode: name.split(" ")[0]!,
    ...EXETER,
    postcodes: 100,
    country: "England",
    lad: "E07000041",
    icb: "E54000037",
    lhb: null,
    hb: null,
    ...over,
  };
}

/** A point `km` due north of a place. */
export const north = (p: { latitude: number; longitude: number }, km: number) => ({
  latitude: p.latitude + km / KM_PER_DEG,
  longitude: p.longitude,
});

export interface ListingSpec {
  service?: Partial<ServiceRow>;
  venues?: { latitude: number; longitude: number }[];
  schedules?: Partial<ScheduleRow>[];
  areas?: Partial<ServiceBundle["areas"][number]>[];
  verifiedContact?: boolean;
}

export function listing(id: string, spec: ListingSpec = {}): ServiceBundle {
  const service: ServiceRow = {
    id,
    organisationId: "org",
    name: id,
    nameCy: null,
    summary: "",
    summaryCy: null,
    description: "",
    descriptionCy: null,
    kind: "peer-group",
    stages: ["postnatal"],
    audiences: ["mothers"],
    formats: ["in-person"],
    referral: ["self"],
    howToAccess: "",
    howToAccessCy: null,
    cost: "free",
    costNote: null,
    languages: ["en"],
    childrenWelcome: true,
    mentalHealthSpecific: false,
    perinatalSpecific: true,
    peerLed: true,
    facilitatorTrained: false,
    moderated: false,
    status: "published",
    verifiedAt: "2026-06-01",
    reviewEveryDays: 180,
    sourceUrl: null,
    needsVerification: false,
    demo: false,
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...spec.service,
  };
  return {
    service,
    organisation: "Org",
    organisationWebsite: null,
    contacts: [
      {
        id: `${id}-c`,
        serviceId: id,
        kind: "phone",
        value: "01392 000000",
        label: null,
        labelCy: null,
        hours: null,
        hoursCy: null,
        openHours: null,
        keyword: null,
        needsVerification: spec.verifiedContact === false,
        position: 0,
      },
    ],
    locations: (spec.venues ?? []).map((v, k) => ({
      id: `${id}-l${k}`,
      serviceId: id,
      name: "Hall",
      address: "1 Street",
      postcode: "EX4 4PJ",
      precision: "address",
      accessibility: null,
      accessibilityCy: null,
      ...v,
    })),
    schedules: (spec.schedules ?? [{}]).map((s, k) => ({
      id: `${id}-s${k}`,
      serviceId: id,
      locationId: null,
      pattern: "weekly",
      weekday: 1,
      nth: null,
      anchorDate: null,
      startTime: "10:00",
      endTime: "11:30",
      termTimeOnly: false,
      validFrom: null,
      validUntil: null,
      note: null,
      noteCy: null,
      ...s,
    })),
    areas: (spec.areas ?? []).map((a, k) => ({
      id: `${id}-a${k}`,
      serviceId: id,
      kind: "uk",
      code: null,
      latitude: null,
      longitude: null,
      radiusKm: null,
      ...a,
    })),
  };
}
