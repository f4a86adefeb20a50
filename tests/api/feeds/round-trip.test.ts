/**
 * The contract between publishing and importing: our own /oruk feed, imported into an empty
 * instance, gives back every published listing with every mapped field equal.
 */

import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleToListing } from "../../../api/admin/listing-rows.js";
import { openDb } from "../../../api/db/client.js";
import { loadBundles } from "../../../api/db/listing-bundles.js";
import { loadGeo, loadGeoIndex } from "../../../api/db/load-geo.js";
import { migrateDb } from "../../../api/db/migrate.js";
import { importFeed } from "../../../api/feeds/sync.js";
import type { Listing } from "../../../schema/listing-input.js";
import type { Backend } from "../../support/backends.js";
import { feedBackend, ndjson } from "../oruk/support.js";

let source: Backend;
let server: ReturnType<typeof serve>;
let base: string;
beforeAll(async () => {
  source = await feedBackend();
  server = serve({ fetch: source.app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise((r) => server.once("listening", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/oruk`;
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await source?.close();
});

/**
 * Every field the mapping carries, with our row ids replaced by what they point at. Contacts
 * still to be checked are never published, so they are not expected back.
 */
function comparable(l: Listing, organisation: string) {
  const venue = new Map(l.locations.map((v) => [v.id, `${v.name} ${v.postcode}`]));
  const { id: _id, organisationId: _o, status: _s, version: _v, demo: _d, ...fields } = l;
  return {
    ...fields,
    organisation,
    contacts: l.contacts
      .filter((c) => !c.needsVerification)
      .map(({ id: _i, position: _p, ...c }) => ({
        ...c,
        openHours: c.openHours ?? null,
      })),
    locations: l.locations.map(({ id: _i, ...v }) => v),
    schedules: l.schedules.map(({ id: _i, locationId, ...x }) => ({
      ...x,
      at: locationId ? venue.get(locationId) : null,
    })),
    areas: l.areas.map(({ id: _i, ...a }) => a),
  };
}

// Every listing fetched in full over HTTP and written: generous on a busy machine.
describe("round trip: our feed into an empty instance", { timeout: 120_000 }, () => {
  it("gives back every listing with every mapped field equal, as drafts in review", async () => {
    const published = await ndjson(source, "/oruk/services?format=ndjson");
    expect(published.length).toBeGreaterThan(20);
    const target = openDb(":memory:");
    try {
      await migrateDb(target.db);
      await loadGeo(target.db);
      const report = await importFeed(target.db, {
        baseUrl: base,
        name: "Perinatal Signpost",
        // After every "last checked" date in the seed, whatever day the tests run on.
        now: new Date("2027-06-01T10:00:00Z"),
        geo: await loadGeoIndex(target.db),
      });
      expect(report).toMatchObject({
        seen: published.length,
        kept: published.length,
        new: published.length,
        rejected: 0,
        changed: 0,
      });
      expect(report.records.filter((r) => r.result !== "new")).toEqual([]);

      const ids = await source.db.all<{ id: string }>(
        sql`select id from services where name in (select value from json_each(${JSON.stringify(published.map((p) => p.name))}))`,
      );
      const bundles = await loadBundles(
        source.db,
        ids.map((r) => r.id),
        { areas: true },
      );
      const want = [...bundles.values()].map((b) => comparable(bundleToListing(b), b.organisation));
      const drafts = await target.db.all<{
        snapshot: string;
        organisation: string;
        state: string;
      }>(sql`
        select d.snapshot, o.name as organisation, d.state from listing_drafts d
        join services s on s.id = d.service_id join organisations o on o.id = s.organisation_id`);
      expect(drafts.every((d) => d.state === "in-review")).toBe(true);
      const got = drafts.map((d) => comparable(JSON.parse(d.snapshot) as Listing, d.organisation));
      const byName = (xs: typeof want) => [...xs].sort((a, b) => a.name.localeCompare(b.name));
      expect(byName(got)).toEqual(byName(want));
      // Nothing was published in the new instance.
      expect(await target.db.all(sql`select id from services where status = 'published'`)).toEqual(
        [],
      );
    } finally {
      target.close();
    }
  });
});
