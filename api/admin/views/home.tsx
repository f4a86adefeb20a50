import type { FC } from "hono/jsx";
import type { ListingSummary } from "../listing-repo.js";
import type { SessionUser } from "../roles.js";
import { can } from "../roles.js";
import { formatDay, StatusTag } from "./components.js";
import { Page } from "./layout.js";

export const HomePage: FC<{
  user: SessionUser;
  csrf: string;
  inReview: ListingSummary[];
  drafts: ListingSummary[];
  dueCount: number;
  openReports: number;
  queuedMessages: number;
}> = (p) => (
  <Page title="Overview" user={p.user} csrf={p.csrf} active="home">
    <h1>Overview</h1>
    <ul class="stat-list">
      <li>
        <span class="number">{p.inReview.length}</span>
        <a href="/admin/listings?status=in-review">waiting for review</a>
      </li>
      <li>
        <span class="number">{p.dueCount}</span>
        <a href="/admin/due">due for checking</a>
      </li>
      {can(p.user, "triage-reports") ? (
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
    <SummaryTable
      caption={can(p.user, "publish") ? "Waiting for you to review" : "Waiting for review"}
      rows={p.inReview}
      empty="Nothing is waiting for review."
    />
    <SummaryTable caption="Drafts" rows={p.drafts} empty="There are no drafts." />
  </Page>
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
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Listing</th>
              <th scope="col">Organisation</th>
              <th scope="col">Status</th>
              <th scope="col">Last edited</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <a href={`/admin/listings/${encodeURIComponent(r.id)}`}>{r.name}</a>
                </td>
                <td>{r.organisationName}</td>
                <td>
                  <StatusTag status={r.status} pending={r.pending} />
                </td>
                <td>{formatDay(r.editedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )}
  </section>
);
