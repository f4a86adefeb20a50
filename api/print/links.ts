import type { Lang, Stage } from "../../schema/taxonomy.js";
import type { Moment, PackLang } from "../domain/pack.js";

/**
 * Absolute links printed as QR codes, and the canonical addresses of packs. Only a postcode
 * sector (or district) ever goes into them, never a full postcode.
 */

/** The configured public origin, else the origin the request came in on. */
export function originFor(publicOrigin: string | undefined, requestUrl: string): string {
  if (publicOrigin) {
    try {
      return new URL(publicOrigin).origin;
    } catch {
      // A malformed setting falls back to the request's own origin rather than printing junk.
    }
  }
  return new URL(requestUrl).origin;
}

/** The public page of a listing, in Welsh when asked. */
export function serviceUrl(origin: string, id: string, lang?: Lang): string {
  const query = lang === "cy" ? "?lang=cy" : "";
  return `${origin}/services/${encodeURIComponent(id)}${query}`;
}

/** The live directory (the widget's own page) for a sector or district, or for anywhere. */
export function directoryUrl(
  origin: string,
  options: { postcode?: string | null; stage?: Stage | null; lang: Lang },
): string {
  const query = new URLSearchParams();
  if (options.postcode) query.set("postcode", options.postcode);
  if (options.stage) query.set("stage", options.stage);
  query.set("lang", options.lang);
  return `${origin}/embed?${query}`;
}

export interface PackAddress {
  postcode: string;
  moment: Moment;
  lang: PackLang;
  omit: readonly string[];
  /** Language of the page around the preview, when it differs from the default for `lang`. */
  ui?: Lang | undefined;
}

/** The query string of a pack, in one fixed order so that a URL names one pack. */
export function packSearch(pack: PackAddress, extra: { ui?: boolean } = {}): string {
  const query = new URLSearchParams({
    postcode: pack.postcode,
    moment: pack.moment,
    lang: pack.lang,
  });
  if (pack.omit.length > 0) query.set("omit", [...pack.omit].sort().join(","));
  if (extra.ui !== false && pack.ui && pack.ui !== defaultUi(pack.lang)) query.set("ui", pack.ui);
  return `?${query}`;
}

/** The page around a Welsh pack is in Welsh; otherwise English, unless asked. */
export function defaultUi(lang: PackLang): Lang {
  return lang === "cy" ? "cy" : "en";
}

export const packPageUrl = (pack: PackAddress) => `/print${packSearch(pack)}`;
export const packPdfUrl = (pack: PackAddress) =>
  `/print/pack.pdf${packSearch(pack, { ui: false })}`;

/** A file name such as `support-pack-EX4-4-birth-en.pdf`. */
export function packFileName(pack: PackAddress): string {
  return `support-pack-${pack.postcode.replace(/\s+/g, "-")}-${pack.moment}-${pack.lang}.pdf`;
}
