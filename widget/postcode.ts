/**
 * The browser-side postcode parser. The widget never sends a full postcode: a full postcode names
 * a handful of homes, so only its sector ("EX4 4") leaves the page. A district ("EX4") is already
 * coarse and is sent as it is.
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

// Outward code: area letters, district digit, optional digit or letter (EX4, SW1A, B33, M1, W1J).
const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;
// Inward code: sector digit, then the two unit letters (4PQ), or the sector digit alone (4).
const INWARD = /^\d([A-Z]{2})?$/;
// Unit letters never include C, I, K, M, O or V.
const UNIT_LETTERS = /^[ABD-HJLNP-UW-Z]{2}$/;

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
 * Accepts `ex4 4pq`, `EX44PQ`, `EX4 4`, `EX4`; rejects anything that is not shaped like a UK postcode.
 */
export function parsePostcode(input: string): ParsedPostcode {
  const text = normalisePostcode(input);
  if (!text) return { ok: false, problem: "empty" };

  const [outward, typedInward, ...rest] = splitPostcode(text);
  const inward = typedInward === undefined ? undefined : fixDigitSlip(typedInward);
  if (!outward || rest.length > 0 || !OUTWARD.test(outward))
    return { ok: false, problem: "invalid" };
  if (inward === undefined)
    return { ok: true, query: outward, precision: "district", district: outward };
  if (!INWARD.test(inward)) return { ok: false, problem: "invalid" };
  if (inward.length === 3 && !UNIT_LETTERS.test(inward.slice(1))) {
    return { ok: false, problem: "invalid" };
  }
  return { ok: true, query: `${outward} ${inward[0]}`, precision: "sector", district: outward };
}

/** The sector is always a digit: read a typed letter O as zero and I or L as one (`EX4 OPQ`). */
function fixDigitSlip(inward: string): string {
  const first = inward[0];
  const digit = first === "O" ? "0" : first === "I" || first === "L" ? "1" : first;
  return `${digit}${inward.slice(1)}`;
}

/** Splits into outward and inward codes, also when the space was left out (`EX44PQ`). */
function splitPostcode(text: string): string[] {
  if (text.includes(" ")) return text.split(" ");
  // Without a space, a full postcode ends in digit + two letters: the last three characters.
  if (/[\dOIL][A-Z]{2}$/.test(text) && text.length >= 5) return [text.slice(0, -3), text.slice(-3)];
  return [text];
}
