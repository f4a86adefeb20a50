/**
 * The outbox: messages written by the daily job and sent from here by the configured transport
 * (api/admin/mail.ts, api/node/smtp.ts). Without one they wait, viewable in the console.
 */
import { and, eq, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import { type OutboxKind, type OutboxStatus, outbox } from "../../schema/tables.js";
import type { MailLanguage } from "../../schema/taxonomy.js";
import type { Db } from "../db/types.js";
import { londonWallClock } from "../domain/london-time.js";
import { auditWhere } from "./audit.js";
import { runBatch, type Statement } from "./batch.js";
import { emailLinkWhere, linkRow } from "./email-links.js";
import { previousChanged } from "./guarded.js";
import { type Sender, safeError, textToHtml } from "./mail.js";
import { CONFIRM_LINK_DAYS, type Reminder } from "./reminders.js";
import { randomId } from "./tokens.js";

export type OutboxRow = typeof outbox.$inferSelect;

export type { OutgoingMessage, Sender } from "./mail.js";

export const MAX_ATTEMPTS = 5;

/**
 * Writes reminders, each with its "still correct" links (stored as digests); a second run on the
 * same day writes nothing (one per organisation per day), links included.
 */
export async function queueReminders(
  db: Db,
  now: Date,
  reminders: readonly Reminder[],
): Promise<number> {
  const firsts: number[] = [];
  const statements: Statement[] = [];
  for (const r of reminders) {
    const id = `m-${randomId(12)}`;
    firsts.push(statements.length);
    statements.push(
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
          lang: r.lang,
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
    );
    // Each insert runs only if the one before it did: no links for a reminder not written.
    for (const [listingId, token] of Object.entries(r.tokens)) {
      statements.push(
        emailLinkWhere(
          db,
          await linkRow(now, {
            token,
            purpose: "confirm-listing",
            subjectId: listingId,
            organisationId: r.organisationId,
            days: CONFIRM_LINK_DAYS,
          }),
        ),
      );
    }
  }
  const changed = await runBatch(db, statements);
  return firsts.filter((i) => (changed[i] ?? 0) > 0).length;
}

export interface NewMail {
  kind: Exclude<OutboxKind, "review-reminder">;
  /** Makes the message once-only: a second queueMail with the same key writes nothing. */
  key: string;
  recipients: string[];
  subject: string;
  body: string;
  lang: MailLanguage;
  organisationId?: string | null | undefined;
  userId?: string | null | undefined;
  /** Ids of what the message is about (never personal data: the outbox is shown in the console). */
  payload?: Record<string, unknown>;
}

/**
 * The statement that puts one message in the outbox, to run alone or in the batch of the change
 * that causes it (an invitation with its account, a digest with its notifications). The sending
 * job delivers it, with retries, like a reminder.
 */
export function queueMailStatement(db: Db, now: Date, mail: NewMail, id = `m-${randomId(12)}`) {
  return db
    .insert(outbox)
    .values({
      id,
      kind: mail.kind,
      key: mail.key,
      organisationId: mail.organisationId ?? null,
      userId: mail.userId ?? null,
      day: londonWallClock(now).date,
      recipients: mail.recipients,
      subject: mail.subject,
      body: mail.body,
      lang: mail.lang,
      payload: mail.payload ?? {},
      status: "queued",
      createdAt: now.toISOString(),
    })
    .onConflictDoNothing();
}

/** Queues one message; answers whether it was new (false: its key was queued before). */
export async function queueMail(db: Db, now: Date, mail: NewMail): Promise<boolean> {
  const result = await queueMailStatement(db, now, mail);
  return result.rowsAffected === 1;
}

/** Messages other than reminders are kept this long after they were sent or gave up. */
export const MAIL_RETENTION_DAYS = 30;

/**
 * Erases sent and failed messages other than review reminders (which later reminders and the
 * reviewers' digest read) MAIL_RETENTION_DAYS after they were written: their bodies hold
 * links, names and the addresses of people outside the console.
 */
export async function purgeOutbox(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - MAIL_RETENTION_DAYS * 86_400_000).toISOString();
  const result = await db
    .delete(outbox)
    .where(
      and(
        ne(outbox.kind, "review-reminder"),
        ne(outbox.status, "queued"),
        lt(outbox.createdAt, before),
      ),
    );
  return result.rowsAffected;
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

/** Mail to one person that carries a link to set their password (see account-links.ts). */
export const PERSONAL_KINDS: readonly OutboxKind[] = ["invitation", "password-reset"];

/**
 * The token in a set-password link or a "confirm your address" link: the console never shows
 * either (staff could otherwise confirm an address for its owner), and a sent message loses the
 * first kind.
 */
const LINK_TOKEN = /([?&]token=|\/confirm\/)[A-Za-z0-9_-]+/g;
export const withoutLinkTokens = (text: string) => text.replace(LINK_TOKEN, "$1[removed]");

/**
 * Deletes mail to people once its link is useless (older than `olderThanMs`): their address and
 * the message have no use after that.
 */
export async function purgePersonalMail(db: Db, now: Date, olderThanMs: number): Promise<number> {
  const before = new Date(now.getTime() - olderThanMs).toISOString();
  const result = await db.run(sql`delete from outbox
    where kind in ('invitation', 'password-reset') and created_at < ${before}`);
  return result.rowsAffected;
}

export async function listOutbox(
  db: Db,
  filter: { status?: OutboxStatus | undefined },
): Promise<(OutboxRow & { organisationName: string | null })[]> {
  return db
    .all(sql`
    select o.id, o.kind, o.organisation_id as organisationId, o.day, o.recipients, o.subject, o.body,
      o.payload, o.status, o.attempts, o.last_error as lastError,
      o.next_attempt_at as nextAttemptAt, o.sent_at as sentAt,
      o.created_at as createdAt, o.lang, o.user_id as userId, o.key,
      coalesce(g.name, u.name, '') as organisationName
    from outbox o left join organisations g on g.id = o.organisation_id
    left join users u on u.id = o.user_id
    ${filter.status ? sql`where o.status = ${filter.status}` : sql``}
    order by o.day desc, o.created_at desc limit 500`)
    .then((rows) =>
      (rows as Record<string, unknown>[]).map((r) => ({
        ...(r as unknown as OutboxRow & { organisationName: string | null }),
        body: withoutLinkTokens(r.body as string),
        recipients: JSON.parse(r.recipients as string) as string[],
        payload: JSON.parse(r.payload as string) as Record<string, unknown>,
      })),
    );
}

/** How long a run owns a message it claimed; a run that died mid-send frees it after this. */
export const CLAIM_MS = 10 * 60_000;

/** The wait after the n-th failed attempt: 15 minutes, then 45, 2 h 15, 6 h 45. */
export function retryDelayMs(attempts: number): number {
  return 15 * 60_000 * 3 ** Math.max(0, attempts - 1);
}

const plus = (now: Date, ms: number) => new Date(now.getTime() + ms).toISOString();

/**
 * Sends the queued messages that are due, oldest first. Each one is claimed with a guarded
 * update first (its attempt count and a next-attempt time a little ahead), so a second run,
 * overlapping or not, never sends it again. A failure keeps it queued with the error and a
 * later attempt time; after MAX_ATTEMPTS it is "failed" and stays visible in the console.
 */
export async function deliverOutbox(
  db: Db,
  now: Date,
  send: Sender,
  only?: { id: string },
): Promise<{ sent: number; failed: number }> {
  const at = now.toISOString();
  const due = await db
    .select()
    .from(outbox)
    .where(
      and(
        eq(outbox.status, "queued"),
        or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, at)),
        only ? eq(outbox.id, only.id) : undefined,
      ),
    )
    .orderBy(outbox.createdAt)
    .limit(100);
  let sent = 0;
  let failed = 0;
  for (const m of due) {
    const attempts = m.attempts + 1;
    const claim = await db
      .update(outbox)
      .set({ attempts, nextAttemptAt: plus(now, CLAIM_MS) })
      .where(
        and(
          eq(outbox.id, m.id),
          eq(outbox.status, "queued"),
          eq(outbox.attempts, m.attempts),
          or(isNull(outbox.nextAttemptAt), lte(outbox.nextAttemptAt, at)),
        ),
      );
    if (claim.rowsAffected !== 1) continue;
    try {
      if (m.recipients.length === 0) {
        throw new Error("Nobody to send to: the organisation has no email address or editors");
      }
      await send({
        id: m.id,
        to: m.recipients,
        subject: m.subject,
        text: m.body,
        html: textToHtml(m.body, m.lang),
      });
      await db
        .update(outbox)
        .set({
          status: "sent",
          sentAt: now.toISOString(),
          lastError: null,
          nextAttemptAt: null,
          // Once delivered, the link lives only in the recipient's mailbox.
          ...(PERSONAL_KINDS.includes(m.kind) ? { body: withoutLinkTokens(m.body) } : {}),
        })
        .where(eq(outbox.id, m.id));
      sent++;
    } catch (err) {
      const last = attempts >= MAX_ATTEMPTS || m.recipients.length === 0;
      await db
        .update(outbox)
        .set({
          status: last ? "failed" : "queued",
          // Transports redact their own errors; this catches the rest (no addresses, ever).
          lastError: safeError(err, []),
          nextAttemptAt: last ? null : plus(now, retryDelayMs(attempts)),
        })
        .where(eq(outbox.id, m.id));
      failed++;
    }
  }
  return { sent, failed };
}
