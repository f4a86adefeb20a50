import { sql } from "drizzle-orm";
import { integer, text } from "drizzle-orm/sqlite-core";

/** Text primary keys: readable slugs for seeded rows, random ids for rows made in the console. */
export const id = () => text("id").primaryKey();

/** ISO-8601 UTC timestamps, set by the database so every writer agrees. */
export const timestamps = {
  createdAt: text("created_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  updatedAt: text("updated_at").notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
};

export const flag = (name: string) => integer(name, { mode: "boolean" }).notNull().default(false);

/** A JSON array of vocabulary codes, stored as text. */
export const codeList = <T extends string>(name: string) =>
  text(name, { mode: "json" }).$type<T[]>().notNull().default(sql`'[]'`);
