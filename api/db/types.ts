import type { LibSQLDatabase } from "drizzle-orm/libsql";
import type * as tables from "../../schema/tables.js";

export type Db = LibSQLDatabase<typeof tables>;
