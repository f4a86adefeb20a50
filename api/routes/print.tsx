import type { Context } from "hono";
import { Hono } from "hono";
import type { Lang } from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { findPosterArea } from "../domain/pack-area.js";
import { parsePostcode } from "../domain/postcode.js";
import { ApiError, invalidPostcode } from "../errors.js";
import { sendPage } from "../pages/layout.js";
import {
  defaultUi,
  loadPack,
  loadPoster,
  NOTE_MAX,
  originFor,
  type PackQuery,
  PosterPage,
  type PrintFormError,
  PrintPage,
  packFileName,
  packPageUrl,
  packQuerySchema,
  posterFileName,
  posterQuerySchema,
  posterUrl,
  readNote,
  renderPackPdf,
  renderPosterPdf,
  WELSH_PLACE_NAMES,
} from "../print/index.js";

/**
 * The print tools: `/print` (form and A4 preview), `/print/pack.pdf` (the same pack as a PDF),
 * `/print/poster` (A4 or A3 noticeboard poster) and `/print/poster.pdf`. Public, no login. A full postcode is cut to
 * its sector and the browser sent on to that address, so only the sector stays in URLs.
 */

/** The request's own path and query, to compare with a canonical address. */
function here(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return `${url.pathname}${url.search}`;
}

function uiFromRaw(c: Context<AppEnv>): Lang {
  const ui = c.req.query("ui") ?? c.req.query("lang");
  return ui === "cy" ? "cy" : "en";
}

/**
 * The same address with a full postcode cut to its sector, or null when it has none: the
 * browser is sent on before anything else, so a full postcode never stays in a URL.
 */
function sectorAddress(c: Context<AppEnv>, postcode: string): string | null {
  const parsed = parsePostcode(postcode);
  if (!parsed.ok || parsed.kind !== "full") return null;
  const url = new URL(c.req.url);
  url.searchParams.set("postcode", parsed.sector);
  return `${url.pathname}${url.search}`;
}

/** The same poster address with a full postcode or sector cut to its district, or null. */
function districtAddress(c: Context<AppEnv>, area: string): string | null {
  const parsed = parsePostcode(area);
  if (!parsed.ok || (parsed.kind !== "full" && parsed.kind !== "sector")) return null;
  const url = new URL(c.req.url);
  url.searchParams.set("area", parsed.outcode);
  return `${url.pathname}${url.search}`;
}

/** The area a poster is for, from what was typed. */
async function posterAreaFor(c: Context<AppEnv>, area: string) {
  return findPosterArea(area, await c.get("deps").geo(), WELSH_PLACE_NAMES);
}

/** The answer to a pack request, or why there is none. */
async function packFor(c: Context<AppEnv>, q: PackQuery & { note?: string | undefined }) {
  const deps = c.get("deps");
  const parsed = parsePostcode(q.postcode);
  if (!parsed.ok) return { error: "invalid" as const };
  try {
    const origin = originFor(deps, c.req.url);
    return { view: await loadPack(deps, q, origin) };
  } catch (err) {
    if (err instanceof ApiError && err.code === "postcode_not_found") {
      return { error: "not-found" as const };
    }
    throw err;
  }
}

const STATUS: Record<PrintFormError, 400 | 404> = {
  invalid: 400,
  "bad-link": 400,
  "not-found": 404,
};

/** The fields of a posted form as `c.req.queries()` gives a query: arrays of strings. */
async function postedFields(c: Context<AppEnv>): Promise<Record<string, string[]> | null> {
  try {
    const body = await c.req.parseBody({ all: true });
    const out: Record<string, string[]> = {};
    for (const [key, value] of Object.entries(body)) {
      const values = Array.isArray(value) ? value : [value];
      out[key] = values.filter((v): v is string => typeof v === "string");
    }
    return out;
  } catch {
    return null;
  }
}

/** `/print`: the form, or the pack for a query; a POST also carries the note. */
async function printPage(c: Context<AppEnv>, fields: Record<string, string[]>, note?: string) {
  c.header("Cache-Control", note === undefined ? "no-cache" : "no-store");
  const parsed = packQuerySchema.safeParse(fields);
  if (!parsed.success) {
    const ui = uiFromRaw(c);
    const form = { ui, postcode: "", moment: "booking", lang: ui, error: "bad-link" } as const;
    return sendPage(c, <PrintPage form={form} />, 400);
  }
  const q = parsed.data;
  const tooLong = note !== undefined && note.length > NOTE_MAX ? note.length : undefined;
  const form = {
    ui: q.ui ?? defaultUi(q.lang),
    postcode: q.postcode,
    moment: q.moment,
    lang: q.lang,
    note,
    noteError: tooLong,
  };
  if (!q.postcode) return sendPage(c, <PrintPage form={form} />, 200);
  const sector = note === undefined ? sectorAddress(c, q.postcode) : null;
  if (sector) return c.redirect(sector, 303);

  const result = await packFor(c, { ...q, note: tooLong ? undefined : note });
  if (result.error) {
    const page = <PrintPage form={{ ...form, error: result.error }} />;
    return sendPage(c, page, STATUS[result.error]);
  }
  if (note === undefined) {
    const canonical = packPageUrl(result.view.address);
    if (here(c) !== canonical) return c.redirect(canonical, 303);
  }
  return sendPage(
    c,
    <PrintPage form={{ ...form, postcode: result.view.sector }} view={result.view} />,
    tooLong ? 400 : 200,
  );
}

