/**
 * Listings as CSV: one row per listing. Plain fields are columns; lists are separated by
 * semicolons; contacts, venues, sessions and areas are JSON arrays in their own columns (see
 * docs/curation.md). Import checks each row on its own and answers why a row was turned away.
 */
import { z } from "zod";
import { type Listing, listingInput } from "../../schema/listing-input.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { futureCheckProblem } from "../domain/review.js";
import { normalPostcode, positionOf } from "./area-lookup.js";
import { CsvError, parseCsv, toCsv, unprotect } from "./csv.js";
import { childId } from "./listing-form.js";
import { friendly } from "./listing-form-parse.js";
import { defaultReviewEveryDays } from "./review-status.js";

export const CSV_COLUMNS = [
  "id",
  "organisation_id",
  "organisation",
  "status",
  "version",
  "name",
  "name_cy",
  "summary",
  "summary_cy",
  "description",
  "description_cy",
  "kind",
  "stages",
  "audiences",
  "formats",
  "referral",
  "how_to_access",
  "how_to_access_cy",
  "cost",
  "cost_note",
  "languages",
  "children_welcome",
  "mental_health_specific",
  "perinatal_specific",
  "peer_led",
  "facilitator_trained",
  "moderated",
  "verified_at",
  "review_every_days",
  "source_url",
  "needs_verification",
  "demo",
  "contacts",
  "locations",
  "schedules",
  "areas",
] as const;
type Column = (typeof CSV_COLUMNS)[number];

/** Columns an import must have; the rest may be left out. */
export const REQUIRED_COLUMNS: Column[] = [
  "organisation_id",
  "name",
  "summary",
  "kind",
  "stages",
  "formats",
  "referral",
];

const LISTS = {
  stages: "stages",
  audiences: "audiences",
  formats: "formats",
  referral: "referral",
  languages: "languages",
} as const;
const TEXTS = {
  name: "name",
  name_cy: "nameCy",
  summary: "summary",
  summary_cy: "summaryCy",
  description: "description",
  description_cy: "descriptionCy",
  how_to_access: "howToAccess",
  how_to_access_cy: "howToAccessCy",
  cost: "cost",
  cost_note: "costNote",
  kind: "kind",
  verified_at: "verifiedAt",
  source_url: "sourceUrl",
} as const;
const FLAGS = {
  children_welcome: "childrenWelcome",
  mental_health_specific: "mentalHealthSpecific",
  perinatal_specific: "perinatalSpecific",
  peer_led: "peerLed",
  facilitator_trained: "facilitatorTrained",
  moderated: "moderated",
  needs_verification: "needsVerification",
  demo: "demo",
} as const;
const CHILDREN = ["contacts", "locations", "schedules", "areas"] as const;

export interface ExportRow {
  listing: Listing;
  organisationName: string;
  status: string;
  version: number;
}

export function listingsToCsv(rows: readonly ExportRow[]): string {
  const body = rows.map(({ listing: l, organisationName, status, version }) => {
    const cells: Record<Column, string> = {
      id: l.id,
      organisation_id: l.organisationId,
      organisation: organisationName,
      status,
      version: String(version),
      review_every_days: String(l.reviewEveryDays),
      contacts: JSON.stringify(l.contacts.map(({ position: _p, ...c }) => c)),
      locations: JSON.stringify(l.locations),
      schedules: JSON.stringify(l.schedules),
      areas: JSON.stringify(l.areas),
    } as Record<Column, string>;
    for (const [col, key] of Object.entries(TEXTS))
      cells[col as Column] = (l[key] as string | null) ?? "";
    for (const [col, key] of Object.entries(LISTS))
      cells[col as Column] = (l[key] as string[]).join(";");
    for (const [col, key] of Object.entries(FLAGS)) cells[col as Column] = l[key] ? "yes" : "no";
    return CSV_COLUMNS.map((c) => cells[c] ?? "");
  });
  return toCsv([[...CSV_COLUMNS], ...body]);
}

export interface ImportRow {
  /** Line of the row in the file (the header is line 1). */
  line: number;
  /** The listing id the row names, or null for a new listing. */
  id: string | null;
  /** The live version the row was exported from, when it names one. */
  version: number | null;
  /** The name the row gives, even when the row is not valid. */
  name: string;
  listing: Listing | null;
  problems: string[];
}

export interface ParsedImport {
  /** A problem with the file as a whole (no rows are imported). */
  fileProblem: string | null;
  rows: ImportRow[];
}

const FLAG_WORDS: Record<string, boolean> = {
  yes: true,
  y: true,
  true: true,
  "1": true,
  no: false,
  n: false,
  false: false,
  "0": false,
  "": false,
};
const jsonArray = z.array(z.record(z.string(), z.unknown()));

function listOf(text: string): string[] {
  return text
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);
}

