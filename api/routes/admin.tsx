/**
 * The curation console at /admin: sign-in and sign-out here, the rest in the admin-*.tsx route
 * files. Every page is server-rendered, works without JavaScript, and checks the session, the
 * CSRF token (on writes) and the user's role on every request.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { getCookie, setCookie } from "hono/cookie";
import { ASSETS, CONSOLE_CSP } from "../admin/assets.js";
import { audit } from "../admin/audit.js";
import {
  type AdminEnv,
  clearSessionCookie,
  field,
  formBody,
  isHttps,
  LOGIN_COOKIE,
  render,
  requireCsrf,
  requireSession,
  SESSION_COOKIE,
  safeNext,
  setSessionCookie,
} from "../admin/http.js";
import { verifyNothing, verifyPassword } from "../admin/password.js";
import { createSession, endSession, lookupSession } from "../admin/session.js";
import { adminState } from "../admin/state.js";
import { randomToken, safeEqual } from "../admin/tokens.js";
import { findUserByEmail, normalEmail } from "../admin/users.js";
import { LoginPage } from "../admin/views/login.js";
import { clientAddress } from "../rate-limit.js";
import { adminAccountRoutes } from "./admin-accounts.js";
import { adminAuditRoutes } from "./admin-audit.js";
import { adminCsvRoutes } from "./admin-csv.js";
import { adminHomeRoutes } from "./admin-home.js";
import { adminListingRoutes } from "./admin-listings.js";
import { adminQueueRoutes } from "./admin-queues.js";

/** Console pages are private, never cached, never framed, and run only our own files. */
const consoleHeaders: MiddlewareHandler<AdminEnv> = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", CONSOLE_CSP);
  c.header("Referrer-Policy", "same-origin");
  if (!c.req.path.startsWith("/admin/assets/")) c.header("Cache-Control", "no-store");
};

function loginForm(
  c: Parameters<MiddlewareHandler<AdminEnv>>[0],
  props: Omit<Parameters<typeof LoginPage>[0], "loginToken">,
  status: 200 | 401 | 403 | 422 | 429 = 200,
) {
  // Login CSRF: a token in a cookie that only this form, from this site, can echo back.
  const loginToken = randomToken();
  setCookie(c, LOGIN_COOKIE, loginToken, {
    path: "/admin/login",
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    maxAge: 2 * 60 * 60,
  });
  return render(c, <LoginPage loginToken={loginToken} {...props} />, status);
}

/** Forms are small; an import file is at most 2 MB. Larger bodies are refused before parsing. */
const MAX_BODY = 3 * 1024 * 1024;

export const adminRoutes = new Hono<AdminEnv>()
  .use("*", consoleHeaders)
  .use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) => c.text("This request is too large. Import files may be at most 2 MB.", 413),
    }),
  )
  .get("/assets/:file", (c) => {
    const asset = ASSETS[c.req.param("file")];
    if (!asset) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(asset.body, 200, { "Content-Type": asset.type });
  })
  .get("/login", async (c) => {
    const deps = c.get("deps");
    const next = safeNext(c.req.query("next"));
    const found = await lookupSession(deps.db, getCookie(c, SESSION_COOKIE) ?? "", deps.now());
    if (found.kind === "active") return c.redirect(next, 303);
    return loginForm(c, {
      next,
      expired: c.req.query("expired") === "1",
      signedOut: c.req.query("signedout") === "1",
    });
  })
  .post("/login", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const body = await formBody(c);
    const next = safeNext(field(body, "next"));
    const email = normalEmail(field(body, "email"));
    const password = field(body, "password");
    const cookie = getCookie(c, LOGIN_COOKIE) ?? "";
    const sent = field(body, "_login");
    if (!cookie || !sent || !safeEqual(cookie, sent)) {
      return loginForm(
        c,
        { next, email, error: "The sign-in form expired. Please try again." },
        403,
      );
    }
    if (!email || !password) {
      return loginForm(c, { next, email, error: "Enter your email address and password." }, 422);
    }
    const state = adminState(deps);
    const ip = clientAddress(c);
    const wait = Math.max(
      state.loginByAccount.retryAfter(email, now.getTime()),
      state.loginByIp.retryAfter(ip, now.getTime()),
    );
    if (wait > 0) {
      const minutes = Math.ceil(wait / 60_000);
      c.header("Retry-After", String(Math.ceil(wait / 1000)));
      return loginForm(
        c,
        {
          next,
          email,
          error: `Too many attempts to sign in. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
        },
        429,
      );
    }
    const user = await findUserByEmail(deps.db, email);
    const ok =
      user && !user.disabled
        ? await verifyPassword(password, user.passwordHash)
        : await verifyNothing(password);
    if (!user || !ok || user.disabled) {
      state.loginByAccount.record(email, now.getTime());
      state.loginByIp.record(ip, now.getTime());
      return loginForm(
        c,
        { next, email, error: "The email address or password is not right." },
        401,
      );
    }
    state.loginByAccount.reset(email);
    const session = await createSession(deps.db, user.id, now);
    await audit(deps.db, now, {
      userId: user.id,
      action: "session.login",
      entity: "user",
      entityId: user.id,
    });
    setSessionCookie(c, session.token, session.maxAgeSeconds);
    clearLoginCookie(c);
    return c.redirect(next, 303);
  })
  .use("*", requireSession, requireCsrf)
  .post("/logout", async (c) => {
    const deps = c.get("deps");
    const { id, user } = c.get("session");
    await endSession(deps.db, id);
    await audit(deps.db, deps.now(), {
      userId: user.id,
      action: "session.logout",
      entity: "user",
      entityId: user.id,
    });
    clearSessionCookie(c);
    return c.redirect("/admin/login?signedout=1", 303);
  })
  .route("/", adminHomeRoutes)
  .route("/listings", adminListingRoutes)
  .route("/", adminQueueRoutes)
  .route("/", adminAccountRoutes)
  .route("/", adminAuditRoutes)
  .route("/", adminCsvRoutes);

function clearLoginCookie(c: Parameters<MiddlewareHandler<AdminEnv>>[0]) {
  setCookie(c, LOGIN_COOKIE, "", {
    path: "/admin/login",
    maxAge: 0,
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
  });
}
