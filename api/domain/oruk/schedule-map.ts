/**
 * Our sessions as HSDS schedules and back. Weekly: `WEEKLY`, interval 1, `byday TU`;
 * fortnightly: interval 2 from `dtstart`; monthly nth weekday: `MONTHLY`, `byday 2TU` / `-1FR`.
 * Times are UK wall-clock `HH:MM:SS` (the numeric `timezone` cannot say BST, so it is left out and
 * `description` says "UK time"). Term-time-only sessions carry a `notes` prefix and a schedule
 * attribute (see attributes in publish.ts).
 */
import type { SchedulePattern } from "../../../schema/taxonomy.js";
import type { OrukBundle } from "./bundle.js";
import { orukId } from "./uuid.js";

type ScheduleRow = OrukBundle["schedules"][number];

export const BYDAY = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const NTH = { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" } as Record<
  number,
  string
>;

export const TERM_TIME_NOTE = "Term time only.";

export const hms = (time: string) => (time.length === 5 ? `${time}:00` : time);

function describe(s: ScheduleRow): string {
  const day = DAY_NAMES[s.weekday - 1] ?? "";
  const when =
    s.pattern === "weekly"
      ? `Every ${day}`
      : s.pattern === "fortnightly"
        ? `Every other ${day} from ${s.anchorDate ?? ""}`
        : `The ${NTH[s.nth ?? 1] ?? ""} ${day} of each month`;
  return `${when}, ${s.startTime} to ${s.endTime} (UK time)${s.termTimeOnly ? ", term time only" : ""}.`;
}

export function toHsdsSchedule(s: ScheduleRow, serviceUuid: string): Record<string, unknown> {
  const byday = BYDAY[s.weekday - 1] ?? "MO";
  return {
    id: orukId("schedule", s.id),
    service_id: serviceUuid,
    service_at_location_id: s.locationId
      ? orukId("service_at_location", s.serviceId, s.locationId)
      : undefined,
    valid_from: s.validFrom,
    valid_to: s.validUntil,
    dtstart: s.pattern === "fortnightly" ? s.anchorDate : undefined,
    freq: s.pattern === "monthly" ? "MONTHLY" : "WEEKLY",
    interval: s.pattern === "fortnightly" ? 2 : 1,
    byday: s.pattern === "monthly" ? `${s.nth ?? 1}${byday}` : byday,
    opens_at: hms(s.startTime),
    closes_at: hms(s.endTime),
    description: describe(s),
    attending_type: s.locationId ? "in person" : undefined,
    notes: s.termTimeOnly ? [TERM_TIME_NOTE, s.note].filter(Boolean).join(" ") : s.note,
    x_notes_cy: s.noteCy,
  };
}

export interface ScheduleGuess {
  pattern: SchedulePattern;
  weekday: number;
  nth: number | null;
  anchorDate: string | null;
  startTime: string;
  endTime: string;
  termTimeOnly: boolean;
  validFrom: string | null;
  validUntil: string | null;
  note: string | null;
  noteCy: string | null;
}

const str = (v: unknown) => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);
const isoDate = (v: unknown) => {
  const s = str(v);
  return s && /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
};
const clock = (v: unknown) => {
  const m = /^(\d{1,2}):(\d{2})/.exec(str(v) ?? "");
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? `${String(h).padStart(2, "0")}:${m[2]}` : null;
};

/**
 * One HSDS schedule as our sessions, one per weekday it names; null with the reason when it
 * cannot be one (no day, no times, a rule we do not model).
 */
export function fromHsdsSchedule(
  raw: Record<string, unknown>,
): { sessions: ScheduleGuess[] } | { problem: string } {
  const freq = (str(raw.freq) ?? "WEEKLY").toUpperCase();
  const interval = Number(raw.interval ?? 1) || 1;
  const startTime = clock(raw.opens_at);
  const endTime = clock(raw.closes_at);
  if (!startTime || !endTime) return { problem: "a session without opening and closing times" };
  if (endTime <= startTime) return { problem: "a session that closes before it opens" };
  const days = (str(raw.byday) ?? "")
    .toUpperCase()
    .split(",")
    .map((d) => /^(-?\d)?([A-Z]{2})$/.exec(d.trim()))
    .filter((m): m is RegExpExecArray => m !== null);
  if (days.length === 0) return { problem: "a session without a day (byday)" };
  let notes = str(raw.notes);
  let termTimeOnly = false;
  if (notes?.startsWith(TERM_TIME_NOTE)) {
    termTimeOnly = true;
    notes = str(notes.slice(TERM_TIME_NOTE.length));
  }
  const sessions: ScheduleGuess[] = [];
  for (const [, n, day] of days) {
    const weekday = BYDAY.indexOf(day as (typeof BYDAY)[number]) + 1;
    if (weekday === 0) return { problem: `an unknown day "${day}"` };
    const nth = n ? Number(n) : null;
    let pattern: SchedulePattern;
    if (freq === "MONTHLY" && nth !== null && [1, 2, 3, 4, -1].includes(nth)) pattern = "monthly";
    else if (freq === "WEEKLY" && interval === 1) pattern = "weekly";
    else if (freq === "WEEKLY" && interval === 2 && isoDate(raw.dtstart)) pattern = "fortnightly";
    else return { problem: `a repeat rule we cannot show (${freq} every ${interval})` };
    sessions.push({
      pattern,
      weekday,
      nth: pattern === "monthly" ? nth : null,
      anchorDate: pattern === "fortnightly" ? isoDate(raw.dtstart) : null,
      startTime,
      endTime,
      termTimeOnly,
      validFrom: isoDate(raw.valid_from),
      validUntil: isoDate(raw.valid_to),
      note: notes,
      noteCy: str(raw.x_notes_cy),
    });
  }
  return { sessions };
}
