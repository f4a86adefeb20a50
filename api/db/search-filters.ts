import { type SQL, sql } from "drizzle-orm";
import type { SearchFiltersInput } from "../domain/search.js";

const list = (values: readonly string[]) =>
  sql`(select value from json_each(${JSON.stringify(values)}))`;
const overlaps = (column: SQL, values: readonly string[]) =>
  sql`exists (select 1 from json_each(${column}) j where j.value in ${list(values)})`;

/**
 * The person's filters as SQL on the services alias `s`, so the database hands back only
 * services that can be shown. It mirrors `passesFilters` in api/domain/search.ts, which stays the
 * readable statement of the rules and checks every row again.
 */
export function filterSql(f: SearchFiltersInput, now: Date): SQL {
  const parts: SQL[] = [sql`s.status = 'published'`, notStaleSql(now)];
  if (!f.kind.includes("crisis")) parts.push(sql`s.kind <> 'crisis'`);
  if (f.kind.length > 0) {
    parts.push(
      f.kind.includes("text-line")
        ? sql`(s.kind in ${list(f.kind)} or exists (select 1 from json_each(s.formats) j where j.value = 'text'))`
        : sql`s.kind in ${list(f.kind)}`,
    );
  }
  if (f.stage.length > 0) parts.push(overlaps(sql`s.stages`, f.stage));
  if (f.format.length > 0) parts.push(overlaps(sql`s.formats`, f.format));
  if (f.selfReferral)
    parts.push(sql`exists (select 1 from json_each(s.referral) j where j.value = 'self')`);
  if (f.free) parts.push(sql`s.cost = 'free'`);
  if (f.children) parts.push(sql`s.children_welcome = 1`);
  if (f.language)
    parts.push(sql`exists (select 1 from json_each(s.languages) j where j.value = ${f.language})`);
  if (f.when.length > 0) parts.push(whenSql(f.when));
  return sql.join(parts, sql` and `);
}

/**
 * Listings far past their review date stay out of search until someone checks them: the SQL
 * twin of `isHiddenAsStale` in api/domain/review.ts (180 days past due, crisis listings 90).
 */
export function notStaleSql(now: Date): SQL {
  const today = now.getTime() / 86_400_000 + 2440587.5;
  return sql`(s.verified_at is null or julianday(s.verified_at) is null
    or ${today} - julianday(s.verified_at) <= s.review_every_days + (case when s.kind = 'crisis' then 90 else 180 end))`;
}

/** Times only narrow services that meet at set times (see `matchesWhen`). */
function whenSql(when: SearchFiltersInput["when"]): SQL {
  const times: SQL[] = [];
  if (when.includes("morning")) times.push(sql`x.start_time < '12:00'`);
  if (when.includes("afternoon"))
    times.push(sql`(x.start_time >= '12:00' and x.start_time < '17:00')`);
  if (when.includes("evening")) times.push(sql`x.start_time >= '17:00'`);
  if (when.includes("weekend")) times.push(sql`x.weekday in (6, 7)`);
  const parts: SQL[] = [];
  if (times.length > 0) {
    parts.push(
      sql`exists (select 1 from schedules x where x.service_id = s.id and (${sql.join(times, sql` or `)}))`,
    );
  }
  if (when.includes("school-holidays")) {
    parts.push(
      sql`exists (select 1 from schedules x where x.service_id = s.id and x.term_time_only = 0)`,
    );
  }
  return sql`(not exists (select 1 from schedules x where x.service_id = s.id) or (${sql.join(parts, sql` and `)}))`;
}
