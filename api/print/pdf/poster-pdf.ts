/**
 * The noticeboard poster as a PDF (A4 or A3), drawn with pdf-lib and the embedded DejaVu Sans
 * as packs are, so it runs on Node and on Workers. It follows the printed page
 * (`components/poster-page.tsx`, `print-css.ts`): one design in a unit `u` of 1 mm on A4 and
 * 1.414 mm on A3; the head from the top, the crisis routes and foot from the bottom, and the
 * code centred in the space between.
 */
import type { Lang } from "../../../schema/taxonomy.js";
import { formatDate } from "../format.js";
import { contactLine } from "../pack-cards.js";
import { numberNote, numberOf } from "../pack-text.js";
import type { Bi } from "../pack-view.js";
import type { PosterView } from "../poster.js";
import { printStrings } from "../strings.js";
import {
  type Block,
  Columns,
  type DrawContext,
  type Fonts,
  Framed,
  Gap,
  MM,
  Paragraph,
  type PlacedQr,
  QrBlock,
  Rule,
  Stack,
} from "./blocks.js";
import { joined, present } from "./compose.js";
import { createPdf } from "./document.js";

/** Millimetres in one `u`: A3 is A4 scaled by the square root of two. */
const UNIT_MM = { a4: 1, a3: Math.SQRT2 } as const;
/** Should the text run over (a long area name, six crisis routes), it is set a step smaller. */
const TEXT_SCALES = [1, 0.94, 0.88, 0.82];

export interface PosterPdf {
  bytes: Uint8Array;
  pages: number;
  qrs: PlacedQr[];
}

/** A block drawn with a bar down its left edge (the poster's "nothing local" note). */
class Barred implements Block {
  constructor(
    private readonly child: Block,
    private readonly bar: number,
    private readonly gap: number,
  ) {}
  height(width: number, fonts: Fonts): number {
    return this.child.height(width - this.bar - this.gap, fonts);
  }
  draw(ctx: DrawContext, x: number, top: number, width: number): void {
    const h = this.height(width, ctx.fonts);
    ctx.page.drawRectangle({ x, y: ctx.page.getHeight() - top - h, width: this.bar, height: h });
    this.child.draw(ctx, x + this.bar + this.gap, top, width - this.bar - this.gap);
  }
}

export async function renderPosterPdf(poster: PosterView): Promise<PosterPdf> {
  const { langs } = poster;
  const lead = langs[0]!;
  const both = langs.length > 1;
  const none = poster.nothingLocal;
  const s = (l: Lang) => printStrings(l).poster;
  const { doc, fonts } = await createPdf({
    title: `${joined(langs, (l) => s(l).title)}: ${poster.areaName[lead]}`,
    subject: joined(langs, (l) => s(l).headline),
    author: printStrings(lead).brand,
    lang: lead,
    printedOn: poster.printedOn,
  });
  const u = UNIT_MM[poster.size] * MM;
  const em = 4.4 * u;
  const text = (runs: string | { text: string; bold?: boolean }[], scale: number, more = {}) =>
    new Paragraph(runs, { size: scale * em, leading: 1.3, ...more });
  const eachLang = (make: (l: Lang) => Block, gap = 1.5 * u) => new Stack(langs.map(make), gap);
  const compact = both && none !== null;

  const top = new Stack(
    present([
      text([{ text: printStrings(lead).brand.toUpperCase(), bold: true }], 0.75),
      new Rule(0.8 * u, 2 * u, 0),
      new Gap(5 * u),
      eachLang(
        (l) =>
          text([{ text: s(l).headline, bold: true }], compact ? 1.4 : both ? 1.6 : 2.35, {
            leading: 1.08,
          }),
        2 * u,
      ),
      new Gap(5 * u),
      eachLang((l) =>
        text(none ? s(l).leadNothingLocal : s(l).lead, compact ? 0.8 : both ? 0.9 : 1.1),
      ),
      none ? new Gap((compact ? 3.5 : 5) * u) : null,
      none
        ? new Barred(
            eachLang(
              (l) =>
                text(
                  [
                    { text: s(l).nothingLocal(poster.areaName[l]), bold: true },
                    { text: ` ${s(l).tellUs(none.tellUs[l])}` },
                  ],
                  compact ? 0.8 : 0.95,
                ),
              1 * u,
            ),
            1.2 * u,
            3 * u,
          )
        : null,
      none ? new Gap((compact ? 3.5 : 5) * u) : null,
      none ? nowColumns(poster, u, em, compact ? 0.78 : 0.9) : null,
    ]),
  );

  const routes = poster.crisis.map((route) => {
    const note = numberNote(route, lead);
    const number = note
      ? `${numberOf(route, lead)} (${joined(langs, (l) => numberNote(route, l))})`
      : numberOf(route, lead);
    return new Stack([
      text([{ text: number, bold: true }], 1.35, { leading: 1.2 }),
      text(joined(langs, route.name), 0.85),
    ]);
  });
  const rows: Block[] = [];
  for (let i = 0; i < routes.length; i += 2) {
    rows.push(new Columns([routes[i]!, routes[i + 1] ?? new Gap(0)], 6 * u));
  }
  const crisis = new Framed(
    new Stack([
      text([{ text: joined(langs, (l) => s(l).crisis), bold: true }], 1.3),
      new Gap(2 * u),
      new Stack(rows, 2.5 * u),
    ]),
    { padding: 4.5 * u, border: 0.9 * u },
  );
  const bottom = new Stack([
    eachLang((l) => text([{ text: s(l).talk, bold: l === lead }], 1, { align: "center" }), 0.5 * u),
    new Gap(5 * u),
    crisis,
    new Gap(5 * u),
    new Rule(0.4 * u, 0, 2 * u),
    new Columns(
      [
        text(
          joined(langs, (l) => s(l).forArea(poster.areaName[l])),
          0.8,
        ),
        text(
          joined(langs, (l) => s(l).printed(formatDate(poster.printedOn, l))),
          0.8,
          { align: "right" },
        ),
      ],
      4 * u,
    ),
  ]);
  const scan = scanRow(poster, u, em);

  const page = doc.addPage([210 * u, 297 * u]);
  const margin = 14 * u;
  const width = page.getWidth() - 2 * margin;
  const inner = page.getHeight() - 2 * margin;
  const parts = (f: Fonts) => ({
    top: top.height(width, f),
    scan: scan.height(width, f),
    bottom: bottom.height(width, f),
  });
  for (const scale of TEXT_SCALES) {
    const h = parts({ ...fonts, scale });
    if (h.top + h.scan + h.bottom + 10 * u <= inner || scale === TEXT_SCALES.at(-1)) {
      fonts.scale = scale;
      break;
    }
  }
  const h = parts(fonts);
  const ctx: DrawContext = { page, pageIndex: 0, fonts, placed: [] };
  top.draw(ctx, margin, margin, width);
  const free = inner - h.top - h.bottom;
  scan.draw(ctx, margin, margin + h.top + Math.max(5 * u, (free - h.scan) / 2), width);
  bottom.draw(ctx, margin, margin + inner - h.bottom, width);

  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pages: doc.getPageCount(), qrs: ctx.placed };
}

