import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpDirectoryVersion } from "../../../api/db/directory-version.js";
import { SIGNPOST_NAMESPACE, uuidV5 } from "../../../api/domain/oruk/uuid.js";
import type { Backend } from "../../support/backends.js";
import { feedBackend, getJson, type Json } from "./support.js";

// A file of its own: it needs a process that has derived no feed id yet.
let b: Backend;
beforeAll(async () => {
  b = await feedBackend();
});
afterAll(() => b?.close());

/** A listing's UUID worked out here, so the app's memory of derived ids learns nothing from it. */
const uuidOf = (entity: string, ...parts: string[]) =>
  uuidV5(SIGNPOST_NAMESPACE, `${entity}:${parts.join("/")}`);

async function notFound(path: string) {
  const res = await b.app.request(path);
  expect(res.status, path).toBe(404);
  expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
}

describe("a UUID the feed does not have", () => {
  it("is not found, again and again, and a listing published since is found by its UUID", async () => {
    const [row] = await b.db.all<{ id: string }>(
      sql`select s.id from services s where s.status = 'published' and exists
        (select 1 from locations l where l.service_id = s.id) order by s.id limit 1`,
    );
    const id = row!.id;
    const [venue] = await b.db.all<{ id: string }>(
      sql`select id from locations where service_id = ${id} order by id limit 1`,
    );
    // Out of the feed before any id is derived, so reading the whole feed does not learn it.
    await b.db.batch([
      b.db.run(sql`update services set status = 'draft' where id = ${id}`),
      bumpDirectoryVersion(b.db),
    ]);
    for (const unknown of [
      "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      "7c9e6679-7425-40de-944b-e07fc1f90ae7",
      "0f8fad5b-d9cb-469f-a165-70867728950e",
    ]) {
      await notFound(`/oruk/services/${unknown}`);
      await notFound(`/oruk/service_at_locations/${unknown}`);
    }
    await notFound(`/oruk/services/${uuidOf("service", id)}`);

    // Published again: the version moved, so the feed is read again rather than answered from
    // what was found before.
    await b.db.batch([
      b.db.run(sql`update services set status = 'published' where id = ${id}`),
      bumpDirectoryVersion(b.db),
    ]);
    const service = await getJson<Json>(b, `/oruk/services/${uuidOf("service", id)}`);
    expect(service.id).toBe(uuidOf("service", id));
    const sal = await getJson<Json>(
      b,
      `/oruk/service_at_locations/${uuidOf("service_at_location", id, venue!.id)}`,
    );
    expect(sal.id).toBe(uuidOf("service_at_location", id, venue!.id));
    await notFound("/oruk/services/7c9e6679-7425-40de-944b-e07fc1f90ae7");
  });
});
