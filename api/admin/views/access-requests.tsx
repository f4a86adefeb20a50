/** The admins' queue of requests for editor access (access-requests.ts), next to "Offered services". */
import type { FC } from "hono/jsx";
import type { AccessRequestView } from "../access-requests.js";
import type { SessionUser } from "../roles.js";
import { formatTime } from "./components.js";
import { CsrfField, Page } from "./layout.js";

const STATUS: Record<string, string> = {
  approved: "Approved: an editor account was invited",
  refused: "Refused: the reason was emailed",
};

export const AccessRequestsPage: FC<{
  user: SessionUser;
  csrf: string;
  rows: AccessRequestView[];
  notice?: string | null;
  errors?: Record<string, string>;
  /** What an admin typed as a reason, kept after an error. */
  reasons?: Record<string, string>;
}> = (p) => {
  const waiting = p.rows.filter((r) => r.status === "waiting");
  const handled = p.rows.filter((r) => r.status !== "waiting");
  return (
    <Page
      title="Editor access"
      user={p.user}
      csrf={p.csrf}
      active="access-requests"
      notice={p.notice ?? null}
    >
      <h1>Editor access</h1>
      <p>
        People who asked, from a listing’s public page, to update their organisation’s listings,
        once they confirmed their email address. Approving one invites them as an editor of that
        organisation (a set-password link, single-use, valid 7 days); refusing one emails your
        reason to them. Either way their name, address and role are then erased.
      </p>
      {waiting.length === 0 ? <p>Nothing is waiting.</p> : null}
      {waiting.map((r) => (
        <section class="panel" aria-labelledby={`ar-${r.id}`}>
          <h2 id={`ar-${r.id}`}>{r.organisationName}</h2>
          <p class="hint">
            Confirmed {r.confirmedAt ? formatTime(r.confirmedAt) : ""} ·{" "}
            {r.lang === "cy" ? "asked in Welsh" : "asked in English"}
          </p>
          {p.errors?.[r.id] ? (
            <p class="field-error" role="alert">
              {p.errors[r.id]}
            </p>
          ) : null}
          <dl class="summary">
            <dt>Name</dt>
            <dd>{r.name}</dd>
            <dt>Email</dt>
            <dd>{r.email}</dd>
            <dt>Their role</dt>
            <dd>{r.role}</dd>
            <dt>Asked from</dt>
            <dd>
              <a href={`/admin/listings/${encodeURIComponent(r.serviceId)}`}>{r.serviceName}</a>
            </dd>
          </dl>
          <form
            method="post"
            action={`/admin/access-requests/${encodeURIComponent(r.id)}/approve`}
            class="stacked-form"
          >
            <CsrfField token={p.csrf} />
            <button type="submit" class="button primary">
              Approve: invite as an editor of {r.organisationName}
            </button>
          </form>
          <form method="post" action={`/admin/access-requests/${encodeURIComponent(r.id)}/refuse`}>
            <CsrfField token={p.csrf} />
            <div class="field">
              <label for={`reason-${r.id}`}>Reason for refusing (emailed to them)</label>
              <textarea id={`reason-${r.id}`} name="reason" rows={3} class="input wide" required>
                {p.reasons?.[r.id] ?? ""}
              </textarea>
            </div>
            <button type="submit" class="button">
              Refuse
            </button>
          </form>
        </section>
      ))}
      {handled.length > 0 ? (
        <>
          <h2>Handled</h2>
          <ul>
            {handled.map((r) => (
              <li>
                {r.organisationName} (from {r.serviceName}): {STATUS[r.status] ?? r.status}
                {r.handledAt ? `, ${formatTime(r.handledAt)}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
};
