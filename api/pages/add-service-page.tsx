import type { SubmissionFields } from "../../schema/mail.js";
import {
  COSTS,
  costLabels,
  FORMATS,
  formatLabels,
  KINDS,
  kindLabels,
  type Lang,
  REFERRALS,
  referralLabels,
  STAGES,
  stageLabels,
} from "../../schema/taxonomy.js";
import { addServiceStrings } from "./add-service-strings.js";
import { ConfirmForm, ErrorSummary, Field, Honeypot, fieldId as id, one } from "./form-field.js";
import { Layout } from "./layout.js";

/**
 * `/add-your-service`: an organisation not yet listed offers a service. The service fields carry
 * the console editor's names (name, summary, contacts.0.value…), so an accepted submission goes
 * through the editor's own checks; everything typed comes back on an error.
 */
export type AddServiceView =
  | { kind: "form"; values: SubmissionFields; errors: Record<string, string>; formToken: string }
  | { kind: "check"; email: string }
  | { kind: "confirm"; name: string; token: string }
  | { kind: "confirmed" }
  | { kind: "link-bad" };

const many = (v: SubmissionFields, k: string) => {
  const x = v[k];
  return Array.isArray(x) ? x : x ? [x] : [];
};

function Choices(p: {
  name: string;
  legend: string;
  codes: readonly string[];
  labels: Record<string, { en: string; cy: string }>;
  values: SubmissionFields;
  errors: Record<string, string>;
  lang: Lang;
}) {
  const chosen = many(p.values, p.name);
  const error = p.errors[p.name];
  return (
    <fieldset
      id={id(p.name)}
      class={error ? "has-error" : undefined}
      aria-describedby={error ? `${id(p.name)}-error` : undefined}
    >
      <legend>{p.legend}</legend>
      {error ? (
        <p class="field-error" id={`${id(p.name)}-error`}>
          {error}
        </p>
      ) : null}
      {p.codes.map((code) => (
        <div class="choice">
          <input
            type="checkbox"
            name={p.name}
            value={code}
            id={id(`${p.name}-${code}`)}
            checked={chosen.includes(code)}
          />
          <label for={id(`${p.name}-${code}`)}>{p.labels[code]?.[p.lang]}</label>
        </div>
      ))}
    </fieldset>
  );
}

function Pick(p: {
  name: string;
  label: string;
  codes: readonly string[];
  labels: Record<string, { en: string; cy: string }>;
  values: SubmissionFields;
  errors: Record<string, string>;
  blank?: string;
  lang: Lang;
}) {
  const error = p.errors[p.name];
  const value = one(p.values, p.name);
  return (
    <div class={error ? "field has-error" : "field"}>
      <label for={id(p.name)}>{p.label}</label>
      {error ? (
        <p class="field-error" id={`${id(p.name)}-error`}>
          {error}
        </p>
      ) : null}
      <select
        id={id(p.name)}
        name={p.name}
        aria-describedby={error ? `${id(p.name)}-error` : undefined}
        aria-invalid={error ? "true" : undefined}
      >
        {p.blank ? <option value="">{p.blank}</option> : null}
        {p.codes.map((code) => (
          <option value={code} selected={code === value}>
            {p.labels[code]?.[p.lang]}
          </option>
        ))}
      </select>
    </div>
  );
}

export function AddServicePage(props: {
  view: AddServiceView;
  lang: Lang;
  otherLanguageHref: string;
}) {
  const { view, lang } = props;
  const t = addServiceStrings(lang);
  const q = lang === "cy" ? "?lang=cy" : "";
  const title = {
    form: t.title,
    check: t.checkTitle,
    confirm: t.confirmTitle,
    confirmed: t.confirmedTitle,
    "link-bad": t.title,
  }[view.kind];
  const errors = view.kind === "form" ? view.errors : {};
  const errorList = Object.entries(errors);
  return (
    <Layout
      lang={lang}
      title={`${errorList.length ? `${t.errorTitle}: ` : ""}${title} | Perinatal Signpost`}
      styles={["page.css"]}
      otherLanguageHref={props.otherLanguageHref}
    >
      <main id="main" class="page">
        <h1>{title}</h1>
        {view.kind === "form" ? (
          <>
            <ErrorSummary title={t.errorTitle} errors={errors} formField="org.name" />
            <p>{t.intro}</p>
            <FormBody view={view} lang={lang} q={q} />
          </>
        ) : null}
        {view.kind === "check" ? (
          <p class="notice" role="status">
            {t.check(view.email)}
          </p>
        ) : null}
        {view.kind === "confirm" ? (
          <ConfirmForm
            intro={t.confirmIntro(view.name)}
            action={`/add-your-service/confirm/${encodeURIComponent(view.token)}${q}`}
            label={t.confirm}
          />
        ) : null}
        {view.kind === "confirmed" ? (
          <p class="notice" role="status">
            {t.confirmed}
          </p>
        ) : null}
        {view.kind === "link-bad" ? (
          <p>
            {t.linkBad} <a href={`/add-your-service${q}`}>{t.title}</a>
          </p>
        ) : null}
      </main>
    </Layout>
  );
}

