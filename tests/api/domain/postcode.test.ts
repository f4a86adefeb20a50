import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parsePostcode } from "../../../api/domain/postcode.js";

function firstColumn(file: string): string[] {
  const text = readFileSync(new URL(`../../../data/geo/${file}`, import.meta.url), "utf8");
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== "")
    .map((line) => line.split(",")[0] ?? "");
}

describe("parsePostcode", () => {
  it("reads a full postcode as its sector, district and area", () => {
    expect(parsePostcode("EX4 4PQ")).toEqual({
      ok: true,
      kind: "full",
      area: "EX",
      outcode: "EX4",
      sector: "EX4 4",
    });
  });

  it("never keeps the unit letters of a full postcode", () => {
    const parsed = parsePostcode("SW1A 1AA");
    expect(parsed).toEqual({
      ok: true,
      kind: "full",
      area: "SW",
      outcode: "SW1A",
      sector: "SW1A 1",
    });
    expect(JSON.stringify(parsed)).not.toContain("1AA");
  });

  it.each([["ex44pq"], [" EX4  4PQ "], ["ex4 4pq"], ["EX44PQ"], ["\tEX4\n4PQ"], ["E X 4 4 P Q"]])(
    "normalises case and spacing in %j",
    (input) => {
      expect(parsePostcode(input)).toMatchObject({ ok: true, kind: "full", sector: "EX4 4" });
    },
  );

  it("reads a sector, with or without its space", () => {
    expect(parsePostcode("EX4 4")).toEqual({
      ok: true,
      kind: "sector",
      area: "EX",
      outcode: "EX4",
      sector: "EX4 4",
    });
    expect(parsePostcode("sw1a1")).toMatchObject({ kind: "sector", sector: "SW1A 1" });
  });

  it("reads a partly typed postcode as its sector", () => {
    expect(parsePostcode("EX4 4P")).toMatchObject({ ok: true, kind: "sector", sector: "EX4 4" });
    expect(parsePostcode("ex44p")).toMatchObject({ ok: true, kind: "sector", sector: "EX4 4" });
  });

  it.each([
    ["EX4", "EX"],
    ["SW1A", "SW"],
    ["W1", "W"],
    ["ec1a", "EC"],
    ["CR0", "CR"],
    ["NW1W", "NW"],
  ])("reads %j as a district of area %j", (input, area) => {
    expect(parsePostcode(input)).toEqual({
      ok: true,
      kind: "district",
      area,
      outcode: input.toUpperCase(),
    });
  });

  it("reads four characters without a space as a district, not a sector", () => {
    expect(parsePostcode("EX44")).toEqual({
      ok: true,
      kind: "district",
      area: "EX",
      outcode: "EX44",
    });
  });

  it("reads one or two letters as a postcode area", () => {
    expect(parsePostcode("EX")).toEqual({ ok: true, kind: "area", area: "EX" });
    expect(parsePostcode(" b ")).toEqual({ ok: true, kind: "area", area: "B" });
  });

  it.each([
    ["EX4 4P0", "EX4", "EX4 4", "a zero typed for the letter O in the unit"],
    ["EX4 OPQ", "EX4", "EX4 0", "the letter O typed for a zero in the sector"],
    ["0X4 4PQ", "OX4", "OX4 4", "a zero typed for the O of OX"],
    ["C04 3SQ", "CO4", "CO4 3", "a zero typed for the O of CO (no district number starts with 0)"],
    ["SW1O 1AA", "SW10", "SW10 1", "an O at the end of a district, where only a digit can be"],
    ["EI4 9AA", "E14", "E14 9", "an I as second letter, which no area has"],
    ["EX4 IPQ", "EX4", "EX4 1", "the letter I typed for a one in the sector"],
    ["P012 3AB", "PO12", "PO12 3", "a zero typed for the O of PO"],
  ])("mends %j to %s (%s)", (input, outcode, sector) => {
    expect(parsePostcode(input)).toMatchObject({ ok: true, outcode, sector });
  });

  it.each([
    [""],
    ["   "],
    ["hello"],
    ["12345"],
    ["1234"],
    ["<script>"],
    ["EXA 4PQ"],
    ["EX4 4PQQ"],
    ["EX4 PQ"],
    ["SW1Z 1AA"],
    ["GIR 0AA"],
    ["EX4-4PQ"],
    ["EX4 4PQ; DROP TABLE"],
    ["A".repeat(40)],
  ])("rejects %j", (input) => {
    expect(parsePostcode(input)).toEqual({ ok: false });
  });

  it("accepts well-formed codes the geography may not know", () => {
    expect(parsePostcode("ZZ1 1ZZ")).toMatchObject({ ok: true, kind: "full", sector: "ZZ1 1" });
  });

  it("reads every district and sector in the shipped geography back unchanged", () => {
    const outcodes = firstColumn("postcode-districts.csv");
    const sectors = firstColumn("postcode-sectors.csv");
    expect(outcodes.length).toBeGreaterThan(2900);
    expect(sectors.length).toBeGreaterThan(10_000);
    const badDistricts = outcodes.filter((code) => {
      const parsed = parsePostcode(code);
      return !parsed.ok || parsed.kind !== "district" || parsed.outcode !== code;
    });
    const badSectors = sectors.filter((code) => {
      const parsed = parsePostcode(code);
      return !parsed.ok || parsed.kind !== "sector" || parsed.sector !== code;
    });
    expect(badDistricts).toEqual([]);
    expect(badSectors).toEqual([]);
  });
});
