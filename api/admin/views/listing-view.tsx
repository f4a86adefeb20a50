/** One listing: where it stands, what changed, how it will look, and what you can do next. */
import type { FC } from "hono/jsx";
import type { Listing } from "../../../schema/listing-input.js";
import type { ReviewItem } from "../../feeds/review.js";
import type { Change } from "../diff.js";
import type { ListingRecord, ListingStage } from "../listing-repo.js";
import type { ReportListItem } from "../reports.js";
import { REASON_LABELS } from "../reports.js";
import type { ReviewStatus } from "../review-status.js";
import { can, canWorkOn, type SessionUser } from "../roles.js";
import { ActionForm, Checkbox, formatDay, formatTime, StatusTag, TextArea } from "./components.js";
import { DiffList } from "./diff-list.js";
import { reviewHref } from "./feed-review.js";
import { CsrfField, Page } from "./layout.js";
import { ListingDetails } from "./listing-details.js";
import { type ListingPreview, PreviewCards } from "./preview.js";
import { ReportStatusText } from "./queues.js";

export interface ListingViewProps {
  user: SessionUser;
  csrf: string;
  record: ListingRecord;
  stage: ListingStage;
  workflowState: "draft" | "in-review" | null;
  organisationName: string;
  preview: ListingPreview;
  changes: Change[] | null;
  review: ReviewStatus;
  /** Where the version in review stands against its review date, as it would be published. */
  draftReview: ReviewStatus | null;
  fourEyes: {
    reason: string | null;
    allowed: boolean;
    mayRequest: boolean;
    /** Who else changed it (or asked for it): the publisher must differ from each of them. */
    authorNames: string[];
  };
  requests: { publish: RequestView | null; archive: RequestView | null };
  reports: ReportListItem[];
  /** What the Open Referral feeds brought about it that waits for a reviewer. */
  fromSource?: ReviewItem[];
  notice?: string | null;
  problem?: { message: string; details?: string[] | undefined } | null;
  areaName: (a: Listing["areas"][number]) => string;
}

interface RequestView {
  by: string;
  byName: string;
  at: string;
}

/** What an overdue listing's card says to parents (the widget's `card.overdue`, shortened). */
const PARENTS_SEE = "These details are due to be checked again";

const names = (list: string[]) =>
  list.length <= 1 ? (list[0] ?? "") : `${list.slice(0, -1).join(", ")} and ${list.at(-1)}`;

const SOURCE_SAYS: Partial<Record<ReviewItem["state"], { text: string; action: string }>> = {
  imported: {
    text: "has a newer version of this service. Nothing from it is taken until a reviewer chooses.",
    action: "Compare with the source",
  },
  duplicate: {
    text: "has a record that may be this same service.",
    action: "Merge or keep it apart",
  },
  gone: {
    text: "no longer lists this service.",
    action: "Archive or keep the listing",
  },
};

/** Feed records about this listing waiting at Feed review; reviewers get the way there. */
const FromSource: FC<{ items: ReviewItem[]; user: SessionUser }> = ({ items, user }) => (
  <div class="warning-box">
    {items.map((item) => {
      const says = SOURCE_SAYS[item.state];
      if (!says) return null;
      return (
        <p>
          <strong>From its source:</strong> {item.feedName} {says.text}{" "}
          {can(user, "publish") ? (
            <a href={reviewHref(item.feedId, item.remoteId)}>{says.action}</a>
          ) : (
            "A reviewer will look at it."
          )}
        </p>
      );
    })}
  </div>
);

