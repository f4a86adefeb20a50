/**
 * The public coverage pages: `/coverage` (choose an area) and `/coverage/:areaCode` (one area,
 * one need: the result in words, the map, its table, every need, the listings serving the area,
 * the next 26 weeks and the downloads). Everything is in the page as HTML and SVG; no script.
 */
import type { Lang } from "../../schema/taxonomy.js";
import {
  type AreaReport,
  type CoverageArea,
  type CoverageAreaKind,
  CRITERIA,
  type CriterionSummary,
  criterionLabels,
  type Suppressed,
} from "../domain/coverage/index.js";
import { londonWallClock } from "../domain/london-time.js";
import { formatDate } from "../print/format.js";
import { printStrings } from "../print/strings.js";
import { CalendarChart, SectorMap, Swatch } from "./coverage-map.js";
import { type CoverageText, count, coverageStrings, percent } from "./coverage-strings.js";
import { Layout } from "./layout.js";

const KINDS: CoverageAreaKind[] = ["uk", "country", "icb", "lhb", "hb", "lad"];

export function coverageHref(code: string | null, lang: Lang, criterion?: string): string {
  const q = new URLSearchParams();
  if (criterion && criterion !== CRITERIA[0]) q.set("criterion", criterion);
  if (lang === "cy") q.set("lang", "cy");
  const path = code === null ? "/coverage" : `/coverage/${encodeURIComponent(code)}`;
  return q.size > 0 ? `${path}?${q}` : path;
}

const shown = (n: Suppressed, s: CoverageText) => (n === "<8" ? s.fewerThan8 : count(n));

const areaName = (a: { name: string; nameCy: string }, lang: Lang) =>
  lang === "cy" ? a.nameCy : a.name;

/** "In 38 of 212 sectors (18% of postcodes) there is no …", or why the need is not counted. */
export function coverageSentence(summary: CriterionSummary, lang: Lang): string {
  const s = coverageStrings(lang);
  if (!summary.applicable) return s.notApplicable;
  const without = summary.sectors - summary.sectorsCovered;
  return s.sentence(
    without,
    summary.sectors,
    percent(1 - (summary.share ?? 0)),
    s.gap[summary.criterion],
  );
}

function Method({ s }: { s: CoverageText }) {
  return (
    <details class="cov-method">
      <summary>{s.method}</summary>
      <p>{s.methodText}</p>
    </details>
  );
}

