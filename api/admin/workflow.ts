/**
 * The listing workflow: draft → in review → published → archived, with every write checked
 * against what the writer read (never a silent overwrite) and recorded in the audit log.
 * Routes decide who may call what (roles.ts); this module decides what the listing allows.
 */
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { RequestAction } from "../../schema/curation.js";
import type { Listing } from "../../schema/listing-input.js";
import { listingDrafts, listingRequests, revisions, services } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { londonWallClock } from "../domain/london-time.js";
import { audit, auditWhere } from "./audit.js";
import { runBatch, type Statement } from "./batch.js";
import { withOwnChildIds } from "./child-ids.js";
import { claimDraft } from "./draft-claim.js";
import { archiveNeedsSecondPerson, withEdit } from "./four-eyes.js";
import { insertWhere, previousChanged } from "./guarded.js";
import type { EditToken, ListingRecord } from "./listing-repo.js";
import { listingRows } from "./listing-rows.js";
import { notify } from "./notify.js";
import { type PublishedWriteContext, runPublishedWrite } from "./published.js";
import type { SessionUser } from "./roles.js";
import { randomId } from "./tokens.js";

export interface WorkflowContext extends PublishedWriteContext {
  db: Db;
  now: Date;
  actor: SessionUser;
}

export type Outcome =
  /** `done` names what happened when it is not what the action usually does. */
  | { ok: true; done?: string }
  | {
      ok: false;
      problem: "conflict" | "state" | "four-eyes" | "invalid";
      message: string;
      details?: string[];
    };

export const OK: Outcome = { ok: true };
export const conflict = (): Outcome => ({
  ok: false,
  problem: "conflict",
  message: "Someone else changed this listing after you opened it. Nothing was overwritten.",
});
const wrongState = (message: string): Outcome => ({ ok: false, problem: "state", message });

/** Today's date in the UK, as listings record it. */
export const ukToday = (now: Date) => londonWallClock(now).date;

/** The live service columns written from a listing (identity, status and version are not). */
export function serviceColumns(listing: Listing) {
  const { id: _id, version: _v, status: _s, ...columns } = listingRows(listing).service;
  return columns;
}

/**
 * Keeps the services row of a listing that was never published in step with its draft, so the
 * listings table can filter and sort it; a published listing's row changes only on publish.
 */
function syncUnpublished(
  ctx: WorkflowContext,
  record: ListingRecord,
  listing: Listing,
  state: "draft" | "in-review",
  guard: SQL,
): Statement[] {
  if (record.everPublished) return [];
  return [
    ctx.db
      .update(services)
      .set({ ...serviceColumns(listing), status: state, updatedAt: ctx.now.toISOString() })
      .where(
        and(eq(services.id, record.id), inArray(services.status, ["draft", "in-review"]), guard),
      ),
  ];
}

async function claimed(db: Db, statements: Statement[]): Promise<Outcome> {
  const [claim] = await runBatch(db, statements);
  return claim ? OK : conflict();
}

/**
 * Creates a new listing as a draft (or, for an import, already in review); answers its id.
 * `also` joins the same transaction (an import's provenance row), so neither is kept alone.
 */
export async function createListing(
  ctx: WorkflowContext,
  listing: Listing,
  action: "listing.create" | "listing.import" = "listing.create",
  options: {
    state?: "draft" | "in-review";
    also?: Statement[];
    /** The child ids are derived from the listing's own new id, so cannot be anyone else's. */
    ownChildIds?: boolean;
  } = {},
): Promise<string> {
  const at = ctx.now.toISOString();
  const state = options.state ?? "draft";
  const draft = {
    ...(options.ownChildIds ? listing : await withOwnChildIds(ctx.db, listing)),
    status: "draft" as const,
    version: 1,
  };
  await runBatch(ctx.db, [
    ctx.db.insert(services).values({
      ...listingRows(draft).service,
      status: state,
      version: 1,
      createdAt: at,
      updatedAt: at,
    }),
    ctx.db.insert(listingDrafts).values({
      serviceId: listing.id,
      snapshot: draft,
      state,
      baseVersion: 1,
      revision: 1,
      editedBy: ctx.actor.id,
      editedAt: at,
      ...withEdit({ editors: [], numberEditors: [] }, ctx.actor.id, null, draft),
      submittedBy: state === "in-review" ? ctx.actor.id : null,
      submittedAt: state === "in-review" ? at : null,
      writeToken: randomId(),
      createdAt: at,
    }),
    audit(ctx.db, ctx.now, {
      userId: ctx.actor.id,
      action,
      entity: "listing",
      entityId: listing.id,
      after: draft,
    }),
    ...(options.also ?? []),
  ]);
  return listing.id;
}

