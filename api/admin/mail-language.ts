/** The language of mail to each organisation, from its choice or its listings (mail-text.ts). */
import { sql } from "drizzle-orm";
import type { Role } from "../../schema/curation.js";
import type { MailLanguage } from "../../schema/taxonomy.js";
import type { Db } from "../db/types.js";
import { mailLanguageFor } from "./mail-text.js";

/** GSS codes of areas in Wales are W and eight digits (W06… councils, W11… health boards). */
const WELSH_AREA = sql`(a.code = 'Wales' or a.code glob 'W[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')`;

export async function organisationMailLanguages(
  db: Db,
  organisationId?: string,
): Promise<Map<string, MailLanguage>> {
  const rows = await db.all<{
    id: string;
    chosen: MailLanguage | null;
    welshText: number | null;
    servesWales: number | null;
  }>(sql`
    select o.id, o.mail_language as chosen,
      max(s.name_cy is not null or s.summary_cy is not null) as welshText,
      max(exists(select 1 from service_areas a where a.service_id = s.id and ${WELSH_AREA})) as servesWales
    from organisations o
    left join services s on s.organisation_id = o.id and s.status != 'archived'
    ${organisationId ? sql`where o.id = ${organisationId}` : sql``}
    group by o.id`);
  return new Map(
    rows.map((r) => [
      r.id,
      mailLanguageFor(r.chosen, [
        { welshText: Boolean(r.welshText), servesWales: Boolean(r.servesWales) },
      ]),
    ]),
  );
}

/**
 * The language of mail to one person: an editor hears in their organisation's language (its
 * choice, or its listings'); reviewers and admins work in the console's English.
 */
export function personMailLanguage(
  person: { role: Role; organisationId: string | null },
  languages: ReadonlyMap<string, MailLanguage>,
): MailLanguage {
  return person.role === "editor" && person.organisationId
    ? (languages.get(person.organisationId) ?? "en")
    : "en";
}

/** The language of mail to the account `userId` (personMailLanguage), read from the database. */
export async function userMailLanguage(db: Db, userId: string): Promise<MailLanguage> {
  const [person] = await db.all<{ role: Role; organisationId: string | null }>(
    sql`select role, organisation_id as organisationId from users where id = ${userId}`,
  );
  if (!person?.organisationId || person.role !== "editor") return "en";
  return personMailLanguage(person, await organisationMailLanguages(db, person.organisationId));
}
