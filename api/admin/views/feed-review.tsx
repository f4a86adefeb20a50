/**
 * /admin/feed-review: what the Open Referral feeds brought that needs a person. Changes from
 * source (old and new side by side, field by field), possible duplicates (merge), and services
 * gone at source (archive or keep).
 */
import type { FC } from "hono/jsx";
import type { CheckFlag } from "../../../schema/feeds.js";
import type { ReviewItem, ReviewQueue } from "../../feeds/review.js";
import type { EditToken } from "../listing-repo.js";
import type { SessionUser } from "../roles.js";
import type { SourceGroup } from "../source-diff.js";
import { ActionForm, formatTime, STATUS_LABELS } from "./components.js";
import { DataTable } from "./data-table.js";
import { CsrfField, Page } from "./layout.js";

export const reviewHref = (feedId: string, remoteId: string) =>
  `/admin/feed-review/${encodeURIComponent(feedId)}/${encodeURIComponent(remoteId)}`;
const listingHref = (id: string) => `/admin/listings/${encodeURIComponent(id)}`;

const statusLabel = (s: string | null) =>
  s ? (STATUS_LABELS[s as keyof typeof STATUS_LABELS] ?? s) : "";

const ListingLink: FC<{ item: ReviewItem }> = ({ item }) =>
  item.serviceId ? (
    <>
      <a href={listingHref(item.serviceId)}>{item.serviceName ?? item.serviceId}</a>
      {item.serviceStatus ? ` (${statusLabel(item.serviceStatus)})` : ""}
    </>
  ) : (
    <>–</>
  );

export const FeedReviewPage: FC<{
  user: SessionUser;
  csrf: string;
  queue: ReviewQueue;
  notice: string | null;
}> = ({ user, csrf, queue, notice }) => (
  <Page title="Feed review" user={user} csrf={csrf} active="feed-review" notice={notice}>
    <h1>Feed review</h1>
    <p>
      What the Open Referral feeds brought that needs a person. Nothing here changes a listing by
      itself: what you take from a source becomes a draft in review, and nothing is deleted.
    </p>
    <section aria-labelledby="changed-title">
      <h2 id="changed-title">Changed at source ({queue.changed.length})</h2>
      {queue.changed.length === 0 ? (
        <p>No listing has changes from its source waiting.</p>
      ) : (
        <DataTable
          caption="Listings changed at source"
          columns={["Listing", "Feed", "Fetched", "Review"]}
          rows={queue.changed.map((x) => [
            <ListingLink item={x} />,
            x.feedName,
            formatTime(x.fetchedAt),
            <a
              href={reviewHref(x.feedId, x.remoteId)}
              aria-label={`Compare ${x.serviceName ?? x.name}`}
            >
              Compare
            </a>,
          ])}
        />
      )}
    </section>
    <section aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">Possible duplicates ({queue.duplicates.length})</h2>
      {queue.duplicates.length === 0 ? (
        <p>No record from a feed is waiting to be merged.</p>
      ) : (
        <DataTable
          caption="Possible duplicates"
          columns={["Record", "Feed", "Matches", "Why", "Review"]}
          rows={queue.duplicates.map((x) => [
            x.name || x.remoteId,
            x.feedName,
            <ListingLink item={x} />,
            x.reason ?? "–",
            <a href={reviewHref(x.feedId, x.remoteId)} aria-label={`Merge or keep ${x.name}`}>
              Merge or keep
            </a>,
          ])}
        />
      )}
    </section>
    <section aria-labelledby="gone-title">
      <h2 id="gone-title">Gone at source ({queue.gone.length})</h2>
      {queue.gone.length === 0 ? (
        <p>No listing has gone from its source.</p>
      ) : (
        <DataTable
          caption="Listings gone at source"
          columns={["Listing", "Feed", "Why", "Decide"]}
          rows={queue.gone.map((x) => [
            <ListingLink item={x} />,
            x.feedName,
            x.reason ?? "–",
            <a
              href={reviewHref(x.feedId, x.remoteId)}
              aria-label={`Archive or keep ${x.serviceName ?? x.name}`}
            >
              Archive or keep
            </a>,
          ])}
        />
      )}
    </section>
  </Page>
);

const Problem: FC<{ problem: string | null }> = ({ problem }) =>
  problem ? (
    <div class="danger-box" role="alert">
      <p>{problem}</p>
    </div>
  ) : null;

