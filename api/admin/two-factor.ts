/**
 * Optional two-factor sign-in for admins and reviewers: TOTP (RFC 6238: SHA-1, 6 digits, 30 s),
 * as authenticator apps expect, computed by `otpauth`, and ten one-time recovery codes kept as
 * SHA-256 digests. A code is accepted one step either side of now (clock drift) and never
 * twice: the step of the last accepted code is stored, and only a later step passes.
 */
import { and, eq, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import { recoveryCodes, users } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { audit } from "./audit.js";
import { runBatch } from "./batch.js";
import type { SessionUser } from "./roles.js";
import { sha256Hex } from "./tokens.js";

export const TOTP_PERIOD_SECONDS = 30;
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = "Perinatal Signpost";

/** Who may turn two-factor sign-in on (editors sign in with a password only, for now). */
export const offersTwoFactor = (user: Pick<SessionUser, "role">) =>
  user.role === "admin" || user.role === "reviewer";

/** A new random secret (160 bits, as RFC 4226 recommends), base32 as apps show it. */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

export const isTotpSecret = (text: string) => /^[A-Z2-7]{32}$/.test(text);

const totp = (secret: string, label = "") =>
  new TOTP({
    issuer: ISSUER,
    label,
    algorithm: "SHA1",
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secret),
  });

/** The otpauth:// URI an authenticator app reads from the QR code. */
export const totpUri = (secret: string, email: string) => totp(secret, email).toString();

/** The code for a moment (tests, and nothing else, need to make one). */
export const totpCode = (secret: string, atMs: number) =>
  totp(secret).generate({ timestamp: atMs });

/** The time step a six-digit code is right for (now, or one step either side), or null. */
export function totpStep(secret: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s+/g, "");
  if (!/^\d{6}$/.test(token) || !isTotpSecret(secret)) return null;
  const delta = totp(secret).validate({ token, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** Recovery codes as people type them: any case, with or without spaces and hyphens. */
const normalCode = (code: string) => code.toLowerCase().replace(/[\s-]+/g, "");

function newRecoveryCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const raw = crypto.getRandomValues(new Uint8Array(12));
  // 31 letters: the bias of b % 31 over 256 is small and 12 characters give ~59 bits.
  const chars = Array.from(raw, (b) => alphabet[b % alphabet.length]).join("");
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
}

async function recoveryRows(userId: string, now: Date) {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const rows = await Promise.all(
    codes.map(async (c) => ({
      codeHash: await sha256Hex(normalCode(c)),
      userId,
      createdAt: now.toISOString(),
    })),
  );
  return { codes, rows };
}

/**
 * Turns two-factor sign-in on with a secret the person has just proved they hold (a code for
 * `step`). Answers the recovery codes, to be shown once.
 */
export async function enableTwoFactor(
  db: Db,
  now: Date,
  userId: string,
  secret: string,
  step: number,
): Promise<string[]> {
  const { codes, rows } = await recoveryRows(userId, now);
  await runBatch(db, [
    db
      .update(users)
      .set({
        totpSecret: secret,
        totpEnabledAt: now.toISOString(),
        totpLastStep: step,
        updatedAt: now.toISOString(),
      })
      .where(eq(users.id, userId)),
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    db.insert(recoveryCodes).values(rows),
    audit(db, now, {
      userId,
      action: "user.two-factor-on",
      entity: "user",
      entityId: userId,
    }),
  ]);
  return codes;
}

/** Turns it off (by the person, after their password, or by an admin for someone who lost both). */
export async function disableTwoFactor(
  db: Db,
  now: Date,
  actorId: string,
  userId: string,
): Promise<void> {
  await runBatch(db, [
    db
      .update(users)
      .set({
        totpSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        updatedAt: now.toISOString(),
      })
      .where(eq(users.id, userId)),
    db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)),
    audit(db, now, {
      userId: actorId,
      action: "user.two-factor-off",
      entity: "user",
      entityId: userId,
      after: { changedBy: actorId === userId ? "self" : "admin" },
    }),
  ]);
}

export async function twoFactorOf(
  db: Db,
  userId: string,
): Promise<{ secret: string; enabledAt: string; recoveryLeft: number } | null> {
  const [row] = await db
    .select({
      secret: users.totpSecret,
      enabledAt: users.totpEnabledAt,
      left: sql<number>`(select count(*) from recovery_codes r where r.user_id = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!row?.secret || !row.enabledAt) return null;
  return { secret: row.secret, enabledAt: row.enabledAt, recoveryLeft: row.left };
}

/**
 * Checks a code typed at sign-in: an authenticator code (a later step than the last one used,
 * claimed with a guarded update so two requests cannot both use it) or an unused recovery
 * code (deleted as it is used). Answers how it passed, or null.
 */
export async function passSecondFactor(
  db: Db,
  now: Date,
  userId: string,
  code: string,
): Promise<"code" | "recovery" | null> {
  const factor = await twoFactorOf(db, userId);
  if (!factor) return null;
  const step = totpStep(factor.secret, code, now.getTime());
  if (step !== null) {
    const claimed = await db.run(sql`update users set totp_last_step = ${step}
      where id = ${userId} and (totp_last_step is null or totp_last_step < ${step})`);
    return claimed.rowsAffected === 1 ? "code" : null;
  }
  const typed = normalCode(code);
  if (!/^[a-z0-9]{12}$/.test(typed)) return null;
  const [used] = await runBatch(db, [
    db
      .delete(recoveryCodes)
      .where(
        and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, await sha256Hex(typed))),
      ),
  ]);
  if (used !== 1) return null;
  await audit(db, now, {
    userId,
    action: "user.recovery-code",
    entity: "user",
    entityId: userId,
    after: { recoveryCodesLeft: factor.recoveryLeft - 1 },
  });
  return "recovery";
}
