import { describe, expect, it } from "vitest";
import { areaDemand, suppress } from "../../../../api/domain/coverage/index.js";

describe("small-number suppression", () => {
  it("shows 0, hides 1 to 7 as fewer than 8, and rounds the rest to the nearest 5", () => {
    expect([0, 1, 7, 8, 12, 13, 2_502].map(suppress)).toEqual([0, "<8", "<8", 10, 10, 15, 2_500]);
  });

  it("suppresses an area's districts and total below national level, not the UK's total", () => {
    const counts = new Map([
      ["EX4", { searches: 12, withoutLocal: 1 }],
      ["EX5", { searches: 13, withoutLocal: 8 }],
      ["EX6", { searches: 0, withoutLocal: 0 }],
    ]);
    const local = areaDemand(["EX4", "EX4", "EX5", "EX6", "EX7"], counts, false, 12);
    expect(local).toEqual({
      months: 12,
      total: { searches: 25, withoutLocal: 10 },
      districts: {
        EX4: { searches: 10, withoutLocal: "<8" },
        EX5: { searches: 15, withoutLocal: 10 },
      },
    });
    expect(areaDemand(["EX4", "EX5"], counts, true, 12).total).toEqual({
      searches: 25,
      withoutLocal: 9,
    });
  });
});
