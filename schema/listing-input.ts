/**
 * Validation of a listing as it enters the system: the seed files now, the admin console later.
 * Output types match the columns of schema/listings.ts, so a parsed listing can be inserted as is.
 */
import { z } from "zod";
import { openHoursInput } from "./hours.js";
import {
  AUDIENCES,
  COSTS,
  COUNTRIES,
  FORMATS,
  KINDS,
  MAIL_LANGUAGES,
  REFERRALS,
  SCHEDULE_PATTERNS,
  STAGES,
  STATUSES,
  VENUE_PRECISIONS,
} from "./taxonomy.js";

/** Readable ids: lowercase words joined by hyphens (`samaritans-phone`). */
export const slugId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lowercase letters, digits and hyphens");

export const httpsUrl = z.url({ protocol: /^https$/, error: "Use an https:// URL" });

/** Digits of a UK number: 999/111/112, 116xxx, a textphone relay prefix, or a full 0… number. */
export function isUkPhoneNumber(value: string): boolean {
  if (!/^[0-9 ]+$/.test(value)) return false;
  const digits = value.replaceAll(" ", "");
  return (
    /^(?:999|111|112)$/.test(digits) ||
    /^116\d{3}$/.test(digits) ||
    /^(?:18001)?0\d{9,10}$/.test(digits)
  );
}

export const ukPhone = z
  .string()
  .trim()
  .refine(isUkPhoneNumber, "Use a UK phone number in digits (e.g. 0808 808 8000 or 116 123)");

/** Where to send a text: a short code (85258) or a UK mobile number. */
export const textNumber = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{5,6}$/.test(v) || /^07\d{9}$/.test(v.replaceAll(" ", "")),
    "Use a text short code (5–6 digits) or a UK mobile number",
  );

export const isoDate = z.iso.date();
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");

/** A full UK postcode in its normal form, e.g. `EX4 4AB` (the inward unit letters skip CIKMOV). */
export const ukPostcode = z
  .string()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$/, "Use a full postcode such as EX4 4AB");

/** A postcode district (outcode), e.g. `EX4` or `CF10`. */
export const outcode = z
  .string()
  .regex(/^[A-Z]{1,2}\d[A-Z\d]?$/, "Use a postcode district such as EX4");

const optionalText = z.string().trim().min(1).nullish();
const uniqueList = <T extends z.ZodType<string>>(item: T, min = 0) =>
  z
    .array(item)
    .min(min)
    .refine((list) => new Set(list).size === list.length, "List each value once");

export const organisationInput = z.object({
  id: slugId,
  name: z.string().trim().min(2).max(160),
  website: httpsUrl.nullish(),
  email: z.email().nullish(),
  phone: ukPhone.nullish(),
  /** England & Wales (6–7 digits), Scotland (SC…) or Northern Ireland (NIC…) register numbers. */
  charityNumber: z
    .string()
    .regex(/^(?:\d{6,7}(?:-\d+)?|SC\d{6}|NIC\d{6})$/)
    .nullish(),
  /** The language of mail to it (schema/listings.ts); unset, chosen from its listings. */
  mailLanguage: z.enum(MAIL_LANGUAGES).nullish(),
});

const contactCommon = {
  id: slugId,
  label: optionalText,
  labelCy: optionalText,
  hours: optionalText,
  hoursCy: optionalText,
  openHours: openHoursInput.nullish(),
  needsVerification: z.boolean().default(false),
  position: z.number().int().min(0).optional(),
};

