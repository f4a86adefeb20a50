/** Every published version of a listing, what changed in each, and a way back to any of them. */
import type { FC } from "hono/jsx";
import type { Change } from "../diff.js";
import type { EditToken } from "../listing-repo.js";
import type { SessionUser } from "../roles.js";
import { ActionForm, formatTime } from "./components.js";
import { DiffList } from "./diff-list.js";
import { Page } from "./layout.js";

export interface HistoryEntry {
  version: number;
  createdAt: string;
  publishedBy: string | null;
  editedBy: string | null;
  note: string | null;
  changes: Change[];
  current: boolean;
}

export const HistoryPage: FC<{
  user: SessionUser;
  csrf: string;
  id: string;
  name: string;
  entries: HistoryEntry[];
  token: EditToken;
  canRestore: boolean;
  hasDraft: boolean;
}> = (p) => {
  const base = `/admin/listings/${encodeURIComponent(p.id)}`;
  return (
    <Page title={`History: ${p.name}`} user={p.user} csrf={p.csrf} active="listings">
      <p>
        <a href={base}>Back to the listing</a>
      </p>
      <h1>History of {p.name}</h1>
      <p>
        Every published version is kept. Restoring one makes it a new draft, which is reviewed and
        published like any other change.{" "}
        <a href={`/admin/audit?entity=listing&entityId=${encodeURIComponent(p.id)}`}>
          See every change in the audit log
        </a>
        .
      </p>
      {p.hasDraft && p.canRestore ? (
        <div class="warning-box">
          <p>
            This listing has a draft. Restoring a version replaces the draft (the draft stays in the
            audit log).
          </p>
        </div>
      ) : null}
      {p.entries.length === 0 ? (
        <p>No version has been published from the console yet.</p>
      ) : (
        p.entries.map((e) => (
          <section class="panel" aria-labelledby={`v${e.version}`}>
            <h2 id={`v${e.version}`}>
              Version {e.version}
              {e.current ? " (published now)" : ""}
            </h2>
            <p>
              Published {formatTime(e.createdAt)}
              {e.publishedBy ? ` by ${e.publishedBy}` : ""}
              {e.editedBy ? `; last edited by ${e.editedBy}` : ""}.
            </p>
            {e.note ? <p>Note: {e.note}</p> : null}
            <h3>Changes from the version before</h3>
            <DiffList changes={e.changes} empty="No differences from the version before." />
            {p.canRestore && !e.current ? (
              <ActionForm
                action={`${base}/revisions/${e.version}/restore`}
                csrf={p.csrf}
                hidden={{ version: p.token.version, revision: p.token.revision }}
                label={`Restore version ${e.version} as a draft`}
                confirm={`Make version ${e.version} the draft? It is not public until it is published.`}
              />
            ) : null}
          </section>
        ))
      )}
    </Page>
  );
};
