/**
 * The PDF uses the standard Helvetica fonts, which every PDF reader has and which need no font
 * file, so the PDF is small and is made the same way on Node and on Workers. Those fonts only
 * hold the Windows-1252 ("WinAnsi") characters. This maps anything else to the nearest
 * character they do hold, for the PDF only: Welsh ŵ and ŷ print as w and y (a known limit, see
 * docs/print.md). The web page and the printed page keep every letter.
 */

/** Unicode characters at WinAnsi codes 0x80–0x9F. */
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

export function isWinAnsi(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.includes(char)
  );
}

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

/** Text the standard fonts can draw: each other character becomes its nearest WinAnsi one. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text) {
    if (isWinAnsi(char)) {
      out += char;
      continue;
    }
    const mapped = NEAREST[char];
    if (mapped !== undefined) {
      out += mapped;
      continue;
    }
    // ŵ → w + ◌̂ → w; ẃ → w; Ŷ → Y: the base letter without its accent.
    const base = char.normalize("NFD").replace(/\p{M}+/gu, "");
    out += base && [...base].every(isWinAnsi) ? base : "?";
  }
  return out;
}
