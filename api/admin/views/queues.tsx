/** The queues: listings due for review, public problem reports, and the reminder outbox. */
import type { FC } from "hono/jsx";
import { kindLabels } from "../../../schema/taxonomy.js";
import type { ListingSummary } from "../listing-repo.js";
import type { OutboxRow } from "../outbox.js";
import { REASON_LABELS, type ReportListItem } from "../reports.js";
import { reviewStatus } from "../review-status.js";
import { can, canWorkOn, type SessionUser } from "../roles.js";
import { ActionForm, formatDay, formatTime, Select } from "./components.js";
import { DataTable } from "./data-table.js";
import { FilterForm } from "./filter-form.js";
import { CsrfField, Page } from "./layout.js";

/** The cells of the due-for-review table: listing, organisation, last checked, overdue, action. */
export function dueRows(rows: ListingSummary[], now: Date, user: SessionUser, csrf: string) {
  return rows.map((r) => {
    const s = reviewStatus(r, now);
    return [
      <>
        <a href={`/admin/listings/${encodeURIComponent(r.id)}`}>{r.name}</a>
        <br />
        <span class="hint">{kindLabels[r.kind]?.en ?? r.kind}</span>
      </>,
      r.organisationName,
      formatDay(r.verifiedAt),
      <>
        {s.dueOn ? `${s.daysOverdue} ${s.daysOverdue === 1 ? "day" : "days"}` : "Never checked"}
        {s.hidden ? (
          <>
            {" "}
            <span class="tag tag-hidden">Hidden from search</span>
          </>
        ) : s.hiddenOn ? (
          <span class="hint"> (hidden from {formatDay(s.hiddenOn)})</span>
        ) : null}
      </>,
      canWorkOn(user, r.organisationId) ? (
        <ActionForm
          action={`/admin/listings/${encodeURIComponent(r.id)}/check`}
          csrf={csrf}
          hidden={{ version: 0, revision: 0 }}
          label="Mark as checked"
        >
          <span class="visually-hidden">{r.name}</span>
        </ActionForm>
      ) : null,
    ];
  });
}

export const DUE_COLUMNS = ["Listing", "Organisation", "Last checked", "Overdue", "Action"];

export const DuePage: FC<{
  user: SessionUser;
  csrf: string;
  now: Date;
  rows: ListingSummary[];
  notice?: string | null;
}> = (p) => (
  <Page title="Due for review" user={p.user} csrf={p.csrf} active="due" notice={p.notice ?? null}>
    <h1>Due for review</h1>
    <p>
      Published listings past their review date, most overdue first. Parents see “may be out of
      date” on these. Search hides a listing 180 days after it fell due (crisis listings: 90 days)
      until someone checks it.
    </p>
    {p.rows.length === 0 ? (
      <p>Nothing is due. Every published listing was checked recently.</p>
    ) : (
      <DataTable
        caption="Listings due for review"
        columns={DUE_COLUMNS}
        rows={dueRows(p.rows, p.now, p.user, p.csrf)}
      />
    )}
  </Page>
);

const REPORT_STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "dismissed", label: "Dismissed" },
];

const REPORT_STATUS_LABELS: Record<ReportListItem["status"], string> = {
  open: "Open",
  resolved: "Resolved",
  dismissed: "Dismissed",
};

/** A problem with a resolve or dismiss form: which report, what went wrong, what was typed. */
export interface ReportProblem {
  id: string;
  message: string;
  note: string;
}

export const ReportsPage: FC<{
  user: SessionUser;
  csrf: string;
  status: string;
  rows: ReportListItem[];
  retentionDays: number;
  notice?: string | null;
  problem?: ReportProblem | null;
}> = (p) => (
  <Page
    title={p.problem ? "Error: Problem reports" : "Problem reports"}
    user={p.user}
    csrf={p.csrf}
    active="reports"
    notice={p.notice ?? null}
  >
    <h1>Problem reports</h1>
    <p>
      What members of the public told us is wrong with a listing. Fix the listing, then resolve the
      report with a note saying what you did. What the reporter wrote is erased {p.retentionDays}{" "}
      days after the report is resolved or dismissed; your note stays in the report's history.
    </p>
    {p.problem ? (
      <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
        <h2 id="error-summary-title">There is a problem</h2>
        <ul>
          <li>
            <a href={`#${noteId(p.problem.id)}`}>{p.problem.message}</a>
          </li>
        </ul>
      </div>
    ) : null}
    <FilterForm action="/admin/reports" label="Filter reports" submit="Show">
      <Select
        name="status"
        label="Show"
        options={REPORT_STATUS_OPTIONS}
        value={p.status}
        blank="All reports"
        plain
      />
    </FilterForm>
    {p.rows.length === 0 ? (
      <p>No reports to show.</p>
    ) : (
      <DataTable
        caption="Problem reports"
        columns={["Received", "Listing", "Problem", "Status", "Action"]}
        rows={p.rows.map((r) => [
          formatTime(r.createdAt),
          <a href={`/admin/listings/${encodeURIComponent(r.serviceId)}`}>{r.serviceName}</a>,
          <>
            {REASON_LABELS[r.reason]}
            {r.text ? (
              <p class="pre">{r.text}</p>
            ) : r.status !== "open" ? (
              <p class="hint">Any text the reporter wrote has been erased, or there was none.</p>
            ) : null}
          </>,
          <ReportStatusText report={r} />,
          r.status === "open" && can(p.user, "triage-reports") ? (
            <ReportForm
              report={r}
              csrf={p.csrf}
              problem={p.problem?.id === r.id ? p.problem : null}
            />
          ) : null,
        ])}
      />
    )}
  </Page>
);

