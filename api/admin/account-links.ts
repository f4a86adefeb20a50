/**
 * Links that let a person set their password: an invitation to a new account (valid 7 days) and
 * a password reset (valid 1 hour). The link carries a random 256-bit token; the database keeps
 * only its SHA-256, so neither a copy of the database nor the console can use one. A link works
 * once: using it claims the row and sets the password in one batch, and drops every other link
 * of that person. The mail goes through the outbox like every other message.
 */
import { and, eq, gt, isNull, lt, sql } from "drizzle-orm";
import { type AccountTokenPurpose, accountTokens, users } from "../../schema/tables.js";
import type { Lang, MailLanguage } from "../../schema/taxonomy.js";
import type { Db } from "../db/types.js";
import { audit, auditWhere } from "./audit.js";
import { runBatch } from "./batch.js";
import { previousChanged } from "./guarded.js";
import type { Sender } from "./mail.js";
import { userMailLanguage } from "./mail-language.js";
import { inLanguages, type MailText } from "./mail-text.js";
import { deliverOutbox, purgePersonalMail, queueMailStatement } from "./outbox.js";
import { hashPassword } from "./password.js";
import { endUserSessions } from "./session.js";
import { randomId, randomToken, sha256Hex } from "./tokens.js";

const HOUR = 60 * 60_000;
export const LINK_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * HOUR,
  "password-reset": HOUR,
};

/** Stored in place of a hash until an invited person sets a password: no password matches it. */
export const NO_PASSWORD = "!not-set";

export const setPasswordUrl = (origin: string, token: string) =>
  `${origin.replace(/\/+$/, "")}/admin/set-password?token=${token}`;

interface LinkMailWho {
  name: string;
  email: string;
  invitedBy?: string | undefined;
}

const LINK_TEXT: Record<
  Lang,
  Record<AccountTokenPurpose, (link: string, who: LinkMailWho) => MailText>
> = {
  en: {
    invitation: (link, who) => ({
      subject: "You have an account on Perinatal Signpost: set your password",
      body: [
        who.name ? `Hello ${who.name},` : "Hello,",
        `${who.invitedBy ?? "An admin"} has made you an account on Perinatal Signpost, the directory of perinatal mental health support. Your sign-in is this email address, ${who.email}.`,
        `To start, choose your password here (the link works once, for 7 days):\n${link}`,
        "If you were not expecting this, you can ignore this message; nothing happens unless the link is used.",
      ].join("\n\n"),
    }),
    "password-reset": (link, who) => ({
      subject: "Reset your Perinatal Signpost password",
      body: [
        who.name ? `Hello ${who.name},` : "Hello,",
        "Someone (we hope you) asked to reset the password of your Perinatal Signpost account.",
        `Choose a new password here (the link works once, for 1 hour):\n${link}`,
        "If you did not ask, ignore this message: your password stays as it is.",
      ].join("\n\n"),
    }),
  },
  cy: {
    invitation: (link, who) => ({
      subject: "Mae gennych gyfrif ar Perinatal Signpost: dewiswch eich cyfrinair",
      body: [
        who.name ? `Helo ${who.name},` : "Helo,",
        `Mae ${who.invitedBy ?? "gweinyddwr"} wedi creu cyfrif i chi ar Perinatal Signpost, y cyfeiriadur cymorth iechyd meddwl amenedigol. Rydych yn mewngofnodi gyda’r cyfeiriad e-bost hwn, ${who.email}.`,
        `I ddechrau, dewiswch eich cyfrinair yma (mae’r ddolen yn gweithio unwaith, am 7 diwrnod):\n${link}`,
        "Os nad oeddech yn disgwyl hyn, gallwch anwybyddu’r neges hon; ni fydd dim yn digwydd oni bai bod y ddolen yn cael ei defnyddio.",
      ].join("\n\n"),
    }),
    "password-reset": (link, who) => ({
      subject: "Ailosod eich cyfrinair Perinatal Signpost",
      body: [
        who.name ? `Helo ${who.name},` : "Helo,",
        "Gofynnodd rhywun (chi, gobeithio) am ailosod cyfrinair eich cyfrif Perinatal Signpost.",
        `Dewiswch gyfrinair newydd yma (mae’r ddolen yn gweithio unwaith, am 1 awr):\n${link}`,
        "Os na wnaethoch chi ofyn, anwybyddwch y neges hon: bydd eich cyfrinair yn aros fel y mae.",
      ].join("\n\n"),
    }),
  },
};

export interface LinkRecipient {
  id: string;
  email: string;
  name: string;
}

