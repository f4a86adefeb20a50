/**
 * Who may do what. Every route asks these questions on every request, with the user row read
 * fresh from the database, so a changed role or a disabled account takes effect at once.
 */
import type { Role } from "../../schema/curation.js";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
}

export type Capability =
  /** Edit, submit and check listings of every organisation (editors: only their own). */
  | "all-organisations"
  | "publish"
  | "archive"
  | "triage-reports"
  | "read-audit"
  | "read-outbox"
  | "run-jobs"
  | "manage-users";

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  admin: [
    "all-organisations",
    "publish",
    "archive",
    "triage-reports",
    "read-audit",
    "read-outbox",
    "run-jobs",
    "manage-users",
  ],
  reviewer: [
    "all-organisations",
    "publish",
    "archive",
    "triage-reports",
    "read-audit",
    "read-outbox",
  ],
  editor: [],
};

export function can(user: SessionUser, capability: Capability): boolean {
  return roleCan(user.role, capability);
}

/** Whether anyone with this role may do this (for mail, written without a session). */
export function roleCan(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability);
}

/** Whether the user may read and edit listings of this organisation. */
export function canWorkOn(user: SessionUser, organisationId: string): boolean {
  return can(user, "all-organisations") || user.organisationId === organisationId;
}

/** The organisation an editor is limited to, or null for those who see every organisation. */
export function organisationScope(user: SessionUser): string | null {
  if (can(user, "all-organisations")) return null;
  // An editor without an organisation can see nothing: scope them to an id no row has.
  return user.organisationId ?? "\u0000none";
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  reviewer: "Reviewer",
  editor: "Editor",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Everything, including managing accounts and organisations.",
  reviewer: "Publishes listings of every organisation and triages problem reports.",
  editor: "Edits and submits the listings of their own organisation.",
};
