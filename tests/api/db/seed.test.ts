import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Client, createClient } from "@libsql/client";
import { count, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/libsql";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  readSeedSources,
  SeedError,
  seedListings,
  seedListingsFrom,
} from "../../../api/db/seed.js";
import type { Db } from "../../../api/db/types.js";
import { NEXT_STEP_SERVICE_IDS, nextSteps } from "../../../api/domain/next-steps.js";
import * as tables from "../../../schema/tables.js";
import {
  AREA_KINDS,
  COUNTRIES,
  FORMATS,
  KINDS,
  REFERRALS,
  SCHEDULE_PATTERNS,
} from "../../../schema/taxonomy.js";

const { contacts, locations, organisations, schedules, serviceAreas, services } = tables;

const root = new URL("../../../", import.meta.url);
const text = (path: string | URL) => readFileSync(new URL(path, root), "utf8");
const sharedFile = (name: string) =>
  readFileSync(new URL(`../../../../shared/data/${name}`, import.meta.url), "utf8");
const facts = sharedFile("national-services.md");
const routeFacts = sharedFile("nhs-and-charity-routes.md");

interface SeedJson {
  organisations: { id: string; phone?: string | null }[];
  services: {
    id: string;
    needsVerification: boolean;
    demo: boolean;
    contacts: { kind: string; value: string; needsVerification: boolean }[];
  }[];
}
const national = JSON.parse(text("data/seed/national.json")) as SeedJson;
const routes = JSON.parse(text("data/seed/routes.json")) as SeedJson;
const real = [...national.services, ...routes.services];
const demo = JSON.parse(text("data/seed/demo.json")) as SeedJson;

const csvRows = (path: string) =>
  text(path)
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
const geoAreas = new Map([
  ...(JSON.parse(text("data/geo/areas.json")) as { code: string; kind: string }[]).map(
    (a) => [a.code, a.kind] as const,
  ),
  ...csvRows("data/geo/scottish-health-boards.csv").map(([code]) => [code ?? "", "hb"] as const),
]);
const outcodes = new Set(csvRows("data/geo/district-area-shares.csv").map(([outcode]) => outcode));
const sectors = new Map(
  csvRows("data/geo/postcode-sectors.csv").map(([sector, lat, lon]) => [
    sector,
    { latitude: Number(lat), longitude: Number(lon) },
  ]),
);

/** Ofcom's ranges for drama and fiction: never allocated to a real line. */
const dramaNumbers = [
  /^01632960\d{3}$/,
  /^07700900\d{3}$/,
  /^01174960\d{3}$/,
  /^02920180\d{3}$/,
  /^01134960\d{3}$/,
];
const digits = (value: string) => value.replaceAll(" ", "");

let client: Client;
let db: Db;

beforeEach(async () => {
  client = createClient({ url: ":memory:" });
  db = drizzle(client, { schema: tables });
  await migrate(db, {
    migrationsFolder: fileURLToPath(new URL("schema/migrations", root)),
  });
});

afterEach(() => client.close());

async function published() {
  return db.select().from(services).where(eq(services.status, "published"));
}

async function tableCounts() {
  const sizes: number[] = [];
  for (const table of [organisations, services, contacts, locations, schedules, serviceAreas]) {
    const [row] = await db.select({ n: count() }).from(table);
    sizes.push(row?.n ?? -1);
  }
  return sizes;
}

