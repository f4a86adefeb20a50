/**
 * "Is this your service? Ask to update it" (schema/mail.ts `access_requests`): someone asks, from
 * a listing's public page, to become an editor of its organisation. Written unconfirmed with a
 * "confirm your email address" link (7 days, as for submissions.ts); confirmed, it waits in the
 * admins' queue; an admin approves it (an editor account is invited, account-links.ts) or refuses
 * it with a reason that is emailed. The name, address and role are personal data: erased in the
 * batch that records the decision; unconfirmed requests are deleted when their link lapses.
 */
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { accessRequests, organisations, services } from "../../schema/tables.js";
import type { Lang } from "../../schema/taxonomy.js";
import type { Db } from "../db/types.js";
import {
  ADDRESS_LINK_DAYS,
  addressCheckStatements,
  confirmAddress,
  lapsedBefore,
} from "./address-check.js";
import { auditWhere } from "./audit.js";
import { runBatch } from "./batch.js";
import type { EmailLinkRow } from "./email-links.js";
import { previousChanged } from "./guarded.js";
import { inLanguages, linkLang } from "./mail-text.js";
import { notify } from "./notify.js";
import { queueMailStatement } from "./outbox.js";
import { randomId } from "./tokens.js";

export type AccessRequestRow = typeof accessRequests.$inferSelect;

/** A request with the names the queue shows. */
export type AccessRequestView = AccessRequestRow & {
  serviceName: string;
  organisationName: string;
};

const ADDRESS_TEXT = {
  en: (org: string, link: string) => ({
    subject: "Perinatal Signpost: confirm your email address",
    body: `Hello,\n\nYou asked to update the listings of ${org} on Perinatal Signpost. Please confirm your email address, and an admin will look at your request:\n${link}\n\nThe link works for ${ADDRESS_LINK_DAYS} days. If you did not ask, ignore this email and nothing more happens.\n\nPerinatal Signpost`,
  }),
  cy: (org: string, link: string) => ({
    subject: "Perinatal Signpost: cadarnhewch eich cyfeiriad e-bost",
    body: `Helo,\n\nGofynnoch am gael diweddaru rhestriadau ${org} ar Perinatal Signpost. Cadarnhewch eich cyfeiriad e-bost, a bydd gweinyddwr yn edrych ar eich cais:\n${link}\n\nMae’r ddolen yn gweithio am ${ADDRESS_LINK_DAYS} diwrnod. Os na wnaethoch ofyn, anwybyddwch yr e-bost hwn ac ni fydd dim byd arall yn digwydd.\n\nPerinatal Signpost`,
  }),
};

const OUTCOME_TEXT = {
  en: {
    approved: (org: string) => ({
      subject: `Perinatal Signpost: you can update the listings of ${org}`,
      body: `Hello,\n\nAn admin approved your request to update the listings of ${org}. A separate email invites you to set the password of your editor account; its link works once, for 7 days.\n\nPerinatal Signpost`,
    }),
    refused: (org: string, reason: string) => ({
      subject: `Perinatal Signpost: your request about ${org}`,
      body: `Hello,\n\nThank you for asking to update the listings of ${org}. An admin looked at your request and could not approve it, for this reason:\n\n${reason}\n\nYou are welcome to reply, or to ask again from the listing's page.\n\nPerinatal Signpost`,
    }),
  },
  cy: {
    approved: (org: string) => ({
      subject: `Perinatal Signpost: gallwch ddiweddaru rhestriadau ${org}`,
      body: `Helo,\n\nCymeradwyodd gweinyddwr eich cais i ddiweddaru rhestriadau ${org}. Mae e-bost arall yn eich gwahodd i osod cyfrinair eich cyfrif golygydd; mae’r ddolen ynddo’n gweithio unwaith, am 7 diwrnod.\n\nPerinatal Signpost`,
    }),
    refused: (org: string, reason: string) => ({
      subject: `Perinatal Signpost: eich cais ynghylch ${org}`,
      body: `Helo,\n\nDiolch am ofyn am gael diweddaru rhestriadau ${org}. Edrychodd gweinyddwr ar eich cais ac ni allai ei gymeradwyo, am y rheswm hwn:\n\n${reason}\n\nMae croeso i chi ateb, neu ofyn eto o dudalen y rhestriad.\n\nPerinatal Signpost`,
    }),
  },
};

export async function createAccessRequest(
  db: Db,
  now: Date,
  input: {
    service: { id: string; organisationId: string; organisationName: string };
    lang: Lang;
    name: string;
    email: string;
    role: string;
    origin: string;
  },
  token: string,
): Promise<string> {
  const id = `ar-${randomId(12)}`;
  const link = `${input.origin}/ask-to-update/confirm/${token}${linkLang(input.lang)}`;
  const text = inLanguages(input.lang, (l) =>
    ADDRESS_TEXT[l](input.service.organisationName, link),
  );
  await runBatch(db, [
    db.insert(accessRequests).values({
      id,
      serviceId: input.service.id,
      organisationId: input.service.organisationId,
      status: "unconfirmed",
      lang: input.lang,
      name: input.name,
      email: input.email,
      role: input.role,
      createdAt: now.toISOString(),
    }),
    ...(await addressCheckStatements(db, now, {
      token,
      subjectId: id,
      email: input.email,
      lang: input.lang,
      text,
      payload: { accessRequestId: id },
    })),
  ]);
  return id;
}

