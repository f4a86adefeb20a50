/**
 * How failures are answered. API clients get the one JSON envelope; a person (a page or link
 * opened in a browser, or a plain HTML form posted without JavaScript) gets an HTML page with
 * the same status, message and request id: the console's frame under /admin, the public
 * pages' frame elsewhere. Logs carry the error's name and code and the request id, never its
 * message: a failed query's message holds the SQL and its parameters.
 */
import type { Context } from "hono";
import { routePath } from "hono/route";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { render } from "./admin/http.js";
import { ErrorPage } from "./admin/views/error-page.js";
import { isDatabaseUnavailable } from "./db/timed-fetch.js";
import type { AppEnv } from "./deps.js";
import { ApiError } from "./errors.js";
import { errorFields } from "./logger.js";
import { PublicErrorPage } from "./pages/error-page.js";
import { sendPage } from "./pages/layout.js";

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];

/** A browser navigating to a page, or posting a plain form: it shows what it gets. */
export function wantsHtml(c: Context<AppEnv>): boolean {
  if (!(c.req.header("accept") ?? "").includes("text/html")) return false;
  if (c.req.method === "GET" || c.req.method === "HEAD") return !c.req.path.startsWith("/api/");
  const type = c.req.header("content-type") ?? "";
  return FORM_TYPES.some((t) => type.startsWith(t));
}

/** Answers an error in the form the client can use. */
export function sendError(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  code: string,
  message: string,
): Response | Promise<Response> {
  const requestId = c.get("requestId") ?? crypto.randomUUID();
  if (!wantsHtml(c)) return c.json({ error: { code, message, requestId } }, status);
  if (c.req.path === "/admin" || c.req.path.startsWith("/admin/")) {
    const title = status === 404 ? "No such page" : "This did not work";
    return render(
      c,
      <ErrorPage title={title} message={`${message} (Ref: ${requestId})`} />,
      status,
    );
  }
  const lang = c.req.query("lang") === "cy" || c.req.query("ui") === "cy" ? "cy" : "en";
  const page = (
    <PublicErrorPage lang={lang} status={status} message={message} requestId={requestId} />
  );
  return sendPage(c, page, status);
}

export const notFoundResponse = (c: Context<AppEnv>) =>
  sendError(
    c,
    404,
    "not_found",
    "There is nothing at this address. The link may be wrong or out of date.",
  );

export function errorResponse(err: Error, c: Context<AppEnv>): Response | Promise<Response> {
  const { logger } = c.get("deps");
  const requestId = c.get("requestId");
  if (err instanceof ApiError) return sendError(c, err.status, err.code, err.message);
  if (isDatabaseUnavailable(err)) {
    logger.warn("database unavailable", {
      requestId,
      route: routePath(c, -1),
      ...errorFields(err),
    });
    c.header("Retry-After", "5");
    return sendError(
      c,
      503,
      "service_unavailable",
      "The directory is briefly unavailable. Please try again in a moment.",
    );
  }
  logger.error("unhandled error", { requestId, route: routePath(c, -1), ...errorFields(err) });
  return sendError(
    c,
    500,
    "internal_error",
    "Something went wrong on our side. Please try again shortly.",
  );
}