/** Saves the editor's copy, if nobody saved or published since `token` was read. */
export async function saveDraft(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
  listing: Listing,
  action:
    | "listing.save"
    | "listing.restore"
    | "listing.import"
    | "listing.source-accept" = "listing.save",
  extra: Record<string, unknown> = {},
  options: {
    /** Put the saved draft in review (changes taken from a feed go to a reviewer). */
    submit?: boolean;
    /** Statements of the same transaction, run only when the save's claim holds. */
    also?: (guard: SQL) => Statement[];
  } = {},
): Promise<Outcome> {
  const own = await withOwnChildIds(ctx.db, { ...listing, id: record.id });
  const snapshot = { ...own, status: "draft" as const };
  const state =
    record.draft?.state ?? (record.live.service.status === "in-review" ? "in-review" : "draft");
  const submitting = options.submit && state !== "in-review";
  const claim = claimDraft(ctx.db, record, token, ctx.now, {
    snapshot,
    edit: {
      by: ctx.actor.id,
      authors: withEdit(record.authors, ctx.actor.id, record.working, snapshot),
    },
    // A restored version starts again as a draft; an ordinary save keeps the draft's state.
    ...(action === "listing.restore" ? { state: "draft", reviewNote: null } : {}),
    ...(submitting
      ? { state: "in-review", submittedBy: ctx.actor.id, submittedAt: ctx.now.toISOString() }
      : {}),
  });
  const nextState = action === "listing.restore" ? "draft" : options.submit ? "in-review" : state;
  return claimed(ctx.db, [
    claim.statement,
    ...syncUnpublished(ctx, record, snapshot, nextState, claim.guard),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action,
        entity: "listing",
        entityId: record.id,
        before: record.working,
        after: { ...snapshot, ...extra },
      },
      claim.guard,
    ),
    ...(options.also?.(claim.guard) ?? []),
  ]);
}

type StateMove = {
  from: "draft" | "in-review";
  to: "draft" | "in-review";
  action: "listing.submit" | "listing.withdraw" | "listing.send-back";
  note?: string | null;
};

async function move(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
  m: StateMove,
): Promise<Outcome> {
  const submitting = m.to === "in-review";
  const claim = claimDraft(ctx.db, record, token, ctx.now, {
    state: m.to,
    requireState: m.from,
    submittedBy: submitting ? ctx.actor.id : null,
    submittedAt: submitting ? ctx.now.toISOString() : null,
    reviewNote: m.note ?? null,
  });
  return claimed(ctx.db, [
    claim.statement,
    ...syncUnpublished(ctx, record, record.working, m.to, claim.guard),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action: m.action,
        entity: "listing",
        entityId: record.id,
        before: { state: m.from },
        after: { state: m.to, ...(m.note ? { note: m.note } : {}) },
      },
      claim.guard,
    ),
  ]);
}

/** The workflow state of a listing's working copy, or null if there is nothing to move. */
export function draftState(record: ListingRecord): "draft" | "in-review" | null {
  if (record.draft) return record.draft.state;
  const status = record.live.service.status;
  return status === "draft" || status === "in-review" ? status : null;
}

