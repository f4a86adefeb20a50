/**
 * Listings as CSV: one row per listing. Plain fields are columns; lists are separated by
 * semicolons; contacts, venues, sessions and areas are JSON arrays in their own columns (see
 * docs/curation.md), which is what an export writes. An import also takes what people type
 * (csv-cells.ts): one phone, email, website and venue in plain columns, sessions and areas in
 * words, labels as well as codes, UK dates, +44 numbers, and an organisation by name. Each row
 * is checked on its own, and a row turned away says why, by column.
 */
import { z } from "zod";
import { type Listing, listingInput } from "../../schema/listing-input.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { futureCheckProblem } from "../domain/review.js";
import { normalPostcode, positionOf } from "./area-lookup.js";
import { CsvError, parseCsv, toCsv, unprotect } from "./csv.js";
import {
  areaFromText,
  columnProblem,
  phoneNumber,
  sessionFromText,
  ukDate,
  vocabularyCode,
} from "./csv-cells.js";
import { childId } from "./listing-form.js";
import { lookupOrganisation } from "./organisation-lookup.js";
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
  "name",
  "summary",
  "kind",
  "stages",
  "formats",
  "referral",
];

/** Plain columns an import also takes (a partner's template uses them; an export does not). */
export const PLAIN_COLUMNS = [
  "phone",
  "email",
  "website",
  "venue_name",
  "venue_address",
  "venue_postcode",
] as const;
type ImportColumn = Column | (typeof PLAIN_COLUMNS)[number];

/** The column a listing field (camelCase) is read from. */
const COLUMN_OF_KEY: Record<string, ImportColumn> = {
  organisationId: "organisation",
  reviewEveryDays: "review_every_days",
};

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
for (const [col, key] of [
  ...Object.entries(TEXTS),
  ...Object.entries(LISTS),
  ...Object.entries(FLAGS),
])
  COLUMN_OF_KEY[key] = col as Column;

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

export interface ImportContext {
  /** Every organisation, to find one by name or id. */
  organisations: readonly { id: string; name: string }[];
  /** The organisation of a row that names none (an editor's own), or null. */
  defaultOrganisationId: string | null;
}

/** An organisation named by id or by name (any case, spacing); null when none or several match. */
export function findOrganisation(
  organisations: ImportContext["organisations"],
  text: string,
): string | null {
  const found = lookupOrganisation(organisations, text);
  return found.ok ? found.id : null;
}

/**
 * Reads an import file into candidate listings, each checked against the shared schema.
 * `today` is the UK date from the app's clock: no listing can have been checked after it.
 */
