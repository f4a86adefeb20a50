import { describe, expect, it } from "vitest";
import { hiddenAsStaleAfter, isHiddenAsStale, stalenessDay } from "../../../api/domain/review.js";

describe("stalenessDay (the day in a cached answer's key)", () => {
  it("turns just after UTC midnight, with the instant a listing goes stale", () => {
    const last = hiddenAsStaleAfter("2026-10-14", 180, "peer-group");
    expect(new Date(last).toISOString()).toBe("2027-10-09T00:00:00.000Z");
    for (const at of [last - 3_600_000, last]) {
      expect(isHiddenAsStale("2026-10-14", 180, "peer-group", new Date(at))).toBe(false);
      expect(stalenessDay(new Date(at))).toBe("2027-10-08");
    }
    expect(isHiddenAsStale("2026-10-14", 180, "peer-group", new Date(last + 1))).toBe(true);
    expect(stalenessDay(new Date(last + 1))).toBe("2027-10-09");
  });

  it("is not the UK day, which turns an hour earlier in summer", () => {
    // 00:30 on 9 October in the UK (BST) is still the day that ends at 00:00 UTC on the 9th.
    expect(stalenessDay(new Date("2027-10-09T00:30:00+01:00"))).toBe("2027-10-08");
    expect(stalenessDay(new Date("2027-01-09T00:30:00Z"))).toBe("2027-01-09");
  });
});
