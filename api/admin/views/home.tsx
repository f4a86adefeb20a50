import type { FC } from "hono/jsx";
import type { OpenReport, SentBack } from "../home-data.js";
import type { ListingSummary } from "../listing-repo.js";
import type { SessionUser } from "../roles.js";
import { can } from "../roles.js";
import { formatDay, formatTime, StatusTag } from "./components.js";
import { DataTable } from "./data-table.js";
import { Page } from "./layout.js";
import { DUE_COLUMNS, dueRows } from "./queues.js";

/** What an editor's own organisation needs from them: null for those who see every organisation. */
export interface EditorWork {
  sentBack: SentBack[];
  reports: OpenReport[];
  due: ListingSummary[];
}

export const HomePage: FC<{
  user: SessionUser;
  csrf: string;
  now: Date;
  inReview: ListingSummary[];
  drafts: ListingSummary[];
  dueCount: number;
  openReports: number;
  queuedMessages: number;
  work: EditorWork | null;
}> = (p) => {
  const sentBackIds = new Set(p.work?.sentBack.map((s) => s.id) ?? []);
  return (
    <Page title="Overview" user={p.user} csrf={p.csrf} active="home">
      <h1>Overview</h1>
      <ul class="stat-list">
        {p.work ? (
          <li>
            <span class="number">{p.work.sentBack.length}</span>
            <a href="#sent-back-title">sent back to you</a>
          </li>
        ) : null}
        <li>
          <span class="number">{p.inReview.length}</span>
          <a href="/admin/listings?status=in-review">waiting for review</a>
        </li>
        <li>
          <span class="number">{p.dueCount}</span>
          <a href={p.work ? "#due-title" : "/admin/due"}>due for checking</a>
        </li>
        {p.work ? (
          <li>
            <span class="number">{p.work.reports.length}</span>
            <a href="#reports-title">open problem reports</a>
          </li>
        ) : can(p.user, "triage-reports") ? (
          <li>
            <span class="number">{p.openReports}</span>
            <a href="/admin/reports">open problem reports</a>
          </li>
        ) : null}
        {can(p.user, "read-outbox") ? (
          <li>
            <span class="number">{p.queuedMessages}</span>
            <a href="/admin/outbox">reminders waiting to send</a>
          </li>
        ) : null}
      </ul>
      <p class="actions">
        <a class="button primary" href="/admin/listings/new">
          Add a listing
        </a>
        <a class="button secondary" href="/admin/listings">
          All listings
        </a>
      </p>
      {p.work ? <EditorSections work={p.work} user={p.user} csrf={p.csrf} now={p.now} /> : null}
      <SummaryTable
        caption={can(p.user, "publish") ? "Waiting for you to review" : "Waiting for review"}
        rows={p.inReview}
        empty="Nothing is waiting for review."
      />
      <SummaryTable
        caption={p.work ? "Other drafts" : "Drafts"}
        rows={p.drafts.filter((d) => !sentBackIds.has(d.id))}
        empty="There are no drafts."
      />
    </Page>
  );
};

/** Sent back with the reviewer's note, reported by the public, and due: each links to where to act. */
const EditorSections: FC<{ work: EditorWork; user: SessionUser; csrf: string; now: Date }> = ({
  work,
  user,
  csrf,
  now,
}) => (
  <>
    <section aria-labelledby="sent-back-title">
      <h2 id="sent-back-title">Sent back to you</h2>
      {work.sentBack.length === 0 ? (
        <p>No listing is waiting for your changes.</p>
      ) : (
        <ul class="work-list">
          {work.sentBack.map((s) => (
            <li class="panel">
              <h3>
                <a href={`/admin/listings/${encodeURIComponent(s.id)}`}>{s.name}</a>
              </h3>
              <p class="hint">Sent back {formatTime(s.at)}. The reviewer’s note:</p>
              <blockquote class="note">{s.note}</blockquote>
              <p>
                <a class="button primary" href={`/admin/listings/${encodeURIComponent(s.id)}/edit`}>
                  Make the changes<span class="visually-hidden"> to {s.name}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">Problem reports on your listings</h2>
      {work.reports.length === 0 ? (
        <p>Nobody has reported a problem with your listings.</p>
      ) : (
        <>
          <p>
            A reviewer resolves each report. If the listing is wrong, change it and submit it for
            review.
          </p>
          <ul>
            {work.reports.map((r) => (
              <li>
                <a href={`/admin/listings/${encodeURIComponent(r.serviceId)}#reports-title`}>
                  {r.serviceName}
                </a>
                : {r.problem} ({formatDay(r.at)})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
    <section aria-labelledby="due-title">
      <h2 id="due-title">Due for review</h2>
      {work.due.length === 0 ? (
        <p>Nothing is due: every listing was checked recently.</p>
      ) : (
        <>
          <p>
            Check each with the service. If nothing has changed, mark it as checked; if something
            has, edit it.
          </p>
          <DataTable
            caption="Your listings due for review"
            columns={DUE_COLUMNS}
            rows={dueRows(work.due, now, user, csrf)}
          />
        </>
      )}
    </section>
  </>
);

export const SummaryTable: FC<{ caption: string; rows: ListingSummary[]; empty: string }> = ({
  caption,
  rows,
  empty,
}) => (
  <section>
    <h2>{caption}</h2>
    {rows.length === 0 ? (
      <p>{empty}</p>
    ) : (
      <DataTable
        caption={caption}
        columns={["Listing", "Organisation", "Status", "Last edited"]}
        rows={rows.map((r) => [
          <a href={`/admin/listings/${encodeURIComponent(r.id)}`}>{r.name}</a>,
          r.organisationName,
          <StatusTag status={r.status} pending={r.pending} />,
          formatDay(r.editedAt),
        ])}
      />
    )}
  </section>
);
