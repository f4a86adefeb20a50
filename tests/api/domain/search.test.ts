import { describe, expect, it } from "vitest";
import type { ScheduleRow } from "../../../api/domain/bundle.js";
import type {
  AreaHit,
  CandidateService,
  Candidates,
  ContactHit,
  LocationHit,
} from "../../../api/domain/candidates.js";
import { rankSearch, type SearchFiltersInput } from "../../../api/domain/search.js";
import type { Place } from "../../../schema/contract.js";

const NOW = new Date("2026-11-26T09:00:00Z");
const place: Place = {
  query: "EX4 4",
  precision: "sector",
  label: "EX4 4, Exeter",
  country: "England",
  countries: ["England"],
  lad: "E07000041",
  ladName: "Exeter",
  icb: "E54000037",
  icbName: null,
  lhb: null,
  lhbName: null,
  hb: null,
  hbName: null,
  latitude: 50.73,
  longitude: -3.53,
  approximate: false,
};
const filters: SearchFiltersInput = {
  stage: [],
  kind: [],
  format: [],
  when: [],
  selfReferral: false,
  free: false,
  children: false,
  language: null,
  radiusKm: 15,
  limit: 10,
};

function service(id: string, over: Partial<CandidateService> = {}): CandidateService {
  return {
    id,
    kind: "peer-group",
    name: id,
    stages: ["postnatal"],
    formats: ["in-person"],
    referral: ["self"],
    cost: "free",
    languages: ["en"],
    childrenWelcome: true,
    mentalHealthSpecific: true,
    perinatalSpecific: true,
    peerLed: true,
    ...over,
  };
}
// Venues and areas name their service by id here; `candidates` numbers them as `Candidates` does.
type Venue = Omit<LocationHit, "at"> & { serviceId: string };
type Area = Omit<AreaHit, "at"> & { serviceId: string; code: string | null };
const at = (serviceId: string, kmNorth: number): Venue => ({
  serviceId,
  latitude: place.latitude + kmNorth / 111.2,
  longitude: place.longitude,
});
const area = (serviceId: string, kind: AreaHit["kind"], code: string | null = null): Area => ({
  serviceId,
  kind,
  code,
  latitude: null,
  longitude: null,
  radiusKm: null,
});
const weekly = (serviceId: string, weekday: number, startTime: string): ScheduleRow => ({
  id: `${serviceId}-${weekday}`,
  serviceId,
  locationId: null,
  pattern: "weekly",
  weekday,
  nth: null,
  anchorDate: null,
  startTime,
  endTime: `${String(Number(startTime.slice(0, 2)) + 1).padStart(2, "0")}:30`,
  termTimeOnly: false,
  validFrom: null,
  validUntil: null,
  note: null,
  noteCy: null,
});

function candidates(
  services: CandidateService[],
  locations: Venue[],
  areas: Area[],
  schedules: ScheduleRow[] = [],
  contacts = new Map<string, ContactHit[]>(),
): Candidates {
  const atOf = (id: string) => services.findIndex((s) => s.id === id);
  // Every service has a checked phone line unless a test says otherwise.
  const phone = { kind: "phone", openHours: null, needsVerification: false } as const;
  return {
    services,
    locations: locations.map(({ serviceId, ...l }) => ({ ...l, at: atOf(serviceId) })),
    areas: areas.map(({ serviceId, code: _, ...a }) => ({ ...a, at: atOf(serviceId) })),
    schedules: services.map((s) => schedules.filter((x) => x.serviceId === s.id)),
    contacts: services.map((s) => contacts.get(s.id) ?? [phone]),
  };
}

