/**
 * The resource pack as a PDF, drawn with pdf-lib and the standard Helvetica fonts: no browser,
 * no font files, so it runs the same on Node and on Workers. It follows the printed page: the
 * same sections, sizes and QR codes, with links on every code and contact for packs sent by
 * email, and the printed date and page number at the foot of each page.
 */
import { PDFDocument, StandardFonts } from "pdf-lib";
import { formatDate } from "../format.js";
import { PAGE } from "../pack-layout.js";
import type { PackView } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { MM, type PlacedQr } from "./blocks.js";
import { GREY, joined } from "./compose.js";
import { type FlowItem, flow } from "./flow.js";
import { crisisBox, explainer, header, opening } from "./pack-intro.js";
import { footer, sections } from "./pack-listings.js";
import { toWinAnsi } from "./winansi.js";

export interface PackPdf {
  bytes: Uint8Array;
  pages: number;
  /** Every QR code drawn, where, and what it links to (the tests decode each one). */
  qrs: PlacedQr[];
}

export async function renderPackPdf(view: PackView): Promise<PackPdf> {
  const doc = await PDFDocument.create();
  const fonts = {
    regular: await doc.embedFont(StandardFonts.Helvetica),
    bold: await doc.embedFont(StandardFonts.HelveticaBold),
  };
  const { langs } = view;
  const lead = langs[0]!;
  const s = printStrings(lead);
  const title = `${joined(langs, (l) => printStrings(l).moments[view.address.moment].title)}: ${view.placeLabel[lead]}`;
  doc.setTitle(toWinAnsi(title), { showInWindowTitleBar: true });
  doc.setAuthor(s.brand);
  doc.setSubject(toWinAnsi(joined(langs, (l) => printStrings(l).pack.subtitle)));
  doc.setLanguage(lead === "cy" ? "cy-GB" : "en-GB");
  doc.setCreator(s.brand);
  doc.setProducer(`${s.brand} (pdf-lib)`);
  const printed = new Date(`${view.printedOn}T12:00:00Z`);
  doc.setCreationDate(printed);
  doc.setModificationDate(printed);

  const page = { width: PAGE.widthMm * MM, height: PAGE.heightMm * MM, margin: PAGE.marginMm * MM };
  const items: FlowItem[] = [
    { block: header(view) },
    { block: opening(view) },
    { block: crisisBox(view) },
    { block: explainer(view) },
    ...sections(view),
    { block: footer(view) },
  ];
  const { pages, placed } = flow(doc, fonts, items, page);

  // The foot of every page says when it was printed, so a loose second page still shows its age.
  pages.forEach((p, i) => {
    const text = toWinAnsi(
      `${s.brand} · ${view.placeLabel[lead]} · ${s.pack.printedOn(formatDate(view.printedOn, lead))} · ${s.pack.pageOf(i + 1, pages.length)}`,
    );
    const size = 7;
    const width = fonts.regular.widthOfTextAtSize(text, size);
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
