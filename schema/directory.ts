import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * One row that moves whenever published data changes, in the same transaction as the change.
 * Search answers from an in-memory index of the published directory; a process or isolate
 * rebuilds its index when this version is no longer the one it was built from.
 */
export const directoryVersion = sqliteTable("directory_version", {
  /** Always 1: there is one directory. */
  id: integer("id").primaryKey(),
  version: integer("version").notNull(),
  changedAt: text("changed_at").notNull(),
});
