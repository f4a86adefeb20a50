/** The fixed parts of the pack's PDF, before the listings: head, opening, crisis box, explainer. */
import type { Lang } from "../../../schema/taxonomy.js";
import { formatDate } from "../format.js";
import {
  linkText,
  numberOf,
  openingParagraphs,
  routeDetail,
  routeName,
  underNumber,
} from "../pack-text.js";
import type { CrisisView, PackView } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { type Block, Bullet, Columns, Framed, Gap, MM, Paragraph, Rule, Stack } from "./blocks.js";
import { joined, pairs, perLang, present, TEAL } from "./compose.js";

export function header(view: PackView): Block {
  const { langs } = view;
  const s = (l: Lang) => printStrings(l);
  const both = langs.length > 1;
  const left = new Stack([
    new Paragraph([{ text: s(langs[0]!).brand.toUpperCase(), bold: true }], {
      size: 7.5,
      gapAfter: 1 * MM,
    }),
    ...langs.map(
      (l) =>
        new Paragraph([{ text: s(l).moments[view.address.moment].title, bold: true }], {
          size: both ? 14 : 17,
          leading: 1.15,
        }),
    ),
    new Paragraph([{ text: joined(langs, (l) => s(l).pack.subtitle), bold: true }], {
      size: 10.5,
      color: TEAL,
    }),
  ]);
  const right = new Stack(
    langs.map(
      (l) =>
        new Stack([
          new Paragraph([{ text: s(l).pack.forPlace(view.placeLabel[l]), bold: true }], {
            size: 10,
            align: "right",
          }),
          new Paragraph(s(l).pack.printedOn(formatDate(view.printedOn, l)), {
            size: 8.5,
            align: "right",
          }),
        ]),
    ),
    1 * MM,
  );
  return new Stack([
    new Columns([left, right], 6 * MM, [null, 62 * MM]),
    new Rule(2, 2.5 * MM, 3 * MM),
  ]);
}

export function opening(view: PackView): Block {
  const { langs } = view;
  const size = langs.length > 1 ? 9 : 10;
  return new Stack([
    perLang(langs, (l) => {
      const s = printStrings(l);
      return new Stack(
        [
          new Paragraph([{ text: s.moments[view.address.moment].opening, bold: true }], { size }),
          ...openingParagraphs(view, l).map((p) => new Paragraph(p, { size })),
          ...(view.nextSteps ? nextSteps(view, l, size) : []),
        ],
        1.5 * MM,
      );
    }),
    new Gap(3 * MM),
  ]);
}

function nextSteps(view: PackView, lang: Lang, size: number): Block[] {
  return [
    new Paragraph(printStrings(lang).pack.nothingLocal(view.placeLabel[lang]), { size }),
    new Stack(
      view.nextSteps!.map(
        (step) =>
          new Bullet(
            new Paragraph(
              [
                { text: `${step.title[lang]}:`, bold: true },
                { text: ` ${step.text[lang]}` },
                ...(step.link ? [{ text: ` ${linkText(step.link.href)}` }] : []),
              ],
              { size, link: step.link?.href ?? null },
            ),
            3.5 * MM,
            2.6 * MM,
          ),
      ),
      1 * MM,
    ),
  ];
}

/** The health visitor's or midwife's note, framed, under a heading in each language. */
export function note(view: PackView): Block | null {
  if (!view.note) return null;
  const { langs } = view;
  return new Stack([
    new Framed(
      new Stack(
        [
          new Paragraph([{ text: joined(langs, (l) => printStrings(l).pack.note), bold: true }], {
            size: 10.5,
          }),
          ...view.note
            .split("\n")
            .filter((line) => line.trim())
            .map((line) => new Paragraph(line, { size: 10 })),
        ],
        1 * MM,
      ),
      { padding: 2.5 * MM, border: 1 },
    ),
    new Gap(3 * MM),
  ]);
}

function crisisRoute(route: CrisisView, langs: readonly Lang[]): Block {
  const brief = langs.length > 1;
  const note = underNumber(route, langs[0]!, brief);
  const text = (l: Lang) =>
    new Stack(
      present([
        routeName(route, l, langs)
          ? new Paragraph([{ text: routeName(route, l, langs), bold: true }], {
              size: brief ? 9 : 9.5,
            })
          : null,
        routeDetail(route, l, brief)
          ? new Paragraph(routeDetail(route, l, brief), { size: brief ? 8 : 8.5 })
          : null,
      ]),
    );
  return new Columns(
    [
      new Stack(
        present([
          new Paragraph([{ text: numberOf(route, langs[0]!), bold: true }], {
            size: 13,
            leading: 1.15,
          }),
          note
            ? new Paragraph(
                joined(langs, (l) => underNumber(route, l, brief)),
                { size: 7.5 },
              )
            : null,
        ]),
      ),
      new Stack(langs.map(text)),
    ],
    3 * MM,
    [(brief ? 22 : 27) * MM, null],
  );
}

export function crisisBox(view: PackView): Block {
  const { langs } = view;
  const s = (l: Lang) => printStrings(l).pack.crisis;
  const inner = new Stack([
    new Paragraph([{ text: joined(langs, (l) => s(l).heading), bold: true }], {
      size: 13,
      gapAfter: 0.5 * MM,
    }),
    perLang(langs, (l) => new Paragraph(s(l).lead, { size: 9.5 })),
    new Gap(2.5 * MM),
    ...pairs(
      view.crisis.map((r) => crisisRoute(r, langs)),
      6 * MM,
      (langs.length > 1 ? 2 : 2.5) * MM,
    ),
  ]);
  return new Stack([new Framed(inner, { padding: 3.5 * MM, border: 2.5 }), new Gap(3 * MM)]);
}

export function explainer(view: PackView): Block {
  const { langs } = view;
  const bullets = (l: Lang) => {
    const e = printStrings(l).pack.explainer;
    return [e.talkingTherapies(view.country), e.perinatalTeam, e.healthVisitor, e.peer].map(
      (item) => {
        const colon = item.indexOf(": ");
        const runs =
          colon > 0
            ? [
                { text: item.slice(0, colon + 1), bold: true },
                { text: ` ${item.slice(colon + 2)}` },
              ]
            : [{ text: item }];
        return new Bullet(
          new Paragraph(runs, { size: langs.length > 1 ? 8 : 9 }),
          3.5 * MM,
          2.4 * MM,
        );
      },
    );
  };
  const body =
    langs.length === 1
      ? new Stack(pairs(bullets(langs[0]!), 6 * MM, 1.5 * MM))
      : perLang(langs, (l) => new Stack(bullets(l), 1.5 * MM));
  return new Stack([
    new Paragraph(
      [{ text: joined(langs, (l) => printStrings(l).pack.explainer.heading), bold: true }],
      {
        size: 11.5,
        gapAfter: 1.5 * MM,
      },
    ),
    body,
  ]);
}
