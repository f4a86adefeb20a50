import { describe, expect, it } from "vitest";
import { sectorsOnly } from "../../../api/domain/postcode-text.js";

describe("sectorsOnly", () => {
  it.each([
    ["I live at EX4 4QJ.", "I live at EX4 4."],
    ["ex44qj please", "EX4 4 please"],
    ["my postcode is sw1a 1aa!", "my postcode is SW1A 1!"],
    ["near PL4 8AA and M1 1AE", "near PL4 8 and M1 1"],
    ["at EC1A1BB,", "at EC1A 1,"],
    ["on the W1A  0AX", "on the W1A 0"],
    ["slips: SW1O 1AA and ex4 4p0", "slips: SW10 1 and EX4 4"],
    ["line one\nCF10 1EP\nline three", "line one\nCF10 1\nline three"],
  ])("cuts the full postcode in %j to its sector", (text, expected) => {
    expect(sectorsOnly(text)).toBe(expected);
  });

  it.each([
    "EX4 4 is a sector and EX4 a district",
    "Open 9am to 5pm, go 2pm, no 1am",
    "call 01392 123456 or text 07700 900123",
    "I told him it is into ice cream",
    "room 4 in block ABC 123",
    "e x 4 4qj spelt out",
    "EX44QJX is not a postcode",
  ])("leaves %j as it was", (text) => {
    expect(sectorsOnly(text)).toBe(text);
  });
});