export function parseListingsCsv(
  text: string,
  geo: GeoIndex,
  today: string,
  context: ImportContext,
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
    return {
      fileProblem: `The header row (the first line) lacks ${missing.length === 1 ? "this column" : "these columns"}: ${missing.join(", ")}. Start from the template on this page.`,
      rows: [],
    };
  }
  if (records.length > maxRows) {
    return {
      fileProblem: `The file has ${records.length} rows; import at most ${maxRows} at a time.`,
      rows: [],
    };
  }
  const rows = records.map((record, index) => {
    const line = index + 2;
    const cell = (c: ImportColumn) => {
      const i = columns.indexOf(c);
      return i < 0 ? "" : unprotect((record[i] ?? "").trim());
    };
    const problems: string[] = [];
    if (record.length !== columns.length) {
      problems.push(
        `This line has ${record.length} ${record.length === 1 ? "cell" : "cells"} but the header has ${columns.length}. A comma inside a value needs the value in double quotes.`,
      );
    }
    const id = cell("id") || null;
    const versionText = cell("version");
    const version = versionText ? Number(versionText) : null;
    if (version !== null && !Number.isInteger(version))
      problems.push("version: Enter a whole number, or leave it empty.");

    const named = cell("organisation_id") || cell("organisation");
    const organisationId = named
      ? findOrganisation(context.organisations, named)
      : context.defaultOrganisationId;
    if (!organisationId) {
      problems.push(
        named
          ? `organisation: There is no organisation called “${named}”. Write its name as on the Organisations page.`
          : "organisation: Write the name of the organisation that runs this service.",
      );
    }
    const candidate: Record<string, unknown> = {
      id: id ?? newListingId(cell("name")),
      organisationId: organisationId ?? "",
      status: "draft",
    };
    for (const [col, key] of Object.entries(TEXTS)) {
      const v = cell(col as Column);
      candidate[key] = v === "" && key !== "description" && key !== "howToAccess" ? null : v;
    }
    for (const key of ["name", "summary", "kind", "cost"] as const)
      candidate[key] ??= key === "cost" ? "free" : "";
    candidate.kind = vocabularyCode("kind", candidate.kind as string);
    candidate.cost = vocabularyCode("cost", candidate.cost as string);
    if (candidate.verifiedAt) {
      const typed = candidate.verifiedAt as string;
      candidate.verifiedAt = ukDate(typed);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(candidate.verifiedAt as string)) {
        problems.push(
          `verified_at: “${typed}” is not a date. Write it as day/month/year, like 01/11/2026.`,
        );
        candidate.verifiedAt = null;
      }
    }
    for (const [col, key] of Object.entries(LISTS)) {
      const items = listOf(cell(col as Column));
      candidate[key] = key === "languages" ? items : items.map((x) => vocabularyCode(key, x));
    }
    if ((candidate.languages as string[]).length === 0) candidate.languages = ["en"];
    for (const [col, key] of Object.entries(FLAGS)) {
      const word = cell(col as Column).toLowerCase();
      if (!(word in FLAG_WORDS))
        problems.push(`${col}: Write yes or no (or leave it empty for no).`);
      // Left blank (or from a file exported before the column), a listing is for parents.
      candidate[key] =
        word === "" && key === "perinatalSpecific" ? true : (FLAG_WORDS[word] ?? false);
    }
    const every = cell("review_every_days");
    candidate.reviewEveryDays = every
      ? Number(every)
      : defaultReviewEveryDays(candidate.kind as never);
    /** Where each child row came from: its JSON column, or a plain column of the row. */
    const sources: Record<(typeof CHILDREN)[number], string[]> = {
      contacts: [],
      locations: [],
      schedules: [],
      areas: [],
    };
    for (const col of CHILDREN) {
      const raw = cell(col);
      let items: Record<string, unknown>[] = [];
      if (raw.startsWith("[")) {
        try {
          const parsed = jsonArray.safeParse(JSON.parse(raw));
          if (parsed.success) items = parsed.data;
          else problems.push(`${col}: Give a JSON array of objects, as an export writes.`);
        } catch {
          problems.push(`${col}: This looks like JSON but is not valid JSON.`);
        }
      } else if (raw && (col === "areas" || col === "schedules")) {
        items = wordItems(col, listOf(raw), geo, problems);
      } else if (raw) {
        problems.push(
          `${col}: Use the plain columns (${col === "contacts" ? "phone, email, website" : "venue_name, venue_address, venue_postcode"}) instead, or a JSON array as an export writes.`,
        );
      }
      sources[col] = items.map(() => col);
      candidate[col] = items;
    }
    plainColumns(candidate, cell, sources);
    for (const c of candidate.contacts as Record<string, unknown>[]) {
      if (["phone", "text", "whatsapp"].includes(String(c.kind)) && typeof c.value === "string")
        c.value = phoneNumber(c.value);
    }
    const futureCheck = futureCheckProblem((candidate.verifiedAt as string | null) ?? "", today);
    if (futureCheck) problems.push(`verified_at: ${futureCheck}`);
    freshChildIds(candidate);
    fillPositions(candidate, geo, problems, sources.locations);
    const parsed = listingInput.safeParse(candidate);
    if (!parsed.success) {
      const columnOf = (path: readonly PropertyKey[]) => {
        const [top, index, field] = path.map(String);
        const group = CHILDREN.find((c) => c === top);
        if (group && index !== undefined) {
          const from = sources[group][Number(index)] ?? group;
          if (from !== group) return from === "venue" ? `venue_${field ?? "name"}` : from;
          return `${group} (item ${Number(index) + 1}${field ? `, ${field}` : ""})`;
        }
        return COLUMN_OF_KEY[top ?? ""] ?? (top || "row");
      };
      for (const issue of parsed.error.issues) {
        // A missing organisation was already explained, in words.
        if (issue.path[0] === "organisationId" && !organisationId) continue;
        problems.push(columnProblem(issue, columnOf, candidate));
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
function fillPositions(
  candidate: Record<string, unknown>,
  geo: GeoIndex,
  problems: string[],
  sources: readonly string[],
) {
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
          sources[i] === "venue"
            ? `venue_postcode: We could not find the postcode “${l.postcode}”. Check it, or leave the venue out.`
            : `locations (item ${i + 1}, postcode): We could not find this postcode; give latitude and longitude.`,
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

/** Areas and sessions written in words, one per semicolon-separated entry. */
function wordItems(
  col: "areas" | "schedules",
  entries: string[],
  geo: GeoIndex,
  problems: string[],
): Record<string, unknown>[] {
  const items: Record<string, unknown>[] = [];
  for (const entry of entries) {
    const read = col === "areas" ? areaFromText(entry, geo) : sessionFromText(entry);
    if ("problem" in read) problems.push(`${col}: ${read.problem}`);
    else items.push({ id: "new", ...read });
  }
  return items;
}

/** One phone, email, website and venue in plain columns; sessions in words meet at that venue. */
function plainColumns(
  candidate: Record<string, unknown>,
  cell: (c: ImportColumn) => string,
  sources: Record<(typeof CHILDREN)[number], string[]>,
) {
  const contacts = candidate.contacts as Record<string, unknown>[];
  for (const [col, kind] of [
    ["phone", "phone"],
    ["email", "email"],
    ["website", "web"],
  ] as const) {
    let value = cell(col);
    if (!value) continue;
    if (kind === "web" && /^www\./i.test(value)) value = `https://${value}`;
    contacts.push({ id: "new", kind, value });
    sources.contacts.push(col);
  }
  const venue = {
    name: cell("venue_name"),
    address: cell("venue_address"),
    postcode: cell("venue_postcode"),
  };
  if (venue.name || venue.address || venue.postcode) {
    const locations = candidate.locations as Record<string, unknown>[];
    locations.push({ id: "venue", ...venue });
    sources.locations.push("venue");
    for (const [i, s] of (candidate.schedules as Record<string, unknown>[]).entries()) {
      // Sessions written in words (id "new") meet at the venue of the plain columns.
      if (s.id === "new" && sources.schedules[i]) s.locationId = "venue";
    }
  }
}