/** What you can do now, beside the national lines: two columns. */
function nowColumns(poster: PosterView, u: number, em: number, scale: number): Block {
  const { langs, nothingLocal } = poster;
  const both = langs.length > 1;
  const s = (l: Lang) => printStrings(l).poster;
  const p = (runs: string | { text: string; bold?: boolean }[], k = 1) =>
    new Paragraph(runs, { size: scale * k * em, leading: 1.3 });
  const item = (title: Bi, detail: string | null) =>
    new Stack(
      present([p([{ text: joined(langs, title), bold: true }]), detail ? p(detail) : null]),
    );
  const column = (heading: (l: Lang) => string, items: Block[]) =>
    new Stack([
      p([{ text: joined(langs, heading), bold: true }], 1.15),
      new Gap(1.5 * u),
      new Stack(items, 2 * u),
    ]);
  const steps = column(
    (l) => s(l).steps,
    (nothingLocal?.steps ?? []).map((step) => item(step.title, both ? null : step.text[langs[0]!])),
  );
  const national = (nothingLocal?.national ?? []).slice(0, both ? 2 : undefined);
  return new Columns(
    [
      steps,
      national.length > 0
        ? column(
            (l) => s(l).national,
            national.map((n) => item(n.name, n.contact ? contactLine(n.contact, langs) : null)),
          )
        : new Gap(0),
    ],
    6 * u,
  );
}

/** The large code (one per language): caption below, or beside it on a national poster. */
function scanRow(poster: PosterView, u: number, em: number): Block {
  const { langs } = poster;
  const both = langs.length > 1;
  const none = poster.nothingLocal !== null;
  const s = (l: Lang) => printStrings(l).poster;
  const caption = (l: Lang, align: "center" | "left") => {
    const k = both ? 0.85 : 1;
    return new Stack([
      new Paragraph([{ text: none ? s(l).scanNational : s(l).scan, bold: true }], {
        size: 1.15 * k * em,
        align,
      }),
      ...(poster.prefilled ? [] : [new Paragraph(s(l).scanThen, { size: k * em, align })]),
      new Paragraph(`${s(l).orVisit} ${poster.shortUrl}`, { size: 0.8 * k * em, align }),
    ]);
  };
  const codes = langs.map((l) => {
    if (!none) {
      const side = (both ? 78 : 100) * u;
      return new Stack([
        new QrBlock(poster.directory[l], side),
        new Gap(2 * u),
        caption(l, "center"),
      ]);
    }
    const side = (both ? 40 : 48) * u;
    return new Columns(
      [new QrBlock(poster.directory[l], side), new Stack([new Gap(side / 3), caption(l, "left")])],
      4 * u,
      [side, null],
    );
  });
  return codes.length === 1 ? codes[0]! : new Columns(codes, 8 * u);
}
