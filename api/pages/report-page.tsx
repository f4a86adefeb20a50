import type { CrisisRoute, ServiceDetail } from "../../schema/contract.js";
import { REPORT_REASONS } from "../../schema/curation.js";
import type { Lang } from "../../schema/taxonomy.js";
import { printStrings } from "../print/strings.js";
import { Layout } from "./layout.js";
import { CrisisPanel } from "./service-page.js";

/** Matches the public reports endpoint (issue 4): at most this many characters of text. */
export const REPORT_TEXT_MAX = 1000;

/**
 * `/services/:id/report`: tell the curators a listing is wrong. The form posts to the public
 * reports endpoint; /assets/report.js sends it as JSON and says thank you on the page. The
 * endpoint can send a browser posting without scripts back here with `?sent=1`.
 */
export function ReportPage(props: {
  detail: ServiceDetail;
  crisis: readonly CrisisRoute[];
  lang: Lang;
  sent: boolean;
  otherLanguageHref: string;
}) {
  const { detail, lang } = props;
  const t = printStrings(lang).service;
  const id = encodeURIComponent(detail.id);
  const back = `/services/${id}${lang === "cy" ? "?lang=cy" : ""}`;
  return (
    <Layout
      lang={lang}
      title={`${t.reportTitle}: ${detail.name} | ${t.titleSuffix}`}
      styles={["page.css"]}
      scripts={["report.js"]}
      otherLanguageHref={props.otherLanguageHref}
    >
      <main id="main" class="page">
        <h1>{t.reportTitle}</h1>
        <p class="lede">{detail.name}</p>
        <p id="report-status" class="notice" role="status" tabindex={-1} hidden={!props.sent}>
          {props.sent ? t.sent : ""}
        </p>
        {props.sent ? null : (
          <form
            method="post"
            action={`/api/v1/services/${id}/reports`}
            data-report
            data-sent={t.sent}
            data-failed={t.failed}
            data-limited={t.limited}
            data-choose={t.chooseReason}
          >
            <p>{t.reportIntro}</p>
            <fieldset>
              <legend>{t.reasonLegend}</legend>
              {REPORT_REASONS.map((reason) => (
                <div class="choice">
                  <input
                    type="radio"
                    name="reason"
                    value={reason}
                    id={`reason-${reason}`}
                    required
                  />
                  <label for={`reason-${reason}`}>{t.reasons[reason]}</label>
                </div>
              ))}
            </fieldset>
            <div class="field">
              <label for="report-text">{t.detailsLabel}</label>
              <p class="hint" id="report-text-hint">
                {t.detailsHint}
              </p>
              <textarea
                id="report-text"
                name="text"
                rows={5}
                maxlength={REPORT_TEXT_MAX}
                aria-describedby="report-text-hint"
              />
            </div>
            <button type="submit" class="button">
              {t.send}
            </button>
          </form>
        )}
        <p>
          <a href={back}>{t.backTo(detail.name)}</a>
        </p>
        <CrisisPanel routes={props.crisis} lang={lang} />
      </main>
    </Layout>
  );
}
