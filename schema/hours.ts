/**
 * When a contact answers, in a form search can filter on: `24h`, or weekly slots in
 * Europe/London wall-clock time. A slot may close after midnight (`18:00`–`02:00`), which
 * belongs to the day it opens on. The contact's `hours` text stays for people to read.
 */
import { z } from "zod";

export interface HoursSlot {
  /** ISO weekdays the slot opens on, 1 = Monday … 7 = Sunday. */
  days: number[];
  opens: string;
  closes: string;
}

export type OpenHours = "24h" | HoursSlot[];

const time = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use HH:MM (24-hour)");

export const openHoursInput = z.union([
  z.literal("24h"),
  z
    .array(
      z
        .object({
          days: z.array(z.number().int().min(1).max(7)).min(1),
          opens: time,
          closes: time,
        })
        .refine((s) => s.opens !== s.closes, "A slot must open and close at different times"),
    )
    .min(1),
]);
