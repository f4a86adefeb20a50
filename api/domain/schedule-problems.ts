import { SCHEDULE_PATTERNS } from "../../schema/taxonomy.js";
import { parsePlainDate, parsePlainTime } from "./plain-date.js";
import type { ScheduleLike } from "./schedule.js";

const NTH_VALUES: readonly number[] = [1, 2, 3, 4, -1];

/**
 * What is wrong with a schedule, in sentences an editor can act on; empty when it is valid.
 * Used by the seed loader and the admin console; `nextSession` returns null for any schedule
 * with problems rather than guess.
 */
export function scheduleProblems(schedule: ScheduleLike): string[] {
  const problems: string[] = [];
  const { pattern, weekday, startTime, endTime, nth, anchorDate } = schedule;

  if (!(SCHEDULE_PATTERNS as readonly string[]).includes(pattern)) {
    problems.push(`Pattern must be weekly, fortnightly or monthly, not "${pattern}".`);
  }
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
    problems.push(`Weekday must be 1 (Monday) to 7 (Sunday), not ${weekday}.`);
  }

  const start = parsePlainTime(startTime);
  const end = parsePlainTime(endTime);
  if (start === null) problems.push(`Start time must be 24-hour HH:MM, not "${startTime}".`);
  if (end === null) problems.push(`End time must be 24-hour HH:MM, not "${endTime}".`);
  if (start !== null && end !== null && end <= start) {
    problems.push(`End time ${endTime} must be after start time ${startTime} on the same day.`);
  }

  if (pattern === "fortnightly" && !anchorDate) {
    problems.push("A fortnightly schedule needs an anchor date: any date the session runs on.");
  }
  if (anchorDate && parsePlainDate(anchorDate) === null) {
    problems.push(`Anchor date must be a real YYYY-MM-DD date, not "${anchorDate}".`);
  }
  if (pattern === "monthly" && (nth == null || !NTH_VALUES.includes(nth))) {
    problems.push(
      `A monthly schedule needs nth: 1 to 4, or -1 for the last in the month, not ${nth ?? "none"}.`,
    );
  }

  const from = checkDate(schedule.validFrom, "Valid from", problems);
  const until = checkDate(schedule.validUntil, "Valid until", problems);
  if (from !== null && until !== null && until < from) {
    problems.push(`Valid until ${schedule.validUntil} is before valid from ${schedule.validFrom}.`);
  }
  return problems;
}

function checkDate(text: string | null | undefined, label: string, problems: string[]) {
  if (!text) return null;
  const day = parsePlainDate(text);
  if (day === null) problems.push(`${label} must be a real YYYY-MM-DD date, not "${text}".`);
  return day;
}
