import { LANGS, type Lang } from "../../../schema/taxonomy.js";
import type { PackLang } from "../../domain/pack.js";
import { Layout } from "../../pages/layout.js";
import { formatDate } from "../format.js";
import { defaultUi } from "../links.js";
import { contactLine } from "../pack-cards.js";
import { numberNote, numberOf } from "../pack-text.js";
import { type PosterView, posterPdfUrl, posterUrl } from "../poster.js";
import { POSTER_SIZES, type PosterSize } from "../query.js";
import { printStrings } from "../strings.js";
import { Both } from "./in-langs.js";
import { LanguageChoice } from "./language-choice.js";
import { QrCode } from "./qr-code.js";

export interface PosterFormState {
  ui: Lang;
  area: string;
  size: PosterSize;
  lang: PackLang;
  error?: "not-found" | "bad-link" | { ambiguous: string[] } | undefined;
}

/** Where nothing local is listed: saying so, the nation's next steps, national lines. */
function NothingLocal({ poster }: { poster: PosterView }) {
  const { langs, nothingLocal } = poster;
  if (!nothingLocal) return null;
  const s = (l: Lang) => printStrings(l).poster;
  const both = langs.length > 1;
  return (
    <>
      <p class="poster-none">
        {langs.map((l) => (
          <span lang={both ? l : undefined}>
            <strong>{s(l).nothingLocal(poster.areaName[l])}</strong>{" "}
            {s(l).tellUs(nothingLocal.tellUs[l])}{" "}
          </span>
        ))}
      </p>
      <div class="poster-now">
        <section aria-labelledby="poster-steps-title">
          <h3 id="poster-steps-title">
            <Both langs={langs} text={(l) => s(l).steps} />
          </h3>
          <ul>
            {nothingLocal.steps.map((step) => (
              <li>
                <strong>
                  <Both langs={langs} text={step.title} />
                </strong>
                {both ? null : <span class="poster-step-text">{step.text[langs[0]!]}</span>}
              </li>
            ))}
          </ul>
        </section>
        {nothingLocal.national.length > 0 ? (
          <section aria-labelledby="poster-national-title">
            <h3 id="poster-national-title">
              <Both langs={langs} text={(l) => s(l).national} />
            </h3>
            <ul>
              {/* Side by side, two: each line is printed in both languages. */}
              {nothingLocal.national.slice(0, both ? 2 : undefined).map((listing) => (
                <li>
                  <strong>
                    <Both langs={langs} text={listing.name} />
                  </strong>
                  {listing.contact ? (
                    <span class="poster-step-text">{contactLine(listing.contact, langs)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}

/** The poster itself: a headline, one large code (two when bilingual), crisis routes, date. */
export function Poster({ poster }: { poster: PosterView }) {
  const { langs } = poster;
  const s = (l: Lang) => printStrings(l).poster;
  const both = langs.length > 1;
  const none = poster.nothingLocal !== null;
  return (
    <article
      class={`poster poster-${poster.size}${both ? " poster-both" : ""}${none ? " poster-national" : ""}`}
      lang={both ? undefined : langs[0]}
      aria-labelledby="poster-headline"
    >
      <p class="poster-brand">{printStrings(langs[0]!).brand}</p>
      <h2 class="poster-headline" id="poster-headline">
        {langs.map((l) => (
          <span lang={both ? l : undefined}>{s(l).headline} </span>
        ))}
      </h2>
      <p class="poster-lead">
        {langs.map((l) => (
          <span lang={both ? l : undefined}>{none ? s(l).leadNothingLocal : s(l).lead} </span>
        ))}
      </p>
      <NothingLocal poster={poster} />
      <div class="poster-scan">
        {langs.map((l) => (
          <QrCode
            url={poster.directory[l]}
            for={`poster-${l}`}
            label={none ? s(l).scanNational : s(l).scan}
            caption={
              <span lang={both ? l : undefined}>
                <strong>{none ? s(l).scanNational : s(l).scan}</strong>
                {poster.prefilled ? null : <>{s(l).scanThen} </>}
                <span class="poster-url">
                  {s(l).orVisit} {poster.shortUrl}
                </span>
              </span>
            }
          />
        ))}
      </div>
      <p class="poster-talk">
        {langs.map((l) => (
          <span lang={both ? l : undefined}>{s(l).talk} </span>
        ))}
      </p>
      <section class="poster-crisis" aria-labelledby="poster-crisis-title">
        <h3 id="poster-crisis-title">
          <Both langs={langs} text={(l) => s(l).crisis} />
        </h3>
        <ul>
          {poster.crisis.map((route) => (
            <li>
              <strong class="route-number">
                {numberOf(route, langs[0]!)}
                {numberNote(route, langs[0]!) ? (
                  <>
                    {" "}
                    (<Both langs={langs} text={(l) => numberNote(route, l)} />)
                  </>
                ) : null}
              </strong>
              <span class="route-name">
                <Both langs={langs} text={route.name} />
              </span>
            </li>
          ))}
        </ul>
      </section>
      <p class="poster-foot">
        <span>
          <Both langs={langs} text={(l) => s(l).forArea(poster.areaName[l])} />
        </span>
        <span>
          <Both langs={langs} text={(l) => s(l).printed(formatDate(poster.printedOn, l))} />
        </span>
      </p>
    </article>
  );
}

function errorText(form: PosterFormState): string | null {
  const s = printStrings(form.ui);
  if (!form.error) return null;
  if (form.error === "not-found") return s.poster.notFound;
  if (form.error === "bad-link") return s.form.badLink;
  return s.poster.ambiguous(form.error.ambiguous.join(", "));
}

/** `/print/poster`: choose an area, size and language; see the poster; print it. */
export function PosterPage(props: { form: PosterFormState; poster?: PosterView | undefined }) {
  const { form, poster } = props;
  const s = printStrings(form.ui);
  const error = errorText(form);
  const fieldError = error && form.error !== "bad-link";
  const otherUi = LANGS.find((l) => l !== form.ui) ?? "en";
  const other =
    form.area && poster
      ? posterUrl({ area: form.area, size: form.size, lang: form.lang, ui: otherUi })
      : `/print/poster?${new URLSearchParams({ lang: form.lang, ...(otherUi !== defaultUi(form.lang) ? { ui: otherUi } : {}) })}`;
  return (
    <Layout
      lang={form.ui}
      title={poster ? `${s.poster.title}: ${poster.areaName[form.ui]}` : s.poster.title}
      styles={["page.css", "print.css"]}
      scripts={["print.js"]}
      tools
      wide={poster !== undefined}
      otherLanguageHref={other}
    >
      <main id="main" class="print-layout">
        <div class="controls no-print">
          <h1>{s.poster.title}</h1>
          <p>{s.poster.intro}</p>
          {error ? (
            <div class="error-summary" role="alert" aria-labelledby="error-title">
              <h2 id="error-title">{s.form.errorTitle}</h2>
              <p>{fieldError ? <a href="#area">{error}</a> : error}</p>
            </div>
          ) : null}
          <form method="get" action="/print/poster">
            <div class={fieldError ? "field has-error" : "field"}>
              <label for="area">{s.poster.area}</label>
              <p class="hint" id="area-hint">
                {s.poster.areaHint}
              </p>
              {fieldError ? (
                <p class="field-error" id="area-error">
                  {error}
                </p>
              ) : null}
              <input
                type="text"
                id="area"
                name="area"
                value={form.area}
                autocomplete="off"
                aria-describedby={fieldError ? "area-hint area-error" : "area-hint"}
                aria-invalid={fieldError ? "true" : undefined}
              />
            </div>
            <fieldset>
              <legend>{s.poster.size}</legend>
              {POSTER_SIZES.map((size) => (
                <div class="choice">
                  <input
                    type="radio"
                    name="size"
                    value={size}
                    id={`size-${size}`}
                    checked={form.size === size}
                  />
                  <label for={`size-${size}`}>{size.toUpperCase()}</label>
                </div>
              ))}
            </fieldset>
            <LanguageChoice legend={s.poster.language} ui={form.ui} lang={form.lang} />
            {form.ui !== defaultUi(form.lang) ? (
              <input type="hidden" name="ui" value={form.ui} />
            ) : null}
            <button type="submit" class="button">
              {s.poster.show}
            </button>
          </form>
          {poster ? (
            <div class="actions">
              <button type="button" class="button" data-print hidden>
                {s.poster.print}
              </button>
              <p class="hint" data-print-hint>
                {s.form.printHint}
              </p>
              <a
                class="button button-secondary"
                href={posterPdfUrl({ area: form.area, size: form.size, lang: form.lang })}
                download
              >
                {s.poster.pdf}
              </a>
            </div>
          ) : null}
        </div>
        {poster ? (
          // Focusable, so that a preview wider than the screen can be scrolled from the keyboard.
          <section class="poster-preview" aria-label={s.poster.title} tabindex={0}>
            <Poster poster={poster} />
          </section>
        ) : null}
      </main>
    </Layout>
  );
}
