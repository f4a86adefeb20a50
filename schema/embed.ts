import { integer, primaryKey, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { timestamps } from "./columns.js";

/**
 * Partner sites that embed the widget and want their use counted. Registration is optional:
 * unregistered sites get the same answers, they are just not counted.
 */
export const embedSites = sqliteTable("embed_sites", {
  /** The `site` attribute the partner puts on the widget, e.g. `exeter-gp`. */
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  /** Origins whose pages may count for this site (`https://surgery.example`); empty: any. */
  allowedOrigins: text("allowed_origins", { mode: "json" }).$type<string[]>().notNull(),
  ...timestamps,
});

/** Searches per site per day: a count, with nothing about who searched or for where. */
export const embedUsage = sqliteTable(
  "embed_usage",
  {
    siteId: text("site_id")
      .notNull()
      .references(() => embedSites.id, { onDelete: "cascade" }),
    day: text("day").notNull(),
    searches: integer("searches").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.day] })],
);

/**
 * Widget searches from registered embed sites per postcode district and month, and how many of
 * them found nothing local (no group near and no local service covering the place): counts
 * only, added at write time, with no sector, no day and no time (docs/coverage.md).
 */
export const demandCounts = sqliteTable(
  "demand_counts",
  {
    district: text("district").notNull(),
    /** `YYYY-MM`, London time. */
    month: text("month").notNull(),
    searches: integer("searches").notNull().default(0),
    withoutLocal: integer("without_local").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.district, t.month] })],
);
