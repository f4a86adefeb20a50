import { describe, expect, it } from "vitest";
import { normalisePostcode, parsePostcode } from "../../widget/postcode.js";

describe("parsePostcode", () => {
  it.each([
    ["EX4 4PQ", "EX4 4"],
    ["ex4 4pq", "EX4 4"],
    ["EX44PQ", "EX4 4"],
    ["  ex4   4pq ", "EX4 4"],
    ["SW1A 1AA", "SW1A 1"],
    ["sw1a1aa", "SW1A 1"],
    ["M1 1AE", "M1 1"],
    ["B33 8TH", "B33 8"],
    ["CF10 3NQ", "CF10 3"],
    ["EX4 4", "EX4 4"],
    ["ex4-4pq", "EX4 4"],
  ])("reduces %s to the sector %s", (input, sector) => {
    expect(parsePostcode(input)).toEqual({
      ok: true,
      query: sector,
      precision: "sector",
      district: sector.split(" ")[0],
    });
  });

  it("keeps a district as it is", () => {
    expect(parsePostcode("ex4")).toEqual({
      ok: true,
      query: "EX4",
      precision: "district",
      district: "EX4",
    });
  });

  it("reads a letter O typed for the sector's zero", () => {
    expect(parsePostcode("SW1A OAA")).toMatchObject({ ok: true, query: "SW1A 0" });
  });

  it("never returns the unit letters of a full postcode", () => {
    const parsed = parsePostcode("EX4 4PQ");
    expect(JSON.stringify(parsed)).not.toContain("PQ");
  });

  it("reports an empty field", () => {
    expect(parsePostcode("   ")).toEqual({ ok: false, problem: "empty" });
  });

  it.each(["hello", "EX", "12345", "EX4 4PQQ", "EX4 PQ", "EXX4 4PQ", "EX4 4 PQ", "EX4 4CI"])(
    "rejects %s as not shaped like a postcode",
    (input) => {
      expect(parsePostcode(input)).toEqual({ ok: false, problem: "invalid" });
    },
  );
});

describe("normalisePostcode", () => {
  it("upper-cases and squeezes spaces", () => {
    expect(normalisePostcode("  ex4 \t 4pq ")).toBe("EX4 4PQ");
  });
});
