/** /admin/feeds: Open Referral feeds we import from, registering one, a dry run and a sync. */

import type { FC } from "hono/jsx";
import type { feeds } from "../../../schema/tables.js";
import type { ImportReport, RecordOutcome } from "../../feeds/sync.js";
import { organisationOptions } from "../organisation-lookup.js";
import type { SessionUser } from "../roles.js";
import { ActionForm, ErrorSummary, formatTime, Select, TextArea, TextField } from "./components.js";
import { DataTable } from "./data-table.js";
import { CsrfField, Page } from "./layout.js";

export type FeedRow = typeof feeds.$inferSelect;

export interface FeedForm {
  name: string;
  baseUrl: string;
  licence: string;
  organisationId: string;
  reviewEveryDays: string;
  terms: string;
  keywords: string;
}

const RESULT_LABELS: Record<RecordOutcome["result"], string> = {
  new: "New draft in review",
  changed: "Changed at source (waits for review)",
  unchanged: "Unchanged",
  filtered: "Left out by the filter",
  rejected: "Not imported",
  duplicate: "Possible duplicate (offered as a merge)",
  gone: "Gone at source (flagged)",
};

const Report: FC<{ report: ImportReport }> = ({ report: r }) => (
  <section aria-labelledby="report-title" class="panel">
    <h2 id="report-title">{r.dryRun ? "Preview (nothing was written)" : "Import results"}</h2>
    <p role="status">
      {r.pages} {r.pages === 1 ? "page" : "pages"}, {r.seen} {r.seen === 1 ? "service" : "services"}{" "}
      seen, {r.kept} kept by the filter: {r.new} new, {r.changed} changed, {r.unchanged} unchanged,{" "}
      {r.gone} gone, {r.rejected} rejected.
      {r.new + r.changed + r.gone === 0 ? " Nothing changed at source." : ""}
    </p>
    {r.problems.length ? (
      <ul>
        {r.problems.map((p) => (
          <li>{p}</li>
        ))}
      </ul>
    ) : null}
    <DataTable
      caption="Services in the feed"
      columns={["Service", "Result", "Why", "Check"]}
      rows={r.records.map((x) => [
        x.serviceId && !r.dryRun ? (
          <a href={`/admin/listings/${encodeURIComponent(x.serviceId)}`}>{x.name || x.remoteId}</a>
        ) : (
          x.name || x.remoteId
        ),
        RESULT_LABELS[x.result],
        x.reason ?? "–",
        x.flags?.length ? (
          <ul>
            {x.flags.map((f) => (
              <li>{f.message}</li>
            ))}
          </ul>
        ) : (
          "–"
        ),
      ])}
    />
  </section>
);

/** The last sync's figures and who ran it, a failure since, and whether the daily job runs it. */
const LastSync: FC<{ feed: FeedRow }> = ({ feed: f }) => {
  // A failure is cleared by the next sync that succeeds.
  const failed = Boolean(f.lastError);
  const s = f.lastSummary;
  return (
    <>
      <p>
        {f.lastSyncAt && s
          ? `${formatTime(f.lastSyncAt)}${s.by ? ` (${s.by})` : ""}: ${s.seen} seen, ${s.new} new, ${s.changed} changed, ${s.gone} gone, ${s.rejected} rejected`
          : "Never synced"}
      </p>
      {failed ? (
        <p class="warning-box">
          The daily sync{f.lastAttemptAt ? ` at ${formatTime(f.lastAttemptAt)}` : ""} failed:{" "}
          {f.lastError} It is tried again tomorrow; nothing was changed.
        </p>
      ) : null}
      <p>
        {f.enabled
          ? "Synced once a day by the daily job."
          : "Not synced daily: only when you press Sync now."}
      </p>
    </>
  );
};

