/**
 * Links in mail that act without a sign-in (schema/mail.ts): "still correct" in a review reminder,
 * "confirm your email address" for a public submission or access request. The token is 32 random
 * bytes, unguessable, so it needs no signature; only its SHA-256 is stored. A link acts once: the
 * statement that uses it claims the row (`used_at is null`, not expired) and the change it makes
 * runs in the same batch, guarded by that claim, so a second use or a race changes nothing.
 */
import { and, eq, gt, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import { emailLinks, type LinkPurpose } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { insertWhere } from "./guarded.js";
import { randomToken, sha256Hex } from "./tokens.js";

export type EmailLinkRow = typeof emailLinks.$inferSelect;

const DAY_MS = 86_400_000;

export const newLinkToken = () => randomToken(32);

/** Tokens are base64url of 32 bytes; anything else is not one of ours. */
export const looksLikeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface NewLink {
  token: string;
  purpose: LinkPurpose;
  subjectId: string;
  organisationId?: string | null;
  days: number;
}

/** The row of a new link (hashing is async, so rows are made before the batch is built). */
export async function linkRow(now: Date, link: NewLink): Promise<EmailLinkRow> {
  return {
    id: await sha256Hex(link.token),
    purpose: link.purpose,
    subjectId: link.subjectId,
    organisationId: link.organisationId ?? null,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + link.days * DAY_MS).toISOString(),
    usedAt: null,
  };
}

/**
 * Stores a link only if the statement before it in the batch changed a row. (Not async: a
 * query builder returned from an async function would run at once, outside the batch.)
 */
export function emailLinkWhere(db: Db, row: EmailLinkRow, guard: SQL = sql`changes() > 0`) {
  return insertWhere(db, emailLinks, row, guard);
}

export function emailLinkInsert(db: Db, row: EmailLinkRow) {
  return db.insert(emailLinks).values(row);
}

export type LinkState =
  | { kind: "usable"; link: EmailLinkRow }
  | { kind: "used"; link: EmailLinkRow }
  | { kind: "expired"; link: EmailLinkRow }
  | { kind: "unknown" };

/** What a link is now; reading it changes nothing (mail scanners fetch links). */
export async function readLink(
  db: Db,
  now: Date,
  token: string,
  purpose: LinkPurpose,
): Promise<LinkState> {
  if (!looksLikeToken(token)) return { kind: "unknown" };
  const [link] = await db
    .select()
    .from(emailLinks)
    .where(and(eq(emailLinks.id, await sha256Hex(token)), eq(emailLinks.purpose, purpose)));
  if (!link) return { kind: "unknown" };
  if (link.usedAt) return { kind: "used", link };
  if (link.expiresAt <= now.toISOString()) return { kind: "expired", link };
  return { kind: "usable", link };
}

/** The claim that uses a link: the first statement of the batch it guards. */
export function claimLink(db: Db, now: Date, link: EmailLinkRow) {
  const at = now.toISOString();
  return db
    .update(emailLinks)
    .set({ usedAt: at })
    .where(
      and(eq(emailLinks.id, link.id), isNull(emailLinks.usedAt), gt(emailLinks.expiresAt, at)),
    );
}

/** Links used or expired more than a day ago are of no further use (the audit log keeps the act). */
export async function purgeEmailLinks(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - DAY_MS).toISOString();
  const result = await db
    .delete(emailLinks)
    .where(or(lt(emailLinks.expiresAt, before), lt(emailLinks.usedAt, before)));
  return result.rowsAffected;
}
