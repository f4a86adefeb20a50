/**
 * Reading what people type into an import file: UK dates, +44 numbers, labels as well as codes,
 * area and council names, sessions in words; and saying what is wrong in terms of the file's
 * columns and their allowed values. Used by listing-csv.ts; the editor form has its own fields.
 */
import type { z } from "zod";
import {
  type AreaKind,
  audienceLabels,
  COUNTRIES,
  costLabels,
  formatLabels,
  kindLabels,
  type Label,
  referralLabels,
  stageLabels,
} from "../../schema/taxonomy.js";
import type { GeoIndex } from "../domain/geo-index.js";
import { ukPhone as tolerantPhone } from "../domain/oruk/tolerant.js";
import { AREA_KIND_LABELS, areaCode } from "./area-lookup.js";
import { friendly } from "./listing-form-parse.js";

/** `01/11/2026`, `1/11/2026`, `1.11.2026` or `2026-11-01` as an ISO date; anything else as is. */
export function ukDate(text: string): string {
  const t = text.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (!m) return t;
  const iso = `${m[3]}-${(m[2] ?? "").padStart(2, "0")}-${(m[1] ?? "").padStart(2, "0")}`;
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? t : iso;
}

/** `+44 1392 000000`, `0044…`, `(01392) 000-000` in our digits-and-spaces form; else as is. */
export const phoneNumber = (text: string) =>
  tolerantPhone(text.replace(/\(0\)/g, " ")) ?? text.trim();

export const VOCABULARIES = {
  kind: kindLabels,
  stages: stageLabels,
  audiences: audienceLabels,
  formats: formatLabels,
  referral: referralLabels,
  cost: costLabels,
} as const satisfies Record<string, Record<string, Label>>;
export type VocabularyColumn = keyof typeof VOCABULARIES;

const simple = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]+/gu, " ")
    .trim();

/** A code from its code or its English or Welsh label, any case; unknown text as is. */
export function vocabularyCode(column: VocabularyColumn, text: string): string {
  const labels = VOCABULARIES[column] as Record<string, Label>;
  const wanted = simple(text);
  for (const [code, label] of Object.entries(labels)) {
    if (simple(code) === wanted || simple(label.en) === wanted || simple(label.cy) === wanted)
      return code;
  }
  return text.trim();
}

/** "pregnancy (Pregnant), postnatal (Baby under 1) or toddler (Toddler)". */
export function allowedValues(column: VocabularyColumn): string {
  const entries = Object.entries(VOCABULARIES[column] as Record<string, Label>).map(
    ([code, label]) => `${code} (${label.en})`,
  );
  return `${entries.slice(0, -1).join(", ")} or ${entries.at(-1)}`;
}

const AREA_WORDS: Record<string, AreaKind> = {
  council: "lad",
  "council area": "lad",
  "local authority": "lad",
  lad: "lad",
  icb: "icb",
  "integrated care board": "icb",
  lhb: "lhb",
  "local health board": "lhb",
  "health board": "hb",
  hb: "hb",
  district: "district",
  "postcode district": "district",
  country: "country",
};

/** Kinds tried, in order, for a bare name. */
const NAMED_KINDS: AreaKind[] = ["country", "lad", "icb", "lhb", "hb"];

export type AreaCell =
  | { kind: "uk" }
  | { kind: Exclude<AreaKind, "uk" | "radius">; code: string }
  | { problem: string };

/**
 * One entry of the `areas` column as a person writes it: `Teignbridge`, `Teignbridge (council
 * area)`, `council: Teignbridge`, `EX4`, `Wales`, `whole UK`, or a code (`E07000045`).
 */