export const FeedsPage: FC<{
  user: SessionUser;
  csrf: string;
  feeds: FeedRow[];
  organisations: { id: string; name: string }[];
  form: FeedForm;
  errors: Record<string, string>;
  report: ImportReport | null;
  notice?: string | null;
  /** What waits in Feed review. */
  waiting: { changed: number; duplicates: number; gone: number };
}> = (p) => (
  <Page title="Open Referral feeds" user={p.user} csrf={p.csrf} active="feeds" notice={p.notice}>
    <h1>Open Referral feeds</h1>
    <p>
      Councils' directories in Open Referral UK format. An import never publishes: each service the
      filter keeps becomes a draft in review, with where it came from. Our own feed is at{" "}
      <a href="/oruk/">/oruk</a>.
    </p>
    <p>
      Waiting in <a href="/admin/feed-review">Feed review</a>: {p.waiting.changed} changed at
      source, {p.waiting.duplicates} possible{" "}
      {p.waiting.duplicates === 1 ? "duplicate" : "duplicates"}, {p.waiting.gone} gone at source.
    </p>
    {p.report ? <Report report={p.report} /> : null}
    <section aria-labelledby="feeds-title">
      <h2 id="feeds-title">Registered feeds</h2>
      {p.feeds.length === 0 ? (
        <p>No feed is registered yet.</p>
      ) : (
        <DataTable
          caption="Registered feeds"
          columns={["Feed", "Last sync", "Filter rule", "Actions"]}
          rows={p.feeds.map((f) => [
            <>
              <strong>{f.name}</strong>
              <br />
              <code>{f.baseUrl}</code>
              <br />
              {f.licence}; review every {f.reviewEveryDays} days
            </>,
            <>
              <LastSync feed={f} />
              <ActionForm
                action={`/admin/feeds/${encodeURIComponent(f.id)}/daily`}
                csrf={p.csrf}
                label={f.enabled ? "Stop the daily sync" : "Sync it daily"}
                hidden={{ enabled: f.enabled ? "off" : "on" }}
              />
            </>,
            <form method="post" action={`/admin/feeds/${encodeURIComponent(f.id)}/rule`}>
              <CsrfField token={p.csrf} />
              <TextArea
                name={`terms-${f.id}`}
                label="Terms"
                rows={3}
                value={f.filterRule.terms.join("\n")}
              />
              <TextArea
                name={`keywords-${f.id}`}
                label="Keywords"
                rows={3}
                value={f.filterRule.keywords.join("\n")}
              />
              <button type="submit" class="button secondary">
                Save rule
              </button>
            </form>,
            <>
              <ActionForm
                action={`/admin/feeds/${encodeURIComponent(f.id)}/preview`}
                csrf={p.csrf}
                label="Preview (dry run)"
              />
              <ActionForm
                action={`/admin/feeds/${encodeURIComponent(f.id)}/sync`}
                csrf={p.csrf}
                label="Sync now"
                variant="primary"
              />
            </>,
          ])}
        />
      )}
    </section>
    <section class="panel" aria-labelledby="register-title">
      <h2 id="register-title">Register a feed</h2>
      <ErrorSummary errors={p.errors} />
      <form method="post" action="/admin/feeds" novalidate>
        <CsrfField token={p.csrf} />
        <TextField name="name" label="Name" value={p.form.name} required error={p.errors.name} />
        <TextField
          name="baseUrl"
          label="Base URL"
          type="url"
          hint="The ORUK API base, e.g. https://directory.example.gov.uk/api (the address that answers with its version)."
          value={p.form.baseUrl}
          required
          error={p.errors.baseUrl}
        />
        <TextField
          name="licence"
          label="Licence"
          value={p.form.licence}
          required
          error={p.errors.licence}
        />
        <Select
          name="organisationId"
          label="File listings under"
          value={p.form.organisationId}
          blank="Each organisation in the feed (created when new)"
          options={organisationOptions(p.organisations)}
          error={p.errors.organisationId}
        />
        <TextField
          name="reviewEveryDays"
          label="Review every (days)"
          type="number"
          width="narrow"
          min="7"
          max="730"
          value={p.form.reviewEveryDays}
          required
          error={p.errors.reviewEveryDays}
        />
        <TextArea
          name="terms"
          label="Filter: taxonomy terms"
          hint="One a line: a term's name, code or id, or a taxonomy's name. A service carrying any of them is kept."
          rows={5}
          value={p.form.terms}
          error={p.errors.terms}
        />
        <TextArea
          name="keywords"
          label="Filter: keywords"
          hint="One a line. A service whose name or description contains any of them is kept."
          rows={5}
          value={p.form.keywords}
          error={p.errors.keywords}
        />
        <div class="actions">
          <button type="submit" name="intent" value="preview" class="button secondary">
            Preview (dry run)
          </button>
          <button type="submit" name="intent" value="import" class="button primary">
            Register and import
          </button>
        </div>
      </form>
    </section>
  </Page>
);