export async function submit(ctx: WorkflowContext, record: ListingRecord, token: EditToken) {
  if (draftState(record) === "in-review") return wrongState("This listing is already in review.");
  if (!record.draft && record.everPublished) {
    return wrongState("There are no changes to submit. Edit the listing first.");
  }
  const out = await move(ctx, record, token, {
    from: "draft",
    to: "in-review",
    action: "listing.submit",
  });
  if (out.ok) await notifyAbout(ctx, record, "listing-submitted");
  return out;
}

/** Tells those concerned about a listing event (notify.ts), once the change is written. */
export function notifyAbout(
  ctx: WorkflowContext,
  record: ListingRecord,
  kind: "listing-submitted" | "listing-sent-back" | "listing-published",
  note?: string | null,
) {
  return notify(
    ctx.db,
    ctx.now,
    { kind, subjectId: record.id, name: record.working.name, note: note ?? undefined },
    { organisationId: record.organisationId, actorId: ctx.actor.id },
  );
}

export async function withdraw(ctx: WorkflowContext, record: ListingRecord, token: EditToken) {
  if (draftState(record) !== "in-review") return wrongState("This listing is not in review.");
  return move(ctx, record, token, { from: "in-review", to: "draft", action: "listing.withdraw" });
}

export async function sendBack(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
  note: string,
) {
  if (draftState(record) !== "in-review") return wrongState("This listing is not in review.");
  const out = await move(ctx, record, token, {
    from: "in-review",
    to: "draft",
    action: "listing.send-back",
    note,
  });
  if (out.ok) await notifyAbout(ctx, record, "listing-sent-back", note);
  return out;
}

/**
 * Takes a listing out of search; its rows, drafts and revisions are all kept. A published crisis
 * listing is archived only when a second person confirms what a first one asked for.
 */
export async function archive(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
): Promise<Outcome> {
  const live = record.live.service;
  if (live.status === "archived") return wrongState("This listing is already archived.");
  const request = archiveNeedsSecondPerson(live) ? record.requests.archive : null;
  if (archiveNeedsSecondPerson(live) && !request) {
    return ask(ctx, record, token, "archive");
  }
  if (request?.requestedBy === ctx.actor.id) {
    return {
      ok: false,
      problem: "four-eyes",
      message:
        "You asked for this crisis listing to be archived. It needs a second person: someone else must confirm it.",
    };
  }
  const [changed] = await runPublishedWrite(ctx, [
    ctx.db
      .update(services)
      .set({ status: "archived", updatedAt: ctx.now.toISOString() })
      .where(
        and(
          eq(services.id, record.id),
          eq(services.version, token.version),
          eq(services.status, live.status),
        ),
      ),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action: "listing.archive",
        entity: "listing",
        entityId: record.id,
        before: { status: live.status },
        after: { status: "archived", ...(request ? { requestedBy: request.requestedBy } : {}) },
      },
      previousChanged,
    ),
    ctx.db
      .delete(listingRequests)
      .where(and(eq(listingRequests.serviceId, record.id), sql`${previousChanged}`)),
  ]);
  return changed ? OK : conflict();
}

const REQUEST_AUDIT = {
  publish: "listing.request-publish",
  archive: "listing.request-archive",
} as const;

/**
 * Records that the actor asks for `action`, about the version and draft revision they read;
 * a second person carries it out. Answers `done: "<action>-requested"`.
 */
export async function ask(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
  action: RequestAction,
): Promise<Outcome> {
  const id = record.id;
  const unchanged = sql`exists (select 1 from services where id = ${id} and version = ${token.version}
    and status = ${record.live.service.status})
    and ${
      token.revision === 0
        ? sql`not exists (select 1 from listing_drafts where service_id = ${id})`
        : sql`exists (select 1 from listing_drafts where service_id = ${id} and revision = ${token.revision})`
    }`;
  const at = ctx.now.toISOString();
  const [, asked] = await runBatch(ctx.db, [
    ctx.db
      .delete(listingRequests)
      .where(and(eq(listingRequests.serviceId, id), eq(listingRequests.action, action), unchanged)),
    insertWhere(
      ctx.db,
      listingRequests,
      {
        serviceId: id,
        action,
        requestedBy: ctx.actor.id,
        requestedAt: at,
        version: token.version,
        revision: token.revision,
      },
      unchanged,
    ),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action: REQUEST_AUDIT[action],
        entity: "listing",
        entityId: id,
        after: { version: token.version, revision: token.revision },
      },
      previousChanged,
    ),
  ]);
  return asked ? { ok: true, done: `${action}-requested` } : conflict();
}

