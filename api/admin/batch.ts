import type { BatchItem } from "drizzle-orm/batch";
import type { Db } from "../db/types.js";

export type Statement = BatchItem<"sqlite">;

/** Runs statements as one transaction; answers the rows each one changed. */
export async function runBatch(db: Db, statements: Statement[]): Promise<number[]> {
  const [first, ...rest] = statements;
  if (!first) return [];
  const results = (await db.batch([first, ...rest])) as unknown[];
  return results.map((r) =>
    r && typeof r === "object" && "rowsAffected" in r ? Number(r.rowsAffected) : 0,
  );
}
