/**
 * Public submissions from `/add-your-service` (schema/mail.ts): written unconfirmed with a
 * "confirm your email address" link (7 days); confirmed, they wait in the reviewers' queue;
 * a reviewer accepts one (a new organisation, or merged into an existing one, and a draft
 * listing) or rejects it with a reason that is emailed. The submitter's name and address are
 * erased when the submission is handled; unconfirmed ones are deleted when their link lapses.
 */
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { type SubmissionFields, submissions } from "../../schema/tables.js";
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

export type SubmissionRow = typeof submissions.$inferSelect;

const one = (v: SubmissionFields, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? x[0] : x)?.trim() ?? "";
};
export const submissionName = (s: Pick<SubmissionRow, "fields">) => one(s.fields, "name");
export const submissionOrganisation = (s: Pick<SubmissionRow, "fields">) =>
  one(s.fields, "org.name");

const ADDRESS_TEXT = {
  en: (name: string, link: string) => ({
    subject: "Perinatal Signpost: confirm your email address",
    body: `Hello,\n\nThank you for telling us about ${name}. Please confirm your email address, and a reviewer will look at it:\n${link}\n\nThe link works for ${ADDRESS_LINK_DAYS} days. If you did not fill in our "Add your service" form, ignore this email and nothing more happens.\n\nPerinatal Signpost`,
  }),
  cy: (name: string, link: string) => ({
    subject: "Perinatal Signpost: cadarnhewch eich cyfeiriad e-bost",
    body: `Helo,\n\nDiolch am ddweud wrthym am ${name}. Cadarnhewch eich cyfeiriad e-bost, a bydd adolygydd yn edrych arno:\n${link}\n\nMae’r ddolen yn gweithio am ${ADDRESS_LINK_DAYS} diwrnod. Os na wnaethoch lenwi ein ffurflen “Ychwanegu eich gwasanaeth”, anwybyddwch yr e-bost hwn ac ni fydd dim byd arall yn digwydd.\n\nPerinatal Signpost`,
  }),
};

export async function createSubmission(
  db: Db,
  now: Date,
  input: { fields: SubmissionFields; lang: Lang; name: string; email: string; origin: string },
  token: string,
): Promise<string> {
  const id = `s-${randomId(12)}`;
  const link = `${input.origin}/add-your-service/confirm/${token}${linkLang(input.lang)}`;
  const name = one(input.fields, "name");
  const text = inLanguages(input.lang, (l) => ADDRESS_TEXT[l](name, link));
  await runBatch(db, [
    db.insert(submissions).values({
      id,
      status: "unconfirmed",
      lang: input.lang,
      fields: input.fields,
      contactName: input.name,
      contactEmail: input.email,
      createdAt: now.toISOString(),
    }),
    ...(await addressCheckStatements(db, now, {
      token,
      subjectId: id,
      email: input.email,
      lang: input.lang,
      text,
      payload: { submissionId: id },
    })),
  ]);
  return id;
}

export async function getSubmission(db: Db, id: string): Promise<SubmissionRow | null> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id));
  return row ?? null;
}

/** Confirms the address: the submission joins the reviewers' queue. False if the link was used. */
export async function confirmSubmission(
  db: Db,
  now: Date,
  link: EmailLinkRow,
  submission: SubmissionRow,
): Promise<boolean> {
  const claimed = await confirmAddress(
    db,
    now,
    link,
    db
      .update(submissions)
      .set({ status: "waiting", confirmedAt: now.toISOString() })
      .where(
        and(
          eq(submissions.id, submission.id),
          eq(submissions.status, "unconfirmed"),
          previousChanged,
        ),
      ),
  );
  if (!claimed) return false;
  await notify(db, now, {
    kind: "submission-waiting",
    subjectId: submission.id,
    name: `${submissionName(submission)} (${submissionOrganisation(submission)})`,
  });
  return true;
}

export async function listSubmissions(db: Db): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(submissions)
    .where(inArray(submissions.status, ["waiting", "accepted", "merged", "rejected"]))
    .orderBy(desc(submissions.confirmedAt))
    .limit(200);
}

