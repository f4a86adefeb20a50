/**
 * Sessions live in the database. The cookie holds a random token; the table holds only its
 * SHA-256, so a copy of the database cannot be used to sign in.
 */
import { and, eq, lt, ne, or } from "drizzle-orm";
import { organisations, sessions, users } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import type { SessionUser } from "./roles.js";
import { randomToken, sha256Hex } from "./tokens.js";

export const SESSION_IDLE_MS = 30 * 60_000;
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
/** lastSeenAt is written at most this often, so reading pages does not mean writing each time. */
const TOUCH_EVERY_MS = 60_000;

export interface ActiveSession {
  id: string;
  csrfToken: string;
  user: SessionUser;
}

export type SessionLookup =
  | { kind: "active"; session: ActiveSession }
  | { kind: "expired" }
  | { kind: "none" };

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
): Promise<{ token: string; csrfToken: string; maxAgeSeconds: number }> {
  const token = randomToken();
  const csrfToken = randomToken();
  const at = now.toISOString();
  await db.insert(sessions).values({
    id: await sha256Hex(token),
    userId,
    csrfToken,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_MS).toISOString(),
  });
  return { token, csrfToken, maxAgeSeconds: SESSION_ABSOLUTE_MS / 1000 };
}

/** Finds the session for a cookie token, ending it if it has been idle or open too long. */
export async function lookupSession(db: Db, token: string, now: Date): Promise<SessionLookup> {
  if (!token) return { kind: "none" };
  const id = await sha256Hex(token);
  const [row] = await db
    .select({
      session: sessions,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        organisationId: users.organisationId,
        disabled: users.disabled,
      },
      organisationName: organisations.name,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(sessions.id, id));
  if (!row) return { kind: "none" };
  const t = now.getTime();
  const idle = t - Date.parse(row.session.lastSeenAt) > SESSION_IDLE_MS;
  const over = t >= Date.parse(row.session.expiresAt);
  if (idle || over || row.user.disabled) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return { kind: "expired" };
  }
  if (t - Date.parse(row.session.lastSeenAt) > TOUCH_EVERY_MS) {
    await db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.id, id));
  }
  const { disabled: _disabled, ...user } = row.user;
  return {
    kind: "active",
    session: {
      id,
      csrfToken: row.session.csrfToken,
      user: { ...user, organisationName: row.organisationName ?? null },
    },
  };
}

export async function endSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Signs a user out everywhere, except (optionally) the session they are using. */
export async function endUserSessions(db: Db, userId: string, keep?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(
      keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId),
    );
}

/** Removes sessions that can no longer be used (run daily). */
export async function purgeSessions(db: Db, now: Date): Promise<number> {
  const idleBefore = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const result = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now.toISOString()), lt(sessions.lastSeenAt, idleBefore)));
  return result.rowsAffected;
}