export function ChooseAreaPage(props: { lang: Lang; areas: readonly CoverageArea[] }) {
  const { lang } = props;
  const s = coverageStrings(lang);
  return (
    <Layout
      lang={lang}
      title={s.title}
      styles={["page.css", "coverage.css"]}
      tools
      otherLanguageHref={coverageHref(null, lang === "cy" ? "en" : "cy")}
    >
      <main id="main" class="page coverage">
        <h1>{s.h1}</h1>
        <p class="lede">{s.intro}</p>
        <Method s={s} />
        <h2>{s.chooseHeading}</h2>
        {KINDS.map((kind) => {
          const list = props.areas.filter((a) => a.kind === kind);
          if (list.length === 0) return null;
          return (
            <section aria-labelledby={`kind-${kind}`} class="cov-kind">
              <h3 id={`kind-${kind}`}>{s.kinds[kind]}</h3>
              <ul class="cov-areas">
                {list.map((a) => (
                  <li>
                    <a href={coverageHref(a.code, lang)}>{areaName(a, lang)}</a>{" "}
                    <span class="hint">{s.sectorCount(a.sectors.length)}</span>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </main>
    </Layout>
  );
}

/** "1 December 2026, 20:31" in London time. */
function formatComputed(iso: string, lang: Lang): string {
  const wall = londonWallClock(new Date(iso));
  return `${wall.time}, ${formatDate(wall.date, lang)}`;
}

/** The month's name under the first week starting in it (none under a first week of 1 or 2). */
function monthLabels(report: AreaReport, lang: Lang) {
  const months = printStrings(lang).months;
  const labels = report.calendar.map((w, i) => {
    const month = Number(w.weekStart.slice(5, 7));
    const next = report.calendar[i + 1];
    if (i === 0 && next && Number(next.weekStart.slice(5, 7)) !== month) return null;
    const prev = i === 0 ? null : Number(report.calendar[i - 1]!.weekStart.slice(5, 7));
    return prev === month ? null : months[month - 1]!.slice(0, 3);
  });
  return (_w: unknown, i: number) => labels[i] ?? null;
}

export function AreaPage(props: { lang: Lang; report: AreaReport; hasExamples: boolean }) {
  const { lang, report } = props;
  const s = coverageStrings(lang);
  const name = areaName(report.area, lang);
  const need = criterionLabels[report.criterion][lang];
  const sentence = coverageSentence(report.summary, lang);
  const { listings, breakdown } = report;
  const weeks = report.calendar;
  const byDistrict = breakdown.by === "district";
  const { demand } = report;
  const worst = weeks.reduce((a, b) => (b.shareWithout > a.shareWithout ? b : a), weeks[0]!);
  const calendarWords = `${s.calendarIntro} ${s.colWeek} ${formatDate(worst.weekStart, lang)}: ${percent(worst.shareWithout)}.`;
  return (
    <Layout
      lang={lang}
      title={`${name}: ${s.title}`}
      styles={["page.css", "coverage.css"]}
      tools
      otherLanguageHref={coverageHref(
        report.area.code,
        lang === "cy" ? "en" : "cy",
        report.criterion,
      )}
    >
      <main id="main" class="page coverage">
        <p>
          <a href={coverageHref(null, lang)}>{s.allAreas}</a>
        </p>
        <h1>{name}</h1>
        <p class="hint">
          {s.computed(formatComputed(report.computedAt, lang), report.directoryVersion)}
        </p>
        {props.hasExamples ? <p class="notice notice-example">{s.examples}</p> : null}
        <form
          method="get"
          action={`/coverage/${encodeURIComponent(report.area.code)}`}
          class="cov-form"
        >
          {lang === "cy" ? <input type="hidden" name="lang" value="cy" /> : null}
          <div class="field">
            <label for="criterion">{s.showLabel}</label>
            <select id="criterion" name="criterion">
              {CRITERIA.map((c) => (
                <option value={c} selected={c === report.criterion}>
                  {criterionLabels[c][lang]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="button">
            {s.show}
          </button>
        </form>

        <section aria-labelledby="need-title" class="cov-result">
          <h2 id="need-title">{need}</h2>
          <p class="cov-sentence" id="cov-sentence">
            {sentence}
          </p>
          {report.summary.applicable ? (
            <>
              <figure class="cov-figure">
                <SectorMap
                  sectors={report.sectors}
                  title={s.mapTitle(name)}
                  description={sentence}
                  id="cov-map"
                />
                <figcaption>
                  <ul class="cov-legend">
                    <li>
                      <Swatch kind="covered" /> {s.legendCovered}
                    </li>
                    <li>
                      <Swatch kind="gap" /> {s.legendGap}
                    </li>
                    {report.sectors.some((x) => x.covered === null) ? (
                      <li>
                        <Swatch kind="na" /> {s.legendNa}
                      </li>
                    ) : null}
                  </ul>
                </figcaption>
              </figure>
              <h3>{s.tableHeading(breakdown.by)}</h3>
              <section class="cov-scroll" tabindex={0} aria-labelledby="breakdown-caption">
                <table class="cov-table" id="cov-breakdown">
                  <caption id="breakdown-caption">{s.tableCaption(need)}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{s.colArea(breakdown.by)}</th>
                      <th scope="col">{s.colSectors}</th>
                      <th scope="col">{s.colWithout}</th>
                      <th scope="col">{s.colShare}</th>
                      {byDistrict ? <th scope="col">{s.colSearches}</th> : null}
                      {byDistrict ? <th scope="col">{s.colNothingLocal}</th> : null}
                    </tr>
                  </thead>
                  <tbody>
                    {breakdown.rows.map((row) => (
                      <tr>
                        <th scope="row">{row.name}</th>
                        <td>{row.applicable ? count(row.sectors) : "–"}</td>
                        <td>{row.applicable ? count(row.sectors - row.sectorsCovered) : "–"}</td>
                        <td>{row.share === null ? s.na : percent(row.share)}</td>
                        {byDistrict ? (
                          <td>{shown(report.demand.districts[row.code]?.searches ?? 0, s)}</td>
                        ) : null}
                        {byDistrict ? (
                          <td>{shown(report.demand.districts[row.code]?.withoutLocal ?? 0, s)}</td>
                        ) : null}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </>
          ) : null}
        </section>

        <section aria-labelledby="demand-title">
          <h2 id="demand-title">{s.demandHeading}</h2>
          <p id="cov-demand">
            {s.demandText(
              demand.months,
              shown(demand.total.searches, s),
              shown(demand.total.withoutLocal, s),
            )}
          </p>
          <p class="hint">{s.demandMethod}</p>
        </section>

        <section aria-labelledby="listings-title">
          <h2 id="listings-title">{s.listingsHeading}</h2>
          {listings.total === 0 ? (
            <p>{s.noListings}</p>
          ) : (
            <>
              <p>{s.listingsIntro(listings.total, listings.overdue)}</p>
              <ul class="cov-listings">
                {listings.top.map((l) => (
                  <li>
                    <a
                      href={`/services/${encodeURIComponent(l.id)}${lang === "cy" ? "?lang=cy" : ""}`}
                    >
                      {l.name}
                    </a>{" "}
                    <span class="hint">
                      {l.organisation}; {s.listingShare(percent(l.share))}
                    </span>{" "}
                    {l.overdue ? <span class="tag cov-tag-overdue">{s.overdueTag}</span> : null}{" "}
                    {l.demo ? <span class="tag tag-example">{s.exampleTag}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>

        <section aria-labelledby="needs-title">
          <h2 id="needs-title">{s.needsHeading}</h2>
          <section class="cov-scroll" tabindex={0} aria-labelledby="needs-caption">
            <table class="cov-table" id="cov-needs">
              <caption id="needs-caption" class="visually-hidden">
                {s.needsCaption(name)}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{s.colNeed}</th>
                  <th scope="col">{s.colWithout}</th>
                  <th scope="col">{s.colShare}</th>
                </tr>
              </thead>
              <tbody>
                {report.criteria.map((c) => (
                  <tr>
                    <th scope="row">
                      <a href={coverageHref(report.area.code, lang, c.criterion)}>
                        {criterionLabels[c.criterion][lang]}
                      </a>
                    </th>
                    <td>
                      {c.applicable
                        ? `${count(c.sectors - c.sectorsCovered)} / ${count(c.sectors)}`
                        : s.na}
                    </td>
                    <td>{c.share === null ? s.na : percent(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </section>

        <section aria-labelledby="calendar-title">
          <h2 id="calendar-title">{s.calendarHeading}</h2>
          <p>{s.calendarIntro}</p>
          <CalendarChart
            weeks={weeks}
            label={monthLabels(report, lang)}
            title={s.calendarTitle(name)}
            description={calendarWords}
            id="cov-calendar"
          />
          <details class="cov-weeks">
            <summary>
              {s.colWeek}: {s.colNoSession}
            </summary>
            <table class="cov-table" id="cov-weeks">
              <thead>
                <tr>
                  <th scope="col">{s.colWeek}</th>
                  <th scope="col">{s.colNoSession}</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr>
                    <th scope="row">{formatDate(w.weekStart, lang)}</th>
                    <td>{percent(w.shareWithout)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </section>

        <section aria-labelledby="downloads-title">
          <h2 id="downloads-title">{s.downloadsHeading}</h2>
          <p>{s.downloadsText}</p>
          <ul class="cov-downloads">
            <li>
              <a href={`/coverage/${encodeURIComponent(report.area.code)}/sectors.csv`} download>
                {s.csv}
              </a>
            </li>
            <li>
              <a
                href={`/coverage/${encodeURIComponent(report.area.code)}/sectors.geojson`}
                download
              >
                {s.geojson}
              </a>
            </li>
            <li>
              <a
                href={`/api/v1/coverage?area=${encodeURIComponent(report.area.code)}&criterion=${report.criterion}`}
              >
                {s.json}
              </a>
            </li>
          </ul>
          <p class="hint" id="licence">
            {s.licence}
          </p>
        </section>
        <Method s={s} />
      </main>
    </Layout>
  );
}

export function AreaNotFoundPage(props: { lang: Lang }) {
  const s = coverageStrings(props.lang);
  return (
    <Layout lang={props.lang} title={s.notFoundTitle} styles={["page.css", "coverage.css"]} tools>
      <main id="main" class="page coverage">
        <h1>{s.notFoundTitle}</h1>
        <p>{s.notFoundText}</p>
        <p>
          <a href={coverageHref(null, props.lang)}>{s.allAreas}</a>
        </p>
      </main>
    </Layout>
  );
}