describe("seedListings", () => {
  it("covers every kind, format and referral route with published listings", async () => {
    const result = await seedListings(db);
    expect(result.seeded).toBe(true);
    const rows = await published();
    expect(new Set(rows.map((s) => s.kind))).toEqual(new Set(KINDS));
    expect(new Set(rows.flatMap((s) => s.formats))).toEqual(new Set(FORMATS));
    expect(new Set(rows.flatMap((s) => s.referral))).toEqual(new Set(REFERRALS));
  });

  it("covers every service area kind with published listings", async () => {
    await seedListings(db);
    const rows = await db
      .select({ kind: serviceAreas.kind })
      .from(serviceAreas)
      .innerJoin(services, eq(services.id, serviceAreas.serviceId))
      .where(eq(services.status, "published"));
    expect(new Set(rows.map((a) => a.kind))).toEqual(new Set(AREA_KINDS));
  });

  it("covers every schedule pattern and time of day, term-time-only groups and last-weekday sessions", async () => {
    await seedListings(db);
    const rows = await db
      .select({ schedule: schedules })
      .from(schedules)
      .innerJoin(services, eq(services.id, schedules.serviceId))
      .where(eq(services.status, "published"));
    const sessions = rows.map((r) => r.schedule);
    expect(new Set(sessions.map((s) => s.pattern))).toEqual(new Set(SCHEDULE_PATTERNS));
    expect(sessions.some((s) => s.pattern === "monthly" && s.nth === -1)).toBe(true);
    expect(sessions.some((s) => s.pattern === "fortnightly" && s.anchorDate)).toBe(true);
    expect(sessions.some((s) => s.startTime < "12:00" && s.weekday <= 5)).toBe(true);
    expect(sessions.some((s) => s.startTime >= "12:00" && s.startTime < "17:00")).toBe(true);
    expect(sessions.some((s) => s.startTime >= "17:00")).toBe(true);
    expect(sessions.some((s) => s.weekday >= 6)).toBe(true);
    expect(sessions.some((s) => s.termTimeOnly)).toBe(true);
    expect(sessions.some((s) => !s.termTimeOnly)).toBe(true);
  });

  it("marks every example listing as demo and no national listing as demo", async () => {
    await seedListings(db);
    const demoFlags = new Map((await db.select().from(services)).map((s) => [s.id, s.demo]));
    expect(demo.services.length).toBeGreaterThanOrEqual(25);
    expect(demo.services.length).toBeLessThanOrEqual(35);
    for (const { id } of demo.services) expect(demoFlags.get(id), id).toBe(true);
    for (const { id } of real) expect(demoFlags.get(id), id).toBe(false);
  });

  it("seeds only the real listings when demo is false", async () => {
    await seedListings(db, { demo: false });
    const rows = await db.select().from(services);
    expect(rows).toHaveLength(real.length);
    expect(rows.some((s) => s.demo)).toBe(false);
  });

  it("gives every published service an https source and a check date or a needs-verification flag", async () => {
    await seedListings(db);
    for (const s of await published()) {
      expect(s.sourceUrl, s.id).toMatch(/^https:\/\//);
      expect(Boolean(s.verifiedAt) || s.needsVerification, s.id).toBe(true);
    }
    for (const s of await db.select().from(services)) {
      if (!s.verifiedAt) expect(s.needsVerification, s.id).toBe(true);
    }
  });

  it("includes example listings overdue for review, one in review and one archived", async () => {
    await seedListings(db);
    const rows = await db.select().from(services);
    const overdue = rows.filter(
      (s) =>
        s.status === "published" &&
        s.verifiedAt &&
        Date.parse(s.verifiedAt) + s.reviewEveryDays * 86_400_000 < Date.parse("2026-11-26"),
    );
    expect(overdue.length).toBeGreaterThanOrEqual(2);
    expect(overdue.every((s) => s.demo)).toBe(true);
    expect(rows.filter((s) => s.demo && s.status === "in-review")).toHaveLength(1);
    expect(rows.filter((s) => s.demo && s.status === "archived")).toHaveLength(1);
  });

  it("seeds the crisis routes for each country exactly as the facts scope them", async () => {
    await seedListings(db);
    const rows = await db
      .select({ id: services.id, kind: serviceAreas.kind, code: serviceAreas.code })
      .from(services)
      .innerJoin(serviceAreas, eq(serviceAreas.serviceId, services.id))
      .where(eq(services.kind, "crisis"));
    const scope = (id: string) =>
      rows
        .filter((r) => r.id === id)
        .map((r) => (r.kind === "uk" ? "uk" : r.code))
        .sort();
    expect(scope("emergency-999")).toEqual(["uk"]);
    expect(scope("samaritans")).toEqual(["uk"]);
    expect(scope("shout")).toEqual(["uk"]);
    expect(scope("nhs-111-mental-health-england")).toEqual(["England"]);
    expect(scope("nhs-111-press-2-wales")).toEqual(["Wales"]);
    expect(scope("nhs-24-mental-health-hub")).toEqual(["Scotland"]);
    expect(scope("breathing-space")).toEqual(["Scotland"]);
    expect(scope("lifeline-ni")).toEqual(["Northern Ireland"]);
    const crisis = (await published()).filter((s) => s.kind === "crisis");
    expect(crisis).toHaveLength(8);
    for (const s of crisis) {
      expect(s.demo, s.id).toBe(false);
      expect(s.reviewEveryDays, s.id).toBe(90);
      expect(s.nameCy && s.summaryCy, s.id).toBeTruthy();
    }
  });

  it("seeds no national phone number or text code that is not in the facts file", async () => {
    await seedListings(db);
    const rows = await db
      .select({ contact: contacts })
      .from(contacts)
      .innerJoin(services, eq(services.id, contacts.serviceId))
      .where(eq(services.demo, false));
    const numbers = rows
      .map((r) => r.contact)
      .filter((c) => c.kind === "phone" || c.kind === "text" || c.kind === "whatsapp");
    expect(numbers.length).toBeGreaterThan(10);
    for (const c of numbers) expect(facts + routeFacts, c.id).toContain(c.value);
    for (const o of national.organisations) if (o.phone) expect(facts, o.id).toContain(o.phone);
  });

  it("flags corroborated numbers, and their services, as needing verification", async () => {
    await seedListings(db);
    const corroborated = [...facts.matchAll(/(\d[\d ]+\d) \(corroborated\)/g)].map((m) => m[1]);
    expect(corroborated.length).toBeGreaterThanOrEqual(4);
    const rows = await db
      .select({ contact: contacts, service: services })
      .from(contacts)
      .innerJoin(services, eq(services.id, contacts.serviceId));
    for (const number of corroborated) {
      const seeded = rows.filter((r) => r.contact.value === number);
      expect(seeded.length, number).toBeGreaterThan(0);
      for (const { contact, service } of seeded) {
        expect(contact.needsVerification, contact.id).toBe(true);
        expect(service.needsVerification, service.id).toBe(true);
      }
    }
  });

  it("uses only Ofcom drama numbers and example.org addresses in example listings", async () => {
    await seedListings(db);
    const rows = await db
      .select({ contact: contacts })
      .from(contacts)
      .innerJoin(services, eq(services.id, contacts.serviceId))
      .where(eq(services.demo, true));
    expect(rows.length).toBeGreaterThan(0);
    for (const { contact: c } of rows) {
      if (c.kind === "email") expect(c.value, c.id).toMatch(/@example\.org$/);
      else if (c.kind === "web") expect(c.value, c.id).toMatch(/^https:\/\/example\.org\//);
      else
        expect(
          dramaNumbers.some((re) => re.test(digits(c.value))),
          c.id,
        ).toBe(true);
    }
    const demoOrgIds = new Set(demo.organisations.map((o) => o.id));
    for (const o of await db.select().from(organisations)) {
      if (!demoOrgIds.has(o.id)) continue;
      expect(o.name, o.id).toMatch(/\(example\)$/);
      if (o.phone)
        expect(
          dramaNumbers.some((re) => re.test(digits(o.phone ?? ""))),
          o.id,
        ).toBe(true);
      if (o.email) expect(o.email, o.id).toMatch(/@example\.org$/);
    }
  });

  it("uses only area codes that exist in the geography data", async () => {
    await seedListings(db);
    for (const a of await db.select().from(serviceAreas)) {
      if (a.kind === "uk") expect(a.code, a.id).toBeNull();
      else if (a.kind === "country") expect(COUNTRIES, a.id).toContain(a.code);
      else if (a.kind === "district") expect(outcodes.has(a.code ?? ""), a.id).toBe(true);
      else if (a.kind === "radius") {
        expect(a.radiusKm, a.id).toBeGreaterThan(0);
        expect(a.latitude, a.id).not.toBeNull();
      } else expect(geoAreas.get(a.code ?? ""), a.id).toBe(a.kind);
    }
  });

  it("places every venue at a real postcode sector centroid", async () => {
    await seedListings(db);
    const venues = await db.select().from(locations);
    expect(venues.length).toBeGreaterThan(5);
    for (const v of venues) {
      const sector = sectors.get(v.postcode.slice(0, -2));
      expect(sector, v.id).toBeDefined();
      expect(v.latitude, v.id).toBe(sector?.latitude);
      expect(v.longitude, v.id).toBe(sector?.longitude);
      // ...and says so, so that no one is told a venue is "under 0.1 miles away".
      expect(v.precision, v.id).toBe("sector");
    }
  });

  it("offers Welsh-language example listings with Welsh text", async () => {
    await seedListings(db);
    const welsh = (await published()).filter((s) => s.languages.includes("cy") && s.demo);
    expect(welsh.length).toBeGreaterThanOrEqual(3);
    for (const s of welsh) expect(s.nameCy && s.summaryCy, s.id).toBeTruthy();
  });

  it("does not duplicate anything when run twice", async () => {
    await seedListings(db);
    const before = await tableCounts();
    const again = await seedListings(db);
    expect(again.seeded).toBe(false);
    expect(await tableCounts()).toEqual(before);
    expect(before[1]).toBe(real.length + demo.services.length);
  });

  it("rejects an invalid row with an error naming it, and writes nothing", async () => {
    const sources = await readSeedSources();
    const demoSource = structuredClone(sources.find((x) => x.name === "demo.json")?.data) as {
      services: { id: string; kind: string }[];
    };
    const bad = demoSource.services[3];
    if (!bad) throw new Error("demo.json has too few services");
    bad.kind = "coffee-morning";
    const others = sources.filter((x) => x.name !== "demo.json");
    const attempt = seedListingsFrom(db, [...others, { name: "demo.json", data: demoSource }]);
    await expect(attempt).rejects.toThrow(SeedError);
    await expect(attempt).rejects.toThrow(`service "${bad.id}" in demo.json`);
    expect(await tableCounts()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("rejects a schedule that points at a location outside its listing", async () => {
    const [source] = await readSeedSources({ demo: false });
    const data = structuredClone(source?.data) as { services: Record<string, unknown>[] };
    data.services[0] = {
      ...data.services[0],
      schedules: [
        {
          id: "stray-session",
          locationId: "nowhere",
          pattern: "weekly",
          weekday: 1,
          startTime: "10:00",
          endTime: "11:00",
        },
      ],
    };
    await expect(seedListingsFrom(db, [{ name: "national.json", data }])).rejects.toThrow(
      /No location "nowhere"/,
    );
  });
});

describe("the area-wide routes (routes.json)", () => {
  const byId = new Map(routes.services.map((s) => [s.id, s]));

  it("seeds a published, non-demo listing for every next step", async () => {
    await seedListings(db, { demo: false });
    const rows = new Map((await published()).map((s) => [s.id, s]));
    for (const id of NEXT_STEP_SERVICE_IDS) {
      expect(rows.get(id)?.demo, id).toBe(false);
      expect(rows.get(id)?.sourceUrl, id).toMatch(/^https:\/\//);
    }
  });

  it("links each next step only to a verified contact of its listing", () => {
    for (const country of COUNTRIES) {
      for (const step of nextSteps([country], "en")) {
        if (!step.link || !step.serviceId) continue;
        const listing = byId.get(step.serviceId);
        const contact = listing?.contacts.find((c) => c.value === step.link?.href);
        expect(contact, step.id).toBeDefined();
        expect(contact?.needsVerification, step.id).toBe(false);
      }
    }
  });

  it("flags every corroborated contact of the routes file, and its listing", () => {
    const corroborated = [
      "0800 132 737",
      "81066",
      "0800 328 9655",
      "07899 245001",
      "https://www.nhs.uk/service-search/mental-health/find-an-nhs-talking-therapies-service/",
      "https://pandasfoundation.org.uk/how-we-can-support-you/support-groups/",
    ];
    for (const value of corroborated) {
      const holders = routes.services.filter((s) => s.contacts.some((c) => c.value === value));
      expect(holders.length, value).toBe(1);
      for (const s of holders) {
        expect(s.needsVerification, s.id).toBe(true);
        expect(s.contacts.find((c) => c.value === value)?.needsVerification, value).toBe(true);
      }
      expect(routeFacts.replaceAll("https://", ""), value).toContain(value.replace("https://", ""));
    }
  });

  it("names a source from the facts files for every listing shown publicly", () => {
    // A listing with no verified contact is not shown (only reviewers see it, "to verify").
    for (const s of routes.services.filter((x) => x.contacts.some((c) => !c.needsVerification))) {
      const listing = s as unknown as { sourceUrl: string };
      const host = new URL(listing.sourceUrl).host.replace(/^www\./, "");
      expect(routeFacts + facts, s.id).toContain(host.split(".").slice(0, -1).join(".") || host);
    }
  });
});
