/** Accounts and organisations. Every change is audited; passwords never leave hashPassword. */
import { asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { organisationInput } from "../../schema/listing-input.js";
import { organisations, ROLES, type Role, users } from "../../schema/tables.js";
import type { Db } from "../db/types.js";
import { NO_PASSWORD } from "./account-links.js";
import { audit } from "./audit.js";
import { runBatch } from "./batch.js";
import { hashPassword } from "./password.js";
import { randomId } from "./tokens.js";

export type UserRow = typeof users.$inferSelect;
/** An account as the console shows it: no password hash, no two-factor secret. */
export type PublicUser = Omit<UserRow, "passwordHash" | "totpSecret" | "totpLastStep">;

export const normalEmail = (email: string) => email.trim().toLowerCase();

export const userFields = z.object({
  email: z.email("Enter an email address, like name@example.org").transform(normalEmail),
  name: z.string().trim().max(120, "Use at most 120 characters"),
  role: z.enum(ROLES, "Choose a role"),
  organisationId: z
    .string()
    .trim()
    .transform((v) => v || null),
});

/** Editors belong to an organisation; admins and reviewers may or may not. */
export function userProblem(fields: { role: Role; organisationId: string | null }): string | null {
  return fields.role === "editor" && !fields.organisationId
    ? "An editor must belong to an organisation."
    : null;
}

const publicColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organisationId: users.organisationId,
  disabled: users.disabled,
  notify: users.notify,
  totpEnabledAt: users.totpEnabledAt,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
};

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(users.email, normalEmail(email)));
  return row ?? null;
}

export async function getUser(db: Db, id: string): Promise<PublicUser | null> {
  const [row] = await db.select(publicColumns).from(users).where(eq(users.id, id));
  return row ?? null;
}

export async function listUsers(
  db: Db,
): Promise<(PublicUser & { organisationName: string | null })[]> {
  return db
    .select({ ...publicColumns, organisationName: organisations.name })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(asc(users.email));
}

export async function createUser(
  db: Db,
  now: Date,
  actorId: string | null,
  input: {
    email: string;
    name: string;
    role: Role;
    organisationId: string | null;
    /** Absent: the account has no password until its invitation is used. */
    password?: string | undefined;
  },
): Promise<PublicUser> {
  const at = now.toISOString();
  const row = {
    id: `u-${randomId(12)}`,
    email: normalEmail(input.email),
    name: input.name,
    role: input.role,
    organisationId: input.organisationId,
    passwordHash: input.password ? await hashPassword(input.password) : NO_PASSWORD,
    disabled: false,
    notify: null,
    totpEnabledAt: null,
    createdAt: at,
    updatedAt: at,
  };
  const { passwordHash: _hash, ...visible } = row;
  await runBatch(db, [
    db.insert(users).values(row),
    audit(db, now, {
      userId: actorId,
      action: "user.create",
      entity: "user",
      entityId: row.id,
      after: visible,
    }),
  ]);
  return visible;
}

export async function updateUser(
  db: Db,
  now: Date,
  actorId: string,
  before: PublicUser,
  change: { name: string; role: Role; organisationId: string | null; disabled: boolean },
): Promise<void> {
  await runBatch(db, [
    db
      .update(users)
      .set({ ...change, updatedAt: now.toISOString() })
      .where(eq(users.id, before.id)),
    audit(db, now, {
      userId: actorId,
      action: "user.update",
      entity: "user",
      entityId: before.id,
      before: {
        name: before.name,
        role: before.role,
        organisationId: before.organisationId,
        disabled: before.disabled,
      },
      after: change,
    }),
  ]);
}

/** Sets a password (own change or an admin's reset); the hash itself is never audited. */
export async function setPassword(
  db: Db,
  now: Date,
  actorId: string,
  userId: string,
  password: string,
): Promise<void> {
  await runBatch(db, [
    db
      .update(users)
      .set({ passwordHash: await hashPassword(password), updatedAt: now.toISOString() })
      .where(eq(users.id, userId)),
    audit(db, now, {
      userId: actorId,
      action: "user.password",
      entity: "user",
      entityId: userId,
      after: { changedBy: actorId === userId ? "self" : "admin" },
    }),
  ]);
}

export async function countAdmins(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(users)
    .where(sql`${users.role} = 'admin' and ${users.disabled} = 0`);
  return row?.n ?? 0;
}

export type OrganisationRow = typeof organisations.$inferSelect;

export async function listOrganisations(db: Db): Promise<OrganisationRow[]> {
  return db.select().from(organisations).orderBy(sql`${organisations.name} collate nocase`);
}

export const newOrganisation = organisationInput.omit({ id: true });

/** The columns a checked organisation form sets, blanks as nulls. */
const organisationColumns = (input: z.output<typeof newOrganisation>) => ({
  name: input.name,
  website: input.website ?? null,
  email: input.email ?? null,
  phone: input.phone ?? null,
  charityNumber: input.charityNumber ?? null,
  mailLanguage: input.mailLanguage ?? null,
});

export async function createOrganisation(
  db: Db,
  now: Date,
  actorId: string,
  input: z.output<typeof newOrganisation>,
): Promise<OrganisationRow> {
  const at = now.toISOString();
  const slug = input.name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 50)
    .replace(/-+$/, "");
  const row = {
    id: `${slug || "organisation"}-${randomId(4)}`,
    ...organisationColumns(input),
    createdAt: at,
    updatedAt: at,
  };
  await runBatch(db, [
    db.insert(organisations).values(row),
    audit(db, now, {
      userId: actorId,
      action: "organisation.create",
      entity: "organisation",
      entityId: row.id,
      after: row,
    }),
  ]);
  return row;
}

export async function getOrganisation(db: Db, id: string): Promise<OrganisationRow | null> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

/** The fields of an organisation that people edit (its id never changes: listings and CSVs use it). */
export const ORGANISATION_FIELDS = [
  "name",
  "website",
  "email",
  "phone",
  "charityNumber",
  "mailLanguage",
] as const;

/**
 * Changes an organisation's details. Only the fields that changed are written, and audited with
 * their old and new values; answers which fields changed (none: nothing was written).
 */
export async function updateOrganisation(
  db: Db,
  now: Date,
  actorId: string,
  before: OrganisationRow,
  input: z.output<typeof newOrganisation>,
): Promise<string[]> {
  const next = organisationColumns(input);
  const changed = ORGANISATION_FIELDS.filter((k) => next[k] !== before[k]);
  if (changed.length === 0) return [];
  type Columns = ReturnType<typeof organisationColumns>;
  const pick = (row: Columns) =>
    Object.fromEntries(changed.map((k) => [k, row[k]])) as Partial<Columns>;
  await runBatch(db, [
    db
      .update(organisations)
      .set({ ...pick(next), updatedAt: now.toISOString() })
      .where(eq(organisations.id, before.id)),
    audit(db, now, {
      userId: actorId,
      action: "organisation.update",
      entity: "organisation",
      entityId: before.id,
      before: pick(before),
      after: pick(next),
    }),
  ]);
  return changed;
}
