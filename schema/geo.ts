import { index, integer, real, sqliteTable, text } from "drizzle-orm/sqlite-core";
import type { Country } from "./taxonomy.js";

/** Great Britain postcode sectors (`EX4 4`), from data/geo/postcode-sectors.csv. */
export const postcodeSectors = sqliteTable("postcode_sectors", {
  sector: text("sector").primaryKey(),
  outcode: text("outcode").notNull(),
  latitude: real("latitude").notNull(),
  longitude: real("longitude").notNull(),
  postcodes: integer("postcodes").notNull(),
  country: text("country").$type<Country>().notNull(),
  lad: text("lad24"),
  icb: text("icb23"),
  lhb: text("lhb"),
});

/**
 * Postcode districts (outcodes), London parent districts (`kind = district-aggregate`) and
 * Northern Ireland approximations (`kind = outcode-approx`), with the district's area shares.
 * Shares are `CODE:share;CODE:share`, most first, as in data/geo/district-area-shares.csv.
 */
export const postcodeDistricts = sqliteTable(
  "postcode_districts",
  {
    outcode: text("outcode").primaryKey(),
    area: text("area").notNull(),
    latitude: real("latitude").notNull(),
    longitude: real("longitude").notNull(),
    country: text("country").$type<Country>().notNull(),
    kind: text("kind").notNull(),
    source: text("source").notNull(),
    postcodes: integer("postcodes"),
    regionShares: text("england_region_shares"),
    icbShares: text("icb23_shares"),
    lhbShares: text("lhb_shares"),
    ladShares: text("lad24_shares"),
  },
  (t) => [index("postcode_districts_area_idx").on(t.area)],
);

/**
 * Names of ICBs, LADs, Welsh LHBs and Scottish health boards (`hb`); `lads` lists a health
 * board's local authorities, from which a place's board follows.
 */
export const areas = sqliteTable(
  "areas",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    kind: text("kind").$type<"icb" | "lad" | "lhb" | "hb">().notNull(),
    lads: text("lads", { mode: "json" }).$type<string[]>(),
  },
  (t) => [index("areas_kind_idx").on(t.kind)],
);
