import type { Lang } from "../../../schema/taxonomy.js";
import { formatDate } from "../format.js";
import { explainerFirst, linkText, openingParagraphs } from "../pack-text.js";
import { type PackView, printsSection } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { CrisisBox } from "./crisis-box.js";
import { Both, InLangs } from "./in-langs.js";
import { PackCard } from "./pack-card.js";
import { QrCode } from "./qr-code.js";

/** "Talking therapies: in England…" → a bold lead and the rest. */
function splitLead(text: string): [string, string] {
  const colon = text.indexOf(": ");
  return colon > 0 ? [text.slice(0, colon + 1), text.slice(colon + 2)] : ["", text];
}

/** "Nothing local is listed yet" and the nation's next steps, in the opening. */
function NextSteps({ view, lang }: { view: PackView; lang: Lang }) {
  return (
    <>
      <p>{printStrings(lang).pack.nothingLocal(view.placeLabel[lang])}</p>
      <ul class="next-steps">
        {view.nextSteps!.map((step) => (
          <li>
            <b>{step.title[lang]}:</b> {step.text[lang]}
            {step.link ? (
              <>
                {" "}
                <a href={step.link.href}>{linkText(step.link.href)}</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The health visitor's or midwife's note, in her words, under a heading in each language. */
function PackNote({ note, langs }: { note: string; langs: readonly Lang[] }) {
  return (
    <section class="pack-note" aria-labelledby="pack-note-title">
      <h3 id="pack-note-title">
        <Both langs={langs} text={(l) => printStrings(l).pack.note} />
      </h3>
      {note.split("\n").map((line) => (line.trim() ? <p>{line}</p> : null))}
    </section>
  );
}

function PackHead({ view }: { view: PackView }) {
  const { langs } = view;
  const s = (l: Lang) => printStrings(l);
  return (
    <header class="pack-head">
      <div>
        <p class="pack-brand">{s(langs[0]!).brand}</p>
        <h2 class="pack-title" id="pack-title">
          {langs.map((l, i) => (
            <>
              {i > 0 ? <br /> : null}
              <span lang={langs.length > 1 ? l : undefined}>
                {s(l).moments[view.address.moment].title}
              </span>
            </>
          ))}
        </h2>
        <p class="pack-subtitle">
          <Both langs={langs} text={(l) => s(l).pack.subtitle} />
        </p>
      </div>
      <div class="pack-meta">
        {langs.map((l) => (
          <p lang={langs.length > 1 ? l : undefined}>
            <strong>{s(l).pack.forPlace(view.placeLabel[l])}</strong>
            {s(l).pack.printedOn(formatDate(view.printedOn, l))}
          </p>
        ))}
      </div>
    </header>
  );
}

function Explainer({ view }: { view: PackView }) {
  const { langs } = view;
  return (
    <section class="explainer" aria-labelledby="explainer-title">
      <h3 id="explainer-title">
        <Both langs={langs} text={(l) => printStrings(l).pack.explainer.heading} />
      </h3>
      <InLangs
        langs={langs}
        render={(l) => {
          const e = printStrings(l).pack.explainer;
          const items = [
            e.talkingTherapies(view.country),
            e.perinatalTeam,
            e.healthVisitor,
            e.peer,
          ];
          return (
            <ul>
              {items.map((item) => {
                const [lead, rest] = splitLead(item);
                return (
                  <li>
                    {lead ? <b>{lead}</b> : null} {rest}
                  </li>
                );
              })}
            </ul>
          );
        }}
      />
    </section>
  );
}

function PackFoot({ view }: { view: PackView }) {
  const { langs } = view;
  const both = langs.length > 1;
  return (
    <footer class="pack-foot">
      <div class="pack-foot-qrs">
        {langs.map((l) => (
          <QrCode
            url={view.directory[l]}
            for={`directory-${l}`}
            label={printStrings(l).pack.footer.scan(view.sector)}
            caption={both ? <span lang={l}>{printStrings(l).langNames[l]}</span> : undefined}
          />
        ))}
      </div>
      <InLangs
        langs={langs}
        render={(l) => {
          const f = printStrings(l).pack.footer;
          return (
            <>
              <p>
                <strong>{f.scan(view.sector)}</strong>
              </p>
              <p>{f.printed(formatDate(view.printedOn, l))}</p>
              {view.checked ? (
                <p>
                  {f.checkedRange(formatDate(view.checked.from, l), formatDate(view.checked.to, l))}
                </p>
              ) : null}
              {view.hasDemo ? <p>{f.demo}</p> : null}
              {both ? null : <p>{f.privacy(view.sector)}</p>}
            </>
          );
        }}
      />
    </footer>
  );
}

/** The whole pack, as previewed on screen and printed on A4. */
export function PackSheet({ view }: { view: PackView }) {
  const { langs } = view;
  const both = langs.length > 1;
  return (
    <article
      class={both ? "pack pack-both" : "pack"}
      lang={both ? undefined : langs[0]}
      aria-labelledby="pack-title"
    >
      <PackHead view={view} />
      <InLangs
        langs={langs}
        class="opening"
        render={(l) => {
          const s = printStrings(l);
          return (
            <>
              <p>
                <b>{s.moments[view.address.moment].opening}</b>
              </p>
              {openingParagraphs(view, l).map((p) => (
                <p>{p}</p>
              ))}
              {view.nextSteps ? <NextSteps view={view} lang={l} /> : null}
            </>
          );
        }}
      />
      {view.note ? <PackNote note={view.note} langs={langs} /> : null}
      <CrisisBox routes={view.crisis} langs={langs} />
      {explainerFirst(view) ? <Explainer view={view} /> : null}
      {view.sections.map((section) =>
        !printsSection(section, view) ? null : (
          <section class="listing-section" aria-labelledby={`section-${section.key}`}>
            <h3 id={`section-${section.key}`}>
              <Both langs={langs} text={(l) => printStrings(l).pack.sections[section.key]} />
            </h3>
            {section.cards.length === 0 ? (
              <InLangs
                langs={langs}
                render={(l) => <p class="section-empty">{printStrings(l).pack.emptyNearby}</p>}
              />
            ) : (
              <div class="cards">
                {section.cards.map((card) => (
                  <PackCard card={card} langs={langs} />
                ))}
              </div>
            )}
          </section>
        ),
      )}
      {view.overflowCount > 0 ? (
        <InLangs
          langs={langs}
          render={(l) => <p class="more-online">{printStrings(l).pack.more(view.overflowCount)}</p>}
        />
      ) : null}
      {explainerFirst(view) ? null : <Explainer view={view} />}
      <PackFoot view={view} />
    </article>
  );
}
