import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../deps.js";
import { ifNoneMatch } from "../response-cache.js";

/**
 * The built widget (dist/widget, at /widget/) and the demo host pages (demo/, at /demo/) on the
 * Node server. Files are read on request with node:fs, loaded lazily so that this module still
 * bundles for Workers, where the platform serves these folders as static assets instead.
 */

const TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  map: "application/json; charset=utf-8",
  json: "application/json; charset=utf-8",
  html: "text/html; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  txt: "text/plain; charset=utf-8",
};

/** The strict policy the issue asks the strict-CSP demo page to be served with. */
export const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html",
].join("; ");

interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
}

/** Reads `relative` inside `folder` (relative to the repository root), or null if it is not there. */
async function readStatic(folder: string, relative: string): Promise<StaticFile | null> {
  // Plain names only: no "..", no hidden files, no backslashes, nothing percent-encoded.
  if (!/^[\w-][\w.-]*(\/[\w-][\w.-]*)*$/.test(relative)) return null;
  try {
    const { readFile, stat } = await import("node:fs/promises");
    const url = new URL(`../../${folder}/${relative}`, import.meta.url);
    const info = await stat(url);
    if (!info.isFile()) return null;
    const body = Uint8Array.from(await readFile(url));
    return { body, etag: `"${info.size.toString(36)}-${Math.trunc(info.mtimeMs).toString(36)}"` };
  } catch {
    return null;
  }
}

function typeOf(path: string): string {
  return TYPES[path.slice(path.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

async function send(
  c: Context<AppEnv>,
  folder: string,
  relative: string,
  headers: Record<string, string>,
) {
  const file = await readStatic(folder, relative);
  if (!file) return c.notFound();
  for (const [name, value] of Object.entries(headers)) c.header(name, value);
  c.header("ETag", file.etag);
  if (ifNoneMatch(c.req.header("If-None-Match"), file.etag)) return c.body(null, 304);
  c.header("Content-Type", typeOf(relative));
  return c.body(file.body, 200);
}

/** Versioned and content-hashed files never change; the unversioned ones are kept briefly. */
function widgetCache(path: string): string {
  const immutable =
    /-\d+\.\d+\.\d+(?:\.iife)?\.js(?:\.map)?$/.test(path) || path.startsWith("chunks/");
  return immutable
    ? "public, max-age=31536000, immutable"
    : "public, max-age=300, stale-while-revalidate=3600";
}

export const staticRoutes = new Hono<AppEnv>()
  .get("/widget/*", (c) => {
    const path = c.req.path.slice("/widget/".length);
    // Host pages load the module script cross-origin, so it needs CORS, as do its chunks.
    return send(c, "dist/widget", path, {
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": widgetCache(path),
    });
  })
  .get("/demo", (c) => c.redirect("/demo/", 301))
  .get("/demo/*", (c) => {
    const path = c.req.path.slice("/demo/".length) || "index.html";
    const headers: Record<string, string> = { "Cache-Control": "no-cache" };
    if (path === "strict-csp.html") headers["Content-Security-Policy"] = STRICT_CSP;
    return send(c, "demo", path, headers);
  });
