/** Blocks that arrange other blocks: stacks, columns, frames, tags, QR codes, rules, bullets. */
import { QUIET_ZONE, qrMatrix, qrRuns } from "../qr.js";
import { addLink, BLACK, type Block, type DrawContext, type Fonts, MM } from "./block.js";
import { Paragraph } from "./paragraph.js";

export { addLink, type Block, type DrawContext, type Fonts, MM, type PlacedQr } from "./block.js";
export { Paragraph, type Run, type TextStyle } from "./paragraph.js";

/** Blocks one under another. */
export class Stack implements Block {
  constructor(
    private readonly children: Block[],
    private readonly gap = 0,
  ) {}
  height(width: number, fonts: Fonts): number {
    const heights = this.children.map((c) => c.height(width, fonts)).filter((h) => h > 0);
    return heights.reduce((s, h) => s + h, 0) + Math.max(0, heights.length - 1) * this.gap;
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    let y = top;
    for (const child of this.children) {
      const h = child.height(width, ctx.fonts);
      if (h <= 0) continue;
      child.draw(ctx, x, y, width);
      y += h + this.gap;
    }
  }
}

/** Blocks side by side; `fixed` gives some children a set width, the rest share what is left. */
export class Columns implements Block {
  constructor(
    private readonly children: Block[],
    private readonly gap: number,
    private readonly fixed: (number | null)[] = [],
  ) {}
  private widths(width: number): number[] {
    const fixedTotal = this.fixed.reduce<number>((s, w) => s + (w ?? 0), 0);
    const flexible = this.children.filter((_, i) => this.fixed[i] == null).length;
    const free = width - fixedTotal - this.gap * (this.children.length - 1);
    return this.children.map((_, i) => this.fixed[i] ?? free / Math.max(1, flexible));
  }
  height(width: number, fonts: Fonts): number {
    const widths = this.widths(width);
    return Math.max(0, ...this.children.map((c, i) => c.height(widths[i]!, fonts)));
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const widths = this.widths(width);
    let cx = x;
    this.children.forEach((child, i) => {
      child.draw(ctx, cx, top, widths[i]!);
      cx += widths[i]! + this.gap;
    });
  }
}

/** A block inside a border, with padding. */
export class Framed implements Block {
  constructor(
    private readonly child: Block,
    private readonly options: { padding: number; border: number },
  ) {}
  height(width: number, fonts: Fonts): number {
    const { padding } = this.options;
    return this.child.height(width - 2 * padding, fonts) + 2 * padding;
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const { padding, border } = this.options;
    const h = this.height(width, ctx.fonts);
    ctx.page.drawRectangle({
      x: x + border / 2,
      y: ctx.page.getHeight() - top - h + border / 2,
      width: width - border,
      height: h - border,
      borderColor: BLACK,
      borderWidth: border,
    });
    this.child.draw(ctx, x + padding, top + padding, width - 2 * padding);
  }
}

/** A short label in a thin box, as wide as its text: "EXAMPLE LISTING". */
export class Tag implements Block {
  private readonly text: Paragraph;
  constructor(
    text: string,
    private readonly size: number,
  ) {
    this.text = new Paragraph([{ text, bold: true }], { size, leading: 1.25 });
  }
  height(): number {
    return this.size * 1.25 + 2 + 2;
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const w = Math.min(width, this.text.naturalWidth(ctx.fonts) + 4 * MM * 0.75);
    ctx.page.drawRectangle({
      x,
      y: ctx.page.getHeight() - top - this.size * 1.25 - 1,
      width: w,
      height: this.size * 1.25 + 1,
      borderColor: BLACK,
      borderWidth: 0.75,
    });
    this.text.draw(ctx, x + 1.5 * MM, top + 0.5, w);
  }
}

/** A QR code of `size` points (quiet zone included), a link to its URL, and a caption. */
export class QrBlock implements Block {
  constructor(
    private readonly url: string,
    private readonly size: number,
    private readonly caption: Paragraph | null = null,
  ) {}
  height(width: number, fonts: Fonts): number {
    return this.size + (this.caption ? 2 + this.caption.height(width, fonts) : 0);
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const matrix = qrMatrix(this.url);
    const modules = matrix.size + 2 * QUIET_ZONE;
    const unit = this.size / modules;
    const left = x + (width - this.size) / 2;
    const pageHeight = ctx.page.getHeight();
    for (const run of qrRuns(matrix)) {
      ctx.page.drawRectangle({
        x: left + (run.x + QUIET_ZONE) * unit,
        y: pageHeight - top - (run.y + QUIET_ZONE + 1) * unit,
        width: run.width * unit,
        // A hair taller than a module, so that no light seam shows between rows.
        height: unit + 0.05,
        color: BLACK,
      });
    }
    addLink(ctx, left, top, this.size, this.size, this.url);
    ctx.placed.push({ page: ctx.pageIndex, x: left, top, size: this.size, url: this.url });
    this.caption?.draw(ctx, x, top + this.size + 2, width);
  }
}

/** A horizontal line across the width, with space above and below. */
export class Rule implements Block {
  constructor(
    private readonly thickness: number,
    private readonly before = 0,
    private readonly after = 0,
  ) {}
  height(): number {
    return this.before + this.thickness + this.after;
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const y = ctx.page.getHeight() - top - this.before - this.thickness / 2;
    ctx.page.drawLine({
      start: { x, y },
      end: { x: x + width, y },
      thickness: this.thickness,
      color: BLACK,
    });
  }
}

/** A bullet point: a dot, and the block beside it. */
export class Bullet implements Block {
  constructor(
    private readonly child: Block,
    private readonly indent: number,
    private readonly dotTop: number,
  ) {}
  height(width: number, fonts: Fonts): number {
    return this.child.height(width - this.indent, fonts);
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    ctx.page.drawCircle({
      x: x + 0.8 * MM,
      y: ctx.page.getHeight() - top - this.dotTop,
      size: 0.8 * MM,
      color: BLACK,
    });
    this.child.draw(ctx, x + this.indent, top, width - this.indent);
  }
}

/** Empty space. */
export class Gap implements Block {
  constructor(private readonly size: number) {}
  height(): number {
    return this.size;
  }
  draw(): void {}
}
