import { z } from "zod";
import { FORMATS, KINDS, LANGS, STAGES, WHENS } from "./taxonomy.js";

/** Splits repeated params and comma lists (`kind=a&kind=b`, `kind=a,b`) into one list. */
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.string())
    .default([])
    .transform((raw) => [
      ...new Set(
        raw
          .flatMap((v) => v.split(","))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.enum(values)));

const bool = z
  .array(z.string())
  .default([])
  .transform((raw) => raw.at(-1) ?? "")
  .pipe(z.enum(["", "true", "false", "1", "0", "yes", "no"]))
  .transform((v) => v === "true" || v === "1" || v === "yes");

const single = z
  .array(z.string())
  .default([])
  .transform((raw) => raw.at(-1));

const toNumber = (v: string | undefined) =>
  v === undefined || v.trim() === "" ? undefined : Number(v);

export const MAX_RADIUS_KM = 50;
export const DEFAULT_RADIUS_KM = 15;
export const MAX_LIMIT = 50;
export const DEFAULT_LIMIT = 10;

/** The search query string, as arrays of raw values per key (the shape `c.req.queries()` gives). */
export const searchQuerySchema = z.object({
  /** Checked by the postcode parser, so every bad value gets the one `invalid_postcode` answer. */
  postcode: single.pipe(z.string().default("")),
  stage: list(STAGES),
  kind: list(KINDS),
  format: list(FORMATS),
  when: list(WHENS),
  selfReferral: bool,
  free: bool,
  children: bool,
  lang: single.pipe(z.enum(LANGS).default("en")),
  language: single
    .pipe(
      z
        .string()
        .regex(/^[a-z]{2,3}$/, "language must be a language code such as cy or pl")
        .optional(),
    )
    .transform((v) => v ?? null),
  radiusKm: single
    .transform(toNumber)
    .pipe(z.number().min(1).max(MAX_RADIUS_KM).default(DEFAULT_RADIUS_KM)),
  limit: single
    .transform(toNumber)
    .pipe(z.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT)),
});

export type SearchQuery = z.output<typeof searchQuerySchema>;

/**
 * The same as `searchQuerySchema.parse` for a well-formed query, written out by hand: the schema's
 * pipes and transforms were a tenth of an uncached search's time. Anything it is not sure of
 * (an unknown value, a number out of range) gives `undefined`, and the schema then answers with
 * its message. `tests/api/search-query.test.ts` checks the two agree.
 */
export function parseSearchQueryFast(
  raw: Readonly<Record<string, readonly string[] | undefined>>,
): SearchQuery | undefined {
  const last = (key: string) => {
    const v = raw[key];
    return v && v.length > 0 ? v[v.length - 1] : undefined;
  };
  const lang = last("lang") ?? "en";
  if (!(LANGS as readonly string[]).includes(lang)) return undefined;
  const languageRaw = last("language");
  if (languageRaw !== undefined && !/^[a-z]{2,3}$/.test(languageRaw)) return undefined;
  const radiusKm = numberIn(last("radiusKm"), 1, MAX_RADIUS_KM, DEFAULT_RADIUS_KM, false);
  const limit = numberIn(last("limit"), 1, MAX_LIMIT, DEFAULT_LIMIT, true);
  const stage = listOf(raw.stage, STAGES);
  const kind = listOf(raw.kind, KINDS);
  const format = listOf(raw.format, FORMATS);
  const when = listOf(raw.when, WHENS);
  const selfReferral = flagOf(last("selfReferral"));
  const free = flagOf(last("free"));
  const children = flagOf(last("children"));
  if (
    radiusKm === undefined ||
    limit === undefined ||
    !stage ||
    !kind ||
    !format ||
    !when ||
    selfReferral === undefined ||
    free === undefined ||
    children === undefined
  ) {
    return undefined;
  }
  return {
    postcode: last("postcode") ?? "",
    stage,
    kind,
    format,
    when,
    selfReferral,
    free,
    children,
    lang: lang as SearchQuery["lang"],
    language: languageRaw ?? null,
    radiusKm,
    limit,
  };
}

function listOf<T extends string>(
  raw: readonly string[] | undefined,
  values: readonly T[],
): T[] | undefined {
  if (!raw || raw.length === 0) return [];
  const out: T[] = [];
  for (const item of raw) {
    for (const part of item.split(",")) {
      const v = part.trim();
      if (v === "") continue;
      if (!(values as readonly string[]).includes(v)) return undefined;
      if (!out.includes(v as T)) out.push(v as T);
    }
  }
  return out;
}

function flagOf(v: string | undefined): boolean | undefined {
  switch (v ?? "") {
    case "true":
    case "1":
    case "yes":
      return true;
    case "":
    case "false":
    case "0":
    case "no":
      return false;
    default:
      return undefined;
  }
}

function numberIn(
  v: string | undefined,
  min: number,
  max: number,
  fallback: number,
  integer: boolean,
): number | undefined {
  const n = toNumber(v);
  if (n === undefined) return fallback;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    return undefined;
  }
  return n;
}
