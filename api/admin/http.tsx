/**
 * The console's HTTP plumbing: the session cookie, the CSRF check, role checks, and rendering.
 * Every console route runs requireSession then requireCsrf; pages then ask roles.ts.
 */
import type { Context, MiddlewareHandler } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv, Deps } from "../deps.js";
import { ApiError } from "../errors.js";
import { originFor } from "../print/links.js";
import type { FormBody } from "./listing-form.js";
import { type Capability, can } from "./roles.js";
import { type ActiveSession, lookupSession } from "./session.js";
import { safeEqual } from "./tokens.js";
import { ErrorPage } from "./views/error-page.js";

export type AdminEnv = { Variables: AppEnv["Variables"] & { session: ActiveSession } };
export type AdminContext = Context<AdminEnv>;

export const SESSION_COOKIE = "signpost_session";
export const LOGIN_COOKIE = "signpost_login";

/** Secure cookies when the page is served over HTTPS, directly or behind a TLS proxy we know of. */
export function isHttps(c: Context): boolean {
  const deps = c.get("deps") as Deps;
  return new URL(c.req.url).protocol === "https:" || (deps.publicOrigin ?? "").startsWith("https:");
}

export function setSessionCookie(c: Context, token: string, maxAgeSeconds: number) {
  setCookie(c, SESSION_COOKIE, token, {
    path: "/admin",
    httpOnly: true,
    sameSite: "Lax",
    secure: isHttps(c),
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: "/admin", secure: isHttps(c) });
}

/**
 * The origin links in mail start with: PUBLIC_ORIGIN (required once mail is sent), else in
 * development this request's own, if its Host is one we trust, so a forged Host header can never
 * point a password link at another site.
 */
export const linkOrigin = (c: Context) => originFor(c.get("deps") as Deps, c.req.url);

export function render(c: Context, node: JSX.Element, status: ContentfulStatusCode = 200) {
  return c.html(html`<!doctype html>${node}`, status);
}

/** A console path: printable ASCII without `#` or `\` (no spaces, no CR, LF or NUL). */
const NEXT_PATH = /^\/admin(?:[/?][\x21-\x22\x24-\x5b\x5d-\x7e]*)?$/;
/** A place on the page (`#reports-title`): an element id as the console writes them. */
const NEXT_PLACE = /^#[A-Za-z][\w.:-]{0,99}$/;

/**
 * Where to go back to after signing in: console paths only, never another site, so it is always
 * a safe Location header. It may end with a place on the page (a mail's link to
 * `/admin/listings/ID#reports-title`), carried by console.js since browsers never send it: an
 * element id only, or it is dropped and the page kept.
 */
export function safeNext(next: string | undefined | null): string {
  const text = next ?? "";
  const at = text.indexOf("#");
  const path = at < 0 ? text : text.slice(0, at);
  if (!NEXT_PATH.test(path)) return "/admin";
  const place = at < 0 ? "" : text.slice(at);
  return NEXT_PLACE.test(place) ? path + place : path;
}

/** Loads the session; without one, GETs go to the sign-in page and other requests are refused. */
export const requireSession: MiddlewareHandler<AdminEnv> = async (c, next) => {
  const deps = c.get("deps");
  const found = await lookupSession(deps.db, getCookie(c, SESSION_COOKIE) ?? "", deps.now());
  if (found.kind !== "active") {
    if (found.kind === "expired") clearSessionCookie(c);
    const url = new URL(c.req.url);
    const back = c.req.method === "GET" ? `${url.pathname}${url.search}` : "/admin";
    const params = new URLSearchParams({ next: back });
    if (found.kind === "expired") params.set("expired", "1");
    return c.redirect(`/admin/login?${params}`, 303);
  }
  c.set("session", found.session);
  await next();
};

/** A posted body that says it is a form but cannot be read as one (a broken multipart body). */
export class UnreadableForm extends ApiError {
  constructor() {
    super(
      400,
      "invalid_form",
      "We could not read this form. Go back, reload the page and try again.",
    );
  }
}

/** Reads a posted form once (Hono caches it), keeping repeated names as arrays. */
export async function formBody(c: Context): Promise<FormBody> {
  const type = c.req.header("content-type") ?? "";
  if (
    !type.startsWith("application/x-www-form-urlencoded") &&
    !type.startsWith("multipart/form-data")
  ) {
    return {};
  }
  try {
    return (await c.req.parseBody({ all: true })) as FormBody;
  } catch {
    throw new UnreadableForm();
  }
}

/** Not sent by another site: Sec-Fetch-Site and Origin, where the browser sends them, agree. */
export function fromSameSite(c: Context): boolean {
  const origin = c.req.header("origin");
  const site = c.req.header("sec-fetch-site");
  if (site === "cross-site") return false;
  // A page with `Referrer-Policy: no-referrer` (mail-link pages) makes the browser send
  // `Origin: null`; its own Sec-Fetch-Site then says where the form came from.
  if (origin === "null") return site === "same-origin";
  return !origin || origin === new URL(c.req.url).origin || origin === c.get("deps").publicOrigin;
}

export const field = (body: FormBody, name: string): string => {
  const v = body[name];
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === "string" ? x : "";
};

/**
 * Every state-changing request carries the session's CSRF token in the form. Requests from
 * another origin are refused even before that (Origin / Sec-Fetch-Site), as a second layer.
 */
export const requireCsrf: MiddlewareHandler<AdminEnv> = async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const { user, csrfToken } = c.get("session");
  const refuse = (title: string, message: string, status: 400 | 403) =>
    render(c, <ErrorPage title={title} user={user} csrf={csrfToken} message={message} />, status);
  let body: FormBody;
  try {
    body = await formBody(c);
  } catch (err) {
    if (!(err instanceof UnreadableForm)) throw err;
    return refuse(
      "We could not read this form",
      "The form arrived damaged. Go back, reload the page and try again. Nothing was changed.",
      400,
    );
  }
  const sent = field(body, "_csrf") || c.req.header("x-csrf-token") || "";
  if (!fromSameSite(c) || !sent || !safeEqual(sent, csrfToken)) {
    return refuse(
      "This form has expired",
      "For your security we could not accept this form. Go back, reload the page and try again. Nothing was changed.",
      403,
    );
  }
  await next();
};

export function forbidden(c: AdminContext) {
  const { user, csrfToken } = c.get("session");
  return render(
    c,
    <ErrorPage
      title="You cannot do this"
      user={user}
      csrf={csrfToken}
      message="Your account does not have permission for this page or action. Ask an admin if you need it."
    />,
    403,
  );
}

export function notFoundPage(c: AdminContext, what = "page") {
  const { user, csrfToken } = c.get("session");
  return render(
    c,
    <ErrorPage
      title={`No such ${what}`}
      user={user}
      csrf={csrfToken}
      message={`We could not find this ${what}, or your account cannot see it.`}
    />,
    404,
  );
}

/** Refuses with 403 unless the user's role has the capability. */
export const requireCapability =
  (capability: Capability): MiddlewareHandler<AdminEnv> =>
  async (c, next) => {
    if (!can(c.get("session").user, capability)) return forbidden(c);
    await next();
  };