const noteId = (reportId: string) => `note-${reportId.replace(/[^A-Za-z0-9-]+/g, "-")}`;

/** "Resolved by Sam on 1 Dec 2026: Phone number corrected." */
export const ReportStatusText: FC<{ report: ReportListItem }> = ({ report: r }) => (
  <>
    {REPORT_STATUS_LABELS[r.status]}
    {r.handling ? (
      <>
        {r.handling.byName ? ` by ${r.handling.byName}` : ""} on {formatDay(r.handling.at)}
        {r.handling.note ? (
          <>
            : <q>{r.handling.note}</q>
          </>
        ) : null}
      </>
    ) : null}
  </>
);

/** Resolve (a note is needed: what was fixed) or dismiss (the note is optional) one report. */
const ReportForm: FC<{ report: ReportListItem; csrf: string; problem: ReportProblem | null }> = ({
  report: r,
  csrf,
  problem,
}) => {
  const id = noteId(r.id);
  const about = <span class="visually-hidden">{` the report about ${r.serviceName}`}</span>;
  return (
    <form method="post" action={`/admin/reports/${encodeURIComponent(r.id)}`} class="report-form">
      <CsrfField token={csrf} />
      <div class={`field${problem ? " has-error" : ""}`}>
        <label for={id}>What you did{about}</label>
        <p class="hint" id={`${id}-hint`}>
          Needed to resolve it. Kept in the report's history: leave out the reporter's words and
          anyone's personal details.
        </p>
        {problem ? (
          <p class="field-error" id={`${id}-error`}>
            <span class="visually-hidden">Error: </span>
            {problem.message}
          </p>
        ) : null}
        <textarea
          id={id}
          name="note"
          rows={2}
          class="input wide"
          aria-describedby={`${id}-hint${problem ? ` ${id}-error` : ""}`}
          aria-invalid={problem ? "true" : undefined}
        >
          {problem?.note ?? ""}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit" name="outcome" value="resolved" class="button primary">
          Resolved{about}
        </button>
        <button type="submit" name="outcome" value="dismissed" class="button secondary">
          Dismiss{about}
        </button>
      </div>
    </form>
  );
};

const OUTBOX_KIND_LABELS: Record<OutboxRow["kind"], string> = {
  "review-reminder": "Review reminder",
  notification: "Notification",
  digest: "Daily summary",
  "address-check": "Email address check",
  outcome: "Answer to a submission",
  invitation: "Invitation",
  "password-reset": "Password reset",
};

export const OutboxPage: FC<{
  user: SessionUser;
  csrf: string;
  rows: (OutboxRow & { organisationName: string | null })[];
  notice?: string | null;
}> = (p) => (
  <Page title="Outbox" user={p.user} csrf={p.csrf} active="outbox" notice={p.notice ?? null}>
    <h1>Outbox</h1>
    <p>
      Review reminders written by the daily job: one for each organisation with listings due for
      checking, at most once a day, again after a week or when another listing falls due. The job
      sends queued mail through the mail settings (SMTP_URL or MAIL_API_URL), retrying a failure
      later; without them, messages wait here as “queued”. Invitations and password-reset links go
      to one person each; their links are never shown here, and they are deleted a week later.
    </p>
    {can(p.user, "run-jobs") ? (
      <ActionForm action="/admin/outbox/run" csrf={p.csrf} label="Run the daily job now" />
    ) : null}
    {p.rows.length === 0 ? (
      <p>No messages yet.</p>
    ) : (
      p.rows.map((m) => (
        // An article, not a labelled section: messages may share a subject, and a landmark's
        // name must be unique on the page.
        <article class="panel" aria-labelledby={`m-${m.id}`}>
          <h2 id={`m-${m.id}`}>{m.subject}</h2>
          <p>
            {formatDay(m.day)} · {m.organisationName || OUTBOX_KIND_LABELS[m.kind]} · {m.status}
            {m.attempts ? ` after ${m.attempts} ${m.attempts === 1 ? "attempt" : "attempts"}` : ""}
            {m.sentAt ? ` · sent ${formatTime(m.sentAt)}` : ""}
            {m.status === "queued" && m.nextAttemptAt
              ? ` · next try ${formatTime(m.nextAttemptAt)}`
              : ""}
          </p>
          <p>
            To:{" "}
            {m.recipients.length
              ? m.recipients.join(", ")
              : "nobody yet (the organisation has no email address or editors)"}
          </p>
          {m.lastError ? <p class="field-error">Last error: {m.lastError}</p> : null}
          <details>
            <summary>Read the message</summary>
            <p class="pre">{m.body}</p>
          </details>
        </article>
      ))
    )}
  </Page>
);
