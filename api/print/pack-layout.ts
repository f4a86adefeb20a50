import type { Country } from "../../schema/taxonomy.js";
import { type PackBudget, type PackLang, packLangs, type SectionKey } from "../domain/pack.js";
import { type CardMeasure, wrappedLines } from "../domain/pack-measure.js";
import type { Bi } from "./pack-view.js";
import { printStrings } from "./strings.js";

/**
 * The pack's page geometry in millimetres, shared by the print CSS (which these numbers
 * describe), the card height estimate and the PDF. Calibrated against Chromium's print
 * output: see docs/print.md for how to re-measure after changing the CSS.
 */

export const PAGE = { widthMm: 210, heightMm: 297, marginMm: 12 } as const;
export const CONTENT_MM = PAGE.widthMm - 2 * PAGE.marginMm;

type Mode = "single" | "both";
const modeOf = (lang: PackLang): Mode => (lang === "both" ? "both" : "single");

// Every card spans the page: name across the top, text in two columns (the card's two halves,
// or its two languages), a QR code at the right.
const MEASURES: Record<Mode, CardMeasure> = {
  single: {
    spanMm: 157,
    columnMm: 76,
    charMm: 1.5,
    lineMm: 3.9,
    titleCharMm: 2.0,
    titleLineMm: 4.4,
    paragraphGapMm: 0.8,
    chromeMm: 6,
    minMm: 30,
  },
  both: {
    spanMm: 155,
    columnMm: 74.5,
    charMm: 1.5,
    lineMm: 3.9,
    titleCharMm: 2.0,
    titleLineMm: 4.4,
    paragraphGapMm: 0.8,
    chromeMm: 6,
    minMm: 32,
  },
};

interface Fixed {
  /**
   * Head, opening, a four-route crisis box and the explainer, up to the first section's own
   * top margin (counted in its heading). The explainer says more outside England.
   */
  beforeMm: { england: number; elsewhere: number };
  /** Each row of two routes beyond the first four (Scotland has five, a border sector more). */
  extraRouteRowMm: number;
  /** "More listings online" and the footer. */
  afterMm: number;
  /** How much shorter the footer is without the note about example listings. */
  noDemoMm: number;
  /** The "no groups near you yet" line under its heading. */
  emptyNearbyMm: number;
}

/**
 * The fixed parts of a pack as Chromium lays them out, measured with the script in
 * docs/print.md. Welsh runs longer than English; side by side, longer still. In English and
 * side by side `beforeMm` is below the measured height, offsetting the cards' long estimates
 * (tests/e2e/pack-measure.ts prints both; see docs/print.md before changing either).
 */
const FIXED: Record<PackLang, Fixed> = {
  en: {
    beforeMm: { england: 143, elsewhere: 146 },
    extraRouteRowMm: 20,
    afterMm: 42,
    noDemoMm: 0,
    emptyNearbyMm: 18,
  },
  cy: {
    beforeMm: { england: 171, elsewhere: 174 },
    extraRouteRowMm: 24,
    afterMm: 45,
    noDemoMm: 2.5,
    emptyNearbyMm: 22,
  },
  // Side by side, "You can ask for help yourself" follows the listings (see explainerFirst).
  both: {
    beforeMm: { england: 132, elsewhere: 141 },
    extraRouteRowMm: 24,
    afterMm: 122,
    noDemoMm: 12,
    emptyNearbyMm: 24,
  },
};

const LAYOUT: Record<Mode, Pick<PackBudget, "columns" | "rowGapMm" | "maxPerSection">> = {
  single: { columns: 1, rowGapMm: 3, maxPerSection: 10 },
  both: { columns: 1, rowGapMm: 3, maxPerSection: 8 },
};

/** A section heading (11.5 pt bold across the page) with its rule and the space around it. */
const HEADING = { charMm: 2.3, lineMm: 5, chromeMm: 7 } as const;

