/**
 * A small box layout for pdf-lib: blocks that know their height at a given width and draw
 * themselves at a position (measured from the top of the page, in points). This file holds
 * what every block shares; `paragraph.ts` sets text, `blocks.ts` arranges blocks.
 */
import type { PDFFont, PDFPage } from "pdf-lib";
import { PDFString, rgb } from "pdf-lib";

export const MM = 72 / 25.4;
export const BLACK = rgb(0, 0, 0);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** The text as the fonts can draw it (see `font-text.ts`). */
  printable(text: string): string;
  /** Text is set at this fraction of its nominal size (below 1 when a pack must be squeezed). */
  scale: number;
  /** The width of text at a size, in points (remembered: layout measures each word often). */
  width(text: string, bold: boolean, size: number): number;
}

/** Where a QR code landed: page (0-based), position from the top-left, in points. */
export interface PlacedQr {
  page: number;
  x: number;
  top: number;
  size: number;
  url: string;
}

export interface DrawContext {
  page: PDFPage;
  pageIndex: number;
  fonts: Fonts;
  placed: PlacedQr[];
}

export interface Block {
  height(width: number, fonts: Fonts): number;
  draw(ctx: DrawContext, x: number, top: number, width: number): void;
}

/** Adds a clickable link over a rectangle (top-left origin), as a PDF link annotation. */
export function addLink(
  ctx: DrawContext,
  x: number,
  top: number,
  w: number,
  h: number,
  url: string,
) {
  const pageHeight = ctx.page.getHeight();
  const doc = ctx.page.doc;
  const annotation = doc.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [x, pageHeight - top - h, x + w, pageHeight - top],
    Border: [0, 0, 0],
    A: { Type: "Action", S: "URI", URI: PDFString.of(url) },
  });
  ctx.page.node.addAnnot(doc.context.register(annotation));
}
