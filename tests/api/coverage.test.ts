import { check } from "@placemarkio/check-geojson";
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpDirectoryVersion } from "../../api/db/directory-version.js";
import type { AreaReport } from "../../api/domain/coverage/index.js";
import { contacts, locations, organisations, schedules, services } from "../../schema/tables.js";
import { type Backend, openBackend } from "../support/backends.js";

/** Coverage pages, downloads and API over the seeded directory on real libSQL, in process. */

let backend: Backend;
const get = (path: string, headers: Record<string, string> = {}) =>
  Promise.resolve(backend.app.request(path, { headers }));
const report = async (area: string, criterion: string): Promise<AreaReport> => {
  const res = await get(`/api/v1/coverage?area=${area}&criterion=${criterion}`);
  expect(res.status).toBe(200);
  return (await res.json()) as AreaReport;
};

beforeAll(async () => {
  backend = await openBackend("memory");
});
afterAll(async () => {
  await backend?.close();
});

const DEVON = "E54000037";
const CARDIFF_VALE = "W11000029";
const GLASGOW = "S08000031";

describe("GET /api/v1/coverage/areas", () => {
  it("lists the UK, the nations, ICBs, LHBs, Scottish boards and local authorities", async () => {
    const res = await get("/api/v1/coverage/areas");
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      areas: { code: string; kind: string; name: string; sectors: number }[];
      criteria: string[];
    };
    expect(body.criteria).toContain("school-holidays");
    const byCode = new Map(body.areas.map((a) => [a.code, a]));
    expect(byCode.get("uk")).toMatchObject({ kind: "uk", sectors: 10_820 });
    expect(byCode.get(DEVON)).toMatchObject({
      kind: "icb",
      name: "NHS Devon Integrated Care Board",
    });
    expect(byCode.get(CARDIFF_VALE)?.kind).toBe("lhb");
    expect(byCode.get(GLASGOW)).toMatchObject({
      kind: "hb",
      name: "NHS Greater Glasgow and Clyde",
    });
    const nations = body.areas.filter((a) => a.kind === "country");
    expect(nations.reduce((n, a) => n + a.sectors, 0)).toBe(10_820);
    expect(body.areas.filter((a) => a.kind === "lhb")).toHaveLength(7);
    expect(body.areas.filter((a) => a.kind === "hb")).toHaveLength(14);
  });
});

describe("GET /api/v1/coverage", () => {
  it("gives an area's figures, which add up from its sectors weighted by postcodes", async () => {
    const r = await report(DEVON, "peer-group");
    expect(r.area.name).toBe("NHS Devon Integrated Care Board");
    expect(r.sectors.length).toBe(r.summary.sectors);
    const covered = r.sectors.filter((s) => s.covered);
    expect(covered.length).toBe(r.summary.sectorsCovered);
    expect(covered.reduce((n, s) => n + s.postcodes, 0)).toBe(r.summary.postcodesCovered);
    // The Exeter example groups cover Exeter; Devon's far west has no group within reach.
    expect(r.sectors.find((s) => s.sector === "EX4 4")?.covered).toBe(true);
    expect(r.sectors.find((s) => s.sector === "EX39 1")?.covered).toBe(false);
    expect(r.summary.share).toBeGreaterThan(0);
    expect(r.summary.share).toBeLessThan(1);
    expect(r.listings.top.map((l) => l.name)).toContain(
      "Exeter Bumps & Babies Peer Group (example)",
    );
    expect(r.calendar).toHaveLength(26);
    expect(r.calendar[0]?.weekStart).toBe("2026-11-23");
    // The breakdown by district adds up to the whole.
    expect(r.breakdown.by).toBe("district");
    expect(r.breakdown.rows.reduce((n, row) => n + row.sectors, 0)).toBe(r.summary.sectors);
  });

  it("answers in the shape the OpenAPI document gives it", async () => {
    const doc = (await (await get("/api/v1/openapi.json")).json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, object> };
    };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/coverage", "/api/v1/coverage/areas"]),
    );
    const ajv = new Ajv({ strict: false, allErrors: true });
    const add = ((addFormats as unknown as { default?: typeof addFormats }).default ??
      addFormats) as (a: Ajv) => void;
    add(ajv);
    ajv.addSchema({ $id: "doc", components: doc.components });
    const validate = ajv.compile({ $ref: "doc#/components/schemas/CoverageReport" });
    const body = await report(GLASGOW, "toddler");
    expect(validate(body), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...body, sectors: [{ sector: "G1 1" }] })).toBe(false);
  });

  it("counts support in Welsh in Wales only", async () => {
    const wales = await report(CARDIFF_VALE, "welsh");
    expect(wales.summary.applicable).toBe(true);
    expect(wales.summary.sectorsCovered).toBeGreaterThan(0);
    const devon = await report(DEVON, "welsh");
    expect(devon.summary).toMatchObject({ applicable: false, share: null, sectors: 0 });
    expect(devon.sectors.every((s) => s.covered === null)).toBe(true);
  });

  it("refuses an unknown criterion, an unknown area and a missing area, changing nothing", async () => {
    const bad = await get(`/api/v1/coverage?area=${DEVON}&criterion=nearby`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      "invalid_criterion",
    );
    const unknown = await get("/api/v1/coverage?area=E54999999");
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");
    const missing = await get("/api/v1/coverage?criterion=welsh");
    expect(missing.status).toBe(400);
    const junk = await get("/api/v1/coverage?area=%3Cscript%3E");
    expect(junk.status).toBe(404);
    expect(await junk.text()).not.toContain("<script>");
  });
});

