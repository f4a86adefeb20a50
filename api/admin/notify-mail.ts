/**
 * The daily job's notification step (notify.ts): each pending event goes out at once to people
 * who chose "immediate"; everyone else gets one digest a day, from 07:00 UK time, which for
 * reviewers and admins also sums up the queues: listings waiting for review, offered services
 * waiting, for admins requests for editor access waiting, and listings still overdue 14 days
 * after their reminder. Example listings are not counted as work (reminders leave them out too):
 * those waiting for review are named apart, since the page the count links to lists them, and
 * alone they make no summary. Each message has a key, so a second or overlapping run queues
 * nothing twice.
 */
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { NotifyChoice, Role } from "../../schema/curation.js";
import type { NotificationEvent } from "../../schema/mail.js";
import { notifications, outbox } from "../../schema/tables.js";
import type { Lang } from "../../schema/taxonomy.js";
import type { Db } from "../db/types.js";
import { londonWallClock } from "../domain/london-time.js";
import { runBatch, type Statement } from "./batch.js";
import { previousChanged } from "./guarded.js";
import { inState } from "./listing-repo.js";
import { organisationMailLanguages, personMailLanguage } from "./mail-language.js";
import { inLanguages } from "./mail-text.js";
import { notifyChoiceOf } from "./notify.js";
import { digestMail, eventMail, queuesFor, type ReviewQueues } from "./notify-text.js";
import { queueMailStatement } from "./outbox.js";
import { reviewStatus } from "./review-status.js";
import { randomId } from "./tokens.js";

/** Digests are written from this UK hour on. */
export const DIGEST_HOUR = 7;
/** A listing goes into the reviewers' digest this many days after its first reminder. */
export const OVERDUE_AFTER_REMINDER_DAYS = 14;
/** Notification rows are kept this long (they name listings, not people). */
export const NOTIFICATION_RETENTION_DAYS = 30;

const DAY_MS = 86_400_000;

interface Person {
  id: string;
  email: string;
  name: string;
  role: Role;
  notify: NotifyChoice | null;
  organisationId: string | null;
}

interface Pending {
  id: string;
  userId: string;
  event: NotificationEvent;
}

/** Listings still overdue whose first reminder since their last check is 14 days old or more. */
export async function overdueAfterReminder(db: Db, now: Date): Promise<ReviewQueues["overdue"]> {
  const today = londonWallClock(now).date;
  const cutoff = londonWallClock(
    new Date(now.getTime() - OVERDUE_AFTER_REMINDER_DAYS * DAY_MS),
  ).date;
  const rows = await db.all<{
    id: string;
    name: string;
    kind: string;
    verifiedAt: string | null;
    reviewEveryDays: number;
    first: string;
  }>(sql`
    select s.id, s.name, s.kind, s.verified_at as verifiedAt, s.review_every_days as reviewEveryDays,
      min(o.day) as first
    from outbox o, json_each(o.payload, '$.listings') j
    join services s on s.id = json_extract(j.value, '$.id')
    where o.kind = 'review-reminder' and s.status = 'published' and s.demo = 0
      and o.day > coalesce(s.verified_at, '')
    group by s.id
    having min(o.day) <= ${cutoff}
    order by first, s.name`);
  return rows
    .filter(
      (r) => r.first <= today && reviewStatus(r as Parameters<typeof reviewStatus>[0], now).overdue,
    )
    .map((r) => ({ id: r.id, name: r.name, remindedOn: r.first }));
}

async function reviewQueues(db: Db, now: Date): Promise<ReviewQueues> {
  const inReview = sql`from services s left join listing_drafts d on d.service_id = s.id
    where ${inState("in-review")}`;
  const [counts] = await db.all<Omit<ReviewQueues, "overdue">>(sql`
    select
      (select count(*) ${inReview} and s.demo = 0) as waiting,
      (select count(*) ${inReview} and s.demo = 1) as examplesWaiting,
      (select count(*) from submissions where status = 'waiting') as submissions,
      (select count(*) from access_requests where status = 'waiting') as accessRequests`);
  return {
    waiting: counts?.waiting ?? 0,
    examplesWaiting: counts?.examplesWaiting ?? 0,
    submissions: counts?.submissions ?? 0,
    accessRequests: counts?.accessRequests ?? 0,
    overdue: await overdueAfterReminder(db, now),
  };
}

