/**
 * Claiming a listing's draft row for one write. The claim names the version and revision the
 * writer read; if either moved on, the claim changes nothing and neither does anything guarded
 * by it. Every later statement of the write checks the claim's token (see guarded.ts).
 */
import { and, eq, type SQL, sql } from "drizzle-orm";
import type { DraftState } from "../../schema/curation.js";
import type { Listing } from "../../schema/listing-input.js";
import { listingDrafts } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import type { Statement } from "./batch.js";
import type { Authors } from "./four-eyes.js";
import { insertWhere } from "./guarded.js";
import type { EditToken, ListingRecord } from "./listing-repo.js";
import { randomToken } from "./tokens.js";

export interface DraftChange {
  snapshot?: Listing;
  state?: DraftState;
  /** Counts as an edit: bumps the revision and records the editor and the authors after it. */
  edit?: { by: string; authors: Authors };
  submittedBy?: string | null;
  submittedAt?: string | null;
  reviewNote?: string | null;
  /** Only claim a draft in this state. */
  requireState?: DraftState;
}

export interface Claim {
  statement: Statement;
  /** True inside the batch when the claim succeeded. */
  guard: SQL;
}

export function claimDraft(
  db: Db,
  record: ListingRecord,
  token: EditToken,
  now: Date,
  change: DraftChange,
): Claim {
  const nonce = randomToken(16);
  const at = now.toISOString();
  const id = record.id;
  const guard = sql`exists (select 1 from listing_drafts where service_id = ${id} and write_token = ${nonce})`;
  const liveAt = sql`exists (select 1 from services where id = ${id} and version = ${token.version})`;
  const editFields = change.edit
    ? {
        editedBy: change.edit.by,
        editedAt: at,
        editors: [...change.edit.authors.editors],
        numberEditors: [...change.edit.authors.numberEditors],
      }
    : {};

  if (token.revision > 0) {
    const set: Partial<typeof listingDrafts.$inferInsert> = {
      writeToken: nonce,
      ...editFields,
      ...(change.edit ? { revision: token.revision + 1 } : {}),
    };
    if (change.snapshot) set.snapshot = change.snapshot;
    if (change.state) set.state = change.state;
    if (change.submittedBy !== undefined) set.submittedBy = change.submittedBy;
    if (change.submittedAt !== undefined) set.submittedAt = change.submittedAt;
    if (change.reviewNote !== undefined) set.reviewNote = change.reviewNote;
    const conditions = [
      eq(listingDrafts.serviceId, id),
      eq(listingDrafts.revision, token.revision),
      liveAt,
    ];
    if (change.requireState) conditions.push(eq(listingDrafts.state, change.requireState));
    return {
      statement: db
        .update(listingDrafts)
        .set(set)
        .where(and(...conditions)),
      guard,
    };
  }

  // No draft yet: start one from the live listing. A listing that was never published has its
  // workflow state in services.status; the claim requires the state the writer saw.
  const status = record.live.service.status;
  const stateNow: DraftState = status === "in-review" ? "in-review" : "draft";
  const stateCheck = change.requireState && change.requireState !== stateNow ? sql`0` : sql`1`;
  return {
    statement: insertWhere(
      db,
      listingDrafts,
      {
        serviceId: id,
        snapshot: change.snapshot ?? record.liveListing,
        state: change.state ?? stateNow,
        baseVersion: token.version,
        revision: 1,
        editedBy: change.edit?.by ?? null,
        editedAt: at,
        editors: [...(change.edit?.authors ?? record.authors).editors],
        numberEditors: [...(change.edit?.authors ?? record.authors).numberEditors],
        submittedBy: change.submittedBy ?? null,
        submittedAt: change.submittedAt ?? null,
        reviewNote: change.reviewNote ?? null,
        writeToken: nonce,
        createdAt: at,
      },
      sql`${stateCheck} and not exists (select 1 from listing_drafts where service_id = ${id})
        and ${liveAt} and exists (select 1 from services where id = ${id} and status = ${status})`,
    ),
    guard,
  };
}
