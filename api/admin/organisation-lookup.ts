/**
 * An organisation named by a person: by its id, or by its name in any case and spacing. The CSV
 * import, `npm run user:create` and the import command lines all take one this way.
 */
import type { Db } from "../db/types.js";
import { listOrganisations } from "./users.js";

export interface NamedOrganisation {
  id: string;
  name: string;
}

export type OrganisationLookup =
  | { ok: true; id: string }
  | { ok: false; problem: "none" | "several"; message: string };

const plain = (text: string) => text.trim().toLowerCase().replace(/\s+/g, " ");

const listed = (list: readonly NamedOrganisation[]) =>
  list.map((o) => `${o.name} (${o.id})`).join("; ");

/** The organisation `text` names, or a message saying that none or several do, and which. */
export function lookupOrganisation(
  organisations: readonly NamedOrganisation[],
  text: string,
): OrganisationLookup {
  const wanted = plain(text);
  const byId = organisations.find((o) => o.id === text.trim());
  if (wanted && byId) return { ok: true, id: byId.id };
  const byName = wanted ? organisations.filter((o) => plain(o.name) === wanted) : [];
  const [only] = byName;
  if (only && byName.length === 1) return { ok: true, id: only.id };
  if (byName.length > 1) {
    return {
      ok: false,
      problem: "several",
      message: `${byName.length} organisations are called "${text.trim()}": ${listed(byName)}. Give the id of the one you mean.`,
    };
  }
  return {
    ok: false,
    problem: "none",
    message: `There is no organisation called "${text.trim()}" (by name or id). Organisations: ${listed(organisations) || "none yet"}.`,
  };
}

/**
 * Whether a name is borne by more than one of `organisations` (in any case and spacing): there,
 * only the id tells them apart, so the console shows it beside the name.
 */
export function sharedNames(
  organisations: readonly NamedOrganisation[],
): (name: string) => boolean {
  const counts = new Map<string, number>();
  for (const o of organisations) counts.set(plain(o.name), (counts.get(plain(o.name)) ?? 0) + 1);
  return (name) => (counts.get(plain(name)) ?? 0) > 1;
}

/** Organisations as choices in a list: a name two of them bear is followed by each one's id. */
export function organisationOptions(
  organisations: readonly NamedOrganisation[],
): { value: string; label: string }[] {
  const shared = sharedNames(organisations);
  return organisations.map((o) => ({
    value: o.id,
    label: shared(o.name) ? `${o.name} (${o.id})` : o.name,
  }));
}

/** `lookupOrganisation` over every organisation in the database. */
export async function organisationNamed(db: Db, text: string): Promise<OrganisationLookup> {
  return lookupOrganisation(await listOrganisations(db), text);
}
