/**
 * Which organisations to remind about listings due for review, and what to tell them. Pure:
 * the daily job gathers the rows, this decides, the outbox keeps the result.
 */
import type { Kind } from "../../schema/taxonomy.js";
import { londonWallClock } from "../domain/london-time.js";
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
  listings: DueListing[];
}

/** An organisation hears again after a week, or sooner when another listing falls due. */
export const REMIND_AGAIN_AFTER_DAYS = 7;

const DAY_MS = 86_400_000;
const dayGap = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

const longDate = (day: string) =>
  new Date(`${day}T12:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });

function line(l: DueListing, origin: string): string {
  const when = l.dueOn
    ? `due since ${longDate(l.dueOn)} (${l.daysOverdue} ${l.daysOverdue === 1 ? "day" : "days"} ago)`
    : "never checked";
  const hiding = l.hidden
    ? "Search has stopped showing it until it is checked."
    : l.hiddenOn
      ? `Search will stop showing it from ${longDate(l.hiddenOn)} unless it is checked.`
      : "";
  return `- ${l.name}: ${when}. ${hiding}\n  ${origin}/admin/listings/${encodeURIComponent(l.id)}`;
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
    const recipients = [
      ...new Set(
        [org.email, ...input.editors.filter((e) => e.organisationId === org.id).map((e) => e.email)]
          .filter((e): e is string => Boolean(e))
          .map((e) => e.toLowerCase()),
      ),
    ].sort();
    const count = listings.length === 1 ? "1 listing is" : `${listings.length} listings are`;
    reminders.push({
      organisationId: org.id,
      day,
      recipients,
      subject: `Perinatal Signpost: ${count} due for checking`,
      body: [
        `Hello ${org.name},`,
        "",
        `${count} due for checking in Perinatal Signpost. Parents rely on these details being right.`,
        "",
        ...listings.map((l) => line(l, origin)),
        "",
        'Please confirm each one with the service (numbers, times, venues), then choose "Mark as checked", or edit the listing if something has changed.',
        "",
        "Perinatal Signpost",
      ].join("\n"),
      listings,
    });
  }
  return reminders;
}
