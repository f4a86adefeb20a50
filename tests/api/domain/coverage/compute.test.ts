import { describe, expect, it } from "vitest";
import type { ServiceBundle } from "../../../../api/domain/bundle.js";
import {
  BIT,
  type CoverageSector,
  type Criterion,
  calendar,
  computeCoverage,
  coverageAreas,
  listingsServing,
  SectorReach,
  summarise,
} from "../../../../api/domain/coverage/index.js";
import { EXETER, listing, north, sector } from "./listings.js";

// A Monday in term time: week 0 is 2026-07-06, the summer holiday starts on Wednesday 22 July.
const NOW = new Date("2026-07-06T09:00:00Z");

function run(sectors: CoverageSector[], bundles: ServiceBundle[], rural?: number[]) {
  const reach = new SectorReach(
    sectors,
    bundles,
    NOW,
    Uint8Array.from(rural ?? sectors.map(() => 0)),
  );
  return computeCoverage(reach);
}

const met = (coverage: ReturnType<typeof run>, i: number, c: Criterion) =>
  (coverage.met[i]! & BIT[c]) !== 0;

describe("coverage criteria", () => {
  it("reaches an in-person group 7.9 km away but not one 8.1 km away; 15 km where rural", () => {
    const a = sector("EX4 4");
    const near = run([a], [listing("g", { venues: [north(EXETER, 7.9)] })]);
    const far = run([a], [listing("g", { venues: [north(EXETER, 8.1)] })]);
    expect(met(near, 0, "peer-group")).toBe(true);
    expect(met(far, 0, "peer-group")).toBe(false);
    const rural = run(
      [a, a],
      [listing("g", { venues: [north(EXETER, 14.9)] }), listing("h", { venues: [] })],
      [1, 0],
    );
    expect(met(rural, 0, "peer-group")).toBe(true);
    expect(met(rural, 1, "peer-group")).toBe(false);
    expect(
      met(run([a], [listing("g", { venues: [north(EXETER, 15.1)] })], [1]), 0, "peer-group"),
    ).toBe(false);
  });

  it("counts only perinatal groups, not a group open to anyone", () => {
    const open = listing("g", {
      venues: [north(EXETER, 1)],
      service: { perinatalSpecific: false },
    });
    expect(met(run([sector("EX4 4")], [open]), 0, "peer-group")).toBe(false);
  });

  it("does not count an in-person group by its service area beyond reach", () => {
    const g = listing("g", {
      venues: [north(EXETER, 30)],
      service: { mentalHealthSpecific: true },
      areas: [{ kind: "icb", code: "E54000037" }],
    });
    const c = run([sector("EX4 4")], [g]);
    expect(met(c, 0, "peer-group")).toBe(false);
    expect(met(c, 0, "mental-health-peer")).toBe(false);
  });

  it("counts online mental-health peer support wherever its area holds the sector", () => {
    const online = listing("o", {
      service: {
        kind: "one-to-one-peer",
        formats: ["online", "phone"],
        mentalHealthSpecific: true,
      },
      areas: [{ kind: "country", code: "Wales" }],
      schedules: [],
    });
    const c = run([sector("EX4 4"), sector("CF10 1", { country: "Wales" })], [online]);
    expect(met(c, 0, "mental-health-peer")).toBe(false);
    expect(met(c, 1, "mental-health-peer")).toBe(true);
    expect(met(c, 1, "peer-group")).toBe(false);
  });

  it("finds a self-referral talking therapy by its ICB, not one that needs a GP", () => {
    const self = listing("t", {
      service: { kind: "talking-therapy", formats: ["phone", "online"], referral: ["self"] },
      areas: [{ kind: "icb", code: "E54000037" }],
    });
    const gp = listing("t2", {
      service: { kind: "talking-therapy", formats: ["phone"], referral: ["gp"] },
      areas: [{ kind: "uk" }],
    });
    const c = run([sector("EX4 4"), sector("PL1 2", { icb: "E54000036" })], [self, gp]);
    expect(met(c, 0, "self-referral-therapy")).toBe(true);
    expect(met(c, 1, "self-referral-therapy")).toBe(false);
  });

  it("meets 'evening or weekend' with an evening session and not with a morning one", () => {
    const at = north(EXETER, 1);
    const morning = listing("m", { venues: [at], schedules: [{ startTime: "10:00" }] });
    const evening = listing("e", { venues: [at], schedules: [{ startTime: "18:30" }] });
    const saturday = listing("s", { venues: [at], schedules: [{ weekday: 6 }] });
    const a = [sector("EX4 4")];
    expect(met(run(a, [morning]), 0, "evening-weekend")).toBe(false);
    expect(met(run(a, [evening]), 0, "evening-weekend")).toBe(true);
    expect(met(run(a, [saturday]), 0, "evening-weekend")).toBe(true);
  });

  it("does not count a term-time-only group for the school holidays, and shows August empty", () => {
    const termOnly = listing("t", {
      venues: [north(EXETER, 1)],
      schedules: [{ weekday: 1, termTimeOnly: true }],
    });
    const c = run([sector("EX4 4")], [termOnly]);
    expect(met(c, 0, "peer-group")).toBe(true);
    expect(met(c, 0, "school-holidays")).toBe(false);
    const weeks = calendar(c, [0]);
    expect(weeks).toHaveLength(26);
    expect(weeks[0]?.weekStart).toBe("2026-07-06");
    // Mondays 20 July (before the holiday) and 7 September have a session; 27 July–31 August none.
    const empty = weeks.filter((w) => w.shareWithout === 1).map((w) => w.weekStart);
    expect(empty.slice(0, 6)).toEqual([
      "2026-07-27",
      "2026-08-03",
      "2026-08-10",
      "2026-08-17",
      "2026-08-24",
      "2026-08-31",
    ]);
    expect(weeks[2]?.shareWithout).toBe(0);
    expect(weeks[9]?.weekStart).toBe("2026-09-07");
    expect(weeks[9]?.shareWithout).toBe(0);

    const allYear = listing("y", { venues: [north(EXETER, 1)], schedules: [{ weekday: 3 }] });
    const both = run([sector("EX4 4")], [termOnly, allYear]);
    expect(met(both, 0, "school-holidays")).toBe(true);
    expect(calendar(both, [0]).every((w) => w.shareWithout === 0)).toBe(true);
  });

  it("counts a group open to toddlers' parents only when it names that stage", () => {
    const at = north(EXETER, 2);
    const a = [sector("EX4 4")];
    expect(met(run(a, [listing("b", { venues: [at] })]), 0, "toddler")).toBe(false);
    const t = listing("t", { venues: [at], service: { stages: ["postnatal", "toddler"] } });
    expect(met(run(a, [t]), 0, "toddler")).toBe(true);
  });

  it("counts a dads' group, not a group for everyone that also names dads", () => {
    const at = north(EXETER, 2);
    const a = [sector("EX4 4")];
    const dads = listing("d", { venues: [at], service: { audiences: ["dads", "partners"] } });
    const everyone = listing("e", {
      venues: [at],
      service: { audiences: ["mothers", "partners", "dads"] },
    });
    expect(met(run(a, [dads]), 0, "dads-partners")).toBe(true);
    expect(met(run(a, [everyone]), 0, "dads-partners")).toBe(false);
  });

  it("counts a Welsh-language group in Wales and asks it of Welsh sectors only", () => {
    const cardiff = { latitude: 51.48, longitude: -3.18 };
    const welsh = listing("w", {
      venues: [north(cardiff, 1)],
      service: { languages: ["cy", "en"] },
    });
    const sectors = [
      sector("CF10 1", { ...cardiff, country: "Wales", lhb: "W11000029", icb: null }),
      sector("CF10 2", { ...north(cardiff, 20), country: "Wales", lhb: "W11000029", icb: null }),
      sector("EX4 4"),
    ];
    const c = run(sectors, [welsh]);
    expect(met(c, 0, "welsh")).toBe(true);
    expect(met(c, 1, "welsh")).toBe(false);
    expect(summarise(c, [0, 1], "welsh")).toMatchObject({ sectors: 2, sectorsCovered: 1 });
    expect(summarise(c, [2], "welsh")).toMatchObject({ applicable: false, share: null });
  });

  it("leaves out listings hidden as stale, crisis lines, and listings with no checked contact", () => {
    const at = north(EXETER, 1);
    const a = [sector("EX4 4")];
    const stale = listing("s", { venues: [at], service: { verifiedAt: "2025-06-01" } });
    const unchecked = listing("u", { venues: [at], verifiedContact: false });
    const crisis = listing("c", {
      service: { kind: "crisis", audiences: ["dads"], formats: ["phone"] },
      areas: [{ kind: "uk" }],
    });
    const c = run(a, [stale, unchecked, crisis]);
    expect(c.met[0]).toBe(0);
    expect(c.reach.listings).toHaveLength(1);
  });

  it("serves a radius area only within its radius", () => {
    const help = listing("r", {
      service: { kind: "counselling", formats: ["phone"], referral: ["self"] },
      areas: [{ kind: "radius", ...EXETER, radiusKm: 10 }],
    });
    const c = run([sector("EX4 4"), sector("EX9 9", north(EXETER, 10.5))], [help]);
    expect(met(c, 0, "self-referral-therapy")).toBe(true);
    expect(met(c, 1, "self-referral-therapy")).toBe(false);
  });
});

