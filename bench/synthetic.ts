/**
 * A UK-scale synthetic directory for benchmarks: services spread over real postcode sectors, with
 * in-person locations, schedules and service areas of every kind. Deterministic (seeded PRNG).
 */

import { bumpDirectoryVersion } from "../api/db/directory-version.js";
import type { Db } from "../api/db/types.js";
import type { GeoIndex } from "../api/domain/geo-index.js";
import {
  contacts,
  locations,
  organisations,
  schedules,
  serviceAreas,
  services,
} from "../schema/tables.js";
import { FORMATS, KINDS, REFERRALS, STAGES } from "../schema/taxonomy.js";

export interface SyntheticSize {
  services: number;
  locations: number;
}

/** Mulberry32: small, fast and repeatable. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CHUNK = 400;

async function insertChunked<T>(db: Db, rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
  void db;
}

export async function buildSynthetic(db: Db, geo: GeoIndex, size: SyntheticSize, seed = 42) {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const some = <T>(xs: readonly T[]): T[] => {
    const out = xs.filter(() => rand() < 0.4);
    return out.length ? out : [pick(xs)];
  };
  const sectors = [...geo.sectors.values()];
  const icbs = [...geo.areas.values()].filter((a) => a.kind === "icb").map((a) => a.code);
  const lhbs = [...geo.areas.values()].filter((a) => a.kind === "lhb").map((a) => a.code);
  const hbs = [...geo.areas.values()].filter((a) => a.kind === "hb").map((a) => a.code);
  const countries = ["England", "Wales", "Scotland"] as const;

  await db.insert(organisations).values({ id: "bench-org", name: "Benchmark organisation" });

  const serviceRows: (typeof services.$inferInsert)[] = [];
  const locationRows: (typeof locations.$inferInsert)[] = [];
  const scheduleRows: (typeof schedules.$inferInsert)[] = [];
  const areaRows: (typeof serviceAreas.$inferInsert)[] = [];
  const contactRows: (typeof contacts.$inferInsert)[] = [];

  // 80% of services meet in person (the locations are shared among them), the rest serve areas.
  const inPerson = Math.round(size.services * 0.8);
  const homes = Array.from({ length: size.services }, () => pick(sectors));
  for (let i = 0; i < size.services; i++) {
    const id = `bench-${i}`;
    const home = homes[i]!;
    const local = i < inPerson;
    serviceRows.push({
      id,
      organisationId: "bench-org",
      name: `Service ${i}`,
      summary: "A synthetic listing for benchmarks.",
      kind: local
        ? pick(["peer-group", "one-to-one-peer", "counselling"] as const)
        : pick(KINDS.filter((k) => k !== "crisis")),
      stages: some(STAGES),
      formats: local
        ? ["in-person", ...some(FORMATS).filter((f) => f !== "in-person")]
        : some(FORMATS),
      referral: some(REFERRALS),
      cost: rand() < 0.8 ? "free" : "paid",
      languages: rand() < 0.1 ? ["cy", "en"] : ["en"],
      childrenWelcome: rand() < 0.5,
      mentalHealthSpecific: rand() < 0.6,
      peerLed: rand() < 0.4,
      status: rand() < 0.95 ? "published" : "draft",
      verifiedAt: "2026-09-01",
      demo: true,
    });
    contactRows.push({ id: `${id}-c`, serviceId: id, kind: "phone", value: "01632 960000" });
    if (local) {
      // Drawn in the same order as ever, so the directory stays the same; each session then
      // keeps only what its pattern allows (listing-input.ts): nth for monthly ones, and for
      // fortnightly ones a first date on their own weekday (Monday 5 January 2026 to Sunday 11).
      const pattern = pick(["weekly", "fortnightly", "monthly"] as const);
      const weekday = 1 + Math.floor(rand() * 7);
      const nth = 1 + Math.floor(rand() * 4);
      scheduleRows.push({
        id: `${id}-s`,
        serviceId: id,
        pattern,
        weekday,
        nth: pattern === "monthly" ? nth : null,
        anchorDate:
          pattern === "fortnightly" ? `2026-01-${String(4 + weekday).padStart(2, "0")}` : null,
        startTime: pick(["09:30", "13:00", "18:30"]),
        endTime: pick(["11:00", "15:00", "20:00"]),
        termTimeOnly: rand() < 0.3,
      });
    } else {
      const r = rand();
      if (r < 0.02) areaRows.push({ id: `${id}-a`, serviceId: id, kind: "uk" });
      else if (r < 0.04)
        areaRows.push({ id: `${id}-a`, serviceId: id, kind: "country", code: pick(countries) });
      else if (r < 0.25)
        areaRows.push({ id: `${id}-a`, serviceId: id, kind: "icb", code: pick(icbs) });
      else if (r < 0.28)
        areaRows.push({ id: `${id}-a`, serviceId: id, kind: "lhb", code: pick(lhbs) });
      else if (r < 0.3 && hbs.length > 0)
        areaRows.push({ id: `${id}-a`, serviceId: id, kind: "hb", code: pick(hbs) });
      else if (r < 0.6)
        areaRows.push({ id: `${id}-a`, serviceId: id, kind: "lad", code: home.lad });
      else if (r < 0.85)
        areaRows.push({ id: `${id}-a`, serviceId: id, kind: "district", code: home.outcode });
      else
        areaRows.push({
          id: `${id}-a`,
          serviceId: id,
          kind: "radius",
          latitude: home.latitude,
          longitude: home.longitude,
          radiusKm: 5 + Math.floor(rand() * 20),
        });
    }
  }
  for (let j = 0; j < size.locations; j++) {
    // Each in-person service meets at one or more venues near its home sector.
    const serviceIndex = j % inPerson;
    const at = homes[serviceIndex]!;
    locationRows.push({
      id: `bench-loc-${j}`,
      serviceId: `bench-${serviceIndex}`,
      name: `Venue ${j}`,
      address: "1 Example Street",
      postcode: `${at.sector}AA`,
      latitude: at.latitude + (rand() - 0.5) * 0.05,
      longitude: at.longitude + (rand() - 0.5) * 0.08,
    });
  }

  await insertChunked(db, serviceRows, (c) => db.insert(services).values(c));
  await insertChunked(db, contactRows, (c) => db.insert(contacts).values(c));
  await insertChunked(db, locationRows, (c) => db.insert(locations).values(c));
  await insertChunked(db, scheduleRows, (c) => db.insert(schedules).values(c));
  await insertChunked(db, areaRows, (c) => db.insert(serviceAreas).values(c));
  await bumpDirectoryVersion(db, new Date());
  return {
    services: serviceRows.length,
    locations: locationRows.length,
    areas: areaRows.length,
    schedules: scheduleRows.length,
  };
}
