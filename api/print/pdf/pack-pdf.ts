/**
 * The resource pack as a PDF, drawn with pdf-lib and embedded DejaVu Sans: no browser, so it
 * runs the same on Node and on Workers. It follows the printed page: the
 * same sections, sizes and QR codes, with links on every code and contact for packs sent by
 * email, and the printed date and page number at the foot of each page.
 */
import { formatDate } from "../format.js";
import { PAGE } from "../pack-layout.js";
import { explainerFirst } from "../pack-text.js";
import type { PackView } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { Gap, MM, type PlacedQr, Stack } from "./blocks.js";
import { GREY, joined } from "./compose.js";
import { createPdf } from "./document.js";
import { type FlowItem, fitsPages, flow } from "./flow.js";

const MAX_PAGES = 2;
const TEXT_SCALES = [1, 0.96, 0.92, 0.88];

import { crisisBox, explainer, header, note, opening } from "./pack-intro.js";
import { footer, sections } from "./pack-listings.js";

export interface PackPdf {
  bytes: Uint8Array;
  pages: number;
  /** Every QR code drawn, where, and what it links to (the tests decode each one). */
  qrs: PlacedQr[];
}

export async function renderPackPdf(view: PackView): Promise<PackPdf> {
  const { langs } = view;
  const lead = langs[0]!;
  const s = printStrings(lead);
  const { doc, fonts } = await createPdf({
    title: `${joined(langs, (l) => printStrings(l).moments[view.address.moment].title)}: ${view.placeLabel[lead]}`,
    subject: joined(langs, (l) => printStrings(l).pack.subtitle),
    author: s.brand,
    lang: lead,
    printedOn: view.printedOn,
  });

  const page = { width: PAGE.widthMm * MM, height: PAGE.heightMm * MM, margin: PAGE.marginMm * MM };
  const items: FlowItem[] = [
    { block: header(view) },
    { block: opening(view) },
    ...(note(view) ? [{ block: note(view)! }] : []),
    { block: crisisBox(view) },
    ...(explainerFirst(view) ? [{ block: explainer(view) }] : []),
    ...sections(view),
    ...(explainerFirst(view) ? [] : [{ block: new Stack([new Gap(4 * MM), explainer(view)]) }]),
    { block: footer(view) },
  ];
  // The cards were chosen to fit two pages as the browser prints them; this font sets a
  // little wider. Should the pack run over, its text is set a step smaller, never a third page.
  for (const scale of TEXT_SCALES) {
    const fits = fitsPages({ ...fonts, scale }, items, page, MAX_PAGES);
    if (fits || scale === TEXT_SCALES.at(-1)) {
      fonts.scale = scale;
      break;
    }
  }
  const { pages, placed } = flow(doc, fonts, items, page);

  // The foot of every page says when it was printed, so a loose second page still shows its age.
  pages.forEach((p, i) => {
    const text = fonts.printable(
      `${s.brand} · ${view.placeLabel[lead]} · ${s.pack.printedOn(formatDate(view.printedOn, lead))} · ${s.pack.pageOf(i + 1, pages.length)}`,
    );
    const size = 7;
    const width = fonts.width(text, false, size);
    p.drawText(text, {
      x: (page.width - width) / 2,
      y: 5 * MM,
      size,
      font: fonts.regular,
      color: GREY,
    });
  });

  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: pages.length, qrs: placed };
}