const OUTCOME_TEXT = {
  en: {
    accepted: (name: string) => ({
      subject: `Perinatal Signpost: ${name} is being added`,
      body: `Hello,\n\nThank you: a reviewer accepted ${name}. It is now a draft listing, which parents will see once it has been checked and published. A separate email invites you to set a password and keep it up to date yourself.\n\nPerinatal Signpost`,
    }),
    rejected: (name: string, reason: string) => ({
      subject: `Perinatal Signpost: about ${name}`,
      body: `Hello,\n\nThank you for telling us about ${name}. A reviewer looked at it and we will not list it, for this reason:\n\n${reason}\n\nYou are welcome to reply or to send it again with changes.\n\nPerinatal Signpost`,
    }),
  },
  cy: {
    accepted: (name: string) => ({
      subject: `Perinatal Signpost: mae ${name} yn cael ei ychwanegu`,
      body: `Helo,\n\nDiolch: derbyniodd adolygydd ${name}. Mae bellach yn rhestriad drafft, a bydd rhieni’n ei weld ar ôl iddo gael ei wirio a’i gyhoeddi. Mae e-bost arall yn eich gwahodd i osod cyfrinair a’i gadw’n gyfredol eich hun.\n\nPerinatal Signpost`,
    }),
    rejected: (name: string, reason: string) => ({
      subject: `Perinatal Signpost: ynghylch ${name}`,
      body: `Helo,\n\nDiolch am ddweud wrthym am ${name}. Edrychodd adolygydd arno ac ni fyddwn yn ei restru, am y rheswm hwn:\n\n${reason}\n\nMae croeso i chi ateb neu ei anfon eto gyda newidiadau.\n\nPerinatal Signpost`,
    }),
  },
};

const DECISION_ACTIONS = {
  accepted: "submission.accept",
  merged: "submission.merge",
  rejected: "submission.reject",
} as const;

/**
 * Records a reviewer's decision (audited) and tells the submitter; erases their name and address in the
 * same batch (the queued mail keeps the address until it is sent, then 30 days: outbox.ts).
 */
export async function handleSubmission(
  db: Db,
  now: Date,
  submission: SubmissionRow,
  decision:
    | { kind: "accepted" | "merged"; organisationId: string; serviceId: string }
    | { kind: "rejected"; reason: string },
  actorId: string,
): Promise<boolean> {
  const name = submissionName(submission);
  const lang = submission.lang;
  const text = inLanguages(lang, (l) =>
    decision.kind === "rejected"
      ? OUTCOME_TEXT[l].rejected(name, decision.reason)
      : OUTCOME_TEXT[l].accepted(name),
  );
  const [changed] = await runBatch(db, [
    db
      .update(submissions)
      .set({
        status: decision.kind,
        handledBy: actorId,
        handledAt: now.toISOString(),
        reason: decision.kind === "rejected" ? decision.reason : null,
        organisationId: decision.kind === "rejected" ? null : decision.organisationId,
        serviceId: decision.kind === "rejected" ? null : decision.serviceId,
        contactName: null,
        contactEmail: null,
      })
      .where(and(eq(submissions.id, submission.id), eq(submissions.status, "waiting"))),
    // The act, never the sender's details or the reason: nothing in the audit log can be erased.
    auditWhere(
      db,
      now,
      {
        userId: actorId,
        action: DECISION_ACTIONS[decision.kind],
        entity: "submission",
        entityId: submission.id,
        after:
          decision.kind === "rejected"
            ? { status: decision.kind }
            : {
                status: decision.kind,
                organisationId: decision.organisationId,
                serviceId: decision.serviceId,
              },
      },
      previousChanged,
    ),
    ...(submission.contactEmail
      ? [
          queueMailStatement(db, now, {
            kind: "outcome",
            key: `outcome:${submission.id}`,
            recipients: [submission.contactEmail],
            lang,
            payload: { submissionId: submission.id, decision: decision.kind },
            ...text,
          }),
        ]
      : []),
  ]);
  return (changed ?? 0) > 0;
}

/** Unconfirmed submissions are deleted once their link has lapsed (7 days). */
export async function purgeSubmissions(db: Db, now: Date): Promise<number> {
  const result = await db
    .delete(submissions)
    .where(
      and(eq(submissions.status, "unconfirmed"), lt(submissions.createdAt, lapsedBefore(now))),
    );
  return result.rowsAffected;
}
