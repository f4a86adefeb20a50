/**
 * The console's stylesheet and script, served from /admin/assets/ so the pages can keep a
 * strict Content-Security-Policy (no inline scripts or styles). Kept as strings so the same
 * module serves them on Node and on Workers.
 */
import { CONSOLE_CSS } from "./assets/console-css.js";
import { CONSOLE_JS } from "./assets/console-js.js";

export const CONSOLE_CSS_PATH = "/admin/assets/console.css";
export const CONSOLE_JS_PATH = "/admin/assets/console.js";

export const ASSETS: Record<string, { type: string; body: string }> = {
  "console.css": { type: "text/css; charset=utf-8", body: CONSOLE_CSS },
  "console.js": { type: "text/javascript; charset=utf-8", body: CONSOLE_JS },
};

/** The policy for every console page: our own files only, no framing, forms post to us. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join("; ");