/** `/print/pack.pdf`: the pack as a PDF download; a POST also carries the note. */
async function packPdf(c: Context<AppEnv>, fields: Record<string, string[]>, note?: string) {
  const parsed = packQuerySchema.safeParse(fields);
  if (!parsed.success) {
    throw new ApiError(400, "invalid_query", "Check the link: a pack needs a postcode.");
  }
  if (note !== undefined && note.length > NOTE_MAX) {
    throw new ApiError(400, "note_too_long", `Keep the note to ${NOTE_MAX} characters or fewer.`);
  }
  const sector = note === undefined ? sectorAddress(c, parsed.data.postcode) : null;
  if (sector) return c.redirect(sector, 303);
  const result = await packFor(c, { ...parsed.data, note });
  if (result.error === "invalid") throw invalidPostcode();
  if (result.error === "not-found") {
    throw new ApiError(404, "postcode_not_found", "We could not find that postcode.");
  }
  // Served at any address that names the pack (moment and language default as on /print),
  // so a hand-typed or scripted link gets the file itself, not a redirect.
  const { view } = result;
  const pdf = await renderPackPdf(view);
  c.header("Content-Type", "application/pdf");
  c.header("Content-Disposition", `attachment; filename="${packFileName(view.address)}"`);
  c.header("Cache-Control", note === undefined ? "no-cache" : "no-store");
  return c.body(pdf.bytes as Uint8Array<ArrayBuffer>, 200);
}

export const printRoutes = new Hono<AppEnv>()
  .get("/print", (c) => printPage(c, c.req.queries() ?? {}))
  .post("/print", async (c) => {
    const fields = await postedFields(c);
    if (!fields) return printPage(c, { lang: ["bad"] });
    return printPage(c, fields, readNote(fields.note?.at(-1)));
  })
  .get("/print/pack.pdf", (c) => packPdf(c, c.req.queries() ?? {}))
  .post("/print/pack.pdf", async (c) => {
    const fields = await postedFields(c);
    if (!fields) throw new ApiError(400, "invalid_body", "The form could not be read.");
    return packPdf(c, fields, readNote(fields.note?.at(-1)));
  })
  .get("/print/poster", async (c) => {
    c.header("Cache-Control", "no-cache");
    const parsed = posterQuerySchema.safeParse(c.req.queries() ?? {});
    if (!parsed.success) {
      const ui = uiFromRaw(c);
      const form = { ui, area: "", size: "a4", lang: ui, error: "bad-link" } as const;
      return sendPage(c, <PosterPage form={form} />, 400);
    }
    const q = parsed.data;
    const form = { ui: q.ui ?? defaultUi(q.lang), area: q.area, size: q.size, lang: q.lang };
    if (!q.area) return sendPage(c, <PosterPage form={form} />, 200);
    // A poster is for a district at most: a full postcode (or sector) is cut to its district
    // and the browser sent on, so the full postcode never stays in the page or the address.
    const district = districtAddress(c, q.area);
    if (district) return c.redirect(district, 303);

    const found = await posterAreaFor(c, q.area);
    if (!found.ok) {
      const error = found.reason === "ambiguous" ? { ambiguous: found.names } : "not-found";
      return sendPage(
        c,
        <PosterPage form={{ ...form, error }} />,
        found.reason === "ambiguous" ? 400 : 404,
      );
    }
    // The address keeps the words typed ("Exeter", not its code), in one fixed order.
    const canonical = posterUrl({ ...q, ui: form.ui });
    if (here(c) !== canonical) return c.redirect(canonical, 303);
    const deps = c.get("deps");
    const poster = await loadPoster(deps, found.area, q, originFor(deps, c.req.url));
    return sendPage(c, <PosterPage form={form} poster={poster} />, 200);
  })
  .get("/print/poster.pdf", async (c) => {
    const parsed = posterQuerySchema.safeParse(c.req.queries() ?? {});
    if (!parsed.success || !parsed.data.area) {
      throw new ApiError(400, "invalid_query", "Check the link: a poster needs an area.");
    }
    const q = parsed.data;
    const district = districtAddress(c, q.area);
    if (district) return c.redirect(district, 303);
    const found = await posterAreaFor(c, q.area);
    if (!found.ok) {
      throw found.reason === "ambiguous"
        ? new ApiError(400, "ambiguous_area", "That matches more than one area: choose one.")
        : new ApiError(404, "area_not_found", "We could not find that area.");
    }
    const deps = c.get("deps");
    const poster = await loadPoster(deps, found.area, q, originFor(deps, c.req.url));
    const pdf = await renderPosterPdf(poster);
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", `attachment; filename="${posterFileName(q)}"`);
    c.header("Cache-Control", "no-cache");
    return c.body(pdf.bytes as Uint8Array<ArrayBuffer>, 200);
  });
