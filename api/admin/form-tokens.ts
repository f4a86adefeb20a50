/** One-time form tokens: a form that must take effect once carries one (see schema/curation.ts). */
import { and, eq, gt, isNull, lt } from "drizzle-orm";
import { type FormPurpose, formTokens } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { runBatch } from "./batch.js";
import { randomToken } from "./tokens.js";

const LIFETIME_MS = 24 * 60 * 60 * 1000;
const ago = (now: Date) => new Date(now.getTime() - LIFETIME_MS).toISOString();

/** A fresh token for a form this user is about to fill in; clears tokens past their day. */
export async function issueFormToken(
  db: Db,
  userId: string,
  purpose: FormPurpose,
  now: Date,
): Promise<string> {
  const token = randomToken(24);
  await runBatch(db, [
    db.delete(formTokens).where(lt(formTokens.createdAt, ago(now))),
    db.insert(formTokens).values({ token, userId, purpose, createdAt: now.toISOString() }),
  ]);
  return token;
}

/**
 * Marks the token used; true only for the first submit of a token this user was given for this
 * purpose within its day. Two submits at once cannot both win: the update is one statement.
 */
export async function useFormToken(
  db: Db,
  userId: string,
  purpose: FormPurpose,
  token: string,
  now: Date,
): Promise<boolean> {
  if (!token) return false;
  const [changed] = await runBatch(db, [
    db
      .update(formTokens)
      .set({ usedAt: now.toISOString() })
      .where(
        and(
          eq(formTokens.token, token),
          eq(formTokens.userId, userId),
          eq(formTokens.purpose, purpose),
          isNull(formTokens.usedAt),
          gt(formTokens.createdAt, ago(now)),
        ),
      ),
  ]);
  return changed === 1;
}
