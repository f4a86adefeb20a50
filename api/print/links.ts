import type { Lang, Stage } from "../../schema/taxonomy.js";
import type { Moment, PackLang } from "../domain/pack.js";

/**
 * Absolute links printed as QR codes, and the canonical addresses of packs. Only a postcode
 * sector (or district) ever goes into them, never a full postcode.
 */

/** Which hosts may shape absolute links when no public origin is configured (Node). */
export interface LinkHosts {
  /** Host names, or `host:port`, trusted in a request's Host header. */
  allowed: readonly string[];
  /** The origin links use when the request's host is not allowed: the server's own address. */
  fallback: string;
}

/**
 * The origin of absolute links (QR codes, share links, PDF links): the configured public
 * origin; else the request's own origin if its host is allowed (or no allow-list is given, as
 * on Workers, where the platform routes only the hosts configured for the Worker); else the
 * fallback. A request's Host header alone can never point a printed QR code at another site.
 */
export function originFor(
  settings: { publicOrigin?: string | undefined; linkHosts?: LinkHosts | undefined },
  requestUrl: string,
): string {
  if (settings.publicOrigin) {
    try {
      return new URL(settings.publicOrigin).origin;
    } catch {
      // A malformed setting falls back to what follows rather than printing junk.
    }
  }
  const request = new URL(requestUrl);
  const hosts = settings.linkHosts;
  if (!hosts) return request.origin;
  const allowed = hosts.allowed.map((h) => h.toLowerCase());
  const host = request.host.toLowerCase();
  const name = request.hostname.toLowerCase();
  return allowed.includes(host) || allowed.includes(name) ? request.origin : hosts.fallback;
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
  /** Listings put in by the person printing, in place of lower-ranked ones. */
  add?: readonly string[] | undefined;
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
  if (pack.add && pack.add.length > 0) query.set("add", [...pack.add].sort().join(","));
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
