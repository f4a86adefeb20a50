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