describe("/coverage pages", () => {
  it("lists the areas to choose from, under the strict policy", async () => {
    const res = await get("/coverage");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain(`href="/coverage/${DEVON}"`);
    expect(html).toContain(`href="/coverage/${GLASGOW}"`);
    expect(html).toContain('href="/coverage/uk"');
    expect(html).toContain('href="/coverage?lang=cy"');
  });

  it("draws the map from the same figures as the JSON: its words, its dots and its table", async () => {
    const r = await report(DEVON, "evening-weekend");
    const res = await get(`/coverage/${DEVON}?criterion=evening-weekend`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script/);
    const without = r.summary.sectors - r.summary.sectorsCovered;
    const pct = Math.round((1 - r.summary.share!) * 100);
    const sentence = `In ${without} of ${r.summary.sectors} sectors (${pct}% of postcodes) there is no group within reach that meets in the evening or at the weekend.`;
    expect(html).toContain(`<p class="cov-sentence" id="cov-sentence">${sentence}</p>`);
    expect(html).toContain(`<desc id="cov-map-desc">${sentence}</desc>`);
    // One square per covered sector, one diamond per sector not covered.
    const map = html.slice(html.indexOf('<svg class="cov-map"'));
    const paths = [
      ...map.slice(0, map.indexOf("</svg>")).matchAll(/<path d="([^"]+)" fill="(#[0-9a-f]+)"/g),
    ];
    const shapes = (fill: string) =>
      paths.filter((p) => p[2] === fill).reduce((n, p) => n + (p[1]!.match(/M/g)?.length ?? 0), 0);
    expect(shapes("#0b5c63")).toBe(r.summary.sectorsCovered);
    expect(shapes("#c2410c")).toBe(without);
    // The table beside the map: a row per district, with the JSON's figures.
    const table = html.slice(
      html.indexOf('id="cov-breakdown"'),
      html.indexOf("</table>", html.indexOf('id="cov-breakdown"')),
    );
    const rows = [
      ...table.matchAll(/<tr><th scope="row">([^<]+)<\/th><td>([^<]+)<\/td><td>([^<]+)<\/td>/g),
    ];
    expect(rows.map((m) => [m[1], Number(m[2]), Number(m[3])])).toEqual(
      r.breakdown.rows.map((row) => [row.code, row.sectors, row.sectors - row.sectorsCovered]),
    );
  });

  it("is in Welsh when asked, and says a need is not counted where it does not apply", async () => {
    const html = await (await get(`/coverage/${CARDIFF_VALE}?criterion=welsh&lang=cy`)).text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain("does dim cymorth yn Gymraeg");
    const devon = await (await get(`/coverage/${DEVON}?criterion=welsh`)).text();
    expect(devon).toContain("Support in Welsh is counted for sectors in Wales only");
    expect(devon).not.toContain('class="cov-map"');
  });

  it("answers an unknown area with a page that leads back, and an unknown need with 400", async () => {
    const res = await get("/coverage/E54999999", { accept: "text/html" });
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('href="/coverage"');
    const bad = await get(`/coverage/${DEVON}?criterion=x`, { accept: "text/html" });
    expect(bad.status).toBe(400);
    expect(bad.headers.get("content-type")).toContain("text/html");
  });
});

