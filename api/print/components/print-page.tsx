import { LANGS, type Lang } from "../../../schema/taxonomy.js";
import { MOMENTS, type Moment, type PackLang, SECTIONS } from "../../domain/pack.js";
import { Layout } from "../../pages/layout.js";
import { defaultUi, packPageUrl, packPdfUrl } from "../links.js";
import type { PackView } from "../pack-view.js";
import { printStrings } from "../strings.js";
import { LanguageChoice } from "./language-choice.js";
import { PackSheet } from "./pack-sheet.js";

export type PrintFormError = "invalid" | "not-found" | "bad-link";

export interface PrintFormState {
  ui: Lang;
  postcode: string;
  moment: Moment;
  lang: PackLang;
  error?: PrintFormError | undefined;
  /** The note as typed (from a POST only), and its length when it is too long. */
  note?: string | undefined;
  noteError?: number | undefined;
}

function otherUiHref(form: PrintFormState, view: PackView | undefined): string {
  const ui = LANGS.find((l) => l !== form.ui) ?? "en";
  if (view) return packPageUrl({ ...view.address, ui });
  const query = new URLSearchParams({ moment: form.moment, lang: form.lang });
  if (ui !== defaultUi(form.lang)) query.set("ui", ui);
  return `/print?${query}`;
}

function ErrorSummary({ form }: { form: PrintFormState }) {
  const s = printStrings(form.ui).form;
  if (!form.error) return null;
  const message =
    form.error === "invalid"
      ? s.invalidPostcode
      : form.error === "not-found"
        ? s.postcodeNotFound
        : s.badLink;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-title">
      <h2 id="error-title">{s.errorTitle}</h2>
      <p>{form.error === "bad-link" ? message : <a href="#postcode">{message}</a>}</p>
    </div>
  );
}

/** Checkboxes for every listing that could be in the pack; unticking one leaves it out. */
function ListingChoices({ view, ui }: { view: PackView; ui: Lang }) {
  const s = printStrings(ui);
  const offered = view.candidates.filter((c) => c.state !== "overflow");
  const left = view.candidates.filter((c) => c.state === "overflow");
  const label = (c: PackView["candidates"][number]) => (
    <label for={`keep-${c.id}`}>
      {c.name[ui]}
      {c.demo ? <span class="tag tag-example">{s.card.example}</span> : null}
    </label>
  );
  return (
    <fieldset class="listings">
      <legend>{s.form.listings}</legend>
      <p class="hint">{s.form.listingsHint}</p>
      {SECTIONS.map((section) => {
        const inSection = offered.filter((c) => c.section === section);
        if (inSection.length === 0) return null;
        return (
          <>
            <p class="listings-group">{s.pack.sections[section]}</p>
            {inSection.map((c) => (
              <div class="choice">
                <input type="hidden" name="listed" value={c.id} />
                {c.added ? <input type="hidden" name="added" value={c.id} /> : null}
                <input
                  type="checkbox"
                  name="keep"
                  value={c.id}
                  id={`keep-${c.id}`}
                  checked={c.state === "shown"}
                />
                {label(c)}
              </div>
            ))}
          </>
        );
      })}
      {left.length > 0 ? (
        <>
          <p class="listings-group" id="did-not-fit">
            {s.form.didNotFit}
          </p>
          <p class="hint" id="did-not-fit-hint">
            {s.form.didNotFitHint}
          </p>
          {left.map((c) => (
            <div class="choice">
              <input
                type="checkbox"
                name="add"
                value={c.id}
                id={`keep-${c.id}`}
                aria-describedby="did-not-fit-hint"
              />
              {label(c)}
            </div>
          ))}
        </>
      ) : null}
    </fieldset>
  );
}

/**
 * The health visitor's note: posted, not linked, so it never enters an address or a log. The
 * page comes back with the note in the preview; the other button downloads the PDF with it.
 */
