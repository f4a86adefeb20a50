/**
 * Which organisations to remind about listings due for review, and what to tell them. Pure:
 * the daily job gathers the rows, this decides, the outbox keeps the result.
 */
import type { Kind, Lang, MailLanguage } from "../../schema/taxonomy.js";
import { londonWallClock } from "../domain/london-time.js";
import { inLanguages, linkLang, longDate } from "./mail-text.js";
import { reviewStatus } from "./review-status.js";

export interface ReminderListing {
  id: string;
  name: string;
  organisationId: string;
  kind: Kind;
  verifiedAt: string | null;
  reviewEveryDays: number;
}

export interface ReminderInput {
  /** Published listings. */
  listings: readonly ReminderListing[];
  organisations: readonly { id: string; name: string; email: string | null }[];
  /** Active editors, who hear about their own organisation's listings. */
  editors: readonly { email: string; organisationId: string | null }[];
  /** The last reminder each organisation got: its day and the listings it named. */
  lastReminders: ReadonlyMap<string, { day: string; listingIds: readonly string[] }>;
  now: Date;
  /** Origin for links into the console; relative links when unknown. */
  origin?: string | undefined;
  /** The language of mail to each organisation (absent: English). */
  languages?: ReadonlyMap<string, MailLanguage> | undefined;
  /** A fresh random token for a listing's "still correct" link. */
  token: (listingId: string) => string;
}

export interface DueListing {
  id: string;
  name: string;
  dueOn: string | null;
  daysOverdue: number;
  hiddenOn: string | null;
  hidden: boolean;
}

export interface Reminder {
  organisationId: string;
  day: string;
  recipients: string[];
  subject: string;
  body: string;
  lang: MailLanguage;
  listings: DueListing[];
  /** The token of each listing's "still correct" link (by listing id), to be stored hashed. */
  tokens: Record<string, string>;
}

/** An organisation hears again after a week, or sooner when another listing falls due. */
export const REMIND_AGAIN_AFTER_DAYS = 7;
/** How long a "still correct" link works. */
export const CONFIRM_LINK_DAYS = 30;

const DAY_MS = 86_400_000;
const dayGap = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const TEXT = {
  en: {
    subject: (n: number) =>
      `Perinatal Signpost: ${n === 1 ? "1 listing is" : `${n} listings are`} due for checking`,
    hello: (name: string) => `Hello ${name},`,
    intro: (n: number) =>
      `${n === 1 ? "1 listing is" : `${n} listings are`} due for checking in Perinatal Signpost. Parents rely on these details being right.`,
    due: (date: string, days: number) =>
      `due since ${date} (${days} ${days === 1 ? "day" : "days"} ago)`,
    never: "never checked",
    hidden: "Search has stopped showing it until it is checked.",
    hiding: (date: string) => `Search will stop showing it from ${date} unless it is checked.`,
    correct: "Still correct",
    changed: "Something has changed",
    ask: 'Please confirm each one with the service (numbers, times, venues), then choose "Still correct", or "Something has changed" to edit the listing or tell us what is different.',
    expiry: `The "Still correct" links work once each, for ${CONFIRM_LINK_DAYS} days.`,
  },
  cy: {
    subject: (n: number) => `Perinatal Signpost: rhestriadau i’w gwirio (${n})`,
    hello: (name: string) => `Helo ${name},`,
    intro: (n: number) =>
      `Mae angen gwirio ${n === 1 ? "un rhestriad" : `${n} o restriadau`} yn Perinatal Signpost. Mae rhieni’n dibynnu ar y manylion hyn fod yn gywir.`,
    due: (date: string, days: number) => `i’w wirio ers ${date} (${days} diwrnod yn ôl)`,
    never: "heb ei wirio erioed",
    hidden: "Nid yw’r chwiliad yn ei ddangos nes iddo gael ei wirio.",
    hiding: (date: string) =>
      `Bydd y chwiliad yn peidio â’i ddangos o ${date} oni bai ei fod yn cael ei wirio.`,
    correct: "Yn dal yn gywir",
    changed: "Rhywbeth wedi newid",
    ask: "Gwiriwch bob un gyda’r gwasanaeth (rhifau, amseroedd, lleoliadau), yna dewiswch “Yn dal yn gywir”, neu “Rhywbeth wedi newid” i olygu’r rhestriad neu i ddweud wrthym beth sy’n wahanol.",
    expiry: `Mae pob dolen “Yn dal yn gywir” yn gweithio unwaith, am ${CONFIRM_LINK_DAYS} diwrnod.`,
  },
} satisfies Record<Lang, unknown>;

interface Links {
  origin: string;
  token: string;
  /** Whether the organisation has an editor account (else "changed" opens the public form). */
  editors: boolean;
}

function line(l: DueListing, lang: Lang, links: Links): string {
  const t = TEXT[lang];
  const when = l.dueOn ? t.due(longDate(l.dueOn, lang), l.daysOverdue) : t.never;
  const hiding = l.hidden ? t.hidden : l.hiddenOn ? t.hiding(longDate(l.hiddenOn, lang)) : "";
  const check = `${links.origin}/check/${links.token}`;
  const change = links.editors
    ? `${links.origin}/admin/listings/${encodeURIComponent(l.id)}`
    : `${check}/change`;
  return [
    `- ${l.name}: ${when}. ${hiding}`.trimEnd(),
    `  ${t.correct}: ${check}${linkLang(lang)}`,
    `  ${t.changed}: ${change}${links.editors ? "" : linkLang(lang)}`,
  ].join("\n");
}

export function dueReminders(input: ReminderInput): Reminder[] {
  const day = londonWallClock(input.now).date;
  const origin = (input.origin ?? "").replace(/\/$/, "");
  const due = new Map<string, DueListing[]>();
  for (const l of input.listings) {
    const status = reviewStatus(l, input.now);
    if (!status.overdue) continue;
    const list = due.get(l.organisationId) ?? [];
    list.push({ id: l.id, name: l.name, ...status });
    due.set(l.organisationId, list);
  }
  const reminders: Reminder[] = [];
  for (const org of input.organisations) {
    const listings = due.get(org.id);
    if (!listings?.length) continue;
    const last = input.lastReminders.get(org.id);
    const newlyDue = listings.some((l) => !last?.listingIds.includes(l.id));
    if (last && !newlyDue && dayGap(last.day, day) < REMIND_AGAIN_AFTER_DAYS) continue;
    listings.sort((a, b) => Number(b.hidden) - Number(a.hidden) || b.daysOverdue - a.daysOverdue);
    const editors = input.editors.filter((e) => e.organisationId === org.id);
    const recipients = [
      ...new Set(
        [org.email, ...editors.map((e) => e.email)]
          .filter((e): e is string => Boolean(e))
          .map((e) => e.toLowerCase()),
      ),
    ].sort();
    const tokens = Object.fromEntries(listings.map((l) => [l.id, input.token(l.id)]));
    const lang = input.languages?.get(org.id) ?? "en";
    const text = inLanguages(lang, (l) => {
      const t = TEXT[l];
      return {
        subject: t.subject(listings.length),
        body: [
          t.hello(org.name),
          "",
          t.intro(listings.length),
          "",
          ...listings.map((x) =>
            line(x, l, { origin, token: tokens[x.id] ?? "", editors: editors.length > 0 }),
          ),
          "",
          t.ask,
          "",
          t.expiry,
          "",
          "Perinatal Signpost",
        ].join("\n"),
      };
    });
    reminders.push({ organisationId: org.id, day, recipients, ...text, lang, listings, tokens });
  }
  return reminders;
}
