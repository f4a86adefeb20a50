import type { CrisisRoute, ServiceDetail } from "../../schema/contract.js";
import {
  audienceLabels,
  costLabels,
  formatLabels,
  kindLabels,
  type Lang,
  referralLabels,
  stageLabels,
} from "../../schema/taxonomy.js";
import { formatContact, formatDate, formatSchedule, formatSession } from "../print/format.js";
import { printStrings } from "../print/strings.js";
import { accessRequestStrings } from "./access-request-strings.js";
import { Layout } from "./layout.js";

/**
 * `/services/:id`: one listing for a parent who scanned its QR code or followed a link. Mobile
 * first: what it is and how to contact it come first, then when, where, who for, and the
 * crisis routes. Listing text is data, rendered through JSX escaping only.
 */

function label<T extends string>(
  labels: Record<T, { en: string; cy: string }>,
  code: string,
  lang: Lang,
) {
  return (labels as Record<string, { en: string; cy: string }>)[code]?.[lang] ?? code;
}

function languageName(code: string, lang: Lang): string {
  try {
    return (
      new Intl.DisplayNames([lang === "cy" ? "cy" : "en-GB"], { type: "language" }).of(code) ?? code
    );
  } catch {
    return code;
  }
}

function osmLink(latitude: number, longitude: number): string {
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
}

