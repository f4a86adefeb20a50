/**
 * "Confirm your email address", for what the public sends in (a submission from
 * `/add-your-service`, a request for editor access): the link (7 days, once; email-links.ts) and
 * its message go in the batch that writes the record, and the claim of the link guards the
 * update that puts the record in its queue, so a second use or a race changes nothing.
 */
import type { Lang } from "../../schema/taxonomy.js";
import type { Db } from "../db/types.js";
import { runBatch, type Statement } from "./batch.js";
import { claimLink, type EmailLinkRow, emailLinkInsert, linkRow } from "./email-links.js";
import type { MailText } from "./mail-text.js";
import { queueMailStatement } from "./outbox.js";

export const ADDRESS_LINK_DAYS = 7;

/** The link's row and its message, to run in the batch after the record they are about. */
export async function addressCheckStatements(
  db: Db,
  now: Date,
  check: {
    token: string;
    subjectId: string;
    email: string;
    lang: Lang;
    text: MailText;
    payload: Record<string, string>;
  },
) {
  const row = await linkRow(now, {
    token: check.token,
    purpose: "confirm-address",
    subjectId: check.subjectId,
    days: ADDRESS_LINK_DAYS,
  });
  return [
    emailLinkInsert(db, row),
    queueMailStatement(db, now, {
      kind: "address-check",
      key: `address-check:${check.subjectId}`,
      recipients: [check.email],
      lang: check.lang,
      payload: check.payload,
      ...check.text,
    }),
  ] as const;
}

/**
 * Uses the link and runs `update` (guarded by `previousChanged`, i.e. the claim) in one batch;
 * false if the link was used or lapsed meanwhile.
 */
export async function confirmAddress(
  db: Db,
  now: Date,
  link: EmailLinkRow,
  update: Statement,
): Promise<boolean> {
  const [claimed] = await runBatch(db, [claimLink(db, now, link), update]);
  return (claimed ?? 0) > 0;
}

/** Records still unconfirmed once their link has lapsed: `created_at` before this. */
export const lapsedBefore = (now: Date) =>
  new Date(now.getTime() - ADDRESS_LINK_DAYS * 86_400_000).toISOString();
