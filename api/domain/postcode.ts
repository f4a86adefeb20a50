/**
 * The one postcode rule, for the API and /print (widget/postcode.ts follows it, held to it by
 * tests/widget/postcode.test.ts). Reads whatever a person types into
 * a postcode box and keeps only as much of it as the service may use: the sector (`EX4 4`),
 * district (`EX4`) or postcode area (`EX`). The inward code may be whole (`4QJ`) or begun
 * (`4`, `4Q`): either way only its first character, the sector, is kept. The unit letters of a
 * full postcode are checked for shape and then dropped, so they never travel further; any letter
 * is taken there, since a slip in them cannot change the sector.
 */

export type PostcodeKind = "full" | "sector" | "district" | "area";

export type ParsedPostcode =
  | { ok: true; kind: "full" | "sector"; area: string; outcode: string; sector: string }
  | { ok: true; kind: "district"; area: string; outcode: string; sector?: undefined }
  | { ok: true; kind: "area"; area: string; outcode?: undefined; sector?: undefined }
  | { ok: false };

/**
 * What each character position accepts. `letter2` is a second letter (never I); `digit1` the
 * first of a two-digit district number (never 0); `letter3` and `letter4` the closing letter of
 * `A9A` and `AA9A` districts, from Royal Mail's restricted sets, which hold neither I nor O.
 */
type Slot = "letter" | "letter2" | "letter3" | "letter4" | "digit" | "digit1";

const LETTERS: Record<Slot & `letter${string}`, string> = {
  letter: "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  letter2: "ABCDEFGHJKLMNOPQRSTUVWXYZ",
  letter3: "ABCDEFGHJKPSTUW",
  letter4: "ABEHMNPRVWXY",
};

const OUTWARD: Slot[][] = [
  ["letter", "digit"],
  ["letter", "digit1", "digit"],
  ["letter", "digit", "letter3"],
  ["letter", "letter2", "digit"],
  ["letter", "letter2", "digit1", "digit"],
  ["letter", "letter2", "digit", "letter4"],
];
const AREA: Slot[][] = [["letter"], ["letter", "letter2"]];
const INWARD: Slot[] = ["digit", "letter", "letter"];

/** Typing slips between look-alike characters, mended only where the format demands the other. */
const AS_LETTER: Record<string, string> = { "0": "O", "1": "I" };
const AS_DIGIT: Record<string, string> = { O: "0", I: "1" };

interface Fit {
  text: string;
  /** How many characters were mended. */
  slips: number;
  /** Letters of the leading area that were typed as letters rather than mended from digits. */
  typedAreaLetters: number;
}

function fitSlot(char: string, slot: Slot): { char: string; slip: boolean } | null {
  if (slot === "digit" || slot === "digit1") {
    const digit = AS_DIGIT[char] ?? char;
    if (!/^[0-9]$/.test(digit) || (slot === "digit1" && digit === "0")) return null;
    return { char: digit, slip: digit !== char };
  }
  const letter = AS_LETTER[char] ?? char;
  if (!LETTERS[slot].includes(letter) || !/^[A-Z]$/.test(letter)) return null;
  return { char: letter, slip: letter !== char };
}

function fitPattern(text: string, slots: Slot[]): Fit | null {
  if (text.length !== slots.length) return null;
  let out = "";
  let slips = 0;
  let typedAreaLetters = 0;
  for (const [i, slot] of slots.entries()) {
    const fitted = fitSlot(text[i] ?? "", slot);
    if (!fitted) return null;
    out += fitted.char;
    if (fitted.slip) slips++;
    else if (slot === "letter" || slot === "letter2") typedAreaLetters++;
  }
  return { text: out, slips, typedAreaLetters };
}

function bestFit(text: string, patterns: Slot[][]): Fit | null {
  let best: Fit | null = null;
  for (const slots of patterns) {
    const fit = fitPattern(text, slots);
    if (fit && (!best || fit.slips < best.slips)) best = fit;
  }
  return best;
}

/** The inward code or its beginning (`4`, `4P`, `4PQ`). */
function fitInward(text: string): Fit | null {
  return text.length >= 1 && text.length <= 3
    ? fitPattern(text, INWARD.slice(0, text.length))
    : null;
}

interface Candidate {
  kind: PostcodeKind;
  outward: Fit;
  inward: Fit | null;
}

function readParts(outward: string, inward: string | null): Candidate | null {
  const out = bestFit(outward, inward === null ? [...OUTWARD, ...AREA] : OUTWARD);
  if (!out) return null;
  const isArea = !/[0-9]/.test(out.text);
  if (inward === null) return { kind: isArea ? "area" : "district", outward: out, inward: null };
  const inn = fitInward(inward);
  if (!inn) return null;
  return { kind: inn.text.length === 3 ? "full" : "sector", outward: out, inward: inn };
}

function slipsOf(c: Candidate): number {
  return c.outward.slips + (c.inward?.slips ?? 0);
}

/** Every reading of text typed without a space, fewest slips first, then full before partial. */
function readCompact(text: string): Candidate | null {
  const readings = [
    readParts(text.slice(0, -3), text.slice(-3)),
    readParts(text, null),
    readParts(text.slice(0, -2), text.slice(-2)),
    readParts(text.slice(0, -1), text.slice(-1)),
  ].filter((c): c is Candidate => c !== null);
  let best: Candidate | null = null;
  for (const c of readings) if (!best || slipsOf(c) < slipsOf(best)) best = c;
  return best;
}

const FAIL = { ok: false } as const;

/**
 * Normalises a typed postcode, sector, district or area: case, spaces, and O/0 and I/1 slips
 * where the format requires a letter or a digit. A full postcode comes back as its sector only.
 */
export function parsePostcode(input: string): ParsedPostcode {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 16 || !/^[A-Za-z0-9\s]+$/.test(trimmed)) return FAIL;
  const text = trimmed.toUpperCase();
  const parts = text.split(/\s+/);
  // A space where the format puts one is taken at its word ("EX4 4" is a sector, "EX44" a
  // district); a space anywhere else is ignored.
  const spaced = parts.length === 2 ? readParts(parts[0] ?? "", parts[1] ?? "") : null;
  const candidate = spaced ?? readCompact(parts.join(""));
  // At least one letter of the area must have been typed as a letter: "1234" is not "I23 4".
  if (!candidate || candidate.outward.typedAreaLetters === 0) return FAIL;

  const outcode = candidate.outward.text;
  const area = /^[A-Z]+/.exec(outcode)?.[0] ?? outcode;
  if (candidate.kind === "area") return { ok: true, kind: "area", area };
  if (candidate.kind === "district") return { ok: true, kind: "district", area, outcode };
  const sector = `${outcode} ${candidate.inward?.text.charAt(0) ?? ""}`;
  return { ok: true, kind: candidate.kind, area, outcode, sector };
}