export function CrisisPanel(props: { routes: readonly CrisisRoute[]; lang: Lang }) {
  const s = printStrings(props.lang).service;
  return (
    <section class="crisis-panel" id="crisis" aria-labelledby="crisis-title">
      <h2 id="crisis-title">{s.crisis}</h2>
      <ul class="crisis-list">
        {props.routes.map((route) => (
          <li>
            <p class="route-name">{route.name}</p>
            <p>{route.description}</p>
            <ul class="contact-list">
              {route.contacts.map((c) => (
                <li>
                  <a href={c.href}>{formatContact(c, props.lang)}</a>
                  {c.hours ? <span class="contact-note">{c.hours}</span> : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Contacts({ detail, lang }: { detail: ServiceDetail; lang: Lang }) {
  const s = printStrings(lang);
  return (
    <ul class="contact-list">
      {detail.contacts.map((c) => {
        const text = formatContact(c, lang);
        const notes = [c.label, c.hours, c.needsVerification ? s.card.unconfirmed : null].filter(
          Boolean,
        );
        return (
          <li>
            {c.href ? <a href={c.href}>{text}</a> : <span>{text}</span>}
            {notes.length > 0 ? <span class="contact-note">{notes.join(" · ")}</span> : null}
          </li>
        );
      })}
    </ul>
  );
}

function badgesOf(detail: ServiceDetail, lang: Lang): { text: string; strong?: boolean }[] {
  const b = printStrings(lang).card.badges;
  return [
    detail.selfReferral ? { text: b.selfReferral, strong: true } : null,
    detail.cost === "free" ? { text: b.free } : null,
    detail.peerLed ? { text: b.peerLed } : null,
    detail.childrenWelcome ? { text: b.children } : null,
  ].filter((x): x is { text: string; strong?: boolean } => x !== null);
}

/** The listing as parents see it: on its public page, and on the "still correct" page. */
export function ServiceBody(props: {
  detail: ServiceDetail;
  lang: Lang;
  calendar: { file: string; subscribe: string } | null;
  /** Inside another page (the "still correct" page): the name is a second-level heading. */
  preview?: boolean;
}) {
  const { detail, lang } = props;
  const Name = props.preview ? "h2" : "h1";
  const s = printStrings(lang);
  const t = s.service;
  const facts: [string, string][] = [
    [t.stages, detail.stages.map((x) => label(stageLabels, x, lang)).join(", ")],
    [t.audiences, detail.audiences.map((x) => label(audienceLabels, x, lang)).join(", ")],
    [t.formats, detail.formats.map((x) => label(formatLabels, x, lang)).join(", ")],
    [t.languages, detail.languages.map((x) => languageName(x, lang)).join(", ")],
    [t.cost, [label(costLabels, detail.cost, lang), detail.costNote].filter(Boolean).join(". ")],
  ];
  const extras = [
    detail.moderated ? t.moderated : null,
    detail.facilitatorTrained ? t.trained : null,
  ];
  return (
    <>
      <div class="service-head">
        {detail.demo ? <p class="tag tag-example">{s.card.example}</p> : null}
        <Name>{detail.name}</Name>
        <p class="lede">
          {label(kindLabels, detail.kind, lang)} · {t.organisation} {detail.organisation}
        </p>
      </div>
      {detail.demo ? <p class="notice notice-example">{t.example}</p> : null}
      <ul class="badges">
        {badgesOf(detail, lang).map((b) => (
          <li class={b.strong ? "badge-strong" : undefined}>{b.text}</li>
        ))}
      </ul>
      <p>{detail.summary}</p>

      {detail.contacts.length > 0 ? (
        <section class="panel" aria-labelledby="contact-title">
          <h2 id="contact-title">{t.contact}</h2>
          <Contacts detail={detail} lang={lang} />
        </section>
      ) : null}

      <section aria-labelledby="how-title">
        <h2 id="how-title">{t.howTo}</h2>
        {detail.howToAccess ? <p>{detail.howToAccess}</p> : null}
        <ul>
          {detail.referral.map((r) => (
            <li>{label(referralLabels, r, lang)}</li>
          ))}
        </ul>
      </section>

      {detail.description ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t.about}</h2>
          <p>{detail.description}</p>
          {extras.some(Boolean) ? <p>{extras.filter(Boolean).join(". ")}.</p> : null}
        </section>
      ) : null}

      {detail.schedules.length > 0 ? (
        <section aria-labelledby="when-title">
          <h2 id="when-title">{t.when}</h2>
          <p>
            <strong>{t.next}:</strong>{" "}
            {detail.nextSession ? formatSession(detail.nextSession, lang) : t.noSessions}
          </p>
          <ul class="schedule-list">
            {detail.schedules.map((x) => (
              <li>
                {formatSchedule(x, lang)}
                {x.locationName ? `, ${x.locationName}` : ""}
                {x.note ? `. ${x.note}` : ""}
              </li>
            ))}
          </ul>
          {props.calendar ? (
            <ul class="calendar-links">
              <li>
                <a href={props.calendar.file}>{t.addToCalendar}</a>
              </li>
              <li>
                <a href={props.calendar.subscribe}>{t.subscribe}</a>
              </li>
            </ul>
          ) : null}
        </section>
      ) : null}

      {detail.locations.length > 0 ? (
        <section aria-labelledby="where-title">
          <h2 id="where-title">{t.places}</h2>
          <ul class="location-list">
            {detail.locations.map((l) => (
              <li>
                <strong>{l.name}</strong>
                <br />
                {l.address}, {l.postcode}
                {l.accessibility ? (
                  <>
                    <br />
                    {t.access} {l.accessibility}
                  </>
                ) : null}
                <br />
                <a href={osmLink(l.latitude, l.longitude)}>
                  {t.directions}
                  <span class="visually-hidden">: {l.name}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="who-title">
        <h2 id="who-title">{t.whoFor}</h2>
        <dl class="facts">
          {facts
            .filter(([, value]) => value)
            .map(([term, value]) => (
              <>
                <dt>{term}</dt>
                <dd>{value}</dd>
              </>
            ))}
        </dl>
      </section>

      {detail.areas.length > 0 ? (
        <section aria-labelledby="area-title">
          <h2 id="area-title">{t.area}</h2>
          <ul class="area-list">
            {detail.areas.map((a) => (
              <li>{a.name}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {detail.organisationWebsite ? (
        <p>
          <a href={detail.organisationWebsite}>
            {t.website}: {detail.organisation}
          </a>
        </p>
      ) : null}

      <p class="checked">
        {detail.verifiedAt ? t.checked(formatDate(detail.verifiedAt, lang)) : t.notChecked}
      </p>
      {detail.reviewOverdue ? <p class="notice notice-warning">{t.overdue}</p> : null}
    </>
  );
}

export function ServicePage(props: {
  detail: ServiceDetail;
  lang: Lang;
  crisis: readonly CrisisRoute[];
  /** The sessions as an .ics file, and the same as a `webcal:` subscription. */
  calendar?: { file: string; subscribe: string } | null;
  otherLanguageHref: string;
}) {
  const { detail, lang, crisis } = props;
  const s = printStrings(lang);
  const t = s.service;
  return (
    <Layout
      lang={lang}
      title={`${detail.name} | ${t.titleSuffix}`}
      styles={["page.css"]}
      otherLanguageHref={props.otherLanguageHref}
    >
      <main id="main" class="page service">
        <p class="hint">
          <a href="#crisis">{t.crisis}</a>
        </p>
        <ServiceBody detail={detail} lang={lang} calendar={props.calendar ?? null} />
        <p class="report-link">
          <a
            href={`/services/${encodeURIComponent(detail.id)}/report${lang === "cy" ? "?lang=cy" : ""}`}
          >
            {t.report}
          </a>
        </p>
        <p class="report-link">
          <a
            href={`/services/${encodeURIComponent(detail.id)}/ask-to-update${lang === "cy" ? "?lang=cy" : ""}`}
          >
            {accessRequestStrings(lang).link}
          </a>
        </p>
        <CrisisPanel routes={crisis} lang={lang} />
      </main>
    </Layout>
  );
}

/** For unknown and hidden listings alike, so that a draft's existence is not given away. */
export function ServiceNotFoundPage(props: {
  lang: Lang;
  crisis: readonly CrisisRoute[];
  otherLanguageHref: string;
}) {
  const t = printStrings(props.lang).service;
  return (
    <Layout
      lang={props.lang}
      title={`${t.notFoundTitle} | ${t.titleSuffix}`}
      styles={["page.css"]}
      otherLanguageHref={props.otherLanguageHref}
    >
      <main id="main" class="page">
        <h1>{t.notFoundTitle}</h1>
        <p>{t.notFoundBody}</p>
        <p>
          <a class="button" href={`/?lang=${props.lang}`}>
            {printStrings(props.lang).page.findSupport}
          </a>
        </p>
        <CrisisPanel routes={props.crisis} lang={props.lang} />
      </main>
    </Layout>
  );
}