/**
 * Writes a new link and its message to the outbox in one batch, then (if a transport is set)
 * sends that message at once; the sending job retries it if this fails. Answers the outbox id.
 */
export async function sendAccountLink(
  db: Db,
  now: Date,
  options: {
    purpose: AccountTokenPurpose;
    user: LinkRecipient;
    origin: string;
    actorId: string | null;
    invitedBy?: string | undefined;
    mail?: Sender | undefined;
    /** The language to write in, when the person chose one (else as `userMailLanguage`). */
    lang?: MailLanguage | undefined;
  },
): Promise<string> {
  const { purpose, user } = options;
  const token = randomToken();
  const tokenId = await sha256Hex(token);
  const messageId = `m-${randomId(12)}`;
  // An editor hears in their organisation's language, unless they chose one (asking for access
  // in Welsh); the console the link opens is English.
  const lang = options.lang ?? (await userMailLanguage(db, user.id));
  const link = setPasswordUrl(options.origin, token);
  const who = { ...user, invitedBy: options.invitedBy };
  const message = inLanguages(lang, (l) => LINK_TEXT[l][purpose](link, who));
  await runBatch(db, [
    db.insert(accountTokens).values({
      id: tokenId,
      userId: user.id,
      purpose,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + LINK_LIFETIME_MS[purpose]).toISOString(),
    }),
    queueMailStatement(
      db,
      now,
      {
        kind: purpose,
        key: `${purpose}:${messageId}`,
        recipients: [user.email],
        lang,
        userId: user.id,
        ...message,
      },
      messageId,
    ),
    audit(db, now, {
      userId: options.actorId,
      action: purpose === "invitation" ? "user.invite" : "user.password-reset-request",
      entity: "user",
      entityId: user.id,
      after: { outboxId: messageId },
    }),
  ]);
  if (options.mail) await deliverOutbox(db, now, options.mail, { id: messageId });
  return messageId;
}

export interface LinkHolder {
  tokenId: string;
  purpose: AccountTokenPurpose;
  user: { id: string; email: string; name: string };
}

const unused = (tokenId: string, now: Date) =>
  and(
    eq(accountTokens.id, tokenId),
    isNull(accountTokens.usedAt),
    gt(accountTokens.expiresAt, now.toISOString()),
  );

/** The person a link is for, if it is well formed, unused, unexpired and their account is on. */
export async function checkAccountLink(
  db: Db,
  token: string,
  now: Date,
): Promise<LinkHolder | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const tokenId = await sha256Hex(token);
  const [row] = await db
    .select({
      purpose: accountTokens.purpose,
      id: users.id,
      email: users.email,
      name: users.name,
      disabled: users.disabled,
    })
    .from(accountTokens)
    .innerJoin(users, eq(users.id, accountTokens.userId))
    .where(unused(tokenId, now));
  if (!row || row.disabled) return null;
  return { tokenId, purpose: row.purpose, user: { id: row.id, email: row.email, name: row.name } };
}

/**
 * Sets the password through a link: claims the link (still unused, unexpired) and sets the
 * password in one batch, so two uses at once cannot both win. Every other link of the person
 * is dropped and every session ended. False when the link was used or expired meanwhile.
 */
export async function useAccountLink(
  db: Db,
  now: Date,
  holder: LinkHolder,
  password: string,
): Promise<boolean> {
  const hash = await hashPassword(password);
  const at = now.toISOString();
  const [claimed] = await runBatch(db, [
    db.update(accountTokens).set({ usedAt: at }).where(unused(holder.tokenId, now)),
    db.run(sql`update users set password_hash = ${hash}, updated_at = ${at}
      where id = ${holder.user.id} and ${previousChanged}`),
    auditWhere(
      db,
      now,
      {
        userId: holder.user.id,
        action: "user.password",
        entity: "user",
        entityId: holder.user.id,
        after: { changedBy: holder.purpose === "invitation" ? "invitation" : "reset link" },
      },
      previousChanged,
    ),
  ]);
  if (claimed !== 1) return false;
  await db
    .delete(accountTokens)
    .where(and(eq(accountTokens.userId, holder.user.id), isNull(accountTokens.usedAt)));
  await endUserSessions(db, holder.user.id);
  return true;
}

/** Removes links past their expiry, and mail to people once no link in it can work (daily). */
export async function purgeAccountLinks(db: Db, now: Date): Promise<number> {
  const gone = await db.delete(accountTokens).where(lt(accountTokens.expiresAt, now.toISOString()));
  const mail = await purgePersonalMail(db, now, LINK_LIFETIME_MS.invitation + 24 * HOUR);
  return gone.rowsAffected + mail;
}
