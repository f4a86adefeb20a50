import type { Format, Kind, Stage, When } from "../schema/taxonomy.js";
import { FORMATS, KINDS, STAGES, WHENS } from "../schema/taxonomy.js";

/** What the person has chosen to narrow the search, as the form shows it. */
export interface Filters {
  stage: Stage[];
  kind: Kind[];
  format: Format[];
  when: When[];
  selfReferral: boolean;
  free: boolean;
  children: boolean;
  welsh: boolean;
}

export type ListFilter = "stage" | "kind" | "format" | "when";
export type FlagFilter = "selfReferral" | "free" | "children" | "welsh";

export const LIST_CODES = { stage: STAGES, kind: KINDS, format: FORMATS, when: WHENS } as const;

/** Crisis routes are always on show, so "crisis" is not offered as a type of support to filter by. */
export const FILTER_KINDS = KINDS.filter((k) => k !== "crisis");

export function noFilters(): Filters {
  return {
    stage: [],
    kind: [],
    format: [],
    when: [],
    selfReferral: false,
    free: false,
    children: false,
    welsh: false,
  };
}

/** Reads a comma- or space-separated attribute into known codes, dropping anything unknown. */
export function parseCodes<T extends string>(
  value: string | null | undefined,
  known: readonly T[],
): T[] {
  const codes = (value ?? "").split(/[\s,]+/).filter((v): v is T => known.includes(v as T));
  return [...new Set(codes)];
}

/** How many choices are set inside "More choices" (the stage is outside it). */
export function countChoices(f: Filters): number {
  return (
    f.kind.length +
    f.format.length +
    f.when.length +
    Number(f.selfReferral) +
    Number(f.free) +
    Number(f.children) +
    Number(f.welsh)
  );
}

/** The filters after a checkbox changed. */
export function toggleFilter(f: Filters, name: string, value: string, on: boolean): Filters {
  if (Object.keys(LIST_CODES).includes(name)) {
    const key = name as ListFilter;
    if (!(LIST_CODES[key] as readonly string[]).includes(value)) return f;
    const current = f[key] as string[];
    const next = on ? [...new Set([...current, value])] : current.filter((v) => v !== value);
    return { ...f, [key]: next };
  }
  if (name === "selfReferral" || name === "free" || name === "children" || name === "welsh") {
    return { ...f, [name]: on };
  }
  return f;
}

/** A number attribute within the directory's limits, or null for the directory's default. */
export function clampNumber(value: number | undefined, min: number, max: number): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null;
  return Math.min(max, Math.max(min, value));
}
