import type { Logger } from "./logger.js";

/**
 * The app's clock (`deps.now`). Real time, unless `CLOCK_START` (tests and demos only) says where
 * it starts: it then runs at real speed from that instant, counted from when the clock is made
 * (the server's start on Node, the first request an isolate serves on Workers). Only a clock that
 * moves lets a running process cross a date, as a listing crossing its hide-as-stale instant.
 */
export function appClock(start: Date | undefined, real: () => number = Date.now): () => Date {
  if (!start) return () => new Date(real());
  const offset = start.getTime() - real();
  return () => new Date(real() + offset);
}

/** The app's clock for `CLOCK_START` (unset: real time), saying so in the log when it is pinned. */
export function clockFor(start: Date | undefined, logger: Logger): () => Date {
  const now = appClock(start);
  if (start) {
    logger.warn("CLOCK_START is set: the app's clock is not real time (tests and demos only)", {
      now: now().toISOString(),
    });
  }
  return now;
}

const INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/**
 * An ISO 8601 instant with its offset (`2027-10-08T23:59:40Z`, `…+01:00`). A time without one is
 * refused: Node would read it in the machine's zone and Workers in UTC, an hour apart in summer.
 */
export function parseInstant(name: string, value: string | undefined): Date | undefined {
  if (value === undefined || value === "") return undefined;
  const m = INSTANT.exec(value);
  const field = (i: number) => Number(m?.[i] ?? 0);
  const [year, month, date] = [field(1), field(2) - 1, field(3)];
  // Date.parse reads 2027-02-30 as 2 March and 24:00 as the next day: check each field.
  const day = new Date(Date.UTC(year, month, date));
  const valid =
    m !== null &&
    day.getUTCFullYear() === year &&
    day.getUTCMonth() === month &&
    day.getUTCDate() === date &&
    field(4) < 24 &&
    field(5) < 60 &&
    field(6) < 60 &&
    field(7) < 24 &&
    field(8) < 60;
  const ms = valid ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new Error(
      `${name} must be an ISO 8601 instant with its offset, such as 2027-10-08T23:59:40Z, not "${value}"`,
    );
  }
  return new Date(ms);
}
