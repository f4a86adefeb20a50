import type { Lang } from "../../../schema/taxonomy.js";
import { type CardLine, cardLayout } from "../pack-cards.js";
import type { CardView } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { Both } from "./in-langs.js";
import { QrCode } from "./qr-code.js";

const CLASS: Record<CardLine["kind"], string | undefined> = {
  meta: "card-meta",
  text: undefined,
  badges: "card-badges",
  contact: "card-contact",
  checked: "card-checked",
};

function Line({ line }: { line: CardLine }) {
  return (
    <p class={CLASS[line.kind]} lang={line.lang}>
      {line.label ? (
        <>
          <b>{line.label}</b>{" "}
        </>
      ) : null}
      {line.text}
    </p>
  );
}

/**
 * One listing on the pack, across the page: its name, then two columns (what it is and how to
 * get it beside when it meets and how to reach it, or the two languages), and a QR code to its
 * page at the right. The layout comes from `cardLayout`, which the PDF and the estimate share.
 */
export function PackCard(props: { card: CardView; langs: readonly Lang[] }) {
  const { card, langs } = props;
  const id = `card-${card.id}`;
  const layout = cardLayout(card, langs);
  const both = langs.length > 1;
  return (
    <article class="card" id={id} aria-labelledby={`${id}-name`}>
      <div class="card-main">
        {layout.example ? <p class="card-example">{layout.example}</p> : null}
        <h4 id={`${id}-name`}>
          <Both langs={langs} text={card.name} />
        </h4>
        {layout.lead.map((line) => (
          <Line line={line} />
        ))}
        <div class="card-cols">
          {layout.columns.map((column, i) => (
            <div lang={both ? langs[i] : undefined}>
              {column.map((line) => (
                <Line line={line} />
              ))}
            </div>
          ))}
        </div>
        {layout.shared.map((line) => (
          <Line line={line} />
        ))}
      </div>
      <QrCode
        url={card.url}
        for={card.id}
        label={langs.map((l) => `${printStrings(l).card.scan}: ${card.name[l]}`).join(" / ")}
        caption={<Both langs={langs} text={(l) => printStrings(l).card.scan} separator=" " />}
      />
    </article>
  );
}
