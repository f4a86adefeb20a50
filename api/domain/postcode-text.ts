/**
 * Finds full postcodes inside free text (a parent's problem report) and cuts each to its sector,
 * so "I live at ex4 4qj" is kept as "I live at EX4 4". Sectors, districts and anything that is
 * not a full postcode are left as they were.
 */
import { parsePostcode } from "./postcode.js";

/**
 * Word-bounded runs shaped like a full postcode: an outward code of two to four characters,
 * at most two spaces or tabs, and an inward code (digit, two characters). Letters and digits
 * are both allowed in every place so that O/0 and I/1 slips are found; parsePostcode decides.
 */
const CANDIDATE =
  /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{1,3}[ \t]{0,2}[0-9OoIi][A-Za-z0-9]{2}(?![A-Za-z0-9])/g;

/** The text with every full postcode in it replaced by its sector. */
export function sectorsOnly(text: string): string {
  return text.replace(CANDIDATE, (candidate) => {
    // The outward code must hold a digit as typed: "go 2pm" would otherwise read as "G0 2PM".
    if (!/[0-9]/.test(candidate.slice(0, -3))) return candidate;
    const parsed = parsePostcode(candidate);
    return parsed.ok && parsed.kind === "full" ? parsed.sector : candidate;
  });
}
