import { describe, expect, it } from "vitest";
import { parsePostcode as apiParse } from "../../api/domain/postcode.js";
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

  it.each(["hello", "EX", "12345", "EX4 4PQQ", "EX4 PQ", "EXX4 4PQ"])(
    "rejects %s as not shaped like a postcode",
    (input) => {
      expect(parsePostcode(input)).toEqual({ ok: false, problem: "invalid" });
    },
  );
});

describe("one rule for the widget, the API and /print", () => {
  it.each([
    ["EX4 4Q", "EX4 4"],
    ["EX44Q", "EX4 4"],
    ["EXO 4QJ", "EX0 4"],
    ["SW1O 1AA", "SW10 1"],
    ["EX4 OQJ", "EX4 0"],
    ["EX4 4", "EX4 4"],
    ["EX4", "EX4"],
  ])("reads %s as %s, as the API does", (input, query) => {
    expect(parsePostcode(input)).toMatchObject({ ok: true, query });
    const api = apiParse(input);
    expect(api.ok && (api.sector ?? api.outcode)).toBe(query);
  });

  it.each(["EX4 4QJA", "EX4 PQ", "hello", "1234"])("rejects %s in both", (input) => {
    expect(parsePostcode(input).ok).toBe(false);
    expect(apiParse(input).ok).toBe(false);
  });

  it("gives the API's answer for every postcode shape, typed with and without a space", () => {
    const outwards = ["M1", "B33", "W1J", "EX4", "CF10", "SW1A", "EXO", "SW1O", "OX1", "SO14"];
    const inwards = ["", "4", "4Q", "4QJ", "OQJ", "1AE"];
    let compared = 0;
    for (const o of outwards) {
      for (const i of inwards) {
        for (const typed of i ? [`${o} ${i}`, `${o}${i}`] : [o]) {
          // Without a space, a begun inward code cannot be told from the district ("EX44").
          if (!typed.includes(" ") && i.length === 2) continue;
          const widget = parsePostcode(typed);
          const api = apiParse(typed);
          const apiQuery = api.ok ? (api.sector ?? api.outcode ?? null) : null;
          expect(widget.ok ? widget.query : null, typed).toBe(apiQuery);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(80);
  });
});

describe("normalisePostcode", () => {
  it("upper-cases and squeezes spaces", () => {
    expect(normalisePostcode("  ex4 \t 4pq ")).toBe("EX4 4PQ");
  });
});
