import { z } from "zod";
import { LANGS, STAGES } from "../../schema/taxonomy.js";
import { MOMENTS, momentOfStage, PACK_LANGS } from "../domain/pack.js";

/**
 * The query strings of the print tools, as arrays of raw values per key (the shape
 * `c.req.queries()` gives). Links from the widget carry `stage` and `lang=en|cy`; the form
 * sends `moment`, `lang=en|cy|both`, and the listings it offered (`listed`) and kept (`keep`).
 */

const single = z
  .array(z.string())
  .default([])
  .transform((raw) => raw.at(-1)?.trim() || undefined);

const ID = /^[a-z0-9][a-z0-9-]{0,99}$/i;

const ids = z
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
  .pipe(z.array(z.string().regex(ID)).max(200));

export const packQuerySchema = z
  .object({
    postcode: single.pipe(z.string().max(16).default("")),
    moment: single.pipe(z.enum(MOMENTS).optional()),
    stage: single.pipe(z.string().optional()),
    lang: single.pipe(z.enum(PACK_LANGS).default("en")),
    ui: single.pipe(z.enum(LANGS).optional()),
    omit: ids,
    listed: ids,
    keep: ids,
    add: ids,
    added: ids,
  })
  .transform((q) => {
    // The widget links with the stage it was showing, possibly several; the first decides.
    const stage = q.stage
      ?.split(",")
      .map((s) => s.trim())
      .find((s): s is (typeof STAGES)[number] => (STAGES as readonly string[]).includes(s));
    const moment = q.moment ?? (stage ? momentOfStage(stage) : "booking");
    // From the form: everything it offered and the person unticked is left out.
    const keep = new Set(q.keep);
    const omit = q.listed.length > 0 ? q.listed.filter((id) => !keep.has(id)) : q.omit;
    // Listings put in by hand stay in while still ticked; newly ticked ones (`add`) join them.
    const left = new Set(omit);
    const add = [...new Set([...q.added.filter((id) => keep.has(id)), ...q.add])].filter(
      (id) => !left.has(id),
    );
    return { postcode: q.postcode, moment, lang: q.lang, ui: q.ui, omit, add };
  });

export type PackQuery = z.output<typeof packQuerySchema>;

/**
 * The note a health visitor or midwife adds, sent only in a POST body: it never goes into an
 * address, a log or the database. Line breaks are kept; other control characters are dropped.
 */
export function readNote(raw: unknown): string {
  if (typeof raw !== "string") return "";
  return raw
    .replace(/\r\n?/g, "\n")
    .replace(/[^\P{Cc}\n]/gu, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const POSTER_SIZES = ["a4", "a3"] as const;
export type PosterSize = (typeof POSTER_SIZES)[number];

export const posterQuerySchema = z.object({
  area: single.pipe(z.string().max(100).default("")),
  size: single.pipe(z.enum(POSTER_SIZES).default("a4")),
  lang: single.pipe(z.enum(PACK_LANGS).default("en")),
  ui: single.pipe(z.enum(LANGS).optional()),
});

export type PosterQuery = z.output<typeof posterQuerySchema>;
