/**
 * Text the PDF's embedded font can draw. DejaVu Sans holds every Welsh letter and far more; a
 * character it lacks (an emoji pasted into a listing) would print as an empty box, so it
 * becomes its nearest character the font has, its base letter, or "?". Line breaks and tabs
 * become spaces: the layout wraps text itself.
 */

const NEAREST: Readonly<Record<string, string>> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2190": "<-",
  "\u2192": "->",
  "\u2264": "<=",
  "\u2265": ">=",
  "\u2248": "~",
  "\u2002": " ",
  "\u2003": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\u202f": " ",
  "\u2060": "",
  "\u200b": "",
  "\u00ad": "",
  "\ufeff": "",
  "\t": " ",
  "\n": " ",
  "\r": " ",
};

/** Whether the font has a glyph for a code point. */
export type Covers = (codePoint: number) => boolean;

export function printable(text: string, covers: Covers): string {
  let out = "";
  for (const char of text) {
    const mapped = NEAREST[char];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    if (covers(code)) {
      out += char;
      continue;
    }
    const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
    out += base && [...base].every((c) => covers(c.codePointAt(0) ?? 0)) ? base : "?";
  }
  return out;
}
