/**
 * The "when" filter for contacts: a helpline answers at set hours as a group meets at set times.
 * "Evenings" must not offer a Monday-to-Friday 9-to-5 line. Hours are London wall-clock
 * (schema/hours.ts); a slot that closes after midnight belongs to the day it opens.
 */
import type { OpenHours } from "../../schema/hours.js";
import type { ContactKind, When } from "../../schema/taxonomy.js";
import { parsePlainTime } from "./plain-date.js";

const NOON = 12 * 60;
const FIVE_PM = 17 * 60;
/** A line that closes at 6pm is an office line, not an evening one. */
const SIX_PM = 18 * 60;
const DAY = 24 * 60;

/** Contacts a person reaches at set hours. Email and websites can be used at any time. */
const ANSWERED: readonly ContactKind[] = ["phone", "text", "whatsapp"];

interface HoursContact {
  kind: ContactKind;
  openHours: OpenHours | null;
}

/** Minutes after midnight, with a close after midnight (or at 24:00) pushed into the next day. */
function span(opens: string, closes: string): [number, number] | null {
  const from = parsePlainTime(opens);
  const to = closes === "24:00" ? DAY : parsePlainTime(closes);
  if (from === null || to === null) return null;
  return [from, to <= from ? to + DAY : to];
}

/** Whether open hours meet one "when" value: open at any moment of its part of the day. */
function hoursMeet(hours: OpenHours, value: When): boolean {
  if (hours === "24h") return true;
  return hours.some((slot) => {
    const open = span(slot.opens, slot.closes);
    if (!open) return false;
    const [from, to] = open;
    switch (value) {
      case "morning":
        return from < NOON;
      case "afternoon":
        return from < FIVE_PM && to > NOON;
      case "evening":
        return to > SIX_PM;
      case "weekend":
        // Friday's slot running past midnight reaches Saturday.
        return slot.days.some((d) => d === 6 || d === 7 || (d === 5 && to > DAY));
      default:
        // school-holidays: contacts keep no term times.
        return true;
    }
  });
}

/**
 * Whether a service without sessions fits the "when" filter by its contacts' hours: yes when one
 * of its phone, text or WhatsApp contacts answers at any of the chosen times (values widen the
 * search, as they do for sessions: see schedule-when.ts). Mornings: open before noon;
 * afternoons: open between noon and 5pm; evenings: open after 6pm; weekends: open on Saturday
 * or Sunday. A service whose hours are not known in this form is kept: nothing says it is
 * closed. `school-holidays` never narrows contacts, which keep no term times.
 */
export function contactsMatchWhen(
  contacts: readonly HoursContact[],
  when: readonly When[],
): boolean {
  const times = when.filter((w) => w !== "school-holidays");
  if (times.length === 0) return true;
  const known = contacts.filter((c) => ANSWERED.includes(c.kind) && c.openHours);
  if (known.length === 0) return true;
  return known.some((c) => times.some((w) => hoursMeet(c.openHours as OpenHours, w)));
}