function FormBody(props: {
  view: Extract<AddServiceView, { kind: "form" }>;
  lang: Lang;
  q: string;
}) {
  const { view, lang } = props;
  const t = addServiceStrings(lang);
  const f = { values: view.values, errors: view.errors, lang };
  return (
    <form method="post" action={`/add-your-service${props.q}`} novalidate>
      <input type="hidden" name="_form" value={view.formToken} />
      <input type="hidden" name="languages" value={one(view.values, "languages") || "en"} />
      <input type="hidden" name="contacts.0.kind" value="phone" />
      <input type="hidden" name="contacts.1.kind" value="email" />
      <input type="hidden" name="contacts.2.kind" value="web" />
      <input type="hidden" name="locations.0.id" value={one(view.values, "locations.0.id")} />
      <Honeypot label={t.trap} />
      <fieldset class="form-section">
        <legend>{t.orgLegend}</legend>
        <Field name="org.name" label={t.orgName} required autocomplete="organization" {...f} />
        <Field name="org.website" label={t.orgWebsite} hint={t.orgWebsiteHint} type="url" {...f} />
        <Field name="org.email" label={t.orgEmail} hint={t.orgEmailHint} type="email" {...f} />
        <Field name="org.phone" label={t.orgPhone} type="tel" {...f} />
      </fieldset>
      <fieldset class="form-section">
        <legend>{t.serviceLegend}</legend>
        <Field name="name" label={t.name} required {...f} />
        <Pick
          name="kind"
          label={t.kind}
          codes={KINDS}
          labels={kindLabels}
          blank={t.chooseKind}
          {...f}
        />
        <Field name="summary" label={t.summary} hint={t.summaryHint} rows={3} required {...f} />
        <Field name="description" label={t.description} rows={5} {...f} />
        <Choices name="stages" legend={t.stages} codes={STAGES} labels={stageLabels} {...f} />
        <Choices name="formats" legend={t.formats} codes={FORMATS} labels={formatLabels} {...f} />
        <Choices
          name="referral"
          legend={t.referral}
          codes={REFERRALS}
          labels={referralLabels}
          {...f}
        />
        <Field name="howToAccess" label={t.howToAccess} rows={3} {...f} />
        <Pick name="cost" label={t.cost} codes={COSTS} labels={costLabels} {...f} />
      </fieldset>
      <fieldset class="form-section">
        <legend>{t.contactLegend}</legend>
        <Field name="contacts.0.value" label={t.phone} type="tel" {...f} />
        <Field name="contacts.1.value" label={t.email} type="email" {...f} />
        <Field name="contacts.2.value" label={t.web} type="url" {...f} />
      </fieldset>
      <fieldset class="form-section">
        <legend>{t.venueLegend}</legend>
        <Field name="locations.0.name" label={t.venueName} {...f} />
        <Field
          name="locations.0.address"
          label={t.venueAddress}
          autocomplete="street-address"
          {...f}
        />
        <Field
          name="locations.0.postcode"
          label={t.venuePostcode}
          autocomplete="postal-code"
          {...f}
        />
      </fieldset>
      <fieldset class="form-section">
        <legend>{t.youLegend}</legend>
        <p class="hint">{t.youHint}</p>
        <Field name="you.name" label={t.youName} required autocomplete="name" {...f} />
        <Field
          name="you.email"
          label={t.youEmail}
          type="email"
          required
          autocomplete="email"
          {...f}
        />
      </fieldset>
      <button type="submit" class="button">
        {t.send}
      </button>
    </form>
  );
}
