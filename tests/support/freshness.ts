/**
 * Freshness of search on the in-memory directory, for any server: after a publish, an archive,
 * an accepted import and a "mark as checked" made through the real console code on another
 * database handle (as another process or isolate would), the next search once the server's
 * version check is due reflects it. Each step asks a search no earlier step asked, so no cached
 * answer can hide the change.
 */
import { expect } from "vitest";
import { importListings } from "../../api/admin/import-listings.js";
import { listingsToCsv } from "../../api/admin/listing-csv.js";
import { exportRows } from "../../api/admin/listing-export.js";
import { loadListing } from "../../api/admin/listing-repo.js";
import { publish } from "../../api/admin/publish.js";
import type { SessionUser } from "../../api/admin/roles.js";
import { createUser } from "../../api/admin/users.js";
import {
  archive,
  markChecked,
  saveDraft,
  submit,
  type WorkflowContext,
} from "../../api/admin/workflow.js";
import type { Db } from "../../api/db/types.js";
import type { GeoIndex } from "../../api/domain/geo-index.js";
import type { SearchResponse } from "../../schema/contract.js";

export interface FreshnessTarget {
  /** A handle on the server's database, used as another process would use it. */
  db: Db;
  geo: GeoIndex;
  /** Answers `/api/v1/search?…` from the server under test. */
  search(params: string): Promise<SearchResponse>;
  /** Waits until the server must have read the directory version again. */
  settle(): Promise<void>;
  now: () => Date;
}

const results = (r: SearchResponse) => [...r.groups.nearby, ...r.groups.area, ...r.groups.anywhere];

export async function runFreshness(t: FreshnessTarget): Promise<void> {
  const actor = async (name: string): Promise<SessionUser> => {
    const u = await createUser(t.db, t.now(), null, {
      email: `${name}@example.org`,
      name,
      role: "admin",
      organisationId: null,
      password: "a long enough test password",
    });
    return {
      id: u.id,
      email: u.email,
      name,
      role: "admin",
      organisationId: null,
      organisationName: null,
    };
  };
  const editor: WorkflowContext = { db: t.db, now: t.now(), actor: await actor("editor") };
  const publisher: WorkflowContext = { db: t.db, now: t.now(), actor: await actor("publisher") };
  let step = 10;
  /** A search no earlier step asked (another radius), so no cached answer applies. */
  const search = async () => t.search(`postcode=EX4%204&limit=50&radiusKm=${step++}`);
  const record = async (id: string) => {
    const r = await loadListing(t.db, id);
    if (!r) throw new Error(`no listing ${id}`);
    return r;
  };
  const publishChange = async (id: string) => {
    const submitted = await submit(editor, await record(id), (await record(id)).token);
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    const r = await record(id);
    const published = await publish(publisher, r, r.token);
    expect(published.ok, JSON.stringify(published)).toBe(true);
    await t.settle();
  };

  // Publish: a renamed listing shows under its new name.
  const renamed = "demo-exeter-bumps-group";
  const before = results(await search()).find((r) => r.id === renamed);
  expect(before?.name).toBe("Exeter Bumps & Babies Peer Group (example)");
  const r1 = await record(renamed);
  const saved = await saveDraft(editor, r1, r1.token, {
    ...r1.working,
    name: "Exeter Bumps (renamed)",
  });
  expect(saved.ok).toBe(true);
  await publishChange(renamed);
  expect(results(await search()).find((r) => r.id === renamed)?.name).toBe(
    "Exeter Bumps (renamed)",
  );

  // Archive: the listing leaves search.
  const archived = "demo-exeter-dads-evening";
  expect(results(await search()).map((r) => r.id)).toContain(archived);
  const r2 = await record(archived);
  expect((await archive(publisher, r2, r2.token)).ok).toBe(true);
  await t.settle();
  expect(results(await search()).map((r) => r.id)).not.toContain(archived);

  // An import accepted: a spreadsheet row becomes a draft, and once published it shows.
  const imported = "demo-exeter-counselling";
  const [row] = await exportRows(t.db, [imported]);
  if (!row) throw new Error("nothing exported");
  const csv = listingsToCsv([
    { ...row, listing: { ...row.listing, name: "Exeter Counselling (imported)" } },
  ]);
  const report = await importListings(t.db, t.geo, t.now(), editor.actor, csv, { dryRun: false });
  expect(report.rows.map((x) => x.result)).toEqual(["updated"]);
  expect(results(await search()).find((r) => r.id === imported)?.name).not.toBe(
    "Exeter Counselling (imported)",
  );
  await publishChange(imported);
  expect(results(await search()).find((r) => r.id === imported)?.name).toBe(
    "Exeter Counselling (imported)",
  );

  // Hidden as stale (last checked January 2025), then marked as checked: it shows again.
  const stale = "demo-night-feeds-online";
  expect(results(await search()).map((r) => r.id)).not.toContain(stale);
  expect((await markChecked(publisher, await record(stale))).ok).toBe(true);
  await t.settle();
  expect(results(await search()).map((r) => r.id)).toContain(stale);
}