function NoteForm({ view, form }: { view: PackView; form: PrintFormState }) {
  const s = printStrings(form.ui).form;
  const a = view.address;
  const tooLong = form.noteError !== undefined;
  return (
    <form method="post" action="/print" class="note-form">
      <input type="hidden" name="postcode" value={a.postcode} />
      <input type="hidden" name="moment" value={a.moment} />
      <input type="hidden" name="lang" value={a.lang} />
      {a.omit.length > 0 ? <input type="hidden" name="omit" value={a.omit.join(",")} /> : null}
      {a.add && a.add.length > 0 ? (
        <input type="hidden" name="add" value={a.add.join(",")} />
      ) : null}
      {form.ui !== defaultUi(form.lang) ? <input type="hidden" name="ui" value={form.ui} /> : null}
      <div class={tooLong ? "field has-error" : "field"}>
        <label for="note">{s.noteLabel}</label>
        <p class="hint" id="note-hint">
          {s.noteHint}
        </p>
        {tooLong ? (
          <p class="field-error" id="note-error">
            {s.noteTooLong(form.noteError!)}
          </p>
        ) : null}
        <textarea
          id="note"
          name="note"
          rows={4}
          aria-describedby={tooLong ? "note-hint note-error" : "note-hint"}
          aria-invalid={tooLong ? "true" : undefined}
        >
          {form.note ?? ""}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit" class="button button-secondary">
          {s.noteAdd}
        </button>
        <button type="submit" class="button button-secondary" formaction="/print/pack.pdf">
          {s.notePdf}
        </button>
      </div>
    </form>
  );
}

/** `/print`: the form, and once a postcode is known the pack itself, ready to print. */
export function PrintPage({ form, view }: { form: PrintFormState; view?: PackView | undefined }) {
  const s = printStrings(form.ui);
  const hasError = form.error === "invalid" || form.error === "not-found";
  const omitted = view?.address.omit.length ?? 0;
  return (
    <Layout
      lang={form.ui}
      title={view ? `${s.form.title}: ${view.placeLabel[form.ui]}` : s.form.title}
      styles={["page.css", "print.css"]}
      scripts={["print.js"]}
      tools
      wide={view !== undefined}
      otherLanguageHref={otherUiHref(form, view)}
    >
      <main id="main" class="print-layout">
        <div class="controls no-print">
          <h1>{s.form.title}</h1>
          <p>{s.form.intro}</p>
          <ErrorSummary form={form} />
          <form method="get" action="/print">
            <div class={hasError ? "field has-error" : "field"}>
              <label for="postcode">{s.form.postcode}</label>
              <p class="hint" id="postcode-hint">
                {s.form.postcodeHint}
              </p>
              {hasError ? (
                <p class="field-error" id="postcode-error">
                  {form.error === "invalid" ? s.form.invalidPostcode : s.form.postcodeNotFound}
                </p>
              ) : null}
              <input
                type="text"
                id="postcode"
                name="postcode"
                value={form.postcode}
                autocomplete="off"
                spellcheck={false}
                autocapitalize="characters"
                aria-describedby={hasError ? "postcode-hint postcode-error" : "postcode-hint"}
                aria-invalid={hasError ? "true" : undefined}
              />
            </div>
            <fieldset>
              <legend>{s.form.moment}</legend>
              {MOMENTS.map((m) => (
                <div class="choice">
                  <input
                    type="radio"
                    name="moment"
                    value={m}
                    id={`moment-${m}`}
                    checked={form.moment === m}
                  />
                  <label for={`moment-${m}`}>{s.moments[m].label}</label>
                </div>
              ))}
            </fieldset>
            <LanguageChoice legend={s.form.language} ui={form.ui} lang={form.lang} />
            {form.ui !== defaultUi(form.lang) ? (
              <input type="hidden" name="ui" value={form.ui} />
            ) : null}
            {view ? <ListingChoices view={view} ui={form.ui} /> : null}
            <button type="submit" class="button">
              {view ? s.form.update : s.form.show}
            </button>
          </form>
          {view ? <NoteForm view={view} form={form} /> : null}
          {view ? (
            <div class="actions">
              <button type="button" class="button" data-print hidden>
                {s.form.print}
              </button>
              <p class="hint" data-print-hint>
                {s.form.printHint}
              </p>
              <a class="button button-secondary" href={packPdfUrl(view.address)} download>
                {s.form.pdf}
              </a>
              {omitted > 0 ? (
                <a href={packPageUrl({ ...view.address, omit: [] })}>{s.form.restore(omitted)}</a>
              ) : null}
            </div>
          ) : (
            <p class="hint">{s.form.start}</p>
          )}
        </div>
        {view ? (
          // Focusable, so that a preview wider than the screen can be scrolled from the keyboard.
          <section class="preview" aria-label={s.form.preview} tabindex={0}>
            <div class="sheet">
              <PackSheet view={view} />
            </div>
          </section>
        ) : null}
      </main>
    </Layout>
  );
}
