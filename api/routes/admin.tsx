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
  fromSameSite,
  isHttps,
  LOGIN_COOKIE,
  render,
  requireCsrf,
  requireSession,
  SESSION_COOKIE,
  safeNext,
  setSessionCookie,
  UnreadableForm,
} from "../admin/http.js";
import {
  checkLoginToken,
  issueLoginToken,
  LOGIN_TOKEN_MAX_AGE_SECONDS,
} from "../admin/login-token.js";
import { verifyNothing, verifyPassword } from "../admin/password.js";
import { createSession, endSession, lookupSession } from "../admin/session.js";
import { adminState, loginSucceeded, takeLoginAttempt, waitMessage } from "../admin/state.js";
import { findUserByEmail, normalEmail } from "../admin/users.js";
import { LoginPage } from "../admin/views/login.js";
import { clientKey } from "../client-address.js";
import { adminAccountRoutes } from "./admin-accounts.js";
import { adminAuditRoutes } from "./admin-audit.js";
import { adminCsvRoutes } from "./admin-csv.js";
import { adminFeedReviewRoutes } from "./admin-feed-review.js";
import { adminFeedRoutes } from "./admin-feeds.js";
import { adminHomeRoutes } from "./admin-home.js";
import { adminListingRoutes } from "./admin-listings.js";
import { adminNotifyRoutes } from "./admin-notify.js";
import { adminQueueRoutes } from "./admin-queues.js";
import { adminSubmissionRoutes } from "./admin-submissions.js";

/** Console pages are private, never cached, never framed, and run only our own files. */
const consoleHeaders: MiddlewareHandler<AdminEnv> = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", CONSOLE_CSP);
  c.header("Referrer-Policy", "same-origin");
  if (!c.req.path.startsWith("/admin/assets/")) c.header("Cache-Control", "no-store");
};

async function loginForm(
  c: Parameters<MiddlewareHandler<AdminEnv>>[0],
  props: Omit<Parameters<typeof LoginPage>[0], "loginToken">,
  status: 200 | 400 | 401 | 403 | 422 | 429 = 200,
) {
  // Login CSRF: a token in the form and, in a cookie signed with the server's secret, the same
  // token; only this form, from this site, can send both.
  const deps = c.get("deps");
  const issued = await issueLoginToken(await adminState(deps).loginKey, deps.now().getTime());
  setCookie(c, LOGIN_COOKIE, issued.cookie, {
    path: "/admin/login",
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    maxAge: LOGIN_TOKEN_MAX_AGE_SECONDS,
  });
  return render(c, <LoginPage loginToken={issued.token} {...props} />, status);
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
    let body: Awaited<ReturnType<typeof formBody>>;
    try {
      body = await formBody(c);
    } catch (err) {
      if (!(err instanceof UnreadableForm)) throw err;
      const error = "We could not read the sign-in form. Please try again.";
      return loginForm(c, { next: "/admin", error }, 400);
    }
    const next = safeNext(field(body, "next"));
    const email = normalEmail(field(body, "email"));
    const password = field(body, "password");
    const state = adminState(deps);
    const cookie = getCookie(c, LOGIN_COOKIE) ?? "";
    const sent = field(body, "_login");
    if (
      !fromSameSite(c) ||
      !(await checkLoginToken(await state.loginKey, cookie, sent, now.getTime()))
    ) {
      return loginForm(
        c,
        { next, email, error: "The sign-in form expired. Please try again." },
        403,
      );
    }
    if (!email || !password) {
      return loginForm(c, { next, email, error: "Enter your email address and password." }, 422);
    }
    // Counted before the (slow) password check, so attempts in flight count against the limit.
    // The per-client request limit holds across Worker isolates; the windows, in this one.
    const ip = clientKey(c);
    const limiter = deps.limits?.login;
    const wait =
      limiter && !(await limiter.limit({ key: ip })).success
        ? (limiter.periodSeconds ?? 60) * 1000
        : takeLoginAttempt(state, email, ip, now.getTime());
    if (wait > 0) {
      c.header("Retry-After", String(Math.ceil(wait / 1000)));
      return loginForm(
        c,
        { next, email, error: `Too many attempts to sign in. ${waitMessage(wait)}` },
        429,
      );
    }
    const user = await findUserByEmail(deps.db, email);
    const ok =
      user && !user.disabled
        ? await verifyPassword(password, user.passwordHash)
        : await verifyNothing(password);
    if (!user || !ok || user.disabled) {
      return loginForm(
        c,
        { next, email, error: "The email address or password is not right." },
        401,
      );
    }
    loginSucceeded(state, email, ip, now.getTime());
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
  .route("/", adminNotifyRoutes)
  .route("/", adminSubmissionRoutes)
  .route("/", adminAuditRoutes)
  .route("/", adminCsvRoutes)
  .route("/", adminFeedRoutes)
  .route("/", adminFeedReviewRoutes);

function clearLoginCookie(c: Parameters<MiddlewareHandler<AdminEnv>>[0]) {
  setCookie(c, LOGIN_COOKIE, "", {
    path: "/admin/login",
    maxAge: 0,
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
  });
}
