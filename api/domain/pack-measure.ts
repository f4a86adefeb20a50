/**
 * An estimate of how tall a listing card prints, from its text, so that a pack can be capped to
 * two A4 pages before anything is rendered. Average character widths stand in for font metrics;
 * they were calibrated against Chromium's layout of the print CSS (docs/print.md), and the
 * Chromium print test checks the result.
 */

export interface CardMeasure {
  /** Width of text across the card beside its QR code, in millimetres. */
  spanMm: number;
  /** Width of each of the card's two text columns. */
  columnMm: number;
  /** Average character width and line height of body text. */
  charMm: number;
  lineMm: number;
  /** The same for the listing's name. */
  titleCharMm: number;
  titleLineMm: number;
  /** Space after each paragraph. */
  paragraphGapMm: number;
  /** Padding and border, in total. */
  chromeMm: number;
  /** No card is shorter (the QR code and its caption). */
  minMm: number;
}

/**
 * The printed text of a card: its name (and example label) across the top, then body text
 * across the card, in two columns side by side, and across the card again.
 */
export interface CardText {
  titles: string[];
  lead: string[];
  /** Two lists of paragraphs printed side by side: the card's halves, or its two languages. */
  columns: string[][];
  shared: string[];
}

/** How many lines a paragraph takes when wrapped greedily at word boundaries. */
export function wrappedLines(text: string, charsPerLine: number): number {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length === 0) return 0;
  const width = Math.max(1, Math.floor(charsPerLine));
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const need = used === 0 ? word.length : used + 1 + word.length;
    if (need <= width) {
      used = need;
    } else {
      lines += used === 0 ? 0 : 1;
      // A word longer than a line (a long URL) breaks over several.
      lines += Math.ceil(word.length / width) - 1;
      used = word.length % width || width;
    }
  }
  return lines;
}

export function estimateCardMm(text: CardText, m: CardMeasure): number {
  const paragraphs = (list: readonly string[], widthMm: number) =>
    list.reduce(
      (sum, p) => sum + wrappedLines(p, widthMm / m.charMm) * m.lineMm + m.paragraphGapMm,
      0,
    );
  const title = text.titles.reduce(
    (sum, t) => sum + wrappedLines(t, m.spanMm / m.titleCharMm) * m.titleLineMm,
    0,
  );
  const columns = Math.max(0, ...text.columns.map((c) => paragraphs(c, m.columnMm)));
  const body = paragraphs(text.lead, m.spanMm) + columns + paragraphs(text.shared, m.spanMm);
  return Math.max(m.minMm, Math.round((m.chromeMm + title + body) * 10) / 10);
}