const Flags: FC<{ flags: CheckFlag[] }> = ({ flags }) =>
  flags.length ? (
    <div class="warning-box">
      <p>
        <strong>Check these in the source's version:</strong>
      </p>
      <ul>
        {flags.map((f) => (
          <li>{f.message}</li>
        ))}
      </ul>
    </div>
  ) : null;

/**
 * One group's rows: ours (old) and the source's (new), a row per changed field. Fixed columns
 * that wrap anywhere, so it fits a phone without scrolling sideways.
 */
const GroupTable: FC<{ group: SourceGroup; oursLabel: string; theirsLabel: string }> = ({
  group,
  oursLabel,
  theirsLabel,
}) => {
  // A single field's group needs no field column: the heading names it.
  const named = group.changes.some((c) => c.field !== group.label);
  return (
    <table class={named ? "compare named" : "compare"}>
      <caption class="visually-hidden">{group.label}</caption>
      <thead>
        <tr>
          {named ? <th scope="col">Field</th> : null}
          <th scope="col">{oursLabel}</th>
          <th scope="col">{theirsLabel}</th>
        </tr>
      </thead>
      <tbody>
        {group.changes.map((c) => (
          <tr>
            {named ? <th scope="row">{c.field}</th> : null}
            <td>{c.kind === "added" ? "(none)" : c.before}</td>
            <td>{c.kind === "removed" ? "(removed)" : c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
};

const groupId = (key: string) => `take-${key.replace(/[^A-Za-z0-9]+/g, "-")}`;

export const SourceChangePage: FC<{
  user: SessionUser;
  csrf: string;
  item: ReviewItem;
  feedName: string;
  groups: SourceGroup[];
  flags: CheckFlag[];
  unreadable: string | null;
  hash: string;
  token: EditToken;
  problem: string | null;
  notice: string | null;
}> = (p) => {
  const action = reviewHref(p.item.feedId, p.item.remoteId);
  const hidden = { hash: p.hash, version: p.token.version, revision: p.token.revision };
  return (
    <Page
      title={`Change from source: ${p.item.serviceName ?? p.item.name}`}
      user={p.user}
      csrf={p.csrf}
      active="feed-review"
      notice={p.notice}
    >
      <p>
        <a href="/admin/feed-review">Back to feed review</a>
      </p>
      <h1>Change from source: {p.item.serviceName ?? p.item.name}</h1>
      <p>
        <strong>{p.feedName}</strong> changed this service (fetched {formatTime(p.item.fetchedAt)}
        ). Our listing: <ListingLink item={p.item} />.
      </p>
      <Problem problem={p.problem} />
      {p.unreadable ? (
        <div class="warning-box">
          <p>The source's new version cannot be read: {p.unreadable}</p>
        </div>
      ) : p.groups.length === 0 ? (
        <p>The source's version says nothing our listing does not already say.</p>
      ) : (
        <>
          <p>
            Choose what to take from the source. What you take becomes a draft in review, published
            by a second person as usual; everything else stays as ours is.
          </p>
          <Flags flags={p.flags} />
          <form method="post" action={action} novalidate>
            <CsrfField token={p.csrf} />
            {Object.entries(hidden).map(([name, value]) => (
              <input type="hidden" name={name} value={String(value)} />
            ))}
            {p.groups.map((g) => (
              <fieldset
                class="panel"
                aria-describedby={g.editedHere ? `${groupId(g.key)}-note` : undefined}
              >
                <legend>{g.label}</legend>
                {g.editedHere ? (
                  <p class="hint" id={`${groupId(g.key)}-note`}>
                    Edited here since the last import: taking the source's version replaces that
                    edit.
                  </p>
                ) : null}
                <GroupTable group={g} oursLabel="Ours now" theirsLabel="From the source" />
                <div class="checkbox">
                  <input
                    type="checkbox"
                    id={groupId(g.key)}
                    name="take"
                    value={g.key}
                    checked={!g.editedHere}
                  />
                  <label for={groupId(g.key)}>Take the source's {g.label.toLowerCase()}</label>
                </div>
              </fieldset>
            ))}
            <div class="form-actions">
              <button type="submit" name="intent" value="take" class="button primary">
                Take the chosen changes
              </button>
              <button type="submit" name="intent" value="all" class="button secondary">
                Take all changes
              </button>
            </div>
          </form>
        </>
      )}
      <ActionForm
        action={action}
        csrf={p.csrf}
        label="Keep ours, take nothing"
        hidden={{ ...hidden, intent: "keep" }}
      />
    </Page>
  );
};

export const DuplicatePage: FC<{
  user: SessionUser;
  csrf: string;
  item: ReviewItem;
  feedName: string;
  differences: SourceGroup[];
  twinPublished: boolean;
  token: EditToken | null;
  problem: string | null;
}> = (p) => {
  const action = reviewHref(p.item.feedId, p.item.remoteId);
  const twin = p.item.serviceName ?? p.item.serviceId ?? "the listing it matched";
  return (
    <Page
      title={`Possible duplicate: ${p.item.name}`}
      user={p.user}
      csrf={p.csrf}
      active="feed-review"
    >
      <p>
        <a href="/admin/feed-review">Back to feed review</a>
      </p>
      <h1>Possible duplicate: {p.item.name || p.item.remoteId}</h1>
      <p>
        A record from <strong>{p.feedName}</strong> looks like our listing{" "}
        <ListingLink item={p.item} />. {p.item.reason}
      </p>
      <Problem problem={p.problem} />
      <h2>How the record differs from our listing</h2>
      {p.differences.length === 0 ? (
        <p>It says nothing our listing does not already say.</p>
      ) : (
        p.differences.map((g) => (
          <section class="panel" aria-label={g.label}>
            <h3>{g.label}</h3>
            <GroupTable group={g} oursLabel="Our listing" theirsLabel="The feed's record" />
          </section>
        ))
      )}
      <h2>What to do</h2>
      <div class="panel">
        <h3>The same service</h3>
        <p>
          Keep {twin} and link the record to it: later changes at source come here for review.
          {p.differences.length
            ? " The differences above wait as a change from source, to take field by field."
            : ""}
        </p>
        <ActionForm
          action={action}
          csrf={p.csrf}
          label={`Merge into ${twin}`}
          variant="primary"
          hidden={{ intent: "merge" }}
        />
        {p.token && !p.twinPublished ? (
          <>
            <p>
              Or keep the feed's record instead: it becomes a draft in review, follows every feed
              that {twin} followed, and {twin} (never published) is archived with its history.
            </p>
            <ActionForm
              action={action}
              csrf={p.csrf}
              label={`Keep the record, archive ${twin}`}
              hidden={{ intent: "replace", version: p.token.version, revision: p.token.revision }}
            />
          </>
        ) : null}
      </div>
      <div class="panel">
        <h3>Not the same service</h3>
        <p>Import the record as its own listing, a draft in review.</p>
        <ActionForm
          action={action}
          csrf={p.csrf}
          label="Import as its own listing"
          hidden={{ intent: "separate" }}
        />
      </div>
    </Page>
  );
};

export const GonePage: FC<{
  user: SessionUser;
  csrf: string;
  item: ReviewItem;
  feedName: string;
  token: EditToken;
  problem: string | null;
}> = (p) => {
  const action = reviewHref(p.item.feedId, p.item.remoteId);
  const name = p.item.serviceName ?? p.item.name;
  return (
    <Page title={`Gone at source: ${name}`} user={p.user} csrf={p.csrf} active="feed-review">
      <p>
        <a href="/admin/feed-review">Back to feed review</a>
      </p>
      <h1>Gone at source: {name}</h1>
      <p>
        <strong>{p.feedName}</strong>: {p.item.reason ?? "gone at source"} Our listing:{" "}
        <ListingLink item={p.item} />. Nothing has been changed or deleted.
      </p>
      <Problem problem={p.problem} />
      <div class="panel">
        <h2>The service has closed</h2>
        <p>
          Archive the listing: it leaves search, and its rows and history are kept. A published
          crisis listing needs a second person to confirm.
        </p>
        <ActionForm
          action={action}
          csrf={p.csrf}
          label="Archive the listing"
          variant="warning"
          hidden={{ intent: "archive", version: p.token.version, revision: p.token.revision }}
        />
      </div>
      <div class="panel">
        <h2>The service still runs</h2>
        <p>Keep the listing as it is; we look after it ourselves from now on.</p>
        <ActionForm
          action={action}
          csrf={p.csrf}
          label="Keep the listing"
          hidden={{ intent: "keep-gone" }}
        />
      </div>
    </Page>
  );
};
