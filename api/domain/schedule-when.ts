import type { When } from "../../schema/taxonomy.js";
import { parsePlainTime } from "./plain-date.js";
import type { ScheduleLike } from "./schedule.js";

type WhenSchedule = Pick<ScheduleLike, "weekday" | "startTime" | "termTimeOnly">;

const NOON = 12 * 60;
const FIVE_PM = 17 * 60;

/**
 * Whether a service's schedules fit the search's "when" filter.
 *
 * Each value is judged on a schedule's London start time and weekday:
 * - `morning` starts before 12:00, `afternoon` starts 12:00–16:59, `evening` starts 17:00 or later;
 * - `weekend` runs on Saturday or Sunday;
 * - `school-holidays` is met by any schedule that is not term-time-only.
 *
 * The service matches when ANY of its schedules meets ANY selected time-of-day or weekend value
 * (values widen the search, as ticking more boxes does) AND, if `school-holidays` is selected,
 * at least one of its schedules is not term-time-only. The two conditions may be met by
 * different schedules. With only `school-holidays` selected, only the second applies.
 *
 * An empty selection matches everything. A service with no schedules matches no non-empty
 * selection: callers decide how to treat services that are always available, such as helplines.
 */
export function matchesWhen(schedules: readonly WhenSchedule[], when: readonly When[]): boolean {
  if (when.length === 0) return true;
  const times = when.filter((value) => value !== "school-holidays");
  if (times.length > 0 && !schedules.some((s) => times.some((value) => meets(s, value)))) {
    return false;
  }
  if (when.includes("school-holidays") && !schedules.some((s) => !s.termTimeOnly)) return false;
  return schedules.length > 0;
}

function meets(schedule: WhenSchedule, value: When): boolean {
  const start = parsePlainTime(schedule.startTime);
  switch (value) {
    case "morning":
      return start !== null && start < NOON;
    case "afternoon":
      return start !== null && start >= NOON && start < FIVE_PM;
    case "evening":
      return start !== null && start >= FIVE_PM;
    case "weekend":
      return schedule.weekday === 6 || schedule.weekday === 7;
    case "school-holidays":
      return !schedule.termTimeOnly;
  }
}
