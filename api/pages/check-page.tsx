import type { ServiceDetail } from "../../schema/contract.js";
import type { Lang } from "../../schema/taxonomy.js";
import { checkStrings } from "./check-strings.js";
import { Layout } from "./layout.js";
import { ServiceBody } from "./service-page.js";

/**
 * `/check/:token`: the page a "still correct" link in a review reminder opens. Opening it changes
 * nothing (mail scanners fetch links); the button posts. `/check/:token/change` is the
 * "something has changed" form for organisations without an editor account.
 */
export type CheckView =
  | { kind: "confirm"; detail: ServiceDetail; organisation: string }
  | { kind: "confirmed"; date: string }
  | { kind: "used"; date: string; serviceId: string }
  | { kind: "expired" }
  | { kind: "unknown" }
  | { kind: "gone" }
  | { kind: "change"; name: string; text: string; error: string | null; max: number }
  | { kind: "change-sent" };

export function CheckPage(props: {
  view: CheckView;
  lang: Lang;
  token: string;
  otherLanguageHref: string;
}) {
  const { view, lang } = props;
  const t = checkStrings(lang);
  const q = lang === "cy" ? "?lang=cy" : "";
  const base = `/check/${encodeURIComponent(props.token)}`;
  const title = {
    confirm: t.title,
    confirmed: t.confirmedTitle,
    used: t.usedTitle,
    expired: t.expiredTitle,
    unknown: t.unknownTitle,
    gone: t.goneTitle,
    change: t.changeTitle,
    "change-sent": t.changeSentTitle,
  }[view.kind];
  const errored = view.kind === "change" && view.error;
  return (
    <Layout
      lang={lang}
      title={`${errored ? `${t.errorTitle}: ` : ""}${title} | Perinatal Signpost`}
      styles={["page.css"]}
      otherLanguageHref={props.otherLanguageHref}
    >
      <main id="main" class="page">
        <h1>{title}</h1>
        {view.kind === "confirm" ? (
          <>
            <p>{t.intro(view.organisation)}</p>
            <form method="post" action={`${base}${q}`} class="check-actions">
              <button type="submit" class="button">
                {t.confirm}
              </button>
              <a class="button button-secondary" href={`${base}/change${q}`}>
                {t.changed}
              </a>
            </form>
            <section class="panel preview" aria-labelledby="preview-title">
              <h2 id="preview-title" class="visually-hidden">
                {t.preview}
              </h2>
              <p class="hint">{t.preview}</p>
              <ServiceBody detail={view.detail} lang={lang} calendar={null} preview />
            </section>
          </>
        ) : null}
        {view.kind === "confirmed" ? (
          <p class="notice" role="status">
            {t.confirmed(view.date)}
          </p>
        ) : null}
        {view.kind === "used" ? (
          <>
            <p>{t.used(view.date)}</p>
            <p>
              <a href={`/services/${encodeURIComponent(view.serviceId)}${q}`}>{t.back}</a>
            </p>
          </>
        ) : null}
        {view.kind === "expired" ? <p>{t.expired}</p> : null}
        {view.kind === "unknown" ? <p>{t.unknown}</p> : null}
        {view.kind === "gone" ? <p>{t.gone}</p> : null}
        {view.kind === "change" ? (
          <>
            <p class="lede">{view.name}</p>
            {view.error ? (
              <div class="error-summary" role="alert" tabindex={-1}>
                <h2>{t.errorTitle}</h2>
                <ul>
                  <li>
                    <a href="#change-text">{view.error}</a>
                  </li>
                </ul>
              </div>
            ) : null}
            <p>{t.changeIntro}</p>
            <form method="post" action={`${base}/change${q}`}>
              <div class={view.error ? "field has-error" : "field"}>
                <label for="change-text">{t.changeLabel}</label>
                <p class="hint" id="change-text-hint">
                  {t.changeHint(view.max)}
                </p>
                {view.error ? (
                  <p class="field-error" id="change-text-error">
                    {view.error}
                  </p>
                ) : null}
                <textarea
                  id="change-text"
                  name="text"
                  rows={6}
                  maxlength={view.max}
                  required
                  aria-describedby={`change-text-hint${view.error ? " change-text-error" : ""}`}
                  aria-invalid={view.error ? "true" : undefined}
                >
                  {view.text}
                </textarea>
              </div>
              <button type="submit" class="button">
                {t.send}
              </button>
            </form>
          </>
        ) : null}
        {view.kind === "change-sent" ? (
          <p class="notice" role="status">
            {t.changeSent}
          </p>
        ) : null}
      </main>
    </Layout>
  );
}
