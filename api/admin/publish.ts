/**
 * Publishing: the draft becomes the live listing in one transaction, the new version is kept as
 * a revision, and the draft is removed. Guarded by a claim on the draft (see draft-claim.ts).
 */
import { and, eq, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { type Listing, listingInput } from "../../schema/listing-input.js";
import {
  contacts,
  listingDrafts,
  listingRequests,
  locations,
  revisions,
  schedules,
  serviceAreas,
  services,
} from "../../schema/tables.js";
import { futureCheckProblem } from "../domain/review.js";
import { auditWhere } from "./audit.js";
import type { Statement } from "./batch.js";
import { claimDraft } from "./draft-claim.js";
import { fourEyes } from "./four-eyes.js";
import { insertWhere } from "./guarded.js";
import type { EditToken, ListingRecord } from "./listing-repo.js";
import { listingRows } from "./listing-rows.js";
import { runPublishedWrite } from "./published.js";
import { randomId } from "./tokens.js";
import {
  ask,
  conflict,
  draftState,
  notifyAbout,
  OK,
  type Outcome,
  serviceColumns,
  ukToday,
  type WorkflowContext,
} from "./workflow.js";

/** What the four-eyes rule asks of this publish, and whether this person may go ahead. */
export function fourEyesCheck(record: ListingRecord, publisherId: string) {
  const decision = fourEyes(
    record.working,
    record.everPublished ? record.liveListing : null,
    { ...record.authors, requestedBy: record.requests.publish?.requestedBy ?? null },
    publisherId,
  );
  return { ...decision, lastEditor: record.draft?.editedBy ?? null };
}

export async function publish(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
  note: string | null = null,
  options: { markChecked?: boolean } = {},
): Promise<Outcome> {
  if (draftState(record) !== "in-review") {
    return { ok: false, problem: "state", message: "Only a listing in review can be published." };
  }
  const check = fourEyesCheck(record, ctx.actor.id);
  if (!check.allowed) {
    return {
      ok: false,
      problem: "four-eyes",
      message: check.mayRequest
        ? `${check.reason} No person in the console has entered or checked it yet (it came from the seed files or an import). It needs a second person: ask for it to be published, and someone else publishes it.`
        : `${check.reason} It needs a second person: someone who did not make or ask for the change must publish it.`,
    };
  }
  const version = record.everPublished ? token.version + 1 : token.version;
  // The draft's "last checked" date stands, as the reviewer saw it (a check made on the live
  // listing meanwhile was carried into the draft by markChecked), unless the reviewer says they
  // checked it with the service: then today's UK date goes out with this version, audited as a
  // check of its own.
  const today = ukToday(ctx.now);
  const checkedBefore = record.working.verifiedAt ?? null;
  const checkedNow = Boolean(options.markChecked) && checkedBefore !== today;
  const parsed = listingInput.safeParse({
    ...record.working,
    ...(checkedNow ? { verifiedAt: today } : {}),
    id: record.id,
    status: "published",
    version,
  });
  const futureCheck = checkedNow ? null : futureCheckProblem(record.working.verifiedAt, today);
  if (!parsed.success || futureCheck) {
    return {
      ok: false,
      problem: "invalid",
      message: "This listing is not ready to publish. Edit it to fix:",
      details: [
        ...(futureCheck ? [`Last checked: ${futureCheck}`] : []),
        ...(parsed.success ? [] : parsed.error.issues).map((i) =>
          z.prettifyError(new z.ZodError([i])).replace(/^✖ /, ""),
        ),
      ],
    };
  }
  const listing: Listing = parsed.data;
  const { db, now, actor } = ctx;
  const at = now.toISOString();
  const id = record.id;
  const claim = claimDraft(db, record, token, now, { requireState: "in-review" });
  const { guard } = claim;
  const rows = listingRows(listing);
  const mine = (column: SQLiteColumn) => and(eq(column, id), guard);

  const statements: Statement[] = [claim.statement];
  if (record.everPublished) {
    // Listings that came from the seed files have no revision of the version people see now:
    // keep it before it is replaced, so nothing is lost.
    statements.push(
      insertWhere(
        db,
        revisions,
        {
          id: randomId(),
          serviceId: id,
          version: token.version,
          snapshot: record.liveListing,
          userId: null,
          editedBy: null,
          note: "Kept when the first change made in the console was published.",
          createdAt: at,
        },
        sql`${guard} and not exists (select 1 from revisions where service_id = ${id} and version = ${token.version})`,
      ),
    );
  }
  statements.push(
    db
      .update(services)
      .set({ ...serviceColumns(listing), status: "published", version, updatedAt: at })
      .where(and(eq(services.id, id), guard)),
    db.delete(schedules).where(mine(schedules.serviceId)),
    db.delete(contacts).where(mine(contacts.serviceId)),
    db.delete(locations).where(mine(locations.serviceId)),
    db.delete(serviceAreas).where(mine(serviceAreas.serviceId)),
    ...rows.contacts.map((r) => insertWhere(db, contacts, r, guard)),
    ...rows.locations.map((r) => insertWhere(db, locations, r, guard)),
    ...rows.schedules.map((r) => insertWhere(db, schedules, r, guard)),
    ...rows.areas.map((r) => insertWhere(db, serviceAreas, r, guard)),
    insertWhere(
      db,
      revisions,
      {
        id: randomId(),
        serviceId: id,
        version,
        snapshot: listing,
        userId: actor.id,
        editedBy: check.lastEditor,
        note,
        createdAt: at,
      },
      guard,
    ),
    auditWhere(
      db,
      now,
      {
        userId: actor.id,
        action: "listing.publish",
        entity: "listing",
        entityId: id,
        before: record.everPublished ? record.liveListing : null,
        after: { ...listing, ...(note ? { publishNote: note } : {}) },
      },
      guard,
    ),
    ...(checkedNow
      ? [
          auditWhere(
            db,
            now,
            {
              userId: actor.id,
              action: "listing.check",
              entity: "listing",
              entityId: id,
              before: { verifiedAt: checkedBefore },
              after: { verifiedAt: today },
            },
            guard,
          ),
        ]
      : []),
    db.delete(listingDrafts).where(and(eq(listingDrafts.serviceId, id), guard)),
    // Requests were about the version now replaced.
    db.delete(listingRequests).where(and(eq(listingRequests.serviceId, id), guard)),
  );
  const [claimed] = await runPublishedWrite(ctx, statements);
  if (claimed) await notifyAbout(ctx, record, "listing-published");
  return claimed ? OK : conflict();
}

/**
 * Asks for a listing to be published when no person stands behind its numbers yet (it came from
 * the seed files): the asker vouches for it, and a second person publishes it.
 */
export async function requestPublish(
  ctx: WorkflowContext,
  record: ListingRecord,
  token: EditToken,
): Promise<Outcome> {
  if (draftState(record) !== "in-review") {
    return { ok: false, problem: "state", message: "Only a listing in review can be published." };
  }
  const check = fourEyesCheck(record, ctx.actor.id);
  if (!check.mayRequest) {
    return {
      ok: false,
      problem: "state",
      message: check.allowed
        ? "This listing needs no request: you may publish it."
        : "You made or asked for this change, so someone else must publish it.",
    };
  }
  return ask(ctx, record, token, "publish");
}
