/**
 * A listing crossing its hide-as-stale instant while a server keeps running, for any server
 * whose clock was started just before that instant with CLOCK_START (api/clock.ts): the same
 * search, answered and cached just before, and a search not asked before, no longer show it.
 * Stale hiding is not a write, so nothing tells the server; only its clock moves.
 */
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import type { Db } from "../../api/db/types.js";
import type { SearchResponse } from "../../schema/contract.js";

const DAY_MS = 86_400_000;
/** Goes stale with the other Exeter examples; app-peer-forum (national) stays weeks longer. */
export const STALE_LISTING = "demo-exeter-bumps-group";
const STAYS = "app-peer-forum";
const SEARCH = "postcode=EX4%204&limit=50";

/** The first instant the listing is hidden at: it shows up to one millisecond before. */
export async function firstHiddenInstant(db: Db, id = STALE_LISTING): Promise<number> {
  const [row] = await db.all<{ verified_at: string; review_every_days: number; kind: string }>(
    sql`select verified_at, review_every_days, kind from services where id = ${id}`,
  );
  if (!row) throw new Error(`no listing ${id}`);
  // UTC midnight of the day last checked, plus the review interval and 180 days past due (90
  // for crisis lines), as docs/curation.md words it; hidden from the next millisecond.
  const pastDue = row.kind === "crisis" ? 90 : 180;
  const midnight = Date.parse(`${row.verified_at}T00:00:00Z`);
  return midnight + (row.review_every_days + pastDue) * DAY_MS + 1;
}

export interface CrossingTarget {
  url: string;
  /** The first instant the listing is hidden at (`firstHiddenInstant`). */
  crossing: number;
  /** CLOCK_START, in epoch ms. */
  clockStart: number;
  /** Real times between which the server's clock was made (began at `clockStart`). */
  clockMadeAfter: number;
  clockMadeBefore: number;
  /** Counts the server's database requests, where a proxy can see them. */
  database?: { reset(): void; count(): number };
}

const ukDate = (at: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(at));

/** Runs the crossing; returns the database requests made after the index loaded, if counted. */
export async function runStaleCrossing(t: CrossingTarget): Promise<number | undefined> {
  // In summer the instant (UTC midnight) is 01:00 in the UK: the UK day turns an hour before
  // it, so an answer cached under the UK day would outlive the crossing.
  expect(ukDate(t.crossing - 2_000)).toBe(ukDate(t.crossing + 2_000));
  const clockAtMost = () => t.clockStart + (Date.now() - t.clockMadeAfter);
  const clockAtLeast = () => t.clockStart + (Date.now() - t.clockMadeBefore);
  const ask = async (params: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${t.url}/api/v1/search?${params}`, { headers });
    expect(res.status, await res.clone().text()).toBe(200);
    const body = (await res.json()) as SearchResponse;
    const { nearby, area, anywhere } = body.groups;
    return {
      ids: [...nearby, ...area, ...anywhere].map((r) => r.id),
      etag: res.headers.get("ETag"),
      crisis: body.crisis.length,
    };
  };

  const before = await ask(SEARCH); // may load the index
  t.database?.reset();
  const again = await ask(SEARCH); // the answer cache's copy
  expect(clockAtMost(), "the server's clock may have crossed already").toBeLessThan(t.crossing);
  for (const answer of [before, again]) {
    expect(answer.ids).toContain(STALE_LISTING);
    expect(answer.ids).toContain(STAYS);
  }
  expect(again.etag).toBe(before.etag);

  // The server keeps running; its clock crosses the instant.
  await new Promise((r) => setTimeout(r, Math.max(0, t.crossing - clockAtLeast() + 300)));
  expect(clockAtLeast()).toBeGreaterThan(t.crossing);

  const after = await ask(SEARCH);
  const revalidated = await ask(SEARCH, { "If-None-Match": before.etag ?? "" });
  const fresh = await ask(`${SEARCH}&radiusKm=12`); // a search not asked before
  for (const answer of [after, revalidated, fresh]) {
    expect(answer.ids).not.toContain(STALE_LISTING);
    expect(answer.ids).toContain(STAYS);
    expect(answer.crisis).toBeGreaterThan(0);
  }
  expect(after.etag).not.toBe(before.etag);
  return t.database?.count();
}
