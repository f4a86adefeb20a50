import { COVERAGE_CSS } from "./coverage-css.js";
import { PAGE_CSS } from "./page-css.js";
import { PRINT_CSS } from "./print-css.js";
import { PRINT_JS } from "./print-js.js";
import { REPORT_JS } from "./report-js.js";

/**
 * The pages' stylesheets and script, kept in modules (not files on disk) so that the same
 * build serves them on Node and on Workers. Pages link them with a content hash in the URL,
 * so they can be cached for a year and still change the moment they are edited.
 */

export interface PageAsset {
  body: string;
  type: string;
  /** A short hash of the body: part of the URL and the ETag. */
  hash: string;
}

/** FNV-1a, 32 bits: not for security, only to tell one version of a file from the next. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

const asset = (body: string, type: string): PageAsset => ({ body, type, hash: fnv1a(body) });

export const PAGE_ASSETS: Readonly<Record<string, PageAsset>> = {
  "page.css": asset(PAGE_CSS, "text/css; charset=utf-8"),
  "coverage.css": asset(COVERAGE_CSS, "text/css; charset=utf-8"),
  "print.css": asset(PRINT_CSS, "text/css; charset=utf-8"),
  "print.js": asset(PRINT_JS, "text/javascript; charset=utf-8"),
  "report.js": asset(REPORT_JS, "text/javascript; charset=utf-8"),
};

export type AssetName = "page.css" | "coverage.css" | "print.css" | "print.js" | "report.js";

/** `/assets/print.css?v=1a2b3c`: the versioned address of an asset. */
export function assetUrl(name: AssetName): string {
  return `/assets/${name}?v=${PAGE_ASSETS[name]!.hash}`;
}
