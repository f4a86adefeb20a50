/**
 * The outbox: messages written by the daily job, drained by a replaceable sender. There is no
 * mail server here; plug a real sender in (SMTP relay, an email API) where the job is started.
 */
import { and, eq, sql } from "drizzle-orm";
import { type OutboxStatus, outbox } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { auditWhere } from "./audit.js";
import { runBatch, type Statement } from "./batch.js";
import { previousChanged } from "./guarded.js";
import type { Reminder } from "./reminders.js";
import { randomId } from "./tokens.js";

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutgoingMessage {
  id: string;
  recipients: string[];
  subject: string;
  body: string;
}

/** Sends one message or throws; the outbox records the outcome. */
export type Sender = (message: OutgoingMessage) => Promise<void>;

export const MAX_ATTEMPTS = 5;

/** Writes reminders; a second run on the same day writes nothing (one per organisation per day). */
export async function queueReminders(
  db: Db,
  now: Date,
  reminders: readonly Reminder[],
): Promise<number> {
  const statements: Statement[] = reminders.flatMap((r) => {
    const id = `m-${randomId(12)}`;
    return [
      db
        .insert(outbox)
        .values({
          id,
          kind: "review-reminder",
          organisationId: r.organisationId,
          day: r.day,
          recipients: r.recipients,
          subject: r.subject,
          body: r.body,
          payload: { listings: r.listings },
          status: "queued",
          createdAt: now.toISOString(),
        })
        .onConflictDoNothing(),
      auditWhere(
        db,
        now,
        {
          userId: null,
          action: "reminder.queue",
          entity: "outbox",
          entityId: id,
          after: {
            organisationId: r.organisationId,
            day: r.day,
            listings: r.listings.map((l) => l.id),
          },
        },
        previousChanged,
      ),
    ];
  });
  const changed = await runBatch(db, statements);
  return changed.filter((n, i) => i % 2 === 0 && n > 0).length;
}

/** The last reminder of each organisation, for deciding whether to remind again. */
export async function lastReminders(
  db: Db,
): Promise<Map<string, { day: string; listingIds: string[] }>> {
  const rows = await db.all<{ organisationId: string; day: string; payload: string }>(sql`
    select organisation_id as organisationId, day, payload from outbox o
    where kind = 'review-reminder'
      and day = (select max(day) from outbox p where p.kind = o.kind and p.organisation_id = o.organisation_id)`);
  const out = new Map<string, { day: string; listingIds: string[] }>();
  for (const r of rows) {
    const payload = JSON.parse(r.payload) as { listings?: { id: string }[] };
    out.set(r.organisationId, {
      day: r.day,
      listingIds: (payload.listings ?? []).map((l) => l.id),
    });
  }
  return out;
}

export async function listOutbox(
  db: Db,
  filter: { status?: OutboxStatus | undefined },
): Promise<(OutboxRow & { organisationName: string })[]> {
  return db
    .all(sql`
    select o.id, o.kind, o.organisation_id as organisationId, o.day, o.recipients, o.subject, o.body,
      o.payload, o.status, o.attempts, o.last_error as lastError, o.sent_at as sentAt,
      o.created_at as createdAt, g.name as organisationName
    from outbox o join organisations g on g.id = o.organisation_id
    ${filter.status ? sql`where o.status = ${filter.status}` : sql``}
    order by o.day desc, g.name limit 500`)
    .then((rows) =>
      (rows as Record<string, unknown>[]).map((r) => ({
        ...(r as unknown as OutboxRow & { organisationName: string }),
        recipients: JSON.parse(r.recipients as string) as string[],
        payload: JSON.parse(r.payload as string) as Record<string, unknown>,
      })),
    );
}

/** Hands queued messages to the sender, oldest first; failures are kept and retried. */
export async function deliverOutbox(
  db: Db,
  now: Date,
  send: Sender,
): Promise<{ sent: number; failed: number }> {
  const queued = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, "queued")))
    .orderBy(outbox.createdAt)
    .limit(100);
  let sent = 0;
  let failed = 0;
  for (const m of queued) {
    try {
      await send({ id: m.id, recipients: m.recipients, subject: m.subject, body: m.body });
      await db
        .update(outbox)
        .set({
          status: "sent",
          attempts: m.attempts + 1,
          sentAt: now.toISOString(),
          lastError: null,
        })
        .where(eq(outbox.id, m.id));
      sent++;
    } catch (err) {
      const attempts = m.attempts + 1;
      await db
        .update(outbox)
        .set({
          status: attempts >= MAX_ATTEMPTS ? "failed" : "queued",
          attempts,
          lastError: err instanceof Error ? err.message.slice(0, 500) : "send failed",
        })
        .where(eq(outbox.id, m.id));
      failed++;
    }
  }
  return { sent, failed };
}
