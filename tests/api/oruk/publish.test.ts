import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isHiddenAsStale } from "../../../api/domain/review.js";
import { prng } from "../../../bench/synthetic.js";
import type { Kind } from "../../../schema/taxonomy.js";
import { type Backend, FIXED_NOW } from "../../support/backends.js";
import { ruleErrors, type SchemaName, schemaErrors } from "./schemas.js";
import { feedBackend, getJson, type Json, ndjson, type Page } from "./support.js";

let b: Backend;
let all: Json[];
beforeAll(async () => {
  b = await feedBackend();
  all = await ndjson(b, "/oruk/services?format=ndjson&full=true");
});
afterAll(() => b?.close());

const LIST_ITEM: SchemaName[] = ["compiled/service_list.json", "schemata/service.json"];
const FULL: SchemaName[] = ["compiled/service.json", "schemata/service.json"];
const SAL_ITEM: SchemaName[] = [
  "compiled/service_at_location_list.json",
  "schemata/service_at_location.json",
];

function expectValid(value: unknown, schemas: SchemaName[]) {
  expect([...schemaErrors(value, ...schemas), ...ruleErrors(value)]).toEqual([]);
}

/** Every page at `per_page`, checked against the envelope rules; returns all items in order. */
async function walk(path: string, perPage: number, schemas: SchemaName[]): Promise<Json[]> {
  const sep = path.includes("?") ? "&" : "?";
  const first = await getJson<Page>(b, `${path}${sep}per_page=${perPage}`);
  const items: Json[] = [];
  for (let n = 1; n <= first.total_pages; n++) {
    const page = await getJson<Page>(b, `${path}${sep}per_page=${perPage}&page=${n}`);
    expectValid(page, ["page.json"]);
    expect(page).toMatchObject({
      total_items: first.total_items,
      total_pages: Math.ceil(first.total_items / perPage),
      page_number: n,
      size: page.contents.length,
      first_page: n === 1,
      last_page: n === first.total_pages,
      empty: false,
    });
    expect(page.size).toBe(n < first.total_pages ? perPage : first.total_items - perPage * (n - 1));
    for (const item of page.contents) expectValid(item, schemas);
    items.push(...page.contents);
  }
  const past = await getJson<Page>(
    b,
    `${path}${sep}per_page=${perPage}&page=${first.total_pages + 1}`,
  );
  expect(past).toMatchObject({
    size: 0,
    empty: true,
    contents: [],
    last_page: false,
    first_page: false,
  });
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  return items;
}

/** `count` ids picked at random with a fixed seed. */
function sample<T>(xs: T[], count: number, seed: number): T[] {
  const rand = prng(seed);
  const pool = [...xs];
  const out: T[] = [];
  while (out.length < count && pool.length > 0)
    out.push(...pool.splice(Math.floor(rand() * pool.length), 1));
  return out;
}

const ids = (items: Json[]) => items.map((i) => i.id).sort();
const attrs = (s: Json) => (s.attributes as Json[] | undefined) ?? [];
const schedulesOf = (s: Json) => (s.schedules as Json[] | undefined) ?? [];

