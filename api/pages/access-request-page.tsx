import type { Lang } from "../../schema/taxonomy.js";
import { printStrings } from "../print/strings.js";
import { accessRequestStrings } from "./access-request-strings.js";
import { ConfirmForm, ErrorSummary, Field, type FormValues, Honeypot } from "./form-field.js";
import { Layout } from "./layout.js";

/**
 * "Is this your service? Ask to update it" (`/services/:id/ask-to-update`): someone who works
 * for a listed organisation asks for an editor account (api/admin/access-requests.ts), and the
 * pages of the link that confirms their address. Everything typed comes back on an error.
 */
export type AccessRequestView =
  | {
      kind: "form";
      service: { id: string; name: string; organisationName: string };
      values: FormValues;
      errors: Record<string, string>;
      formToken: string;
    }
  | { kind: "check"; email: string; serviceId: string }
  | { kind: "confirm"; organisationName: string; token: string }
  | { kind: "confirmed" }
  | { kind: "link-bad" };

export function AccessRequestPage(props: {
  view: AccessRequestView;
  lang: Lang;
  otherLanguageHref: string;
}) {
  const { view, lang } = props;
  const t = accessRequestStrings(lang);
  const q = lang === "cy" ? "?lang=cy" : "";
  const title = {
    form: t.title,
    check: t.checkTitle,
    confirm: t.confirmTitle,
    confirmed: t.confirmedTitle,
    "link-bad": t.linkBadTitle,
  }[view.kind];
  const failed = view.kind === "form" && Object.keys(view.errors).length > 0;
  const serviceHref = (id: string) => `/services/${encodeURIComponent(id)}${q}`;
  return (
    <Layout
      lang={lang}
      title={`${failed ? `${t.errorTitle}: ` : ""}${title} | Perinatal Signpost`}
      styles={["page.css"]}
      otherLanguageHref={props.otherLanguageHref}
    >
      <main id="main" class="page">
        <h1>{title}</h1>
        {view.kind === "form" ? (
          <>
            <ErrorSummary title={t.errorTitle} errors={view.errors} formField="you.name" />
            <p>{t.intro(view.service.name, view.service.organisationName)}</p>
            <RequestForm view={view} lang={lang} q={q} />
            <p class="report-link">
              <a href={serviceHref(view.service.id)}>{t.back}</a>
            </p>
          </>
        ) : null}
        {view.kind === "check" ? (
          <>
            <p class="notice" role="status">
              {t.check(view.email)}
            </p>
            <p class="report-link">
              <a href={serviceHref(view.serviceId)}>{t.back}</a>
            </p>
          </>
        ) : null}
        {view.kind === "confirm" ? (
          <ConfirmForm
            intro={t.confirmIntro(view.organisationName)}
            action={`/ask-to-update/confirm/${encodeURIComponent(view.token)}${q}`}
            label={t.confirm}
          />
        ) : null}
        {view.kind === "confirmed" ? (
          <p class="notice" role="status">
            {t.confirmed}
          </p>
        ) : null}
        {view.kind === "link-bad" ? (
          <>
            <p>{t.linkBad}</p>
            <p>
              <a class="button" href={`/embed?lang=${lang}`}>
                {printStrings(lang).page.findSupport}
              </a>
            </p>
          </>
        ) : null}
      </main>
    </Layout>
  );
}

function RequestForm(props: {
  view: Extract<AccessRequestView, { kind: "form" }>;
  lang: Lang;
  q: string;
}) {
  const { view, lang } = props;
  const t = accessRequestStrings(lang);
  const f = { values: view.values, errors: view.errors, lang };
  return (
    <form
      method="post"
      action={`/services/${encodeURIComponent(view.service.id)}/ask-to-update${props.q}`}
      novalidate
    >
      <input type="hidden" name="_form" value={view.formToken} />
      <Honeypot label={t.trap} />
      <fieldset class="form-section">
        <legend>{t.youLegend}</legend>
        <p class="hint">{t.youHint}</p>
        <Field name="you.name" label={t.name} required autocomplete="name" {...f} />
        <Field
          name="you.email"
          label={t.email}
          hint={t.emailHint}
          type="email"
          required
          autocomplete="email"
          {...f}
        />
        <Field
          name="you.role"
          label={t.role}
          hint={t.roleHint}
          required
          autocomplete="organization-title"
          {...f}
        />
      </fieldset>
      <button type="submit" class="button">
        {t.send}
      </button>
    </form>
  );
}
