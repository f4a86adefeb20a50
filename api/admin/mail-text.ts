/**
 * Mail in English, Welsh or both. A bilingual message is one mail: Welsh first, then English,
 * parted by BILINGUAL_BREAK (the HTML part marks each half with its `lang`), with both subjects.
 * Pure: every message writer (reminders, notifications, submissions, invitations) goes through
 * `inLanguages` with a function that writes the message in one language.
 */
import type { Lang, MailLanguage } from "../../schema/taxonomy.js";

/** The line between the Welsh and the English halves of a bilingual message. */
export const BILINGUAL_BREAK = "\n\n* * *\n\n";

export interface MailText {
  subject: string;
  body: string;
}

export function inLanguages(lang: MailLanguage, write: (lang: Lang) => MailText): MailText {
  if (lang !== "both") return write(lang);
  const cy = write("cy");
  const en = write("en");
  return {
    subject: `${cy.subject} / ${en.subject}`,
    body: `${cy.body}${BILINGUAL_BREAK}${en.body}`,
  };
}

/** The halves of a body and their languages, for the HTML part. */
export function languageParts(body: string, lang: MailLanguage): { lang: Lang; text: string }[] {
  if (lang !== "both") return [{ lang, text: body }];
  const at = body.indexOf(BILINGUAL_BREAK);
  if (at < 0) return [{ lang: "cy", text: body }];
  return [
    { lang: "cy", text: body.slice(0, at) },
    { lang: "en", text: body.slice(at + BILINGUAL_BREAK.length) },
  ];
}

/** "8 June 2026", "8 Mehefin 2026". */
export function longDate(day: string, lang: Lang): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString(lang === "cy" ? "cy" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
}

/** What makes a listing Welsh for mail: Welsh text, or an area in Wales (GSS codes W…). */
export interface WelshSignals {
  welshText: boolean;
  servesWales: boolean;
}

/**
 * The language of mail to an organisation: its own choice, else both languages when any of its
 * listings is Welsh (has Welsh text or serves Wales), else English.
 */
export function mailLanguageFor(
  chosen: MailLanguage | null | undefined,
  listings: readonly WelshSignals[],
): MailLanguage {
  if (chosen) return chosen;
  return listings.some((l) => l.welshText || l.servesWales) ? "both" : "en";
}

/** The `?lang=` to put on a public link in mail of this language. */
export const linkLang = (lang: Lang) => (lang === "cy" ? "?lang=cy" : "");
