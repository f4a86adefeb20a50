import type { PDFDocument, PDFPage } from "pdf-lib";
import type { Block, DrawContext, Fonts, PlacedQr } from "./blocks.js";

export interface FlowItem {
  block: Block;
  /** Keep on the same page as the next item (a heading and its first card). */
  keepWithNext?: boolean;
}

/**
 * Places blocks down A4 pages, starting a new page when the next block (and whatever it must
 * stay with) does not fit. Blocks are never split: a card is whole on one page or the next.
 */
export function flow(
  doc: PDFDocument,
  fonts: Fonts,
  items: readonly FlowItem[],
  page: { width: number; height: number; margin: number },
): { pages: PDFPage[]; placed: PlacedQr[] } {
  const width = page.width - 2 * page.margin;
  const bottom = page.height - page.margin;
  const placed: PlacedQr[] = [];
  const pages: PDFPage[] = [];
  let ctx: DrawContext | null = null;
  let top = page.margin;

  const newPage = (): DrawContext => {
    const p = doc.addPage([page.width, page.height]);
    pages.push(p);
    top = page.margin;
    return { page: p, pageIndex: pages.length - 1, fonts, placed };
  };

  items.forEach((item, i) => {
    ctx ??= newPage();
    const h = item.block.height(width, fonts);
    const next = item.keepWithNext ? items[i + 1] : undefined;
    const need = h + (next ? next.block.height(width, fonts) : 0);
    // A block taller than a page goes on a fresh page and runs past its foot; none do.
    if (top + need > bottom && top > page.margin) ctx = newPage();
    item.block.draw(ctx, page.margin, top, width);
    top += h;
  });
  return { pages, placed };
}
