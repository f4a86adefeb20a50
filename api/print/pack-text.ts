/**
 * Words of the pack that both the page and the PDF print, worked out once: which opening
 * paragraphs, and how each crisis route's number and details read.
 */
import type { Lang } from "../../schema/taxonomy.js";
import { contactLine } from "./pack-cards.js";
import type { CrisisView, PackView } from "./pack-view.js";
import { printStrings } from "./strings.js";

/**
 * The opening after its first, moment-specific line. Side by side, the last paragraph (what
 * the pack holds, which its headings show anyway) gives way to room for listings.
 */
export function openingParagraphs(view: PackView, lang: Lang): string[] {
  const all = printStrings(lang).pack.opening;
  // With nothing local, "this pack lists support near you" gives way to what to do instead.
  return view.langs.length > 1 || view.nextSteps ? all.slice(0, 1) : all;
}

/**
 * Whether "You can ask for help yourself" comes before the listings. Side by side, the fixed
 * parts in two languages would fill most of page one and push the first card over; there it
 * follows the listings, so page one holds listings too.
 */
export function explainerFirst(view: Pick<PackView, "langs">): boolean {
  return view.langs.length === 1;
}

/** A link as printed on paper: "nhs.uk/mental-health/…" without the scheme. */
export function linkText(href: string): string {
  return href.replace(/^https:\/\//, "").replace(/\/$/, "");
}

/** The number to print large for a route: its first phone or text contact. */
export function primaryContact(route: CrisisView) {
  return route.contacts.find((c) => c.kind === "phone" || c.kind === "text") ?? route.contacts[0];
}

/** What to print beside a text number: "Text SHOUT" / "Tecstiwch SHOUT". */
export function numberNote(route: CrisisView, lang: Lang): string {
  const primary = primaryContact(route);
  if (primary?.kind !== "text") return "";
  const value = primary.text[lang];
  const number = /\S+$/.exec(value)?.[0] ?? "";
  return value
    .slice(0, value.length - number.length)
    .replace(/\s+(to|i)\s*$/, "")
    .trim();
}

/** Open round the clock: said once, under the number, when space is short. */
export function isAllDay(route: CrisisView): boolean {
  return /^24\b/.test(primaryContact(route)?.hours?.en ?? "");
}

/** What to print small under the number: "Text SHOUT", and "24 hours" side by side. */
export function underNumber(route: CrisisView, lang: Lang, brief: boolean): string {
  const parts = [numberNote(route, lang)];
  if (brief && isAllDay(route)) parts.push(printStrings(lang).pack.crisis.allDay);
  return parts.filter(Boolean).join(", ");
}

/** The big digits: "999", "116 123", "85258". */
export function numberOf(route: CrisisView, lang: Lang): string {
  const primary = primaryContact(route);
  if (!primary) return "";
  return /[\d ]{3,}$/.exec(primary.text[lang])?.[0].trim() ?? primary.text[lang];
}

function nameHasNumber(route: CrisisView, lang: Lang): boolean {
  const digits = (text: string) => text.replace(/\D/g, "");
  const number = digits(numberOf(route, lang));
  return number.length > 0 && digits(route.name[lang]).includes(number);
}

/**
 * A route's name in one of a pack's languages: side by side, a name that is the same in both
 * ("Shout") is printed once, in the first.
 */
export function routeName(route: CrisisView, lang: Lang, langs: readonly Lang[]): string {
  const first = langs[0]!;
  return lang !== first && route.name[lang] === route.name[first] ? "" : route.name[lang];
}

/**
 * The rest of a route's text: its description, then its hours and other ways to reach it
 * unless the description already says them ("any time", "or email jo@samaritans.org").
 * Side by side there is room for the hours only: the names already say what to do.
 */
export function routeDetail(route: CrisisView, lang: Lang, brief = false): string {
  const primary = primaryContact(route);
  const description = route.description[lang];
  const hours = primary?.hours?.[lang];
  // Side by side, a name that carries its number ("call 999", "NHS 111") says enough; one
  // that does not ("Samaritans", "Shout") keeps its description, which says how to reach it.
  if (brief && nameHasNumber(route, lang)) return hours && !isAllDay(route) ? hours : "";
  if (brief) return /[.!?]$/.test(description) ? description : `${description}.`;
  const parts = [description];
  if (hours && !/\b24\b|any time|unrhyw bryd/i.test(description)) parts.push(hours);
  for (const c of route.contacts) {
    const value = c.text[lang].split(" ").at(-1) ?? "";
    if (c !== primary && !description.includes(value)) parts.push(contactLine(c, [lang]));
  }
  return parts.map((p) => (/[.!?]$/.test(p) ? p : `${p}.`)).join(" ");
}
