import type { PDFDocument, PDFPage } from "pdf-lib";
import type { Block, DrawContext, Fonts, PlacedQr } from "./blocks.js";

export interface FlowItem {
  block: Block;
  /** Keep on the same page as the next item (a heading and its first card). */
  keepWithNext?: boolean;
}

/** Where each item lands: its page (0-based) and top, laid out as `flow` draws them. */
function place(
  fonts: Fonts,
  items: readonly FlowItem[],
  page: { width: number; height: number; margin: number },
): { page: number; top: number }[] {
  const width = page.width - 2 * page.margin;
  const bottom = page.height - page.margin;
  const spots: { page: number; top: number }[] = [];
  let current = 0;
  let top = page.margin;
  items.forEach((item, i) => {
    const h = item.block.height(width, fonts);
    const next = item.keepWithNext ? items[i + 1] : undefined;
    const need = h + (next ? next.block.height(width, fonts) : 0);
    // A block taller than a page goes on a fresh page and runs past its foot; none do.
    if (top + need > bottom && top > page.margin) {
      current++;
      top = page.margin;
    }
    spots.push({ page: current, top });
    top += h;
  });
  return spots;
}

/** Whether the items fit on `pages` pages. */
export function fitsPages(
  fonts: Fonts,
  items: readonly FlowItem[],
  page: { width: number; height: number; margin: number },
  pages: number,
): boolean {
  return (place(fonts, items, page).at(-1)?.page ?? 0) < pages;
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
  const placed: PlacedQr[] = [];
  const pages: PDFPage[] = [];
  const contexts: DrawContext[] = [];
  const spots = place(fonts, items, page);
  items.forEach((item, i) => {
    const spot = spots[i]!;
    while (contexts.length <= spot.page) {
      const p = doc.addPage([page.width, page.height]);
      pages.push(p);
      contexts.push({ page: p, pageIndex: pages.length - 1, fonts, placed });
    }
    item.block.draw(contexts[spot.page]!, page.margin, spot.top, width);
  });
  return { pages, placed };
}
