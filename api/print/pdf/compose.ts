/** Small helpers shared by the parts of the pack's PDF. */
import { rgb } from "pdf-lib";
import type { Lang } from "../../../schema/taxonomy.js";
import type { Bi } from "../pack-view.js";
import { type Block, Columns, Gap, MM, Stack } from "./blocks.js";

export const TEAL = rgb(11 / 255, 92 / 255, 99 / 255);
export const GREY = rgb(0.2, 0.2, 0.2);

export const present = (blocks: (Block | null | false | undefined)[]): Block[] =>
  blocks.filter((b): b is Block => Boolean(b));

/** "Cymraeg / English" for short texts; each language once. */
export function joined(langs: readonly Lang[], text: Bi | ((l: Lang) => string)): string {
  const get = typeof text === "function" ? text : (l: Lang) => text[l];
  return [...new Set(langs.map(get))].join(" / ");
}

/** Each language's version, side by side when there are two. */
export function perLang(langs: readonly Lang[], make: (l: Lang) => Block, gap = 6 * MM): Block {
  return langs.length === 1 ? make(langs[0]!) : new Columns(langs.map(make), gap);
}

/** Blocks two to a row, as the page's two-column grids lay them out. */
export function pairs(blocks: Block[], gap: number, rowGap: number): Block[] {
  const rows: Block[] = [];
  for (let i = 0; i < blocks.length; i += 2) {
    const row = new Columns([blocks[i]!, blocks[i + 1] ?? new Gap(0)], gap);
    rows.push(i + 2 < blocks.length ? new Stack([row, new Gap(rowGap)]) : row);
  }
  return rows;
}
