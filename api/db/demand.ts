import { sql } from "drizzle-orm";
import type { DemandCount } from "../domain/coverage/index.js";
import type { Db } from "./types.js";

/** Searches per district over the months from `firstMonth` (`YYYY-MM`) on. */
export async function readDemand(db: Db, firstMonth: string): Promise<Map<string, DemandCount>> {
  const rows = await db.all<{ district: string; searches: number; without_local: number }>(sql`
    select district, sum(searches) as searches, sum(without_local) as without_local
    from demand_counts where month >= ${firstMonth} group by district`);
  return new Map(
    rows.map((r) => [
      r.district,
      { searches: Number(r.searches), withoutLocal: Number(r.without_local) },
    ]),
  );
}