// Hundreds of answers validated per test: generous on a busy machine.
describe("the ORUK 3.0 feed at /oruk", { timeout: 120_000 }, () => {
  it("describes itself at the base URL, with and without the slash, and serves its OpenAPI", async () => {
    for (const path of ["/oruk", "/oruk/"]) {
      const res = await b.app.request(path, { headers: { Origin: "https://validator.example" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        version: "HSDS-UK-3.0",
        profile: "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md",
        openapi_url: "http://localhost/oruk/openapi.json",
        licence: { name: "Open Government Licence v3.0" },
      });
    }
    const openapi = await getJson<{ servers: { url: string }[]; paths: Record<string, unknown> }>(
      b,
      "/oruk/openapi.json",
    );
    expect(openapi.servers[0]?.url).toBe("http://localhost/oruk");
    expect(Object.keys(openapi.paths).sort()).toEqual(
      [
        "/",
        "/service_at_locations",
        "/service_at_locations/{id}",
        "/services",
        "/services/{id}",
        "/taxonomies",
        "/taxonomies/{id}",
        "/taxonomy_terms",
        "/taxonomy_terms/{id}",
      ].sort(),
    );
  });

  it("publishes only published, unhidden, real listings, and no staff contacts", async () => {
    const rows = await b.db.all<{
      name: string;
      status: string;
      verifiedAt: string | null;
      reviewEveryDays: number;
      kind: Kind;
      checked: number;
    }>(
      sql`select name, status, verified_at as verifiedAt, review_every_days as reviewEveryDays, kind,
        exists (select 1 from contacts c where c.service_id = services.id and c.needs_verification = 0) as checked
        from services`,
    );
    // Hidden from search, so from the feed: long unchecked, or no contact checked yet.
    const hidden = (r: (typeof rows)[number]) =>
      isHiddenAsStale(r.verifiedAt, r.reviewEveryDays, r.kind, FIXED_NOW) || !r.checked;
    expect(rows.filter((r) => r.status === "published" && hidden(r)).length).toBeGreaterThan(0);
    const published = rows.filter((r) => r.status === "published" && !hidden(r)).map((r) => r.name);
    expect(rows.some((r) => r.status !== "published")).toBe(true);
    expect(all.map((s) => s.name).sort()).toEqual(published.sort());
    const text = JSON.stringify(all);
    expect(text).not.toContain("assurer_email");
    for (const s of all) {
      expect(s.contacts).toBeUndefined();
      // A contact still to be checked is never published.
      for (const c of (s.x_contacts as Json[] | undefined) ?? [])
        expect(c.needs_verification).toBe(false);
      expect((s.organization as Json).email).toBeUndefined();
    }
    // A listing long unchecked is hidden from search: from the feed too. A demo listing never goes out.
    const [first, last] = await b.db.all<{ id: string; verifiedAt: string }>(sql`
      select id, verified_at as verifiedAt from services where status = 'published'
      and id in ((select min(id) from services where status = 'published'), (select max(id) from services where status = 'published'))
      order by id`);
    await b.db.run(sql`update services set verified_at = '2024-01-01' where id = ${first?.id}`);
    await b.db.run(sql`update services set demo = 1 where id = ${last?.id}`);
    try {
      const after = await ndjson(b, "/oruk/services?format=ndjson");
      expect(after.length).toBe(all.length - 2);
    } finally {
      await b.db.run(sql`update services set demo = 0`);
      await b.db.run(
        sql`update services set verified_at = ${first?.verifiedAt} where id = ${first?.id}`,
      );
    }
  });

  it("pages /services at per_page=5 across the whole feed, every item valid", async () => {
    const items = await walk("/oruk/services", 5, LIST_ITEM);
    expect(ids(items)).toEqual(ids(all));
    expect(items.length).toBeGreaterThan(20);
  });

  it("pages /service_at_locations at per_page=5, one item per venue", async () => {
    const items = await walk("/oruk/service_at_locations", 5, SAL_ITEM);
    const venues = all.flatMap((s) => (s.service_at_locations as Json[] | undefined) ?? []);
    expect(ids(items)).toEqual(ids(venues));
    expect(venues.length).toBeGreaterThan(5);
  });

  it("pages taxonomies and terms, every one valid", async () => {
    const taxonomies = await walk("/oruk/taxonomies", 2, ["schemata/taxonomy.json"]);
    expect(taxonomies.map((t) => t.name)).toEqual([
      "Perinatal Signpost",
      "DfE Family Hubs service categories",
      "Open Eligibility",
    ]);
    const terms = await walk("/oruk/taxonomy_terms", 5, ["schemata/taxonomy_term.json"]);
    expect(terms.length).toBeGreaterThan(40);
    for (const t of terms) {
      expect(typeof t.code).toBe("string");
      expect(t.term_uri).toBe(`http://localhost/oruk/taxonomy_terms/${t.id}`);
    }
    const dfe = terms.find(
      (t) => t.name === "Perinatal mental health support (pregnancy to one year post birth)",
    );
    expect(dfe?.taxonomy).toBe("DfE Family Hubs service categories");
    expect(terms.find((t) => t.code === "1310")?.name).toBe("Peer Support");
    const top = await getJson<Page>(b, "/oruk/taxonomy_terms?top_only=true&per_page=100");
    expect(top.contents.every((t) => t.parent_id === undefined)).toBe(true);
    const kind = top.contents.find((t) => t.code === "kind");
    const kinds = await getJson<Page>(b, `/oruk/taxonomy_terms?parent_id=${kind?.id}&per_page=100`);
    expect(kinds.contents.map((t) => t.code)).toContain("kind:peer-group");
    expect(kinds.total_items).toBe(11);
  });

  it("answers 10 random ids on each /{id} path with valid bodies, and unknown ids with a JSON 404", async () => {
    for (const s of sample(all, 10, 1)) {
      const full = await getJson(b, `/oruk/services/${s.id}`);
      expectValid(full, FULL);
      expect(full).toEqual(s);
    }
    const sals = (await ndjson(b, "/oruk/service_at_locations?format=ndjson")).map((x) => x.id);
    for (const id of sample(sals, 10, 2)) {
      const sal = await getJson(b, `/oruk/service_at_locations/${id}`);
      // Both readings: a service_at_location, and the full service the OpenAPI declares.
      expectValid(sal, [...FULL, "schemata/service_at_location.json"]);
      expect(sal.id).toBe(id);
      expect(sal.location).toBeDefined();
    }
    const taxonomies = await getJson<Page>(b, "/oruk/taxonomies");
    for (const t of taxonomies.contents) {
      const one = await getJson(b, `/oruk/taxonomies/${t.id}`);
      expectValid(one, ["schemata/taxonomy.json"]);
      expect((one.taxonomy_terms as Json[]).length).toBeGreaterThan(2);
    }
    const terms = await getJson<Page>(b, "/oruk/taxonomy_terms?per_page=500");
    for (const t of sample(terms.contents, 10, 3)) {
      expect(await getJson(b, `/oruk/taxonomy_terms/${t.id}`)).toEqual(t);
    }
    for (const path of ["services", "service_at_locations", "taxonomies", "taxonomy_terms"]) {
      for (const id of ["7c9e6679-7425-40de-944b-e07fc1f90ae7", "not-a-uuid"]) {
        const res = await b.app.request(`/oruk/${path}/${id}`);
        expect(res.status).toBe(404);
        expect(res.headers.get("content-type")).toContain("application/json");
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
      }
    }
  });

  it("keeps ids stable and gives DfE what its parser requires", async () => {
    const again = await ndjson(b, "/oruk/services?format=ndjson&full=true");
    expect(again).toEqual(all);
    for (const s of all) {
      for (const a of attrs(s)) {
        expect(a.link_entity).toBeTypeOf("string");
        expect((a.taxonomy_term as Json).code).toBeTypeOf("string");
      }
      for (const x of schedulesOf(s)) {
        expect(x.opens_at).toMatch(/^\d\d:\d\d:\d\d$/);
        expect(x.closes_at).toMatch(/^\d\d:\d\d:\d\d$/);
        expect(x.timezone).toBeUndefined();
      }
      for (const sal of (s.service_at_locations as Json[] | undefined) ?? []) {
        for (const address of ((sal.location as Json).addresses as Json[]) ?? []) {
          for (const field of [
            "address_1",
            "city",
            "state_province",
            "postal_code",
            "country",
            "address_type",
          ]) {
            expect(address[field]).toBeTypeOf("string");
          }
          expect(address.country).toBe("GB");
        }
      }
      expect(s.assured_date ?? "2026-01-01").toMatch(/^\d{4}-\d\d-\d\d$/);
      for (const l of (s.languages as Json[]) ?? [])
        expect(l).toMatchObject({ name: expect.any(String), code: expect.any(String) });
    }
    const areas = all.flatMap((s) => (s.service_areas as Json[] | undefined) ?? []);
    expect(
      areas.some(
        (a) => a.uri === "http://statistics.data.gov.uk/id/statistical-geography/K02000001",
      ),
    ).toBe(true);
    expect(areas.some((a) => /statistical-geography\/E54\d{6}$/.test(String(a.uri)))).toBe(true);
    expect(areas.some((a) => a.extent_type === "geojson")).toBe(true);
    const monthly = all.flatMap(schedulesOf).find((x) => x.freq === "MONTHLY");
    expect(monthly?.byday).toMatch(/^-?\d[A-Z]{2}$/);
  });

  it("changes last_modified when a child changes through publishing", async () => {
    const s = all[0] as Json;
    const before = s.last_modified as string;
    const [{ id } = { id: "" }] = await b.db.all<{ id: string }>(
      sql`select min(id) as id from services where status = 'published' and demo = 0`,
    );
    await b.db.run(
      sql`update services set updated_at = '2998-06-01T10:00:00.000Z' where id = ${id}`,
    );
    const after = await getJson(b, `/oruk/services/${s.id}`);
    expect(after.last_modified).not.toBe(before);
    const changed = await getJson<Page>(b, "/oruk/services?modified_after=2998-01-01T00:00:00Z");
    expect(changed.contents.map((x) => x.id)).toEqual([s.id]);
    await b.db.run(sql`update services set updated_at = ${before} where id = ${id}`);
  });
});

describe("/oruk filters (all ANDed)", () => {
  const find = async (query: string, path = "/oruk/services") =>
    ids(await ndjson(b, `${path}?format=ndjson&${query}`));
  const expected = (keep: (s: Json) => boolean) => ids(all.filter(keep));

  it("search matches every word in the names and texts", async () => {
    const text = (s: Json) =>
      [
        s.name,
        s.description,
        s.x_summary,
        s.x_name_cy,
        s.x_summary_cy,
        s.x_description_cy,
        (s.organization as Json).name,
      ]
        .join(" ")
        .toLowerCase();
    const got = await find("search=peer%20Support");
    expect(got).toEqual(expected((s) => text(s).includes("peer") && text(s).includes("support")));
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(all.length);
  });

  it("taxonomy_term_id and taxonomy_id select by the published attributes", async () => {
    const term = attrs(
      all.find((s) =>
        attrs(s).some((a) => (a.taxonomy_term as Json).code === "kind:peer-group"),
      ) as Json,
    ).find((a) => (a.taxonomy_term as Json).code === "kind:peer-group")?.taxonomy_term_id;
    const got = await find(`taxonomy_term_id=${term}`);
    expect(got).toEqual(expected((s) => attrs(s).some((a) => a.taxonomy_term_id === term)));
    expect(got.length).toBeGreaterThan(1);
    const dfe = (await getJson<Page>(b, "/oruk/taxonomies")).contents[1]?.id;
    const byTaxonomy = await find(`taxonomy_id=${dfe}`);
    expect(byTaxonomy).toEqual(
      expected((s) => attrs(s).some((a) => (a.taxonomy_term as Json).taxonomy_id === dfe)),
    );
    expect(await find("taxonomy_term_id=7c9e6679-7425-40de-944b-e07fc1f90ae7")).toEqual([]);
  });

  it("day, start_time and end_time judge one session together", async () => {
    const on = (x: Json, day: string) =>
      String(x.byday)
        .split(",")
        .some((d) => d.endsWith(day));
    const tuesday = await find("day=TU");
    expect(tuesday).toEqual(expected((s) => schedulesOf(s).some((x) => on(x, "TU"))));
    expect(tuesday.length).toBeGreaterThan(0);
    expect(await find("day=tuesday")).toEqual(tuesday);
    const evening = await find("start_time=17:00");
    expect(evening).toEqual(
      expected((s) => schedulesOf(s).some((x) => String(x.opens_at) >= "17:00:00")),
    );
    expect(evening.length).toBeGreaterThan(0);
    const morning = await find("end_time=12:00:00");
    expect(morning).toEqual(
      expected((s) => schedulesOf(s).some((x) => String(x.closes_at) <= "12:00:00")),
    );
    const both = await find("day=TU,WE&start_time=09:00&end_time=13:00");
    expect(both).toEqual(
      expected((s) =>
        schedulesOf(s).some(
          (x) =>
            (on(x, "TU") || on(x, "WE")) &&
            String(x.opens_at) >= "09:00:00" &&
            String(x.closes_at) <= "13:00:00",
        ),
      ),
    );
  });

  it("postcode uses service-area coverage, and proximity the venues' distance", async () => {
    const names = async (query: string) =>
      (await ndjson(b, `/oruk/services?format=ndjson&${query}`)).map((s) => s.name as string);
    const exeter = await names("postcode=EX4%204PJ");
    const byName = (n: string) => all.find((s) => s.name === n) as Json;
    const area = (s: Json) => ((s.service_areas as Json[]) ?? []).map((a) => a.x_kind);
    // UK-wide services cover everywhere; Wales-only ones do not cover Exeter.
    const ukWide = all.filter((s) => area(s).includes("uk")).map((s) => s.name);
    expect(ukWide.length).toBeGreaterThan(0);
    for (const n of ukWide) expect(exeter).toContain(n);
    const walesOnly = all.filter((s) => {
      const areas = (s.service_areas as Json[] | undefined) ?? [];
      return areas.length > 0 && areas.every((a) => a.x_code === "Wales" || a.x_kind === "lhb");
    });
    expect(walesOnly.length).toBeGreaterThan(0);
    for (const s of walesOnly) expect(exeter).not.toContain(s.name);
    const cardiff = await names("postcode=CF10%201EP");
    const allWales = walesOnly.filter((s) =>
      ((s.service_areas as Json[]) ?? []).some((a) => a.x_code === "Wales"),
    );
    expect(allWales.length).toBeGreaterThan(0);
    for (const s of allWales) expect(cardiff).toContain(s.name);
    // Venues: a Bristol group is not within 5 km of Exeter; an Exeter one is.
    const venueIn = (town: string) =>
      all.find((s) =>
        JSON.stringify(s.service_at_locations ?? "").includes(`"city":"${town}"`),
      ) as Json;
    const near = await names("postcode=EX4%204PJ&proximity=5000");
    expect(near).toContain(venueIn("Exeter").name);
    expect(near).not.toContain(venueIn("Bristol").name);
    expect(near.length).toBeLessThan(all.length);
    const venues = await ndjson(
      b,
      "/oruk/service_at_locations?format=ndjson&postcode=EX4%204PJ&proximity=5000",
    );
    expect(venues.length).toBeGreaterThan(0);
    for (const v of venues) expect(JSON.stringify(v.location)).toMatch(/"postal_code":"EX\d/);
    expect(byName(String(near[0]))).toBeDefined();
  });

  it("organization_id, modified_after, minimal, full and the age filters", async () => {
    const org = (all[0]?.organization as Json | undefined)?.id;
    const byOrg = await find(`organization_id=${org}`);
    expect(byOrg).toEqual(expected((s) => s.organization_id === org));
    expect(byOrg.length).toBeLessThan(all.length);
    expect(await find("modified_after=2999-01-01")).toEqual([]);
    expect(await find("modified_after=2000-01-01")).toEqual(ids(all));
    const minimal = await getJson<Page>(b, "/oruk/services?minimal=true&per_page=3");
    expect(Object.keys(minimal.contents[0] ?? {}).sort()).toEqual(["id", "last_modified"]);
    const full = await getJson<Page>(b, "/oruk/services?full=true&per_page=3");
    for (const s of full.contents) expectValid(s, FULL);
    expect(full.contents[0]?.attributes).toBeDefined();
    // Our listings state no age limits: open to parents of any age, so no age filter excludes one.
    expect(await find("minimum_age=18&maximum_age=60")).toEqual(ids(all));
  });

  it("ANDs filters, and streams ndjson", async () => {
    const term = attrs(all[0] as Json)[0]?.taxonomy_term_id;
    const a = await find(`taxonomy_term_id=${term}`);
    const c = await find("postcode=CF10%201EP");
    const both = await find(`taxonomy_term_id=${term}&postcode=CF10%201EP`);
    expect(both).toEqual(a.filter((id) => c.includes(id)));
    const res = await b.app.request("/oruk/services?format=ndjson");
    expect(res.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await res.text()).trim().split("\n");
    expect(lines.length).toBe(all.length);
    for (const line of lines) expectValid(JSON.parse(line), LIST_ITEM);
  });

  it("refuses bad filters with a clear 400 and changes nothing", async () => {
    for (const query of [
      "page=0",
      "per_page=100000",
      "day=Funday",
      "start_time=25:00",
      "minimum_age=old",
      "proximity=5000",
      "postcode=NOT%20A%20POSTCODE",
      "modified_after=yesterday",
      "format=xml",
    ]) {
      const res = await b.app.request(`/oruk/services?${query}`);
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message.length, query).toBeGreaterThan(10);
    }
  });
});