describe("coverage of an area", () => {
  const sectors = [
    sector("EX4 4", { postcodes: 300 }),
    sector("EX4 5", { postcodes: 100, ...north(EXETER, 20) }),
    sector("PL1 2", { postcodes: 600, ...north(EXETER, -60), icb: "E54000036", lad: "E06000026" }),
  ];
  const g = listing("g", { venues: [north(EXETER, 1)], service: { name: "Group" } });
  const old = listing("old", {
    venues: [north(EXETER, 19)],
    service: { name: "Old group", verifiedAt: "2025-11-01" },
  });
  const c = run(sectors, [g, old]);

  it("weights the share covered by postcode units", () => {
    const s = summarise(c, [0, 1, 2], "peer-group");
    expect(s).toMatchObject({
      sectors: 3,
      sectorsCovered: 2,
      postcodes: 1000,
      postcodesCovered: 400,
    });
    expect(s.share).toBeCloseTo(0.4, 10);
  });

  it("lists each area's sectors and names the listings serving it, with those overdue", () => {
    const names = new Map([["E54000037", { name: "Devon", kind: "icb" }]]);
    const areas = coverageAreas(sectors, names);
    expect(areas.map((a) => a.code)).toEqual([
      "uk",
      "E92000001",
      "E54000037", // Devon: named areas sort by name, before one known only by its code
      "E54000036",
      "E06000026",
      "E07000041",
    ]);
    const devon = areas.find((a) => a.code === "E54000037")!;
    expect(devon.name).toBe("Devon");
    expect([...devon.sectors]).toEqual([0, 1]);
    const served = listingsServing(c.reach, devon)["peer-group"];
    expect(served.top.map((l) => [l.id, l.postcodes, l.overdue])).toEqual([
      ["g", 300, false],
      ["old", 100, true],
    ]);
    expect(served).toMatchObject({ total: 2, overdue: 1 });
  });
});