export const ListingView: FC<ListingViewProps> = (p) => {
  const { record, user, csrf } = p;
  const base = `/admin/listings/${encodeURIComponent(record.id)}`;
  const token = { version: record.token.version, revision: record.token.revision };
  const mine = canWorkOn(user, record.organisationId);
  const published = p.stage.status === "published";
  const twoPersonArchive = published && record.live.service.kind === "crisis";
  const archiveRequest = p.requests.archive;
  const reviewing = can(user, "publish") && p.workflowState === "in-review";
  // Taking a listing back from review is for whoever sent it; a reviewer sends it back instead.
  const mayWithdraw =
    mine &&
    p.workflowState === "in-review" &&
    (!can(user, "publish") || record.draft?.submittedBy === user.id);
  const mayArchive = can(user, "archive") && p.stage.status !== "archived" && !archiveRequest;
  return (
    <Page
      title={record.working.name}
      user={user}
      csrf={csrf}
      active="listings"
      notice={p.notice ?? null}
    >
      <p>
        <a href="/admin/listings">All listings</a>
      </p>
      <h1>{record.working.name}</h1>
      <p>
        <StatusTag status={p.stage.status} pending={p.stage.pending} /> {p.organisationName} ·
        version {record.token.version}
        {record.draft ? ` · draft saved ${formatTime(record.draft.editedAt)}` : ""}
      </p>
      {p.problem ? (
        <div class="danger-box" role="alert">
          <p>{p.problem.message}</p>
          {p.problem.details?.length ? (
            <ul>
              {p.problem.details.map((d) => (
                <li>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {record.draft?.reviewNote ? (
        <div class="warning-box">
          <p>
            <strong>Sent back by a reviewer:</strong> {record.draft.reviewNote}
          </p>
        </div>
      ) : null}
      {published ? (
        p.review.hidden ? (
          <div class="danger-box">
            <p>
              Search has stopped showing this listing: it was due for review on{" "}
              {formatDay(p.review.dueOn)}. Check it with the service and mark it as checked to show
              it again.
            </p>
          </div>
        ) : p.review.overdue ? (
          <div class="warning-box">
            {p.review.dueOn === null ? (
              <p>
                Never checked with the service. Parents see “{PARENTS_SEE}”. Check it with the
                service and mark it as checked.
              </p>
            ) : (
              <p>
                Due for review since {formatDay(p.review.dueOn)}. Parents see “{PARENTS_SEE}”.
                Search stops showing it from {formatDay(p.review.hiddenOn)} unless it is checked.
              </p>
            )}
          </div>
        ) : (
          <p>
            Last checked {formatDay(record.live.service.verifiedAt)}; next review due{" "}
            {formatDay(p.review.dueOn)}.
          </p>
        )
      ) : null}

      {p.fromSource?.length ? <FromSource items={p.fromSource} user={user} /> : null}

      {reviewing ? <ReviewPanel {...p} base={base} token={token} /> : null}

      <h2>{reviewing ? "Other things you can do" : "What you can do"}</h2>
      <div class="actions">
        {mine ? (
          <a class={`button ${reviewing ? "secondary" : "primary"}`} href={`${base}/edit`}>
            {record.draft || !record.everPublished ? "Edit draft" : "Edit"}
          </a>
        ) : null}
        {mine && p.workflowState === "draft" ? (
          <ActionForm
            action={`${base}/submit`}
            csrf={csrf}
            hidden={token}
            label="Submit for review"
            variant="primary"
          />
        ) : null}
        {mayWithdraw ? (
          <ActionForm
            action={`${base}/withdraw`}
            csrf={csrf}
            hidden={token}
            label="Withdraw from review"
          />
        ) : null}
        {mine && published ? (
          <ActionForm
            action={`${base}/check`}
            csrf={csrf}
            hidden={token}
            label="Mark as checked today"
          />
        ) : null}
        {mine && record.draft && record.everPublished ? (
          <ActionForm
            action={`${base}/discard`}
            csrf={csrf}
            hidden={token}
            label="Discard changes"
            confirm="Discard the unpublished changes? The published listing stays as it is."
          />
        ) : null}
        <a class="button secondary" href={`${base}/history`}>
          History
        </a>
        {published ? (
          <a class="button secondary" href={`/services/${encodeURIComponent(record.id)}`}>
            Public page
          </a>
        ) : null}
      </div>

      {twoPersonArchive && archiveRequest ? (
        <section class="panel" aria-labelledby="archive-request-title">
          <h2 id="archive-request-title">Archiving waits for a second person</h2>
          <div class="warning-box">
            <p>
              {archiveRequest.byName} asked on {formatTime(archiveRequest.at)} for this crisis
              listing to be archived. Archiving takes it out of every crisis panel, so a second
              person must confirm.
              {archiveRequest.by === user.id ? " Someone else must confirm it." : ""}
            </p>
          </div>
          <div class="actions">
            {can(user, "archive") && archiveRequest.by !== user.id ? (
              <ActionForm
                action={`${base}/archive`}
                csrf={csrf}
                hidden={token}
                label="Confirm: archive"
                variant="warning"
                confirm="Archive this crisis listing? It leaves every crisis panel at once."
              />
            ) : null}
            {can(user, "archive") ? (
              <ActionForm
                action={`${base}/requests/archive/cancel`}
                csrf={csrf}
                hidden={token}
                label="Withdraw the request"
              />
            ) : null}
          </div>
        </section>
      ) : null}

      {p.changes ? (
        <section aria-labelledby="changes-title">
          <h2 id="changes-title">Changes not yet published</h2>
          <DiffList changes={p.changes} empty="The draft is the same as the published listing." />
        </section>
      ) : null}

      <div class="two-columns">
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">How parents will see it</h2>
          <PreviewCards preview={p.preview} />
        </section>
        <section aria-labelledby="reports-title">
          <h2 id="reports-title">Problem reports</h2>
          {p.reports.length ? (
            <ul>
              {p.reports.map((r) => (
                <li>
                  {formatDay(r.createdAt)}: {REASON_LABELS[r.reason]}
                  {r.text ? ` – “${r.text}”` : ""} (<ReportStatusText report={r} />)
                </li>
              ))}
            </ul>
          ) : (
            <p>No one has reported a problem with this listing.</p>
          )}
        </section>
      </div>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{record.draft ? "The draft in full" : "The listing in full"}</h2>
        <ListingDetails listing={record.working} areaName={p.areaName} />
      </section>

      {mayArchive ? (
        <section class="panel" aria-labelledby="archive-title">
          <h2 id="archive-title">Archive</h2>
          <p>
            {twoPersonArchive
              ? "Archiving takes this crisis listing out of search and every crisis panel. A second person must confirm it."
              : "Archiving takes the listing out of search at once, for a service that has closed or stopped. It can be published again later."}
          </p>
          <ActionForm
            action={`${base}/archive`}
            csrf={csrf}
            hidden={token}
            label={twoPersonArchive ? "Ask to archive" : "Archive"}
            variant="warning"
            confirm={
              twoPersonArchive
                ? "Ask for this crisis listing to be archived? It stays listed until a second person confirms."
                : "Archive this listing? It leaves search at once; it can be published again later."
            }
          />
        </section>
      ) : null}
    </Page>
  );
};

/**
 * What a reviewer does with a listing in review: read the four-eyes notice, write the note, and
 * publish (marking it as checked when it is past its review date), or say what needs changing.
 */
const ReviewPanel: FC<
  ListingViewProps & { base: string; token: { version: number; revision: number } }
> = (p) => {
  const { base, token, csrf } = p;
  const publishRequest = p.requests.publish;
  const due = p.draftReview?.overdue ? p.draftReview : null;
  return (
    <section class="panel" aria-labelledby="review-title">
      <h2 id="review-title">Review</h2>
      {p.fourEyes.reason ? (
        <div class={p.fourEyes.allowed ? "warning-box" : "danger-box"}>
          <p>
            <strong>Needs a second person.</strong> {p.fourEyes.reason}{" "}
            {p.fourEyes.allowed
              ? `It was changed or asked for by ${names(p.fourEyes.authorNames)}, not by you, so you may publish it: check every number carefully.`
              : p.fourEyes.mayRequest
                ? "No person in the console has entered or checked it yet: it came from the seed files or an import. Check it with the service, then ask for it to be published; a second person publishes it."
                : `You changed it or asked for it${p.fourEyes.authorNames.length ? ` (so did ${names(p.fourEyes.authorNames)})` : ""}, so someone else must publish it.`}
          </p>
        </div>
      ) : null}
      {p.fourEyes.mayRequest || publishRequest ? (
        <div class="actions">
          {p.fourEyes.mayRequest ? (
            <ActionForm
              action={`${base}/request-publish`}
              csrf={csrf}
              hidden={token}
              label="I have checked it: ask a second person to publish"
              variant="primary"
            />
          ) : null}
          {publishRequest ? (
            <ActionForm
              action={`${base}/requests/publish/cancel`}
              csrf={csrf}
              hidden={token}
              label="Withdraw the request to publish"
            />
          ) : null}
        </div>
      ) : null}
      {p.fourEyes.allowed ? (
        <form method="post" action={`${base}/publish`} class="stacked-form">
          <CsrfField token={csrf} />
          <input type="hidden" name="version" value={String(token.version)} />
          <input type="hidden" name="revision" value={String(token.revision)} />
          <TextArea
            name="note"
            label="Note for the history"
            hint="What you checked or changed. The editor and other reviewers see it in the listing's history."
            rows={2}
          />
          {due ? (
            <Checkbox
              name="markChecked"
              label="I have checked it with the service: mark it as checked today"
              checked
              hint={`${due.dueOn ? `It was due for review on ${formatDay(due.dueOn)}` : "It has never been checked"}. Untick this to publish it with its old date: parents then see “${PARENTS_SEE}”${due.hidden ? ", and search keeps hiding it" : ""}.`}
            />
          ) : null}
          <button type="submit" class="button primary">
            Publish
          </button>
        </form>
      ) : null}
      <form method="post" action={`${base}/send-back`} class="stacked-form">
        <CsrfField token={csrf} />
        <input type="hidden" name="version" value={String(token.version)} />
        <input type="hidden" name="revision" value={String(token.revision)} />
        <TextArea name="reviewNote" label="What needs changing" required rows={2} />
        <button type="submit" class="button secondary">
          Send back to the editor
        </button>
      </form>
    </section>
  );
};