describe("rankSearch", () => {
  it("orders nearby services by distance and drops those beyond the radius", () => {
    const c = candidates(
      [service("far"), service("near"), service("outside")],
      [at("far", 8), at("near", 2), at("outside", 30)],
      [],
    );
    const r = rankSearch(place, c, filters, NOW);
    expect(r.nearby.map((x) => x.serviceId)).toEqual(["near", "far"]);
    expect(r.nearby[0]?.distanceKm).toBeCloseTo(2, 0);
  });

  it("breaks distance ties by the next session", () => {
    const c = candidates(
      [service("friday"), service("thursday")],
      [at("friday", 3), at("thursday", 3)],
      [],
      [weekly("friday", 5, "10:00"), weekly("thursday", 4, "18:00")],
    );
    const r = rankSearch(place, c, filters, NOW);
    expect(r.nearby.map((x) => x.serviceId)).toEqual(["thursday", "friday"]);
  });

  it("ranks area services most specific first and puts national ones in anywhere", () => {
    const c = candidates(
      [service("icb"), service("district"), service("lad"), service("uk"), service("country")],
      [],
      [
        area("icb", "icb"),
        area("district", "district"),
        area("lad", "lad"),
        area("uk", "uk"),
        area("country", "country"),
      ],
    );
    const r = rankSearch(place, c, filters, NOW);
    expect(r.area.map((x) => x.serviceId)).toEqual(["district", "lad", "icb"]);
    expect(r.anywhere.map((x) => x.serviceId).sort()).toEqual(["country", "uk"]);
  });

  it("shows each service once, nearby before area", () => {
    const c = candidates([service("both")], [at("both", 1)], [area("both", "lad")]);
    const r = rankSearch(place, c, filters, NOW);
    expect(r.nearby.map((x) => x.serviceId)).toEqual(["both"]);
    expect(r.area).toEqual([]);
  });

  it("puts perinatal-specific and self-referral services first among national ones", () => {
    const c = candidates(
      [
        service("general", { mentalHealthSpecific: false }),
        service("gp-only", { referral: ["gp"] }),
        service("best"),
      ],
      [],
      [area("general", "uk"), area("gp-only", "uk"), area("best", "uk")],
    );
    expect(rankSearch(place, c, filters, NOW).anywhere.map((x) => x.serviceId)).toEqual([
      "best",
      "gp-only",
      "general",
    ]);
  });

  it("puts perinatal-specific services before those open to everyone among national ones", () => {
    // Mind Infoline is about mental health and covers England: it still comes after the
    // perinatal helplines, mental-health-specific or not.
    const c = candidates(
      [
        service("infoline", { kind: "information", perinatalSpecific: false }),
        service("midwives", { kind: "helpline", mentalHealthSpecific: false }),
        service("peers", { kind: "helpline" }),
      ],
      [],
      [area("infoline", "country"), area("midwives", "uk"), area("peers", "uk")],
    );
    expect(rankSearch(place, c, filters, NOW).anywhere.map((x) => x.serviceId)).toEqual([
      "peers",
      "midwives",
      "infoline",
    ]);
  });

  it("leaves out, before the cut, listings with no checked contact and lines closed at the times chosen", () => {
    const weekdays = [{ days: [1, 2, 3, 4, 5], opens: "09:00", closes: "17:00" }];
    const contacts = new Map<string, ContactHit[]>([
      ["unchecked", [{ kind: "phone", openHours: null, needsVerification: true }]],
      ["office", [{ kind: "phone", openHours: weekdays, needsVerification: false }]],
    ]);
    const c = candidates(
      [service("unchecked"), service("office", { kind: "helpline" }), service("open")],
      [],
      [area("unchecked", "uk"), area("office", "uk"), area("open", "uk")],
      [],
      contacts,
    );
    const evening = { ...filters, when: ["evening" as const], limit: 1 };
    const ranked = rankSearch(place, c, evening, NOW);
    expect(ranked.anywhere.map((x) => x.serviceId)).toEqual(["open"]);
  });

  it("keeps crisis lines out of the groups unless asked for by kind", () => {
    const c = candidates([service("999", { kind: "crisis" })], [], [area("999", "uk")]);
    expect(rankSearch(place, c, filters, NOW).anywhere).toEqual([]);
    expect(rankSearch(place, c, { ...filters, kind: ["crisis"] }, NOW).anywhere).toHaveLength(1);
  });

  it("contains a place in a radius area only when it is within the radius", () => {
    const inside = {
      ...area("in", "radius"),
      latitude: place.latitude,
      longitude: place.longitude,
      radiusKm: 5,
    };
    const outside = {
      ...area("out", "radius"),
      latitude: place.latitude + 1,
      longitude: place.longitude,
      radiusKm: 5,
    };
    const r = rankSearch(
      place,
      candidates([service("in"), service("out")], [], [inside, outside]),
      filters,
      NOW,
    );
    expect(r.area.map((x) => x.serviceId)).toEqual(["in"]);
  });

  it("applies the time filter only to services that meet at set times", () => {
    const c = candidates(
      [service("morning"), service("evening"), service("helpline", { kind: "helpline" })],
      [at("morning", 1), at("evening", 2)],
      [area("helpline", "uk")],
      [weekly("morning", 2, "10:00"), weekly("evening", 2, "19:00")],
    );
    const r = rankSearch(place, c, { ...filters, when: ["evening"] }, NOW);
    expect(r.nearby.map((x) => x.serviceId)).toEqual(["evening"]);
    expect(r.anywhere.map((x) => x.serviceId)).toEqual(["helpline"]);
  });

  it("applies the stage, format, cost, children, self-referral and language filters", () => {
    const c = candidates(
      [
        service("ok", { languages: ["cy", "en"] }),
        service("paid", { cost: "paid" }),
        service("gp", { referral: ["gp"] }),
        service("no-kids", { childrenWelcome: false }),
        service("pregnancy", { stages: ["pregnancy"] }),
        service("online", { formats: ["online"] }),
      ],
      ["ok", "paid", "gp", "no-kids", "pregnancy", "online"].map((id) => at(id, 1)),
      [],
    );
    const r = rankSearch(
      place,
      c,
      {
        ...filters,
        stage: ["postnatal"],
        format: ["in-person"],
        free: true,
        children: true,
        selfReferral: true,
        language: "cy",
      },
      NOW,
    );
    expect(r.nearby.map((x) => x.serviceId)).toEqual(["ok"]);
  });
});