function sectionHeadMm(lang: PackLang): Record<SectionKey, number> {
  const langs = packLangs(lang);
  const head = (key: SectionKey) => {
    const text = langs.map((l) => printStrings(l).pack.sections[key]).join(" / ");
    return HEADING.chromeMm + wrappedLines(text, CONTENT_MM / HEADING.charMm) * HEADING.lineMm;
  };
  return { nearby: head("nearby"), area: head("area"), anywhere: head("anywhere") };
}

export const cardMeasure = (lang: PackLang): CardMeasure => MEASURES[modeOf(lang)];

/** Two A4 pages, less what is fixed on them for this language, country, crisis box and area. */
export function packBudget(
  lang: PackLang,
  options: {
    country: Country;
    crisisRoutes: number;
    nearbyEmpty: boolean;
    /** The note and next steps in the opening (`openingExtraMm`). */
    extraBeforeMm?: number;
    /** Whether any listing that could be shown is an example (the footer then says so). */
    demo?: boolean;
  },
): PackBudget {
  const fixed = FIXED[lang];
  // Routes are set two a row: a fifth route adds a row, as a sixth does not.
  const extraRows = Math.ceil(Math.max(0, options.crisisRoutes - 4) / 2);
  return {
    ...LAYOUT[modeOf(lang)],
    sectionHeadMm: sectionHeadMm(lang),
    pageMm: PAGE.heightMm - 2 * PAGE.marginMm,
    pages: 2,
    beforeMm:
      fixed.beforeMm[options.country === "England" ? "england" : "elsewhere"] +
      extraRows * fixed.extraRouteRowMm +
      (options.nearbyEmpty ? fixed.emptyNearbyMm : 0) +
      (options.extraBeforeMm ?? 0),
    afterMm: fixed.afterMm - (options.demo === false ? fixed.noDemoMm : 0),
    slackMm: 0,
  };
}

/** Body text of the opening and the note (10 pt; 9 pt side by side), as the print CSS sets it. */
const OPENING = {
  single: { charMm: 1.75, lineMm: 4.9, widthMm: CONTENT_MM },
  both: { charMm: 1.45, lineMm: 3.8, widthMm: (CONTENT_MM - 6) / 2 },
} as const;

/**
 * The height the opening gains from a health visitor's note (a heading and her text across the
 * page) and from the nation's next steps when nothing local is listed, estimated from the text.
 */
export function openingExtraMm(
  lang: PackLang,
  parts: {
    note: string | null;
    steps: readonly { title: Bi; text: Bi; link: { href: string } | null }[] | null;
  },
): number {
  const m = OPENING[modeOf(lang)];
  const langs = packLangs(lang);
  const lines = (text: string, widthMm: number) => wrappedLines(text, widthMm / m.charMm);
  let mm = 0;
  if (parts.note) {
    const paragraphs = parts.note.split("\n").filter(Boolean);
    const body = paragraphs.reduce((sum, p) => sum + lines(p, CONTENT_MM - 8), 0);
    mm += 8 + 5 + body * OPENING.single.lineMm + 3;
  }
  if (parts.steps) {
    const perLang = langs.map((l) => {
      const lead = lines(printStrings(l).pack.nothingLocal("XXXX XX"), m.widthMm);
      const steps = parts.steps!.reduce(
        (sum, s) =>
          sum +
          lines(`${s.title[l]}: ${s.text[l]}${s.link ? ` ${s.link.href}` : ""}`, m.widthMm - 4) +
          0.4,
        0,
      );
      // In one language, the steps take the place of the opening's "this pack lists…".
      const replaced =
        langs.length === 1 ? lines(printStrings(l).pack.opening[1] ?? "", m.widthMm) : 0;
      return (lead + steps - replaced) * m.lineMm + 3;
    });
    mm += Math.max(...perLang);
  }
  return Math.round(mm * 10) / 10;
}
