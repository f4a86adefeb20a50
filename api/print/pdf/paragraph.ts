import type { rgb } from "pdf-lib";
import { addLink, BLACK, type Block, type DrawContext, type Fonts } from "./block.js";

export interface Run {
  text: string;
  bold?: boolean;
}

interface Piece {
  text: string;
  bold: boolean;
  width: number;
}

export interface TextStyle {
  size: number;
  /** Line height as a multiple of the size. */
  leading?: number;
  gapAfter?: number;
  color?: ReturnType<typeof rgb>;
  align?: "left" | "right" | "center";
  /** Makes the whole paragraph a link (contacts: tel:, mailto:, https:). */
  link?: string | null;
}

/** Rich text wrapped at word boundaries; a word longer than the line is broken. */
export class Paragraph implements Block {
  private readonly runs: Run[];
  constructor(
    runs: Run[] | string,
    private readonly style: TextStyle,
  ) {
    const list = typeof runs === "string" ? [{ text: runs }] : runs;
    this.runs = list;
  }

  private size(fonts: Fonts) {
    return this.style.size * fonts.scale;
  }

  private lineHeight(fonts: Fonts) {
    return this.size(fonts) * (this.style.leading ?? 1.3);
  }

  lines(width: number, fonts: Fonts): Piece[][] {
    const size = this.size(fonts);
    const measure = (text: string, bold: boolean) => fonts.width(text, bold, size);
    const lines: Piece[][] = [[]];
    let used = 0;
    const push = (text: string, bold: boolean) => {
      const line = lines.at(-1)!;
      const last = line.at(-1);
      const w = measure(text, bold);
      if (last && last.bold === bold) {
        last.text += text;
        last.width += w;
      } else {
        line.push({ text, bold, width: w });
      }
      used += w;
    };
    for (const run of this.runs) {
      const bold = Boolean(run.bold);
      for (const token of fonts.printable(run.text).split(/(\s+)/)) {
        if (!token) continue;
        if (/^\s+$/.test(token)) {
          if (used > 0) push(" ", bold);
          continue;
        }
        let word = token;
        while (used + measure(word, bold) > width && word.length > 0) {
          if (used > 0) {
            // Drop the trailing space and start a new line.
            const line = lines.at(-1)!;
            const last = line.at(-1);
            if (last?.text.endsWith(" ")) {
              last.text = last.text.slice(0, -1);
              last.width -= measure(" ", last.bold);
            }
            lines.push([]);
            used = 0;
            continue;
          }
          // A word wider than the whole line: as many characters as fit.
          let fit = word.length;
          while (fit > 1 && measure(word.slice(0, fit), bold) > width) fit--;
          push(word.slice(0, fit), bold);
          word = word.slice(fit);
          if (word) {
            lines.push([]);
            used = 0;
          }
        }
        if (word) push(word, bold);
      }
    }
    return lines.filter((l) => l.length > 0);
  }

  height(width: number, fonts: Fonts): number {
    const count = this.lines(width, fonts).length;
    return count === 0 ? 0 : count * this.lineHeight(fonts) + (this.style.gapAfter ?? 0);
  }

  /** The width of the longest line, for text that sizes its box (tags). */
  naturalWidth(fonts: Fonts): number {
    return Math.max(0, ...this.lines(10_000, fonts).map((l) => l.reduce((s, p) => s + p.width, 0)));
  }

  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const size = this.size(ctx.fonts);
    const pageHeight = ctx.page.getHeight();
    const lines = this.lines(width, ctx.fonts);
    const lh = this.lineHeight(ctx.fonts);
    lines.forEach((line, i) => {
      const lineWidth = line.reduce((s, p) => s + p.width, 0);
      const slack = width - lineWidth;
      let cx =
        x + (this.style.align === "right" ? slack : this.style.align === "center" ? slack / 2 : 0);
      // Baseline: the text's ascent below the top of its line box, centred in the leading.
      const baseline = top + i * lh + (lh - size) / 2 + size * 0.8;
      for (const piece of line) {
        ctx.page.drawText(piece.text, {
          x: cx,
          y: pageHeight - baseline,
          size,
          font: piece.bold ? ctx.fonts.bold : ctx.fonts.regular,
          color: this.style.color ?? BLACK,
        });
        cx += piece.width;
      }
    });
    if (this.style.link && lines.length > 0) {
      const w = Math.min(width, Math.max(...lines.map((l) => l.reduce((s, p) => s + p.width, 0))));
      addLink(ctx, x, top, w, lines.length * lh, this.style.link);
    }
  }
}