export const contactInput = z.discriminatedUnion("kind", [
  z.object({
    ...contactCommon,
    kind: z.literal("phone"),
    value: ukPhone,
    keyword: z.null().optional(),
  }),
  z.object({
    ...contactCommon,
    kind: z.literal("text"),
    value: textNumber,
    keyword: z
      .string()
      .regex(/^[A-Z0-9]{2,20}$/, "Keywords are capital letters or digits")
      .nullish(),
  }),
  z.object({
    ...contactCommon,
    kind: z.literal("email"),
    value: z.email(),
    keyword: z.null().optional(),
  }),
  z.object({
    ...contactCommon,
    kind: z.literal("web"),
    value: httpsUrl,
    keyword: z.null().optional(),
  }),
  z.object({
    ...contactCommon,
    kind: z.literal("whatsapp"),
    value: z.union([textNumber, httpsUrl]),
    keyword: z.null().optional(),
  }),
]);

export const locationInput = z.object({
  id: slugId,
  name: z.string().trim().min(2).max(160),
  address: z.string().trim().min(5).max(300),
  postcode: ukPostcode,
  latitude: z.number().min(49.8).max(60.9),
  longitude: z.number().min(-8.7).max(1.8),
  precision: z.enum(VENUE_PRECISIONS).default("address"),
  accessibility: optionalText,
  accessibilityCy: optionalText,
});

export const scheduleInput = z
  .object({
    id: slugId,
    locationId: slugId.nullish(),
    pattern: z.enum(SCHEDULE_PATTERNS),
    /** ISO weekday, 1 = Monday … 7 = Sunday. */
    weekday: z.number().int().min(1).max(7),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]).nullish(),
    anchorDate: isoDate.nullish(),
    startTime: clockTime,
    endTime: clockTime,
    termTimeOnly: z.boolean().default(false),
    validFrom: isoDate.nullish(),
    validUntil: isoDate.nullish(),
    note: optionalText,
    noteCy: optionalText,
  })
  .superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) {
      ctx.addIssue({ code: "custom", path: ["endTime"], message: "Must be after the start time" });
    }
    if (s.pattern === "monthly" && s.nth == null) {
      ctx.addIssue({
        code: "custom",
        path: ["nth"],
        message: "Monthly sessions need nth (1–4 or -1)",
      });
    }
    if (s.pattern !== "monthly" && s.nth != null) {
      ctx.addIssue({ code: "custom", path: ["nth"], message: "Only monthly sessions have nth" });
    }
    if (s.pattern === "fortnightly") {
      if (!s.anchorDate) {
        ctx.addIssue({
          code: "custom",
          path: ["anchorDate"],
          message: "Fortnightly sessions need an anchorDate",
        });
      } else if (isoWeekday(s.anchorDate) !== s.weekday) {
        ctx.addIssue({
          code: "custom",
          path: ["anchorDate"],
          message: "The anchorDate must fall on the weekday",
        });
      }
    }
    if (s.validFrom && s.validUntil && s.validUntil < s.validFrom) {
      ctx.addIssue({
        code: "custom",
        path: ["validUntil"],
        message: "Must not be before validFrom",
      });
    }
  });