/** Withdraws a request waiting for a second person (anyone who could carry it out may). */
export async function cancelRequest(
  ctx: WorkflowContext,
  record: ListingRecord,
  action: RequestAction,
): Promise<Outcome> {
  const request = record.requests[action];
  if (!request) return wrongState("There is no request waiting for a second person.");
  await runBatch(ctx.db, [
    ctx.db
      .delete(listingRequests)
      .where(and(eq(listingRequests.serviceId, record.id), eq(listingRequests.action, action))),
    audit(ctx.db, ctx.now, {
      userId: ctx.actor.id,
      action: "listing.cancel-request",
      entity: "listing",
      entityId: record.id,
      before: { action, requestedBy: request.requestedBy },
      after: null,
    }),
  ]);
  return { ok: true, done: "request-cancelled" };
}

/** "Mark as checked": the live listing was confirmed with its provider today. */
export async function markChecked(ctx: WorkflowContext, record: ListingRecord) {
  if (record.live.service.status !== "published") {
    return wrongState("Only a published listing can be marked as checked.");
  }
  const today = ukToday(ctx.now);
  const before = record.live.service.verifiedAt;
  await runPublishedWrite(ctx, [
    ctx.db
      .update(services)
      .set({ verifiedAt: today, updatedAt: ctx.now.toISOString() })
      .where(eq(services.id, record.id)),
    // Pending changes that left the date alone take the check too, so publishing them (which
    // keeps the draft's date) does not undo it. A date the editor changed is theirs to keep.
    ctx.db
      .update(listingDrafts)
      .set({ snapshot: sql`json_set(${listingDrafts.snapshot}, '$.verifiedAt', ${today})` })
      .where(
        and(
          eq(listingDrafts.serviceId, record.id),
          sql`json_extract(${listingDrafts.snapshot}, '$.verifiedAt') is ${before}`,
        ),
      ),
    audit(ctx.db, ctx.now, {
      userId: ctx.actor.id,
      action: "listing.check",
      entity: "listing",
      entityId: record.id,
      before: { verifiedAt: record.live.service.verifiedAt },
      after: { verifiedAt: today },
    }),
  ]);
  return OK;
}

/** Drops the pending changes to a published listing (they stay readable in the audit log). */
export async function discardDraft(ctx: WorkflowContext, record: ListingRecord, token: EditToken) {
  if (!record.draft) return wrongState("There are no pending changes to discard.");
  if (!record.everPublished) {
    return wrongState(
      "A listing that was never published has nothing to fall back to. Archive it instead.",
    );
  }
  const [changed] = await runBatch(ctx.db, [
    ctx.db
      .delete(listingDrafts)
      .where(
        and(eq(listingDrafts.serviceId, record.id), eq(listingDrafts.revision, token.revision)),
      ),
    auditWhere(
      ctx.db,
      ctx.now,
      {
        userId: ctx.actor.id,
        action: "listing.discard",
        entity: "listing",
        entityId: record.id,
        before: record.draft.snapshot,
        after: null,
      },
      previousChanged,
    ),
  ]);
  return changed ? OK : conflict();
}

/** Starts a new draft from an earlier published version; it is published like any other change. */
export async function restoreRevision(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
  version: number,
): Promise<Outcome> {
  const [revision] = await ctx.db
    .select()
    .from(revisions)
    .where(and(eq(revisions.serviceId, record.id), eq(revisions.version, version)));
  if (!revision) return wrongState(`There is no version ${version} of this listing.`);
  return saveDraft(ctx, record, token, revision.snapshot, "listing.restore", {
    restoredFromVersion: version,
  });
}
