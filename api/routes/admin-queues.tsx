/** Due-for-review queue, problem-report triage and the reminder outbox. */
import { Hono } from "hono";
import { REPORT_STATUSES, type ReportStatus } from "../../schema/curation.js";
import { runDailyJobs } from "../admin/daily-jobs.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  formBody,
  notFoundPage,
  render,
  requireCapability,
} from "../admin/http.js";
import { dueForReview } from "../admin/listing-repo.js";
import { listOutbox } from "../admin/outbox.js";
import {
  handleReport,
  listReports,
  REPORT_NOTE_MAX,
  REPORT_RETENTION_DAYS,
} from "../admin/reports.js";
import { organisationScope } from "../admin/roles.js";
import { DuePage, OutboxPage, type ReportProblem, ReportsPage } from "../admin/views/queues.js";

async function reportsPage(
  c: AdminContext,
  status: ReportStatus | undefined,
  extra: { notice?: string | null; problem?: ReportProblem },
  code: 200 | 422 = 200,
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const rows = await listReports(deps.db, { status });
  return render(
    c,
    <ReportsPage
      user={user}
      csrf={csrfToken}
      status={status ?? ""}
      rows={rows}
      retentionDays={deps.reportRetentionDays ?? REPORT_RETENTION_DAYS}
      notice={extra.notice ?? null}
      problem={extra.problem ?? null}
    />,
    code,
  );
}

const REPORT_NOTICES: Record<string, string> = {
  resolved: "The report was marked as resolved.",
  dismissed: "The report was dismissed.",
  gone: "That report was already handled by someone else.",
};

export const adminQueueRoutes = new Hono<AdminEnv>()
  .get("/due", async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const now = deps.now();
    const rows = await dueForReview(deps.db, now, organisationScope(user));
    return render(c, <DuePage user={user} csrf={csrfToken} now={now} rows={rows} />);
  })
  .get("/reports", requireCapability("triage-reports"), async (c) => {
    const wanted = c.req.query("status") ?? "open";
    const status = (REPORT_STATUSES as readonly string[]).includes(wanted)
      ? (wanted as ReportStatus)
      : undefined;
    return reportsPage(c, status, { notice: REPORT_NOTICES[c.req.query("done") ?? ""] ?? null });
  })
  .post("/reports/:id", requireCapability("triage-reports"), async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const body = await formBody(c);
    const outcome = field(body, "outcome");
    if (outcome !== "resolved" && outcome !== "dismissed") return notFoundPage(c, "action");
    const id = c.req.param("id");
    const note = field(body, "note").trim();
    const message =
      outcome === "resolved" && !note
        ? "Say what you did before marking the report as resolved."
        : note.length > REPORT_NOTE_MAX
          ? `Keep the note to ${REPORT_NOTE_MAX} characters; it has ${note.length}.`
          : null;
    if (message) {
      // Nothing changes; the form comes back with what was typed.
      return reportsPage(c, "open", { problem: { id, message, note } }, 422);
    }
    const changed = await handleReport(deps.db, deps.now(), user.id, id, outcome, note || null);
    return c.redirect(`/admin/reports?done=${changed ? outcome : "gone"}`, 303);
  })
  .get("/outbox", requireCapability("read-outbox"), async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const rows = await listOutbox(deps.db, {});
    const queued = c.req.query("queued") ?? "";
    const done = /^\d{1,5}$/.test(queued) ? queued : undefined;
    const sent = /^\d{1,5}$/.test(c.req.query("sent") ?? "") ? c.req.query("sent") : "0";
    return render(
      c,
      <OutboxPage
        user={user}
        csrf={csrfToken}
        rows={rows}
        notice={
          done === undefined
            ? null
            : `The daily job ran: ${done} new ${done === "1" ? "reminder" : "reminders"}, ${sent} sent.`
        }
      />,
    );
  })
  .post("/outbox/run", requireCapability("run-jobs"), async (c) => {
    const result = await runDailyJobs(c.get("deps"));
    return c.redirect(`/admin/outbox?queued=${result.remindersQueued}&sent=${result.sent}`, 303);
  });