function isoWeekday(date: string): number {
  const day = new Date(`${date}T12:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

const areaId = { id: slugId };
const noPoint = {
  latitude: z.null().optional(),
  longitude: z.null().optional(),
  radiusKm: z.null().optional(),
};

export const areaInput = z.discriminatedUnion("kind", [
  z.object({ ...areaId, ...noPoint, kind: z.literal("uk"), code: z.null().optional() }),
  z.object({ ...areaId, ...noPoint, kind: z.literal("country"), code: z.enum(COUNTRIES) }),
  z.object({ ...areaId, ...noPoint, kind: z.literal("icb"), code: z.string().regex(/^E54\d{6}$/) }),
  z.object({ ...areaId, ...noPoint, kind: z.literal("lhb"), code: z.string().regex(/^W11\d{6}$/) }),
  z.object({ ...areaId, ...noPoint, kind: z.literal("hb"), code: z.string().regex(/^S08\d{6}$/) }),
  z.object({
    ...areaId,
    ...noPoint,
    kind: z.literal("lad"),
    code: z.string().regex(/^(?:E0[6-9]|W06|S12|N09)\d{6}$/),
  }),
  z.object({ ...areaId, ...noPoint, kind: z.literal("district"), code: outcode }),
  z.object({
    ...areaId,
    kind: z.literal("radius"),
    code: z.null().optional(),
    latitude: z.number().min(49.8).max(60.9),
    longitude: z.number().min(-8.7).max(1.8),
    /** Search looks for radius areas within 100 km of a place, so none may be wider. */
    radiusKm: z.number().positive().max(100),
  }),
]);

export const serviceInput = z.object({
  id: slugId,
  organisationId: slugId,
  name: z.string().trim().min(2).max(160),
  nameCy: optionalText,
  summary: z.string().trim().min(10).max(300),
  summaryCy: optionalText,
  description: z.string().trim().default(""),
  descriptionCy: optionalText,
  kind: z.enum(KINDS),
  stages: uniqueList(z.enum(STAGES), 1),
  audiences: uniqueList(z.enum(AUDIENCES)),
  formats: uniqueList(z.enum(FORMATS), 1),
  referral: uniqueList(z.enum(REFERRALS), 1),
  howToAccess: z.string().trim().default(""),
  howToAccessCy: optionalText,
  cost: z.enum(COSTS).default("free"),
  costNote: optionalText,
  languages: uniqueList(z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/), 1).default(["en"]),
  childrenWelcome: z.boolean().default(false),
  mentalHealthSpecific: z.boolean().default(false),
  perinatalSpecific: z.boolean().default(true),
  peerLed: z.boolean().default(false),
  facilitatorTrained: z.boolean().default(false),
  moderated: z.boolean().default(false),
  status: z.enum(STATUSES).default("draft"),
  verifiedAt: isoDate.nullish(),
  reviewEveryDays: z.number().int().min(7).max(730).default(180),
  sourceUrl: httpsUrl.nullish(),
  needsVerification: z.boolean().default(false),
  demo: z.boolean().default(false),
  version: z.number().int().min(1).default(1),
});

/** A service with its contacts, locations, sessions and service areas. */
export const listingInput = serviceInput
  .extend({
    contacts: z.array(contactInput).default([]),
    locations: z.array(locationInput).default([]),
    schedules: z.array(scheduleInput).default([]),
    areas: z.array(areaInput).default([]),
  })
  .superRefine((s, ctx) => {
    const ids = [s.id, ...[s.contacts, s.locations, s.schedules, s.areas].flat().map((c) => c.id)];
    for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) {
      ctx.addIssue({ code: "custom", path: ["id"], message: `Id "${id}" is used twice` });
    }
    const locationIds = new Set(s.locations.map((l) => l.id));
    s.schedules.forEach((schedule, i) => {
      if (schedule.locationId && !locationIds.has(schedule.locationId)) {
        ctx.addIssue({
          code: "custom",
          path: ["schedules", i, "locationId"],
          message: `No location "${schedule.locationId}" in this listing`,
        });
      }
    });
    if (s.status === "published") {
      if (!s.verifiedAt && !s.needsVerification) {
        ctx.addIssue({
          code: "custom",
          path: ["verifiedAt"],
          message: "A published listing needs verifiedAt, or needsVerification set",
        });
      }
      if (s.contacts.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["contacts"],
          message: "A published listing needs a contact",
        });
      }
      if (s.areas.length === 0 && s.locations.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["areas"],
          message: "A published listing needs an area or a location",
        });
      }
    }
    if (s.contacts.some((c) => c.needsVerification) && !s.needsVerification) {
      ctx.addIssue({
        code: "custom",
        path: ["needsVerification"],
        message: "A listing with an unverified contact needs needsVerification set",
      });
    }
  });

export type OrganisationInput = z.input<typeof organisationInput>;
export type Organisation = z.output<typeof organisationInput>;
export type ListingInput = z.input<typeof listingInput>;
export type Listing = z.output<typeof listingInput>;
