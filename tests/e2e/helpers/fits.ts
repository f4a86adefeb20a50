/** Whether a page fits its viewport's width, the page itself and everything in it. */
import type { Page } from "playwright-core";

/**
 * What does not fit across, as `tag.class` names (at most five): a page that scrolls sideways,
 * an element that scrolls inside its own box (a `.table-scroll` wrapper, say), or one that
 * reaches past the right edge of the viewport where nothing clips it. An empty list means it
 * all fits.
 */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.trim().replace(/\s+/g, ".")}` : ""}`;
    const found: string[] = [];
    if (doc.scrollWidth > doc.clientWidth)
      found.push(`page ${doc.scrollWidth} px in ${doc.clientWidth}`);
    /** Cut off inside a box that hides its overflow and itself fits (a visually hidden head). */
    const clipped = (el: Element) => {
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        const x = getComputedStyle(up).overflowX;
        if ((x === "hidden" || x === "clip") && up.getBoundingClientRect().right <= doc.clientWidth)
          return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      if (clipped(el)) continue;
      const style = getComputedStyle(el);
      const scrolls = style.overflowX === "auto" || style.overflowX === "scroll";
      if (scrolls && el.scrollWidth > el.clientWidth + 1)
        found.push(`${name(el)} scrolls inside (${el.scrollWidth} px in ${el.clientWidth})`);
      else if (el.getBoundingClientRect().right > doc.clientWidth + 0.5)
        found.push(`${name(el)} reaches past the edge`);
    }
    return found.slice(0, 5);
  });
}