describe("downloads", () => {
  it("gives the area's sectors as CSV, with every criterion, the date and the licence", async () => {
    const r = await report(GLASGOW, "school-holidays");
    const res = await get(`/coverage/${GLASGOW}/sectors.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toContain(`coverage-${GLASGOW}-2026-11-26.csv`);
    const rows = parse(await res.text(), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(r.sectors.length);
    const bySector = new Map(rows.map((row) => [row.sector, row]));
    for (const s of r.sectors) {
      expect(bySector.get(s.sector)?.["school-holidays"]).toBe(String(s.covered));
      expect(Number(bySector.get(s.sector)?.latitude)).toBe(s.latitude);
    }
    expect(rows[0]).toMatchObject({
      country: "Scotland",
      hb: GLASGOW,
      welsh: "",
      computed_at: "2026-11-26T09:00:00.000Z",
      licence: "OGL-UK-3.0",
    });
  });

  it("gives the area's sectors as valid GeoJSON points, longitude first", async () => {
    const r = await report(CARDIFF_VALE, "welsh");
    const res = await get(`/coverage/${CARDIFF_VALE}/sectors.geojson`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/geo+json");
    const text = await res.text();
    const geo = check(text) as unknown as {
      features: {
        id: string;
        geometry: { coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
      licence: { id: string };
      computedAt: string;
    };
    expect(geo.features).toHaveLength(r.sectors.length);
    expect(geo.licence.id).toBe("OGL-UK-3.0");
    expect(geo.computedAt).toBe("2026-11-26T09:00:00.000Z");
    const first = geo.features[0]!;
    const sector = r.sectors.find((s) => s.sector === first.id)!;
    expect(first.geometry.coordinates).toEqual([sector.longitude, sector.latitude]);
    expect(first.properties.welsh).toBe(sector.covered);
  });
});

describe("after a publish", () => {
  it("computes the figures again from the new directory version", async () => {
    const before = await report(DEVON, "peer-group");
    expect(before.sectors.find((s) => s.sector === "EX39 1")?.covered).toBe(false);
    // A new published group in Bideford, written as publishing writes: with the version moved.
    const db = backend.db;
    await db.insert(organisations).values({ id: "cov-org", name: "Torridge Parents" });
    await db.insert(services).values({
      id: "cov-bideford",
      organisationId: "cov-org",
      name: "Bideford Bumps and Babies",
      summary: "A peer group.",
      kind: "peer-group",
      stages: ["postnatal"],
      formats: ["in-person"],
      status: "published",
      verifiedAt: "2026-11-01",
    });
    await db.insert(contacts).values({
      id: "cov-bideford-c",
      serviceId: "cov-bideford",
      kind: "phone",
      value: "01237 000000",
    });
    await db.insert(locations).values({
      id: "cov-bideford-l",
      serviceId: "cov-bideford",
      name: "Bideford Hall",
      address: "Bideford",
      postcode: "EX39 2AA",
      latitude: 51.016,
      longitude: -4.206,
    });
    await db.insert(schedules).values({
      id: "cov-bideford-s",
      serviceId: "cov-bideford",
      pattern: "weekly",
      weekday: 3,
      startTime: "10:00",
      endTime: "11:30",
    });
    await bumpDirectoryVersion(db, new Date());
    const after = await report(DEVON, "peer-group");
    expect(after.directoryVersion).toBeGreaterThan(before.directoryVersion);
    expect(after.sectors.find((s) => s.sector === "EX39 2")?.covered).toBe(true);
    expect(after.summary.sectorsCovered).toBeGreaterThan(before.summary.sectorsCovered);
    expect(after.listings.top.map((l) => l.name)).toContain("Bideford Bumps and Babies");
  });
});
