import { sql } from "drizzle-orm";
import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { codeList, flag, id, timestamps } from "./columns.js";
import type { OpenHours } from "./hours.js";
import type {
  AreaKind,
  Audience,
  ContactKind,
  Cost,
  Format,
  Kind,
  MailLanguage,
  Referral,
  SchedulePattern,
  Stage,
  Status,
  VenuePrecision,
} from "./taxonomy.js";

export const organisations = sqliteTable("organisations", {
  id: id(),
  name: text("name").notNull(),
  website: text("website"),
  email: text("email"),
  phone: text("phone"),
  charityNumber: text("charity_number"),
  /**
   * The language of mail to the organisation: "en", "cy", or "both" (Welsh first). Null: chosen
   * from its listings (Welsh text, or serving Wales, makes it bilingual; api/admin/mail-language.ts).
   */
  mailLanguage: text("mail_language").$type<MailLanguage>(),
  ...timestamps,
});

export const services = sqliteTable(
  "services",
  {
    id: id(),
    organisationId: text("organisation_id")
      .notNull()
      .references(() => organisations.id),
    name: text("name").notNull(),
    nameCy: text("name_cy"),
    summary: text("summary").notNull(),
    summaryCy: text("summary_cy"),
    description: text("description").notNull().default(""),
    descriptionCy: text("description_cy"),
    kind: text("kind").$type<Kind>().notNull(),
    stages: codeList<Stage>("stages"),
    audiences: codeList<Audience>("audiences"),
    formats: codeList<Format>("formats"),
    referral: codeList<Referral>("referral"),
    howToAccess: text("how_to_access").notNull().default(""),
    howToAccessCy: text("how_to_access_cy"),
    cost: text("cost").$type<Cost>().notNull().default("free"),
    costNote: text("cost_note"),
    /** BCP 47 codes of the languages the service is offered in. */
    languages: text("languages", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default(sql`'["en"]'`),
    childrenWelcome: flag("children_welcome"),
    mentalHealthSpecific: flag("mental_health_specific"),
    /**
     * For pregnancy and the first years after birth (PANDAS, Tommy's), rather than open to anyone
     * (Mind Infoline, NHS Talking Therapies): national ones rank first in "anywhere".
     */
    perinatalSpecific: integer("perinatal_specific", { mode: "boolean" }).notNull().default(true),
    peerLed: flag("peer_led"),
    facilitatorTrained: flag("facilitator_trained"),
    moderated: flag("moderated"),
    status: text("status").$type<Status>().notNull().default("draft"),
    /** Date (YYYY-MM-DD) the listing was last checked with its provider. */
    verifiedAt: text("verified_at"),
    reviewEveryDays: integer("review_every_days").notNull().default(180),
    sourceUrl: text("source_url"),
    needsVerification: flag("needs_verification"),
    demo: flag("demo"),
    version: integer("version").notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index("services_status_kind_idx").on(t.status, t.kind),
    index("services_organisation_idx").on(t.organisationId),
  ],
);

export const contacts = sqliteTable(
  "contacts",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ContactKind>().notNull(),
    /** A phone number, a text short code, an email address or an https URL. */
    value: text("value").notNull(),
    label: text("label"),
    labelCy: text("label_cy"),
    hours: text("hours"),
    hoursCy: text("hours_cy"),
    /** The hours in a form search filters on (see schema/hours.ts); null when not known. */
    openHours: text("open_hours", { mode: "json" }).$type<OpenHours>(),
    /** For text lines: the word to send (e.g. SHOUT). */
    keyword: text("keyword"),
    needsVerification: flag("needs_verification"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("contacts_service_idx").on(t.serviceId)],
);

export const locations = sqliteTable(
  "locations",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    address: text("address").notNull(),
    /** The venue's postcode (a public address, not a user's). */
    postcode: text("postcode").notNull(),
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
    /**
     * How much the position says: the venue itself (`address`), its postcode unit, or only the
     * centre of its postcode sector, in which case distances are not shown as if exact.
     */
    precision: text("precision").$type<VenuePrecision>().notNull().default("address"),
    accessibility: text("accessibility"),
    accessibilityCy: text("accessibility_cy"),
  },
  (t) => [
    index("locations_service_idx").on(t.serviceId),
    index("locations_lat_lon_idx").on(t.latitude, t.longitude),
  ],
);

/**
 * A recurring session. Times are wall-clock in Europe/London. `weekday` is ISO (1 = Monday).
 * Fortnightly sessions recur every 14 days from `anchorDate`; monthly ones on the `nth` weekday
 * of the month (1–4, or -1 for the last).
 */
export const schedules = sqliteTable(
  "schedules",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    locationId: text("location_id").references(() => locations.id, { onDelete: "set null" }),
    pattern: text("pattern").$type<SchedulePattern>().notNull(),
    weekday: integer("weekday").notNull(),
    nth: integer("nth"),
    anchorDate: text("anchor_date"),
    startTime: text("start_time").notNull(),
    endTime: text("end_time").notNull(),
    termTimeOnly: flag("term_time_only"),
    validFrom: text("valid_from"),
    validUntil: text("valid_until"),
    note: text("note"),
    noteCy: text("note_cy"),
  },
  (t) => [index("schedules_service_idx").on(t.serviceId)],
);

/**
 * Where a service is open to people. `code` holds the country name (`country`), the ONS code
 * (`icb`, `lhb`, `lad`) or the outcode (`district`); `radius` areas use a centre and `radiusKm`.
 */
export const serviceAreas = sqliteTable(
  "service_areas",
  {
    id: id(),
    serviceId: text("service_id")
      .notNull()
      .references(() => services.id, { onDelete: "cascade" }),
    kind: text("kind").$type<AreaKind>().notNull(),
    code: text("code"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    radiusKm: real("radius_km"),
  },
  (t) => [
    index("service_areas_kind_code_idx").on(t.kind, t.code),
    index("service_areas_service_idx").on(t.serviceId),
    index("service_areas_lat_lon_idx").on(t.latitude, t.longitude),
  ],
);
