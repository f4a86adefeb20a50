/**
 * The public API contract, as one suite that runs against any server: the app in process on
 * embedded libSQL, the same app on a real sqld, or (later) a Worker over HTTP.
 */
import { describe, expect, it } from "vitest";
import type { SearchResponse, SearchResult, ServiceDetail } from "../../schema/contract.js";
import { errorOf, type Fetcher, json } from "../support/client.js";

const allResults = (r: SearchResponse) => [
  ...r.groups.nearby,
  ...r.groups.area,
  ...r.groups.anywhere,
];
const phones = (r: SearchResponse) =>
  r.crisis.flatMap((c) => c.contacts.map((x) => x.value.replace(/\s/g, "")));

export function describeContract(name: string, fetcher: () => Fetcher) {
  const get = (path: string) => fetcher()(path);
  const search = async (query: string) => {
    const res = await get(`/api/v1/search?${query}`);
    expect(res.status, `search ${query}`).toBe(200);
    return json<SearchResponse>(res);
  };

  describe(`public API contract (${name})`, () => {
    it("answers /health with 200", async () => {
      const res = await get("/health");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    });

    it("reduces a full postcode to its sector and answers three groups with crisis routes", async () => {
      const body = await search("postcode=ex4%204pq");
      expect(body.place).toMatchObject({ query: "EX4 4", precision: "sector", country: "England" });
      expect(body.place.ladName).toBe("Exeter");
      expect(JSON.stringify(body)).not.toContain("4PQ");
      expect(body.groups.nearby.length).toBeGreaterThan(0);
      expect(body.groups.anywhere.length).toBeGreaterThan(0);
      expect(body.total).toBe(allResults(body).length);
      const ids = allResults(body).map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
    });

    it("gives every result the fields a mother needs to act", async () => {
      const body = await search("postcode=EX4%204");
      for (const r of allResults(body)) {
        expect(Object.keys(r).sort()).toEqual(
          [
            "calendarUrl",
            "childrenWelcome",
            "contacts",
            "cost",
            "demo",
            "distanceKm",
            "formats",
            "id",
            "kind",
            "lang",
            "mentalHealthSpecific",
            "name",
            "needsVerification",
            "nextSession",
            "organisation",
            "peerLed",
            "perinatalSpecific",
            "referral",
            "reviewOverdue",
            "selfReferral",
            "stages",
            "summary",
            "url",
            "venueSector",
            "verifiedAt",
          ].sort(),
        );
        expect(r.url).toBe(`/services/${r.id}`);
        expect(r.selfReferral).toBe(r.referral.includes("self"));
        for (const c of r.contacts) expect(c.href).toMatch(/^(tel:|sms:|mailto:|https:)/);
      }
    });

    it("says what she can do now for her nation, and how many each group holds", async () => {
      const england = await search("postcode=M1%201AE");
      expect(england.nextSteps?.map((s) => s.id)).toEqual([
        "england-talking-therapies",
        "england-perinatal-team",
      ]);
      expect(england.nextSteps?.[0]?.link?.href).toMatch(/^https:\/\/www\.nhs\.uk\//);
      for (const g of ["nearby", "area", "anywhere"] as const) {
        expect(england.totals?.[g], g).toBeGreaterThanOrEqual(england.groups[g].length);
      }
      const wales = await search("postcode=CF10%201&lang=cy");
      expect(wales.nextSteps?.[0]?.country).toBe("Wales");
      expect(wales.nextSteps?.[0]?.title).toContain("CBT Ar-lein");
      expect(wales.place.label).toBe("CF10 1, Caerdydd");
      const ni = await search("postcode=BT7%201NN");
      expect(ni.nextSteps?.every((s) => s.country === "Northern Ireland")).toBe(true);
    });

    it("never offers a contact still to be checked, nor a listing with no checked contact", async () => {
      for (const postcode of ["EX4 4", "M1 1", "CF10 1", "G2 1"]) {
        const body = await search(`postcode=${encodeURIComponent(postcode)}&limit=50`);
        for (const r of allResults(body)) {
          expect(r.contacts.length, r.id).toBeGreaterThan(0);
          expect(
            r.contacts.every((c) => !c.needsVerification),
            r.id,
          ).toBe(true);
        }
        // CALL's line and text number are corroborated only: it waits for a reviewer.
        expect(allResults(body).map((r) => r.id)).not.toContain(
          "call-mental-health-listening-line",
        );
      }
    });

    it("offers NHS Talking Therapies to everyone in England, perinatal-specific first", async () => {
      const body = await search("postcode=M1%201AE&limit=50");
      const anywhere = body.groups.anywhere.map((r) => r.id);
      expect(anywhere).toContain("nhs-talking-therapies");
      const perinatal = body.groups.anywhere.map((r) => r.perinatalSpecific);
      expect(perinatal).toEqual([...perinatal].sort((a, b) => Number(b) - Number(a)));
      // Mind Infoline (open to anyone) no longer heads the national list.
      expect(anywhere[0]).not.toBe("mind-infoline");
      expect(body.groups.anywhere[0]?.perinatalSpecific).toBe(true);
      expect(anywhere.indexOf("mind-infoline")).toBeGreaterThan(
        anywhere.indexOf("tommys-midwives"),
      );
    });

    it("ranks nearby services by distance, all within the radius, each with a location", async () => {
      const body = await search("postcode=EX4%204&radiusKm=10");
      const d = body.groups.nearby.map((r) => r.distanceKm);
      expect(d.every((x) => x !== null && x <= 10)).toBe(true);
      expect([...d].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(d);
      expect(body.groups.area.every((r) => r.distanceKm === null)).toBe(true);
    });

    it("never shows draft, in-review or archived listings, or crisis lines among the groups", async () => {
      for (const postcode of ["EX4 4", "PL1 2", "BS1 5", "CF10 1", "SA1 1", "HR3 5"]) {
        const body = await search(`postcode=${encodeURIComponent(postcode)}`);
        for (const r of allResults(body)) {
          const res = await get(r.url.replace("/services/", "/api/v1/services/"));
          expect(res.status, r.id).toBe(200);
          expect(r.kind).not.toBe("crisis");
        }
      }
    });

    it.each([
      ["stage=pregnancy", (r: SearchResult) => r.stages.includes("pregnancy")],
      [
        "kind=peer-group,helpline",
        (r: SearchResult) => ["peer-group", "helpline"].includes(r.kind),
      ],
      [
        "kind=peer-group&kind=helpline",
        (r: SearchResult) => ["peer-group", "helpline"].includes(r.kind),
      ],
      ["format=online", (r: SearchResult) => r.formats.includes("online")],
      ["selfReferral=true", (r: SearchResult) => r.selfReferral],
      ["free=true", (r: SearchResult) => r.cost === "free"],
      ["children=true", (r: SearchResult) => r.childrenWelcome],
    ])("filters by %s: every result matches and some results remain", async (filter, holds) => {
      const all = await search("postcode=EX4%204&limit=50");
      const body = await search(`postcode=EX4%204&limit=50&${filter}`);
      const results = allResults(body);
      expect(results.length).toBeGreaterThan(0);
      expect(results.length).toBeLessThanOrEqual(allResults(all).length);
      for (const r of results) expect(holds(r), `${r.id} for ${filter}`).toBe(true);
    });

    it("filters by when: evening keeps only evening sessions among scheduled services", async () => {
      const body = await search("postcode=EX4%204&when=evening&limit=50");
      for (const r of allResults(body)) {
        if (r.nextSession)
          expect(Number(r.nextSession.startTime.slice(0, 2)), r.id).toBeGreaterThanOrEqual(17);
      }
    });

    it("judges helplines by their hours for evenings and weekends", async () => {
      const all = allResults(await search("postcode=EX4%204&limit=50")).map((r) => r.id);
      expect(all).toContain("mind-infoline");
      for (const when of ["evening", "weekend"]) {
        const ids = allResults(await search(`postcode=EX4%204&when=${when}&limit=50`)).map(
          (r) => r.id,
        );
        // Monday to Friday, 9am to 6pm; Devon Talking Therapies (example) 9 to 5.
        expect(ids, when).not.toContain("mind-infoline");
        expect(ids, when).not.toContain("demo-devon-talking-therapies");
        expect(ids, when).toContain("cry-sis-helpline");
      }
    });

    it("finds text support wherever a service can be reached by text", async () => {
      const ids = allResults(await search("postcode=EX4%204&kind=text-line&limit=50")).map(
        (r) => r.id,
      );
      expect(ids).toContain("pandas-support");
      expect(ids).toContain("mind-infoline");
    });

    it("limits each group", async () => {
      const body = await search("postcode=EX4%204&limit=1");
      for (const g of Object.values(body.groups)) expect(g.length).toBeLessThanOrEqual(1);
    });

    it("shows Welsh text when lang=cy and the listing has it", async () => {
      const en = await search("postcode=CF10%201");
      const cy = await search("postcode=CF10%201&lang=cy");
      expect(cy.crisis.map((c) => c.name)).not.toEqual(en.crisis.map((c) => c.name));
    });

    it.each([
      ["EX4 4", "England", ["999", "111", "116123", "85258"], ["08088088000", "0800838587"]],
      ["CF10 1", "Wales", ["999", "111", "116123"], ["08088088000"]],
      ["EH1 1", "Scotland", ["999", "111", "0800838587", "116123"], ["08088088000"]],
      ["BT1", "Northern Ireland", ["999", "08088088000", "116123"], ["0800838587"]],
    ])("gives %s (%s) its own crisis routes", async (postcode, country, present, absent) => {
      const body = await search(`postcode=${encodeURIComponent(postcode)}`);
      expect(body.place.country).toBe(country);
      const nums = phones(body);
      for (const n of present) expect(nums, `${n} for ${postcode}`).toContain(n);
      for (const n of absent)
        expect(nums, `${n} for ${postcode}`).not.toContain(n.replace(/\s/g, ""));
      expect(body.crisis[0]?.contacts.some((c) => c.value.trim() === "999")).toBe(true);
      for (const route of body.crisis) expect(route.countries, route.id).toContain(country);
    });

    it("gives a place that straddles England and Wales the routes of both", async () => {
      const body = await search("postcode=HR3");
      expect(body.place.countries).toEqual(expect.arrayContaining(["England", "Wales"]));
      const countries = new Set(body.crisis.flatMap((c) => c.countries));
      expect(countries.has("England") && countries.has("Wales")).toBe(true);
      expect(
        body.crisis.filter((c) => c.contacts.some((x) => x.value.replace(/\s/g, "") === "111"))
          .length,
      ).toBe(2);
    });

    it("answers junk with 400 invalid_postcode in the error envelope", async () => {
      for (const q of [
        "hello",
        "",
        "12345",
        "<script>alert(1)</script>",
        "EX4 4PQQQ",
        "x".repeat(5000),
      ]) {
        const res = await get(`/api/v1/search?postcode=${encodeURIComponent(q)}`);
        expect(res.status, q.slice(0, 20)).toBe(400);
        const error = await errorOf(res);
        expect(error.code).toBe("invalid_postcode");
        expect(error.message).not.toContain(q.slice(0, 20) || "\u0000");
      }
    });

    it("answers a well-formed but unknown postcode with 404 postcode_not_found", async () => {
      const res = await get("/api/v1/search?postcode=ZZ1%201ZZ");
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("postcode_not_found");
    });

    it("answers bad filters with 400 invalid_query, never 500", async () => {
      for (const q of [
        "kind=nope",
        "radiusKm=abc",
        "radiusKm=0",
        "limit=-1",
        "limit=9999",
        "lang=fr",
        "free=maybe",
        "language=%00",
      ]) {
        const res = await get(`/api/v1/search?postcode=EX4%204&${q}`);
        expect(res.status, q).toBe(400);
        const error = await errorOf(res);
        expect(error.code, q).toBe("invalid_query");
        expect(error.message).not.toMatch(/at .*\.ts:\d+/);
      }
    });

    it("resolves places without searching", async () => {
      const res = await get("/api/v1/places/sw1a%201aa");
      expect(res.status).toBe(200);
      const { place } = await json<{ place: SearchResponse["place"] }>(res);
      expect(place.query.startsWith("SW1A")).toBe(true);
      expect(JSON.stringify(place)).not.toContain("1AA");
      expect((await get("/api/v1/places/nonsense!")).status).toBe(400);
    });

    it("serves a published listing in full and 404s unknown or unpublished ones", async () => {
      const body = await search("postcode=EX4%204");
      const first = allResults(body)[0]!;
      const res = await get(`/api/v1/services/${first.id}`);
      expect(res.status).toBe(200);
      const detail = await json<ServiceDetail>(res);
      expect(detail.id).toBe(first.id);
      expect(typeof detail.description).toBe("string");
      expect(Array.isArray(detail.areas)).toBe(true);
      const missing = await get("/api/v1/services/no-such-listing");
      expect(missing.status).toBe(404);
      expect((await errorOf(missing)).code).toBe("not_found");
    });

    it("lists crisis routes by country and rejects unknown countries", async () => {
      const res = await get("/api/v1/crisis?country=Scotland");
      expect(res.status).toBe(200);
      const body = await json<{ crisis: SearchResponse["crisis"] }>(res);
      expect(body.crisis.every((c) => c.countries.includes("Scotland"))).toBe(true);
      expect((await get("/api/v1/crisis?country=Narnia")).status).toBe(400);
    });

    it("publishes the taxonomy in English and Welsh, and an OpenAPI document", async () => {
      const res = await get("/api/v1/taxonomy");
      expect(res.status).toBe(200);
      const t = await json<{ kinds: { code: string; en: string; cy: string }[] }>(res);
      expect(t.kinds.length).toBe(11);
      for (const k of t.kinds) expect(k.cy.length).toBeGreaterThan(0);
      const api = await get("/api/v1/openapi.json");
      expect(api.status).toBe(200);
      const doc = await json<{
        paths: object;
        components: { schemas: Record<string, { properties?: object }> };
      }>(api);
      expect(Object.keys(doc.paths)).toContain("/api/v1/search");
      expect(Object.keys(doc.paths)).toContain("/services/{id}/sessions.ics");
      expect(Object.keys(doc.components.schemas.SearchResponse?.properties ?? {})).toEqual(
        expect.arrayContaining(["nextSteps", "totals"]),
      );
    });

    it("sends CORS, security and short public caching headers", async () => {
      const res = await get("/api/v1/search?postcode=EX4%204");
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("cache-control")).toMatch(
        /public, max-age=\d+, stale-while-revalidate=\d+/,
      );
      expect(res.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
    });

    it("answers a CORS preflight from any site, and sends Allow-Origin on errors too", async () => {
      const pre = await fetcher()("/api/v1/search?postcode=EX4%204", {
        method: "OPTIONS",
        headers: {
          Origin: "https://gp.example",
          "Access-Control-Request-Method": "GET",
          "Access-Control-Request-Headers": "if-none-match, accept",
        },
      });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe("*");
      expect(pre.headers.get("access-control-allow-methods")).toBe("GET,HEAD,OPTIONS");
      expect(pre.headers.get("access-control-allow-headers")).toBe("if-none-match,accept");
      const bad = await get("/api/v1/search?postcode=EX4%204&stage=nonsense");
      expect(bad.status).toBe(400);
      expect(bad.headers.get("access-control-allow-origin")).toBe("*");
      expect(bad.headers.get("x-request-id")).toMatch(/[0-9a-f-]{36}/);
      const missing = await get("/api/v1/services/no-such-listing");
      expect(missing.status).toBe(404);
      expect(missing.headers.get("access-control-allow-origin")).toBe("*");
    });

    it("gives search and listing answers a strong ETag and answers If-None-Match with 304", async () => {
      for (const path of [
        "/api/v1/search?postcode=EX4%204PQ&kind=peer-group",
        "/api/v1/services/samaritans",
      ]) {
        const first = await get(path);
        expect(first.status, path).toBe(200);
        const etag = first.headers.get("etag");
        expect(etag, path).toMatch(/^"[0-9a-f]{32}"$/);
        const again = await fetcher()(path, { headers: { "If-None-Match": etag ?? "" } });
        expect(again.status, path).toBe(304);
        expect(await again.text()).toBe("");
        const other = await fetcher()(path, { headers: { "If-None-Match": '"something-else"' } });
        expect(other.status, path).toBe(200);
      }
    });

    it("answers unknown paths with the error envelope", async () => {
      const res = await get("/api/v1/nothing-here");
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("not_found");
    });
  });
}
