/**
 * Who hears about what (issue 11 §3). An event (a listing submitted, sent back or published, a
 * problem report, a public submission, an access request) becomes one `notifications` row per
 * person concerned; the daily job turns the rows into mail (notify-mail.ts): one message each
 * for people who chose "immediate", one digest a day for the rest. Recording is one statement,
 * made after the change it reports has been written.
 */
import { type SQL, sql } from "drizzle-orm";
import type { NotifyChoice, Role } from "../../schema/curation.js";
import type { NotificationEvent, NotificationKind } from "../../schema/mail.js";
import type { Db } from "../db/types.js";

/** Who each kind of event is for. */
const AUDIENCE: Record<NotificationKind, { roles: Role[]; editors: boolean }> = {
  "listing-submitted": { roles: ["reviewer", "admin"], editors: false },
  "report-created": { roles: ["reviewer", "admin"], editors: true },
  "submission-waiting": { roles: ["reviewer", "admin"], editors: false },
  "access-requested": { roles: ["admin"], editors: false },
  "listing-sent-back": { roles: [], editors: true },
  "listing-published": { roles: [], editors: true },
};

/** Without a choice of their own: editors hear at once, reviewers and admins once a day. */
export function notifyChoiceOf(user: { role: Role; notify: NotifyChoice | null }): NotifyChoice {
  return user.notify ?? (user.role === "editor" ? "immediate" : "daily");
}

export interface NotifyTarget {
  /** The organisation whose editors hear (for listing events). */
  organisationId?: string | null | undefined;
  /** The person who caused it, who need not be told. */
  actorId?: string | null | undefined;
}

/** The insert of one row per person concerned, to run alone or in a batch. */
export function notifyStatement(db: Db, now: Date, event: NotificationEvent, target: NotifyTarget) {
  const audience = AUDIENCE[event.kind];
  const who: SQL[] = [];
  if (audience.roles.length > 0) {
    who.push(
      sql`u.role in (${sql.join(
        audience.roles.map((r) => sql`${r}`),
        sql`, `,
      )})`,
    );
  }
  if (audience.editors && target.organisationId) {
    who.push(sql`(u.role = 'editor' and u.organisation_id = ${target.organisationId})`);
  }
  if (who.length === 0) who.push(sql`0`);
  return db.run(sql`
    insert into notifications (id, user_id, event, created_at)
    select 'n-' || lower(hex(randomblob(8))), u.id, ${JSON.stringify(event)}, ${now.toISOString()}
    from users u
    where u.disabled = 0 and u.id != ${target.actorId ?? ""} and (${sql.join(who, sql` or `)})`);
}

export async function notify(
  db: Db,
  now: Date,
  event: NotificationEvent,
  target: NotifyTarget = {},
): Promise<void> {
  await notifyStatement(db, now, event, target);
}
