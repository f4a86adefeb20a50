/** The reviewers' queue of services offered through `/add-your-service` (submissions.ts). */

import type { FC } from "hono/jsx";
import type { SubmissionFields } from "../../../schema/tables.js";
import { showField } from "../diff.js";
import { organisationOptions } from "../organisation-lookup.js";
import type { SessionUser } from "../roles.js";
import type { SubmissionRow } from "../submissions.js";
import type { OrganisationRow } from "../users.js";
import { formatTime } from "./components.js";
import { CsrfField, Page } from "./layout.js";

const SHOWN: [string, string][] = [
  ["org.name", "Organisation"],
  ["org.website", "Organisation website"],
  ["org.email", "Organisation email"],
  ["org.phone", "Organisation phone"],
  ["name", "Name"],
  ["kind", "Kind of support"],
  ["summary", "Summary"],
  ["description", "Description"],
  ["stages", "Stages"],
  ["formats", "Formats"],
  ["referral", "Who can refer"],
  ["howToAccess", "How to access"],
  ["cost", "Cost"],
  ["contacts.0.value", "Phone"],
  ["contacts.1.value", "Email"],
  ["contacts.2.value", "Website"],
  ["locations.0.name", "Venue"],
  ["locations.0.address", "Address"],
  ["locations.0.postcode", "Postcode"],
];

/** A field as typed, with codes (kind, stages…) in words; "" when it was left empty. */
const shown = (v: SubmissionFields, k: string) => {
  const x = v[k];
  const typed = Array.isArray(x) ? x.join(", ") : (x ?? "");
  return typed ? showField(k, x) : "";
};

const submissionOrganisationLabel = (v: SubmissionFields) => shown(v, "org.name");

const STATUS: Record<string, string> = {
  accepted: "Accepted",
  merged: "Merged into an organisation",
  rejected: "Rejected",
};

export const SubmissionsPage: FC<{
  user: SessionUser;
  csrf: string;
  rows: SubmissionRow[];
  organisations: OrganisationRow[];
  notice?: string | null;
  errors?: Record<string, string>;
}> = (p) => {
  const waiting = p.rows.filter((r) => r.status === "waiting");
  const handled = p.rows.filter((r) => r.status !== "waiting");
  return (
    <Page
      title="Offered services"
      user={p.user}
      csrf={p.csrf}
      active="submissions"
      notice={p.notice ?? null}
    >
      <h1>Offered services</h1>
      <p>
        Services offered through the public “Add your service” page, once the sender confirmed their
        email address. Accepting one makes a draft listing (and the organisation, unless you merge
        it into one that exists); rejecting one emails your reason to the sender.
      </p>
      {waiting.length === 0 ? <p>Nothing is waiting.</p> : null}
      {waiting.map((s) => (
        <section class="panel" aria-labelledby={`sub-${s.id}`}>
          <h2 id={`sub-${s.id}`}>
            {shown(s.fields, "name")} ({submissionOrganisationLabel(s.fields)})
          </h2>
          <p class="hint">
            Confirmed {s.confirmedAt ? formatTime(s.confirmedAt) : ""} ·{" "}
            {s.lang === "cy" ? "sent in Welsh" : "sent in English"}
          </p>
          {p.errors?.[s.id] ? (
            <p class="field-error" role="alert">
              {p.errors[s.id]}
            </p>
          ) : null}
          <dl class="summary">
            {SHOWN.filter(([k]) => shown(s.fields, k)).map(([k, label]) => (
              <>
                <dt>{label}</dt>
                <dd>{shown(s.fields, k)}</dd>
              </>
            ))}
          </dl>
          <form
            method="post"
            action={`/admin/submissions/${encodeURIComponent(s.id)}/accept`}
            class="stacked-form"
          >
            <CsrfField token={p.csrf} />
            <div class="field">
              <label for={`org-${s.id}`}>Organisation</label>
              <select id={`org-${s.id}`} name="organisation" class="input wide">
                <option value="new">
                  A new organisation: {submissionOrganisationLabel(s.fields)}
                </option>
                {organisationOptions(p.organisations).map((o) => (
                  <option value={o.value}>Merge into {o.label}</option>
                ))}
              </select>
            </div>
            <button type="submit" class="button primary">
              Accept as a draft listing
            </button>
          </form>
          <form method="post" action={`/admin/submissions/${encodeURIComponent(s.id)}/reject`}>
            <CsrfField token={p.csrf} />
            <div class="field">
              <label for={`reason-${s.id}`}>Reason for rejecting (emailed to the sender)</label>
              <textarea id={`reason-${s.id}`} name="reason" rows={3} class="input wide" required />
            </div>
            <button type="submit" class="button">
              Reject
            </button>
          </form>
        </section>
      ))}
      {handled.length > 0 ? (
        <>
          <h2>Handled</h2>
          <ul>
            {handled.map((s) => (
              <li>
                {shown(s.fields, "name")}: {STATUS[s.status] ?? s.status}
                {s.serviceId ? (
                  <>
                    {" "}
                    (<a href={`/admin/listings/${encodeURIComponent(s.serviceId)}`}>the draft</a>)
                  </>
                ) : null}
                {s.reason ? `: ${s.reason}` : ""}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
};
