import { describe, expect, it } from "vitest";
import { KINDS } from "../../schema/taxonomy.js";
import {
  clampNumber,
  countChoices,
  FILTER_KINDS,
  noFilters,
  parseCodes,
  toggleFilter,
} from "../../widget/filters.js";
import { safeHref } from "../../widget/safe-url.js";

describe("parseCodes", () => {
  it("reads comma- or space-separated codes and drops unknown ones", () => {
    expect(parseCodes("peer-group, helpline bogus peer-group", KINDS)).toEqual([
      "peer-group",
      "helpline",
    ]);
    expect(parseCodes(undefined, KINDS)).toEqual([]);
  });
});

describe("toggleFilter", () => {
  it("adds and removes list codes and flags", () => {
    let f = toggleFilter(noFilters(), "stage", "postnatal", true);
    f = toggleFilter(f, "selfReferral", "true", true);
    expect(f.stage).toEqual(["postnatal"]);
    expect(countChoices(f)).toBe(1);
    f = toggleFilter(f, "stage", "postnatal", false);
    expect(f.stage).toEqual([]);
  });

  it("ignores names and codes it does not know", () => {
    const f = noFilters();
    expect(toggleFilter(f, "__proto__", "x", true)).toBe(f);
    expect(toggleFilter(f, "constructor", "x", true)).toBe(f);
    expect(toggleFilter(f, "kind", "bogus", true)).toBe(f);
  });
});

describe("FILTER_KINDS", () => {
  it("offers every kind but crisis, which is always on show", () => {
    expect(FILTER_KINDS).not.toContain("crisis");
    expect(FILTER_KINDS).toHaveLength(KINDS.length - 1);
  });
});

describe("clampNumber", () => {
  it("keeps numbers within limits and drops junk", () => {
    expect(clampNumber(99, 1, 50)).toBe(50);
    expect(clampNumber(Number.NaN, 1, 50)).toBeNull();
    expect(clampNumber(undefined, 1, 50)).toBeNull();
  });
});

describe("safeHref", () => {
  it("allows only https, tel, sms and mailto links", () => {
    expect(safeHref("tel:116123")).toBe("tel:116123");
    expect(safeHref("https://example.org/x")).toBe("https://example.org/x");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,hi")).toBeNull();
    expect(safeHref("http://example.org/")).toBeNull();
  });

  it("allows plain http only on the directory's own origin", () => {
    const base = new URL("http://127.0.0.1:8787/");
    expect(safeHref("/services/abc", base)).toBe("http://127.0.0.1:8787/services/abc");
    expect(safeHref("http://evil.example/", base)).toBeNull();
  });
});
