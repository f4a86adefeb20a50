/**
 * A new PDF with the embedded DejaVu Sans fonts (subset to the glyphs drawn) and its metadata,
 * shared by packs and posters. pdf-lib and fontkit are plain JavaScript, so this runs the same
 * on Node and on Workers; only where the font bytes come from differs (`#pdf-fonts`).
 */
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { loadFontFiles } from "#pdf-fonts";
import type { Lang } from "../../../schema/taxonomy.js";
import type { Fonts } from "./block.js";
import { printable } from "./font-text.js";

export interface PdfMeta {
  title: string;
  subject: string;
  author: string;
  lang: Lang;
  /** `YYYY-MM-DD`: the creation date is the printed date, so the same pack is the same file. */
  printedOn: string;
}

export async function createPdf(meta: PdfMeta): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = await loadFontFiles();
  const regular = await doc.embedFont(files.regular, { subset: true });
  const bold = await doc.embedFont(files.bold, { subset: true });
  // Both files cover the same characters.
  const chars = new Set(regular.getCharacterSet());
  const widths = new Map<string, number>();
  const fonts: Fonts = {
    regular,
    bold,
    scale: 1,
    printable: (text) => printable(text, (c) => chars.has(c)),
    width: (text, isBold, size) => {
      const key = `${isBold ? "b" : "r"}${text}`;
      let unit = widths.get(key);
      if (unit === undefined) {
        unit = (isBold ? bold : regular).widthOfTextAtSize(text, 1000);
        widths.set(key, unit);
      }
      return (unit * size) / 1000;
    },
  };

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setLanguage(meta.lang === "cy" ? "cy-GB" : "en-GB");
  doc.setCreator(meta.author);
  doc.setProducer(`${meta.author} (pdf-lib)`);
  const printed = new Date(`${meta.printedOn}T12:00:00Z`);
  doc.setCreationDate(printed);
  doc.setModificationDate(printed);
  return { doc, fonts };
}