export function areaFromText(text: string, geo: GeoIndex): AreaCell {
  const t = text.trim();
  if (/^(?:the\s+)?(?:whole\s+)?uk$|^united kingdom$/i.test(t)) return { kind: "uk" };
  let kinds = NAMED_KINDS;
  let name = t;
  const prefixed = /^([a-z ]+):\s*(.+)$/i.exec(t);
  const suffixed = /^(.+?)\s*\(([a-z ]+)\)$/i.exec(t);
  const word = prefixed?.[1] ?? suffixed?.[2];
  const kind = word ? AREA_WORDS[word.trim().toLowerCase()] : undefined;
  if (kind) {
    kinds = [kind];
    name = (prefixed ? prefixed[2] : suffixed?.[1]) ?? t;
  } else if (/^[A-Z]{1,2}\d[A-Z\d]?$/i.test(t)) {
    kinds = ["district"];
  }
  for (const k of kinds) {
    const code = areaCode(k, name, geo);
    if (code) return { kind: k as Exclude<AreaKind, "uk" | "radius">, code };
  }
  const which =
    kinds.length === 1 ? `a ${AREA_KIND_LABELS[kinds[0] as AreaKind].toLowerCase()}` : "an area";
  return {
    problem: `We do not know ${which} called “${name}”. Write a council (Teignbridge), a postcode district (EX4), an ICB or health board name, a country (${COUNTRIES.join(", ")}) or “whole UK”, separated by semicolons.`,
  };
}

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const NTH: Record<string, 1 | 2 | 3 | 4 | -1> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  last: -1,
};

export type SessionCell =
  | {
      pattern: "weekly" | "fortnightly" | "monthly";
      weekday: number;
      nth: 1 | 2 | 3 | 4 | -1 | null;
      anchorDate: string | null;
      startTime: string;
      endTime: string;
    }
  | { problem: string };

const time = (t: string) => {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$/i.exec(t.trim());
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] ?? "00";
  const half = m[3]?.toLowerCase();
  if (half === "pm" && h < 12) h += 12;
  if (half === "am" && h === 12) h = 0;
  return h < 24 ? `${String(h).padStart(2, "0")}:${min}` : null;
};

/**
 * One entry of the `sessions` column in words: `Wednesdays 10:00-11:30`, `every Wednesday
 * 10am-11.30am`, `first Tuesday 10:00-12:00` (monthly), `last Friday 13:00-15:00`,
 * `fortnightly Monday 10:00-11:00 from 05/01/2027`.
 */
export function sessionFromText(text: string): SessionCell {
  const problem = {
    problem: `We could not read the session “${text.trim()}”. Write it like “Wednesdays 10:00-11:30”, “first Tuesday 10:00-12:00” or “fortnightly Monday 10:00-11:00 from 05/01/2027”.`,
  };
  const m =
    /^(?:(every|weekly|fortnightly|first|second|third|fourth|last)\s+)?([a-z]+?)s?\s+(\S+)\s*(?:-|–|to)\s*(\S+?)(?:\s+from\s+(\S+))?$/i.exec(
      text.trim(),
    );
  if (!m) return problem;
  const lead = (m[1] ?? "every").toLowerCase();
  const weekday = DAYS.indexOf((m[2] ?? "").toLowerCase()) + 1;
  const startTime = time(m[3] ?? "");
  const endTime = time(m[4] ?? "");
  if (weekday === 0 || !startTime || !endTime) return problem;
  const nth = NTH[lead] ?? null;
  const pattern = nth ? "monthly" : lead === "fortnightly" ? "fortnightly" : "weekly";
  const anchorDate = m[5] ? ukDate(m[5]) : null;
  return { pattern, weekday, nth, anchorDate, startTime, endTime };
}

/**
 * A schema problem as a person reads it: the column it is about, what is wrong, and for
 * controlled columns the values allowed. `columnOf` names the column a listing field comes from.
 */
export function columnProblem(
  issue: z.core.$ZodIssue,
  columnOf: (path: readonly PropertyKey[]) => string,
  candidate: Record<string, unknown>,
): string {
  const path = issue.path;
  const column = columnOf(path);
  const top = String(path[0] ?? "");
  if (top in VOCABULARIES && (issue.code === "invalid_value" || issue.code === "invalid_union")) {
    const raw = candidate[top];
    const given = Array.isArray(raw) && typeof path[1] === "number" ? raw[path[1]] : raw;
    const one = top === "kind" || top === "cost";
    const allowed = allowedValues(top as VocabularyColumn);
    return `${column}: “${String(given)}” is not one of the values this column takes. Use ${one ? `one of: ${allowed}` : `one or more of: ${allowed}, separated by semicolons`}.`;
  }
  if (top === "organisationId") {
    return `${column}: Give the organisation's name as on the Organisations page (or its id).`;
  }
  return `${column}: ${friendly(issue)}`;
}