const viewColumns = {
  request: accessRequests,
  serviceName: services.name,
  organisationName: organisations.name,
};

const flat = (r: {
  request: AccessRequestRow;
  serviceName: string;
  organisationName: string;
}): AccessRequestView => ({
  ...r.request,
  serviceName: r.serviceName,
  organisationName: r.organisationName,
});

export async function getAccessRequest(db: Db, id: string): Promise<AccessRequestView | null> {
  const [row] = await db
    .select(viewColumns)
    .from(accessRequests)
    .innerJoin(services, eq(services.id, accessRequests.serviceId))
    .innerJoin(organisations, eq(organisations.id, accessRequests.organisationId))
    .where(eq(accessRequests.id, id));
  return row ? flat(row) : null;
}

/** Confirms the address: the request joins the admins' queue. False if the link was used. */
export async function confirmAccessRequest(
  db: Db,
  now: Date,
  link: EmailLinkRow,
  request: AccessRequestView,
): Promise<boolean> {
  const claimed = await confirmAddress(
    db,
    now,
    link,
    db
      .update(accessRequests)
      .set({ status: "waiting", confirmedAt: now.toISOString() })
      .where(
        and(
          eq(accessRequests.id, request.id),
          eq(accessRequests.status, "unconfirmed"),
          previousChanged,
        ),
      ),
  );
  if (!claimed) return false;
  await notify(db, now, {
    kind: "access-requested",
    subjectId: request.id,
    name: request.organisationName,
  });
  return true;
}

/** Confirmed requests waiting, then the latest handled ones. */
export async function listAccessRequests(db: Db): Promise<AccessRequestView[]> {
  const rows = await db
    .select(viewColumns)
    .from(accessRequests)
    .innerJoin(services, eq(services.id, accessRequests.serviceId))
    .innerJoin(organisations, eq(organisations.id, accessRequests.organisationId))
    .where(inArray(accessRequests.status, ["waiting", "approved", "refused"]))
    .orderBy(desc(accessRequests.confirmedAt))
    .limit(200);
  return rows.map(flat);
}

export type AccessDecision = { kind: "approved" } | { kind: "refused"; reason: string };

/**
 * Records an admin's decision and tells the requester, in one batch: the guarded update (still
 * waiting) that erases the name, address and role, then the audit entry and the answer, which
 * the guard and the message's key make happen once. False if someone handled it first. The
 * reason goes only into the mail: the audit log keeps no free text, since nothing in it can ever
 * be erased. (Approving then invites the account: admin-access-requests.tsx.)
 */
export async function decideAccessRequest(
  db: Db,
  now: Date,
  request: AccessRequestView,
  decision: AccessDecision,
  actorId: string,
): Promise<boolean> {
  const org = request.organisationName;
  const text = inLanguages(request.lang, (l) =>
    decision.kind === "refused"
      ? OUTCOME_TEXT[l].refused(org, decision.reason)
      : OUTCOME_TEXT[l].approved(org),
  );
  const [changed] = await runBatch(db, [
    db
      .update(accessRequests)
      .set({
        status: decision.kind,
        handledBy: actorId,
        handledAt: now.toISOString(),
        name: null,
        email: null,
        role: null,
      })
      .where(and(eq(accessRequests.id, request.id), eq(accessRequests.status, "waiting"))),
    auditWhere(
      db,
      now,
      {
        userId: actorId,
        action: decision.kind === "approved" ? "access.approve" : "access.refuse",
        entity: "access-request",
        entityId: request.id,
        after: {
          status: decision.kind,
          organisationId: request.organisationId,
          serviceId: request.serviceId,
        },
      },
      previousChanged,
    ),
    ...(request.email
      ? [
          queueMailStatement(db, now, {
            kind: "outcome",
            key: `outcome:${request.id}`,
            recipients: [request.email],
            lang: request.lang,
            payload: { accessRequestId: request.id, decision: decision.kind },
            ...text,
          }),
        ]
      : []),
  ]);
  return (changed ?? 0) > 0;
}

/** Unconfirmed requests are deleted once their link has lapsed (7 days). */
export async function purgeAccessRequests(db: Db, now: Date): Promise<number> {
  const result = await db
    .delete(accessRequests)
    .where(
      and(
        eq(accessRequests.status, "unconfirmed"),
        lt(accessRequests.createdAt, lapsedBefore(now)),
      ),
    );
  return result.rowsAffected;
}
