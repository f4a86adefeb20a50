import { readFile } from "node:fs/promises";
import { count } from "drizzle-orm";
import type { BatchItem } from "drizzle-orm/batch";
import { z } from "zod";
import {
  type Listing,
  listingInput,
  type Organisation,
  organisationInput,
} from "../../schema/listing-input.js";
import {
  contacts,
  locations,
  organisations,
  schedules,
  serviceAreas,
  services,
} from "../../schema/tables.js";
import { bumpDirectoryVersion } from "./directory-version.js";
import type { Db } from "./types.js";

const seedDir = new URL("../../data/seed/", import.meta.url);

/** One seed file's parsed JSON, named for error messages. */
export interface SeedSource {
  name: string;
  data: unknown;
}

export interface SeedData {
  organisations: Organisation[];
  listings: Listing[];
}

export interface SeedResult {
  /** False when the database already had services, so nothing was written. */
  seeded: boolean;
  organisations: number;
  services: number;
}

export class SeedError extends Error {
  override name = "SeedError";
}

const seedFile = z.object({
  organisations: z.array(z.unknown()),
  services: z.array(z.unknown()),
});

/**
 * Reads the shipped seed files: the national listings, the area-wide NHS routes and further
 * charities (routes.json), and the example listings unless `demo: false`.
 */
export async function readSeedSources(options: { demo?: boolean } = {}): Promise<SeedSource[]> {
  const real = ["national.json", "routes.json"];
  const names = options.demo === false ? real : [...real, "demo.json"];
  return Promise.all(
    names.map(async (name) => ({
      name,
      data: JSON.parse(await readFile(new URL(name, seedDir), "utf8")) as unknown,
    })),
  );
}

/** Seeds the shipped listings into an empty database; does nothing when services already exist. */
export async function seedListings(db: Db, options: { demo?: boolean } = {}): Promise<SeedResult> {
  return seedListingsFrom(db, await readSeedSources(options));
}

/** Validates every row of every source first, then writes them all in one batch, or nothing. */
export async function seedListingsFrom(db: Db, sources: SeedSource[]): Promise<SeedResult> {
  const data = parseSeedSources(sources);
  const [existing] = await db.select({ n: count() }).from(services);
  if ((existing?.n ?? 0) > 0) return { seeded: false, organisations: 0, services: 0 };

  const [first, ...rest] = insertStatements(db, data);
  if (first) await db.batch([first, ...rest]);
  return { seeded: true, organisations: data.organisations.length, services: data.listings.length };
}

/** Validates seed sources; throws a SeedError naming the file and row id of the first bad row. */
export function parseSeedSources(sources: SeedSource[]): SeedData {
  const out: SeedData = { organisations: [], listings: [] };
  for (const { name, data } of sources) {
    const file = seedFile.safeParse(data);
    if (!file.success) {
      throw new SeedError(
        `Seed file ${name} is not { organisations, services }:\n${z.prettifyError(file.error)}`,
      );
    }
    for (const [i, row] of file.data.organisations.entries()) {
      out.organisations.push(
        parseRow(organisationInput, row, `organisation ${rowName(row, i)} in ${name}`),
      );
    }
    for (const [i, row] of file.data.services.entries()) {
      const where = `service ${rowName(row, i)} in ${name}`;
      const listing = parseRow(listingInput, row, where);
      if (listing.status === "published" && !listing.sourceUrl) {
        throw new SeedError(`Invalid ${where}: a published seed listing must name its sourceUrl`);
      }
      out.listings.push(listing);
    }
  }
  checkReferences(out);
  return out;
}

function parseRow<T extends z.ZodType>(schema: T, row: unknown, where: string): z.output<T> {
  const result = schema.safeParse(row);
  if (!result.success) throw new SeedError(`Invalid ${where}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function rowName(row: unknown, index: number): string {
  const id = (row as { id?: unknown } | null)?.id;
  return typeof id === "string" ? `"${id}"` : `#${index + 1} (no id)`;
}

/** Ids are unique per table across both files, and every service's organisation exists. */
function checkReferences({ organisations: orgs, listings }: SeedData): void {
  const tables: Record<string, string[]> = {
    organisation: orgs.map((o) => o.id),
    service: listings.map((l) => l.id),
    contact: listings.flatMap((l) => l.contacts.map((c) => c.id)),
    location: listings.flatMap((l) => l.locations.map((c) => c.id)),
    schedule: listings.flatMap((l) => l.schedules.map((c) => c.id)),
    area: listings.flatMap((l) => l.areas.map((c) => c.id)),
  };
  for (const [table, ids] of Object.entries(tables)) {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new SeedError(`Duplicate ${table} id "${id}" in the seed files`);
      seen.add(id);
    }
  }
  const orgIds = new Set(tables.organisation);
  for (const listing of listings) {
    if (!orgIds.has(listing.organisationId)) {
      throw new SeedError(
        `Invalid service "${listing.id}": no organisation "${listing.organisationId}" in the seed files`,
      );
    }
  }
}

function insertStatements(
  db: Db,
  { organisations: orgs, listings }: SeedData,
): BatchItem<"sqlite">[] {
  const serviceRows = listings.map(
    ({ contacts: _c, locations: _l, schedules: _s, areas: _a, ...row }) => row,
  );
  const contactRows = listings.flatMap((l) =>
    l.contacts.map(({ position, ...c }, i) => ({
      ...c,
      serviceId: l.id,
      keyword: c.keyword ?? null,
      position: position ?? i,
    })),
  );
  const locationRows = listings.flatMap((l) =>
    l.locations.map((loc) => ({ ...loc, serviceId: l.id })),
  );
  const scheduleRows = listings.flatMap((l) => l.schedules.map((s) => ({ ...s, serviceId: l.id })));
  const areaRows = listings.flatMap((l) =>
    l.areas.map((a) => ({
      id: a.id,
      serviceId: l.id,
      kind: a.kind,
      code: a.code ?? null,
      latitude: a.latitude ?? null,
      longitude: a.longitude ?? null,
      radiusKm: a.radiusKm ?? null,
    })),
  );
  return [
    // Organisations may already exist (made in the console): keep theirs.
    ...chunks(orgs).map((rows) => db.insert(organisations).values(rows).onConflictDoNothing()),
    ...chunks(serviceRows).map((rows) => db.insert(services).values(rows)),
    ...chunks(contactRows).map((rows) => db.insert(contacts).values(rows)),
    ...chunks(locationRows).map((rows) => db.insert(locations).values(rows)),
    ...chunks(scheduleRows).map((rows) => db.insert(schedules).values(rows)),
    ...chunks(areaRows).map((rows) => db.insert(serviceAreas).values(rows)),
    bumpDirectoryVersion(db, new Date()),
  ];
}

/** Keeps each INSERT well under SQLite's limit on bound parameters. */
function chunks<T>(rows: T[], size = 100): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}