function newListingId(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "listing"}-${childId("x").slice(2, 8)}`;
}

/**
 * Reads an import file into candidate listings, each checked against the shared schema.
 * `today` is the UK date from the app's clock: no listing can have been checked after it.
 */
export function parseListingsCsv(
  text: string,
  geo: GeoIndex,
  today: string,
  maxRows = 1000,
): ParsedImport {
  let table: string[][];
  try {
    table = parseCsv(text).filter((r) => r.some((cell) => cell.trim() !== ""));
  } catch (err) {
    return {
      fileProblem: err instanceof CsvError ? err.message : "The file is not valid CSV.",
      rows: [],
    };
  }
  const [header, ...records] = table;
  if (!header) return { fileProblem: "The file is empty.", rows: [] };
  const columns = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    return { fileProblem: `The header row lacks these columns: ${missing.join(", ")}.`, rows: [] };
  }
  if (records.length > maxRows) {
    return {
      fileProblem: `The file has ${records.length} rows; import at most ${maxRows} at a time.`,
      rows: [],
    };
  }
  const rows = records.map((record, index) => {
    const line = index + 2;
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i < 0 ? "" : unprotect((record[i] ?? "").trim());
    };
    const problems: string[] = [];
    if (record.length !== columns.length) {
      problems.push(`It has ${record.length} fields; the header has ${columns.length}.`);
    }
    const id = cell("id") || null;
    const versionText = cell("version");
    const version = versionText ? Number(versionText) : null;
    if (version !== null && !Number.isInteger(version))
      problems.push("version: Enter a whole number.");

    const candidate: Record<string, unknown> = {
      id: id ?? newListingId(cell("name")),
      organisationId: cell("organisation_id"),
      status: "draft",
    };
    for (const [col, key] of Object.entries(TEXTS)) {
      const v = cell(col as Column);
      candidate[key] = v === "" && key !== "description" && key !== "howToAccess" ? null : v;
    }
    for (const key of ["name", "summary", "kind", "cost"] as const)
      candidate[key] ??= key === "cost" ? "free" : "";
    for (const [col, key] of Object.entries(LISTS)) candidate[key] = listOf(cell(col as Column));
    if ((candidate.languages as string[]).length === 0) candidate.languages = ["en"];
    for (const [col, key] of Object.entries(FLAGS)) {
      const word = cell(col as Column).toLowerCase();
      if (!(word in FLAG_WORDS)) problems.push(`${col}: Use yes or no.`);
      // Left blank (or from a file exported before the column), a listing is for parents.
      candidate[key] =
        word === "" && key === "perinatalSpecific" ? true : (FLAG_WORDS[word] ?? false);
    }
    const every = cell("review_every_days");
    candidate.reviewEveryDays = every
      ? Number(every)
      : defaultReviewEveryDays(candidate.kind as never);
    for (const col of CHILDREN) {
      const raw = cell(col);
      let items: Record<string, unknown>[] = [];
      if (raw) {
        try {
          const parsed = jsonArray.safeParse(JSON.parse(raw));
          if (parsed.success) items = parsed.data;
          else problems.push(`${col}: Give a JSON array of objects.`);
        } catch {
          problems.push(`${col}: This is not valid JSON.`);
        }
      }
      candidate[col] = items;
    }
    const futureCheck = futureCheckProblem(cell("verified_at"), today);
    if (futureCheck) problems.push(`verified_at: ${futureCheck}`);
    freshChildIds(candidate);
    fillPositions(candidate, geo, problems);
    const parsed = listingInput.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(`${issue.path.map(String).join(".") || "row"}: ${friendly(issue)}`);
      }
    }
    return {
      line,
      id,
      version,
      name: cell("name"),
      listing: parsed.success && problems.length === 0 ? parsed.data : null,
      problems: [...new Set(problems)],
    };
  });
  return { fileProblem: null, rows };
}

/**
 * Venue postcodes take their normal form (`ex44qj` → `EX4 4QJ`), as in the editor; venues given
 * with a postcode but no position take their sector's position.
 */
function fillPositions(candidate: Record<string, unknown>, geo: GeoIndex, problems: string[]) {
  const locations = candidate.locations as Record<string, unknown>[];
  locations.forEach((l, i) => {
    if (typeof l.postcode === "string") l.postcode = normalPostcode(l.postcode) ?? l.postcode;
    if (l.latitude == null && l.longitude == null && typeof l.postcode === "string") {
      const found = positionOf(l.postcode, geo);
      if (found) {
        l.latitude = found.latitude;
        l.longitude = found.longitude;
      } else {
        problems.push(
          `locations.${i}.postcode: We could not find this postcode; give latitude and longitude.`,
        );
      }
    }
  });
}

/**
 * Every imported row gets fresh child ids, so an import can never collide with another
 * listing's rows; sessions that name a venue by its id in the file follow it to its new id.
 */
function freshChildIds(candidate: Record<string, unknown>) {
  const venueIds = new Map<unknown, string>();
  for (const col of CHILDREN) {
    for (const item of candidate[col] as Record<string, unknown>[]) {
      const id = childId(col.slice(0, 3));
      if (col === "locations") venueIds.set(item.id, id);
      item.id = id;
    }
  }
  for (const s of candidate.schedules as Record<string, unknown>[]) {
    if (s.locationId != null) s.locationId = venueIds.get(s.locationId) ?? s.locationId;
  }
}
