/**
 * The four-eyes rule: a crisis listing, or any change to a number people phone, text or message,
 * is published only by someone who did not make the change, and only when a person (not the
 * seed files) stands behind it. A wrong crisis number does real harm.
 */
import type { Listing } from "../../schema/listing-input.js";

/** Stands for content that came from the seed files (or any import that had no person). */
export const SEED_AUTHOR = "seed";

/** What the rule reads of a listing. Free-text fields are optional so partial listings work. */
export type NumberSource = Pick<Listing, "kind" | "contacts"> &
  Partial<
    Pick<
      Listing,
      | "name"
      | "summary"
      | "summaryCy"
      | "description"
      | "descriptionCy"
      | "howToAccess"
      | "howToAccessCy"
      | "costNote"
      | "schedules"
    >
  >;

/**
 * A number in its national form: digits only, `+44`/`0044`/`44…` written as `0…`, so spacing or
 * the international form is not a change. Other countries keep `+` and their digits.
 */
export function normalNumber(text: string, international = false): string {
  let digits = text.replace(/\D/g, "");
  if (digits.startsWith("00")) {
    digits = digits.slice(2);
    international = true;
  }
  if (text.trim().startsWith("+")) international = true;
  // A UK number never starts 44 in its national form, so a long one starting so is international.
  if (digits.startsWith("44") && (international || digits.length >= 11)) {
    const rest = digits.slice(2);
    return rest.startsWith("0") ? rest : `0${rest}`;
  }
  return international ? `+${digits}` : digits;
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** The number a WhatsApp link opens a chat with (`wa.me/…`, `api.whatsapp.com/send?phone=…`). */
export function whatsAppNumber(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  const host = parsed.hostname.toLowerCase().replace(/^www\./, "");
  const raw =
    host === "wa.me"
      ? safeDecode(parsed.pathname.split("/")[1] ?? "")
      : host === "api.whatsapp.com" || host === "whatsapp.com"
        ? parsed.searchParams.get("phone")
        : null;
  return raw && /\d/.test(raw) ? normalNumber(raw, true) : null;
}

/**
 * Phone-like runs of digits in free text: three or more digits, grouped by spaces, hyphens or
 * brackets, with an optional leading `+`. Times (`10:00`, `9.30`) and single figures are not.
 * It errs on the side of counting: a year or a count of 3+ digits counts as a number too.
 */
export function numbersInText(text: string | null | undefined): string[] {
  if (!text) return [];
  const found = text.match(/\+?(?<![\d.:])\d(?:[ \-()]{0,2}\d)+(?![\d:]|\.\d)/g) ?? [];
  return found.map((t) => normalNumber(t)).filter((n) => n.replace(/\D/g, "").length >= 3);
}

function contactNumber(c: Listing["contacts"][number]): string | null {
  if (c.kind === "phone" || c.kind === "text") {
    return `${c.kind}:${normalNumber(c.value)}${c.keyword ? `:${c.keyword}` : ""}`;
  }
  if (c.kind === "whatsapp" || c.kind === "web") {
    if (!/^https:/i.test(c.value)) return `whatsapp:${normalNumber(c.value)}`;
    const number = whatsAppNumber(c.value);
    if (number) return `whatsapp:${number}`;
    // Any other WhatsApp link (a group invite) is compared whole.
    return c.kind === "whatsapp" ? `whatsapp:${c.value.trim().toLowerCase()}` : null;
  }
  return null;
}

/**
 * Every number a parent could dial, text or message, sorted: from the contacts (with the word to
 * text) and written in the listing's text, Welsh twins included.
 */
export function dialledNumbers(listing: NumberSource): string[] {
  const texts = [
    listing.name,
    listing.summary,
    listing.summaryCy,
    listing.description,
    listing.descriptionCy,
    listing.howToAccess,
    listing.howToAccessCy,
    listing.costNote,
    ...listing.contacts.flatMap((c) => [c.label, c.labelCy, c.hours, c.hoursCy]),
    ...(listing.schedules ?? []).flatMap((s) => [s.note, s.noteCy]),
  ];
  return [
    ...listing.contacts.flatMap((c) => contactNumber(c) ?? []),
    ...texts.flatMap((t) => numbersInText(t).map((n) => `in-text:${n}`)),
  ].sort();
}

export function numbersDiffer(a: NumberSource | null, b: NumberSource | null): boolean {
  const before = a ? dialledNumbers(a) : [];
  const after = b ? dialledNumbers(b) : [];
  return before.length !== after.length || before.some((n, i) => n !== after[i]);
}

/**
 * Why publishing `working` needs a second person, or null when its editor may publish it.
 * `published` is the version the public sees now, or null if it was never published.
 */
export function fourEyesReason(
  working: NumberSource,
  published: NumberSource | null,
): string | null {
  if (working.kind === "crisis" || published?.kind === "crisis") {
    return "This is a crisis listing.";
  }
  if (numbersDiffer(published, working)) {
    return "A phone or text number is new or has changed (in a contact, a WhatsApp link or the text).";
  }
  return null;
}

/** Who stands behind the working copy since the live version. */
export interface Authors {
  /** Everyone who changed it (`seed` for content nobody entered in the console). */
  editors: readonly string[];
  /** Those of them whose change touched a number. */
  numberEditors: readonly string[];
}

export interface FourEyesDecision {
  reason: string | null;
  /** Whether this person may publish now. */
  allowed: boolean;
  /** The people (and `seed`) the publisher must differ from. */
  authors: string[];
  /**
   * No person stands behind the change yet (only the seed): this person may ask for it, and a
   * second person then publishes.
   */
  mayRequest: boolean;
}

export function fourEyes(
  working: NumberSource,
  published: NumberSource | null,
  people: Authors & { requestedBy: string | null },
  publisherId: string,
): FourEyesDecision {
  const reason = fourEyesReason(working, published);
  if (!reason) return { reason, allowed: true, authors: [], mayRequest: false };
  const crisis = working.kind === "crisis" || published?.kind === "crisis";
  const changed = crisis ? people.editors : people.numberEditors;
  // A change with no recorded author came from outside the console: the seed stands for it.
  const authors = [
    ...new Set([
      ...(changed.length ? changed : [SEED_AUTHOR]),
      ...(people.requestedBy ? [people.requestedBy] : []),
    ]),
  ];
  const isAuthor = authors.includes(publisherId);
  const persons = authors.filter((a) => a !== SEED_AUTHOR);
  return {
    reason,
    authors,
    allowed: !isAuthor && persons.length > 0,
    mayRequest: !isAuthor && persons.length === 0,
  };
}

/** The authors after `actor` changed `before` into `after`. */
export function withEdit(
  authors: Authors,
  actor: string,
  before: NumberSource | null,
  after: NumberSource,
): { editors: string[]; numberEditors: string[] } {
  const add = (list: readonly string[]) => [...new Set([...list, actor])];
  return {
    editors: add(authors.editors),
    numberEditors: numbersDiffer(before, after)
      ? add(authors.numberEditors)
      : [...authors.numberEditors],
  };
}

/** Archiving a published crisis listing takes it out of every crisis panel: two people decide. */
export function archiveNeedsSecondPerson(live: { kind: string; status: string }): boolean {
  return live.kind === "crisis" && live.status === "published";
}
