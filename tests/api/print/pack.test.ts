import { describe, expect, it } from "vitest";
import {
  checkedRange,
  fitPack,
  momentOfStage,
  type PackBudget,
  type PackCandidate,
  packLangs,
  packOrder,
  pagesNeeded,
} from "../../../api/domain/pack.js";

const budget: PackBudget = {
  pageMm: 100,
  pages: 2,
  beforeMm: 40,
  afterMm: 20,
  columns: 1,
  rowGapMm: 0,
  sectionHeadMm: { nearby: 10, area: 10, anywhere: 10 },
  maxPerSection: 6,
  slackMm: 0,
};

const card = (id: string, section: PackCandidate["section"], heightMm = 20): PackCandidate => ({
  id,
  section,
  heightMm,
});

describe("pagesNeeded", () => {
  it("moves a row that does not fit to the next page", () => {
    // Page one: 40 fixed + heading 10 + 30 + 20 = 100, full; the footer starts page two.
    expect(pagesNeeded({ nearby: [30], area: [], anywhere: [] }, budget)).toBe(1);
    expect(pagesNeeded({ nearby: [30, 20], area: [], anywhere: [] }, budget)).toBe(2);
    expect(pagesNeeded({ nearby: [30, 20, 90], area: [], anywhere: [] }, budget)).toBe(3);
  });

  it("keeps a section's heading on the page of its first row", () => {
    // 40 + (10 + 30) = 80; the area's heading and row (10 + 15) go over together.
    expect(pagesNeeded({ nearby: [30], area: [15], anywhere: [] }, budget)).toBe(2);
  });

  it("lays out two cards a row at the taller one's height", () => {
    const two = { ...budget, columns: 2 as const };
    expect(pagesNeeded({ nearby: [30, 10], area: [], anywhere: [] }, budget)).toBe(2);
    expect(pagesNeeded({ nearby: [30, 10], area: [], anywhere: [] }, two)).toBe(1);
  });
});

describe("fitPack", () => {
  it("shows every listing when they fit", () => {
    const fit = fitPack([card("a", "nearby"), card("b", "area")], new Set(), {
      ...budget,
      pageMm: 1000,
    });
    expect(fit.shown).toEqual({ nearby: ["a"], area: ["b"], anywhere: [] });
    expect(fit.overflow).toEqual([]);
  });

  it("takes turns between sections so national services are not crowded out", () => {
    const candidates = [
      ...Array.from({ length: 8 }, (_, i) => card(`n${i + 1}`, "nearby")),
      card("w1", "anywhere"),
    ];
    const fit = fitPack(candidates, new Set(), budget);
    expect(fit.shown.anywhere).toEqual(["w1"]);
    expect(fit.shown.nearby[0]).toBe("n1");
    expect(fit.overflow.length).toBeGreaterThan(0);
    const heights = Object.fromEntries(
      Object.entries(fit.shown).map(([k, ids]) => [k, ids.map(() => 20)]),
    ) as Record<"nearby" | "area" | "anywhere", number[]>;
    expect(pagesNeeded(heights, budget)).toBeLessThanOrEqual(2);
  });

  it("passes over a listing too tall for the room left and fills it with the next", () => {
    const candidates = [card("big", "nearby", 200), card("small", "nearby", 5)];
    const fit = fitPack(candidates, new Set(), budget);
    expect(fit.shown.nearby).toEqual(["small"]);
    expect(fit.overflow).toEqual(["big"]);
  });

  it("keeps each section's cards in ranked order however they were chosen", () => {
    // b is asked for: it goes in first, yet prints after a, which outranks it.
    const candidates = [card("a", "area"), card("b", "area"), card("c", "area")];
    const fit = fitPack(candidates, new Set(), { ...budget, maxPerSection: 2 }, new Set(["c"]));
    expect(fit.shown.area).toEqual(["a", "c"]);
    expect(fit.overflow).toEqual(["b"]);
  });

  it("puts in a listing that did not fit when asked, in place of lower-ranked ones", () => {
    // Room for 160 mm of cards over two pages: four of 40, or the tall one and two.
    const candidates = ["a", "b", "c", "d"].map((id) => card(id, "anywhere", 35));
    candidates.push(card("tall", "anywhere", 60));
    const plain = fitPack(candidates, new Set(), budget);
    expect(plain.overflow).toContain("tall");
    const asked = fitPack(candidates, new Set(), budget, new Set(["tall"]));
    expect(asked.shown.anywhere).toContain("tall");
    expect(asked.shown.anywhere.indexOf("tall")).toBe(asked.shown.anywhere.length - 1);
    expect(asked.overflow.length).toBeGreaterThan(0);
  });

  it("leaves out omitted listings and fills their place with the next", () => {
    const candidates = [card("a", "area"), card("b", "area"), card("c", "area")];
    const tight = { ...budget, maxPerSection: 2 };
    expect(fitPack(candidates, new Set(), tight).shown.area).toEqual(["a", "b"]);
    const fit = fitPack(candidates, new Set(["a"]), tight);
    expect(fit.shown.area).toEqual(["b", "c"]);
    expect(fit.omitted).toEqual(["a"]);
  });

  it("caps each section", () => {
    const many = Array.from({ length: 10 }, (_, i) => card(`x${i}`, "anywhere", 1));
    const fit = fitPack(many, new Set(), { ...budget, pageMm: 1000, maxPerSection: 3 });
    expect(fit.shown.anywhere).toHaveLength(3);
    expect(fit.overflow).toHaveLength(7);
  });
});

describe("packOrder", () => {
  it("puts national perinatal peer support first and information-only listings last", () => {
    const items = [
      { id: "maps", peerSupport: false, perinatal: true, informationOnly: true },
      { id: "ocd", peerSupport: false, perinatal: true, informationOnly: false },
      { id: "pandas", peerSupport: true, perinatal: true, informationOnly: false },
      { id: "mind", peerSupport: true, perinatal: false, informationOnly: false },
      { id: "leaflet", peerSupport: false, perinatal: false, informationOnly: true },
    ];
    expect(packOrder(items, (i) => i).map((i) => i.id)).toEqual([
      "pandas",
      "ocd",
      "mind",
      "maps",
      "leaflet",
    ]);
  });
});

describe("pack moments and languages", () => {
  it("maps the widget's stages to the moments a pack is given at", () => {
    expect(momentOfStage("pregnancy")).toBe("booking");
    expect(momentOfStage("postnatal")).toBe("birth");
    expect(momentOfStage("toddler")).toBe("toddler");
  });

  it("puts Welsh first on bilingual packs", () => {
    expect(packLangs("both")).toEqual(["cy", "en"]);
    expect(packLangs("en")).toEqual(["en"]);
  });
});

describe("checkedRange", () => {
  it("gives the oldest and newest check, ignoring listings never checked", () => {
    expect(checkedRange(["2026-10-14", null, "2025-01-10", "2026-11-01"])).toEqual({
      from: "2025-01-10",
      to: "2026-11-01",
    });
    expect(checkedRange([null])).toBeNull();
  });
});
