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
import { Page } from "./layout.js";

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
        columns={["Listing", "Organisation", "Last checked", "Overdue", "Action"]}
      >
        {p.rows.map((r) => {
          const s = reviewStatus(r, p.now);
          return (
            <tr>
              <td>
                <a href={`/admin/listings/${encodeURIComponent(r.id)}`}>{r.name}</a>
                <br />
                <span class="hint">{kindLabels[r.kind]?.en ?? r.kind}</span>
              </td>
              <td>{r.organisationName}</td>
              <td>{formatDay(r.verifiedAt)}</td>
              <td>
                {s.dueOn
                  ? `${s.daysOverdue} ${s.daysOverdue === 1 ? "day" : "days"}`
                  : "Never checked"}
                {s.hidden ? (
                  <>
                    {" "}
                    <span class="tag tag-hidden">Hidden from search</span>
                  </>
                ) : s.hiddenOn ? (
                  <span class="hint"> (hidden from {formatDay(s.hiddenOn)})</span>
                ) : null}
              </td>
              <td>
                {canWorkOn(p.user, r.organisationId) ? (
                  <ActionForm
                    action={`/admin/listings/${encodeURIComponent(r.id)}/check`}
                    csrf={p.csrf}
                    hidden={{ version: 0, revision: 0 }}
                    label="Mark as checked"
                  >
                    <span class="visually-hidden">{r.name}</span>
                  </ActionForm>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
    )}
  </Page>
);

const REPORT_STATUS_OPTIONS = [
  { value: "open", label: "Open" },
  { value: "resolved", label: "Resolved" },
  { value: "dismissed", label: "Dismissed" },
];

export const ReportsPage: FC<{
  user: SessionUser;
  csrf: string;
  status: string;
  rows: ReportListItem[];
  notice?: string | null;
}> = (p) => (
  <Page
    title="Problem reports"
    user={p.user}
    csrf={p.csrf}
    active="reports"
    notice={p.notice ?? null}
  >
    <h1>Problem reports</h1>
    <p>
      What members of the public told us is wrong with a listing. Fix the listing, then resolve the
      report.
    </p>
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
      >
        {p.rows.map((r) => (
          <tr>
            <td>{formatTime(r.createdAt)}</td>
            <td>
              <a href={`/admin/listings/${encodeURIComponent(r.serviceId)}`}>{r.serviceName}</a>
            </td>
            <td>
              {REASON_LABELS[r.reason]}
              {r.text ? <p class="pre">{r.text}</p> : null}
            </td>
            <td>{r.status}</td>
            <td>
              {r.status === "open" && can(p.user, "triage-reports") ? (
                <div class="actions">
                  <ActionForm
                    action={`/admin/reports/${encodeURIComponent(r.id)}`}
                    csrf={p.csrf}
                    hidden={{ outcome: "resolved" }}
                    label="Resolved"
                    variant="primary"
                  >
                    <span class="visually-hidden">{`Report about ${r.serviceName}`}</span>
                  </ActionForm>
                  <ActionForm
                    action={`/admin/reports/${encodeURIComponent(r.id)}`}
                    csrf={p.csrf}
                    hidden={{ outcome: "dismissed" }}
                    label="Dismiss"
                  >
                    <span class="visually-hidden">{`Report about ${r.serviceName}`}</span>
                  </ActionForm>
                </div>
              ) : null}
            </td>
          </tr>
        ))}
      </DataTable>
    )}
  </Page>
);

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
