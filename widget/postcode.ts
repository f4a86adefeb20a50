/**
 * The browser-side postcode parser. The widget never sends a full postcode: a full postcode names
 * a handful of homes, so only its sector ("EX4 4") leaves the page. A district ("EX4") is already
 * coarse and is sent as it is.
 *
 * It follows the API's rule (schema/postcode.ts, which /print uses too) in fewer bytes:
 * tests/widget/postcode.test.ts holds the two to the same answers. The inward code may be whole
 * (`4QJ`) or begun (`4`, `4Q`); O and I typed for 0 and 1 are read as digits where the format
 * needs one (`EXO 4QJ`, `SW1O`, `EX4 OQJ`).
 */

export type PostcodeProblem = "empty" | "invalid";

export type ParsedPostcode =
  | {
      ok: true;
      /** What the API is sent: a sector (`EX4 4`) or a district (`EX4`). */
      query: string;
      precision: "sector" | "district";
      /** The outward code (district), e.g. `EX4`. */
      district: string;
    }
  | { ok: false; problem: PostcodeProblem };

// Outward code: area letters, district digit, optional digit or letter (EX4, SW1A, B33, M1, W1J);
// a two-digit district never starts with 0.
const OUTWARD = /^[A-Z]{1,2}(?:\d[A-Z]?|[1-9]\d)$/;
// Inward code: the sector digit, then none, one or both of the unit letters.
const INWARD = /^\d[A-Z]{0,2}$/;

/** Upper-cases, trims and squeezes spaces; keeps letters, digits and single spaces only. */
export function normalisePostcode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[^A-Z\d ]/g, " ")
    .trim()
    .replace(/\s+/g, " ");
}

/**
 * Parses what a person typed into the sector or district the widget may send.
 * Accepts `ex4 4pq`, `EX44PQ`, `EX4 4Q`, `EX4 4`, `EX4`, `EXO 4QJ`; rejects anything that is not
 * shaped like a UK postcode.
 */
export function parsePostcode(input: string): ParsedPostcode {
  const text = normalisePostcode(input);
  if (!text) return { ok: false, problem: "empty" };
  // Typed without a space, the inward code may be 3, 0, 2 or 1 characters long: as the API
  // does, the first reading that fits wins.
  const readings = text.includes(" ")
    ? [text.split(" ")]
    : [-3, 0, -2, -1].map((n) => (n ? [text.slice(0, n), text.slice(n)] : [text]));
  for (const reading of readings) {
    const parsed = readParts(reading);
    if (parsed) return parsed;
  }
  return { ok: false, problem: "invalid" };
}

function readParts([typedOutward, typedInward, ...rest]: string[]): ParsedPostcode | null {
  const outward = typedOutward && fixOutward(typedOutward);
  if (!outward || rest.length > 0 || !OUTWARD.test(outward)) return null;
  if (typedInward === undefined)
    return { ok: true, query: outward, precision: "district", district: outward };
  const inward = digit(typedInward[0] ?? "") + typedInward.slice(1);
  if (!INWARD.test(inward)) return null;
  return { ok: true, query: `${outward} ${inward[0]}`, precision: "sector", district: outward };
}

const digit = (c: string) => (c === "O" ? "0" : c === "I" || c === "L" ? "1" : c);

/**
 * The district number is a digit: after the area letters (`EXO` → `EX0`), and at the end after
 * a digit (`SW1O` → `SW10`), where the closing letter of a district is never I or O.
 */
function fixOutward(outward: string): string {
  return outward
    .replace(/^([A-Z]{1,2})([OI])(?=[\dA-Z]?$)/, (_, area: string, c: string) => area + digit(c))
    .replace(/(\d)([OI])$/, (_, d: string, c: string) => d + digit(c));
}
