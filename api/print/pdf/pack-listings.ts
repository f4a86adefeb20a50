/** The listings of the pack's PDF, section by section, and its footer. */
import type { Lang } from "../../../schema/taxonomy.js";
import { formatDate } from "../format.js";
import { type CardLine, cardLayout } from "../pack-cards.js";
import { type CardView, type PackView, printsSection } from "../pack-view.js";
import { printStrings } from "../strings.js";
import {
  type Block,
  Columns,
  Framed,
  Gap,
  MM,
  Paragraph,
  QrBlock,
  Rule,
  Stack,
  Tag,
} from "./blocks.js";
import { GREY, joined, perLang, present } from "./compose.js";
import type { FlowItem } from "./flow.js";

function cardLine(line: CardLine): Block {
  const size = line.kind === "checked" ? 7.5 : 8.5;
  const color = line.kind === "meta" || line.kind === "checked" ? GREY : undefined;
  const runs = line.label
    ? [{ text: line.label, bold: true }, { text: ` ${line.text}` }]
    : [{ text: line.text, bold: line.kind === "badges" }];
  return new Paragraph(runs, {
    size,
    gapAfter: line.kind === "checked" ? 0 : 0.8 * MM,
    ...(color ? { color } : {}),
    link: line.href ?? null,
  });
}

function card(c: CardView, langs: readonly Lang[]): Block {
  const both = langs.length > 1;
  const layout = cardLayout(c, langs);
  const main = new Stack(
    present([
      layout.example
        ? new Stack([new Tag(layout.example.toUpperCase(), 7), new Gap(1 * MM)])
        : null,
      new Paragraph([{ text: layout.name, bold: true }], {
        size: 10,
        leading: 1.2,
        gapAfter: 0.5 * MM,
      }),
      ...layout.lead.map(cardLine),
      new Columns(
        layout.columns.map((column) => new Stack(column.map(cardLine))),
        (both ? 6 : 5) * MM,
      ),
      ...layout.shared.map(cardLine),
    ]),
  );
  const qrSize = (both ? 22 : 20) * MM;
  const caption = new Paragraph(
    joined(langs, (l) => printStrings(l).card.scan),
    {
      size: 6.5,
      align: "center",
      leading: 1.2,
    },
  );
  return new Framed(
    new Columns([main, new QrBlock(c.url, qrSize, caption)], 3 * MM, [null, qrSize]),
    {
      padding: 2.5 * MM,
      border: 0.75,
    },
  );
}

export function sections(view: PackView): FlowItem[] {
  const { langs } = view;
  const items: FlowItem[] = [];
  for (const section of view.sections) {
    if (!printsSection(section, view)) continue;
    const heading = new Stack([
      new Gap(3.5 * MM),
      new Paragraph(
        [{ text: joined(langs, (l) => printStrings(l).pack.sections[section.key]), bold: true }],
        {
          size: 11.5,
        },
      ),
      new Rule(1, 1 * MM, 2.5 * MM),
    ]);
    items.push({ block: heading, keepWithNext: true });
    if (section.cards.length === 0) {
      items.push({
        block: perLang(
          langs,
          (l) => new Paragraph(printStrings(l).pack.emptyNearby, { size: 9.5 }),
        ),
      });
      continue;
    }
    section.cards.forEach((c, i) => {
      const block = card(c, langs);
      items.push({
        block: i + 1 < section.cards.length ? new Stack([block, new Gap(3 * MM)]) : block,
      });
    });
  }
  if (view.overflowCount > 0) {
    items.push({
      block: new Stack([
        new Gap(3 * MM),
        perLang(
          langs,
          (l) =>
            new Paragraph([{ text: printStrings(l).pack.more(view.overflowCount), bold: true }], {
              size: 9.5,
            }),
        ),
      ]),
    });
  }
  return items;
}

export function footer(view: PackView): Block {
  const { langs } = view;
  const both = langs.length > 1;
  const qrSize = 26 * MM;
  const codes = new Columns(
    langs.map(
      (l) =>
        new QrBlock(
          view.directory[l],
          qrSize,
          both ? new Paragraph(printStrings(l).langNames[l], { size: 7, align: "center" }) : null,
        ),
    ),
    3 * MM,
  );
  const text = perLang(langs, (l) => {
    const f = printStrings(l).pack.footer;
    return new Stack(
      present([
        new Paragraph([{ text: f.scan(view.sector), bold: true }], { size: 9.5 }),
        new Paragraph(f.printed(formatDate(view.printedOn, l)), { size: 8.5 }),
        view.checked &&
          new Paragraph(
            f.checkedRange(formatDate(view.checked.from, l), formatDate(view.checked.to, l)),
            { size: 8.5 },
          ),
        view.hasDemo && new Paragraph(f.demo, { size: 8.5 }),
        !both && new Paragraph(f.privacy(view.sector), { size: 8.5 }),
      ]),
      1 * MM,
    );
  });
  const codesWidth = langs.length * qrSize + (langs.length - 1) * 3 * MM;
  return new Stack([
    new Rule(2, 4 * MM, 3 * MM),
    new Columns([codes, text], 4 * MM, [codesWidth, null]),
  ]);
}