export async function queueNotifications(
  db: Db,
  now: Date,
  origin: string,
): Promise<{ notifications: number; digests: number }> {
  const day = londonWallClock(now).date;
  const digestTime = londonWallClock(now).time >= `${String(DIGEST_HOUR).padStart(2, "0")}:00`;
  const [people, pendingRows, languages] = await Promise.all([
    db.all<Person>(sql`
      select id, email, name, role, notify, organisation_id as organisationId
      from users where disabled = 0`),
    db
      .select({ id: notifications.id, userId: notifications.userId, event: notifications.event })
      .from(notifications)
      .where(isNull(notifications.outboxId))
      .orderBy(notifications.createdAt),
    organisationMailLanguages(db),
  ]);
  const pending = new Map<string, Pending[]>();
  for (const p of pendingRows as Pending[]) {
    pending.set(p.userId, [...(pending.get(p.userId) ?? []), p]);
  }
  const queues = digestTime ? await reviewQueues(db, now) : null;
  const statements: Statement[] = [];
  const immediate: number[] = [];
  const daily: number[] = [];
  for (const person of people) {
    const lang = personMailLanguage(person, languages);
    const to = { name: person.name, editor: person.role === "editor" };
    const mine = pending.get(person.id) ?? [];
    const choice = notifyChoiceOf(person);
    if (choice === "immediate") {
      for (const n of mine) {
        const key = `notification:${n.id}`;
        const text = inLanguages(lang, (l: Lang) => eventMail(n.event, l, origin, to));
        immediate.push(statements.length);
        statements.push(
          queueMailStatement(db, now, {
            kind: "notification",
            key,
            recipients: [person.email],
            userId: person.id,
            lang,
            payload: { event: n.event.kind, subjectId: n.event.subjectId },
            ...text,
          }),
          db
            .update(notifications)
            .set({ outboxId: sql`(select id from ${outbox} where ${outbox.key} = ${key})` })
            .where(and(eq(notifications.id, n.id), isNull(notifications.outboxId))),
        );
      }
    }
    if (!digestTime) continue;
    const events = choice === "daily" ? mine : [];
    const personQueues = queues && queuesFor(person.role, queues);
    if (events.length === 0 && !personQueues) continue;
    const id = `m-${randomId(12)}`;
    daily.push(statements.length);
    const text = inLanguages(lang, (l: Lang) =>
      digestMail(
        events.map((e) => e.event),
        personQueues,
        l,
        origin,
        to,
      ),
    );
    statements.push(
      queueMailStatement(
        db,
        now,
        {
          kind: "digest",
          key: `digest:${person.id}:${day}`,
          recipients: [person.email],
          userId: person.id,
          lang,
          payload: { events: events.map((e) => e.id) },
          ...text,
        },
        id,
      ),
    );
    if (events.length > 0) {
      statements.push(
        db
          .update(notifications)
          .set({ outboxId: id })
          .where(
            and(
              inArray(
                notifications.id,
                events.map((e) => e.id),
              ),
              isNull(notifications.outboxId),
              previousChanged,
            ),
          ),
      );
    }
  }
  const changed = await runBatch(db, statements);
  const count = (at: number[]) => at.filter((i) => (changed[i] ?? 0) > 0).length;
  return { notifications: count(immediate), digests: count(daily) };
}

/** Erases notification rows after NOTIFICATION_RETENTION_DAYS, sent or not. */
export async function purgeNotifications(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - NOTIFICATION_RETENTION_DAYS * DAY_MS).toISOString();
  const result = await db.delete(notifications).where(lt(notifications.createdAt, before));
  return result.rowsAffected;
}
