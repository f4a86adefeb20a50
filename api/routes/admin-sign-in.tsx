/**
 * The console's doors, open without a session: sign-in (with its optional second step),
 * password reset by email, and the page an invitation or reset link opens.
 *
 * Each form carries a token that a signed, short-lived cookie repeats (login CSRF, see
 * login-token.ts). A password-reset request answers the same whether or not the address has
 * an account, and does its work (finding the account, writing and sending the mail) after the
 * answer, so the time it takes says nothing either.
 */
import { Hono } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import type { JSX } from "hono/jsx/jsx-runtime";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { checkAccountLink, sendAccountLink, useAccountLink } from "../admin/account-links.js";
import { audit } from "../admin/audit.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  formBody,
  fromSameSite,
  isHttps,
  LOGIN_COOKIE,
  linkOrigin,
  render,
  SESSION_COOKIE,
  safeNext,
  setSessionCookie,
  UnreadableForm,
} from "../admin/http.js";
import type { FormBody } from "../admin/listing-form.js";
import {
  checkLoginToken,
  issueLoginToken,
  LOGIN_TOKEN_MAX_AGE_SECONDS,
  readSignedValue,
  signValue,
} from "../admin/login-token.js";
import { passwordProblem, verifyNothing, verifyPassword } from "../admin/password.js";
import { createSession, lookupSession } from "../admin/session.js";
import { adminState, loginSucceeded, takeLoginAttempt, waitMessage } from "../admin/state.js";
import { passSecondFactor } from "../admin/two-factor.js";
import { findUserByEmail, normalEmail } from "../admin/users.js";
import { LoginPage } from "../admin/views/login.js";
import {
  LinkUnusablePage,
  ResetRequestPage,
  SetPasswordPage,
  TwoFactorLoginPage,
} from "../admin/views/password.js";
import { clientKey } from "../client-address.js";
import { errorFields } from "../logger.js";

/** Holds "password right, second factor to come" for this long. */
const TWO_FACTOR_COOKIE = "signpost_2fa";
const TWO_FACTOR_MAX_AGE_SECONDS = 5 * 60;

type Status = ContentfulStatusCode;

/** A public form with its login-CSRF token, the cookie half scoped to the form's own path. */
async function publicForm(
  c: AdminContext,
  path: string,
  page: (token: string) => JSX.Element,
  status: Status = 200,
) {
  const deps = c.get("deps");
  const issued = await issueLoginToken(await adminState(deps).loginKey, deps.now().getTime());
  setCookie(c, LOGIN_COOKIE, issued.cookie, {
    path,
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
    maxAge: LOGIN_TOKEN_MAX_AGE_SECONDS,
  });
  return render(c, page(issued.token), status);
}

/** Whether a public form came from our page, as publicForm issued it. */
async function genuineForm(c: AdminContext, body: FormBody): Promise<boolean> {
  const deps = c.get("deps");
  const cookie = getCookie(c, LOGIN_COOKIE) ?? "";
  return (
    fromSameSite(c) &&
    (await checkLoginToken(
      await adminState(deps).loginKey,
      cookie,
      field(body, "_login"),
      deps.now().getTime(),
    ))
  );
}

function clearCookie(c: AdminContext, name: string, path: string) {
  setCookie(c, name, "", {
    path,
    maxAge: 0,
    httpOnly: true,
    sameSite: "Strict",
    secure: isHttps(c),
  });
}

const loginForm = (
  c: AdminContext,
  props: Omit<Parameters<typeof LoginPage>[0], "loginToken">,
  status: Status = 200,
) => publicForm(c, "/admin/login", (t) => <LoginPage loginToken={t} {...props} />, status);

async function readForm(c: AdminContext): Promise<FormBody | null> {
  try {
    return await formBody(c);
  } catch (err) {
    if (err instanceof UnreadableForm) return null;
    throw err;
  }
}

/** The session starts: audited, cookie set, the halfway cookies gone. */
async function signIn(c: AdminContext, userId: string, next: string) {
  const deps = c.get("deps");
  const now = deps.now();
  const session = await createSession(deps.db, userId, now);
  await audit(deps.db, now, {
    userId,
    action: "session.login",
    entity: "user",
    entityId: userId,
  });
  setSessionCookie(c, session.token, session.maxAgeSeconds);
  clearCookie(c, LOGIN_COOKIE, "/admin/login");
  clearCookie(c, TWO_FACTOR_COOKIE, "/admin/login");
  return c.redirect(next, 303);
}

/** Work that must not hold up (or time) the answer: waitUntil on Workers, on Node it runs on. */
function afterAnswer(c: AdminContext, work: Promise<unknown>) {
  const logged = work.catch((err: unknown) =>
    c.get("deps").logger.error("account mail not written", errorFields(err)),
  );
  try {
    c.executionCtx.waitUntil(logged);
  } catch {
    void logged;
  }
}

export const signInRoutes = new Hono<AdminEnv>()
  .get("/login", async (c) => {
    const deps = c.get("deps");
    const next = safeNext(c.req.query("next"));
    const found = await lookupSession(deps.db, getCookie(c, SESSION_COOKIE) ?? "", deps.now());
    if (found.kind === "active") return c.redirect(next, 303);
    return loginForm(c, {
      next,
      expired: c.req.query("expired") === "1",
      signedOut: c.req.query("signedout") === "1",
      passwordSet: c.req.query("password") === "set",
    });
  })
  .post("/login", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const body = await readForm(c);
    if (!body) {
      const error = "We could not read the sign-in form. Please try again.";
      return loginForm(c, { next: "/admin", error }, 400);
    }
    const next = safeNext(field(body, "next"));
    const email = normalEmail(field(body, "email"));
    const password = field(body, "password");
    const state = adminState(deps);
    if (!(await genuineForm(c, body))) {
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
    if (!user.totpEnabledAt) return signIn(c, user.id, next);
    // The password was right; the session waits for the second factor.
    const halfway = await signValue(await state.loginKey, "2fa", user.id, now.getTime());
    setCookie(c, TWO_FACTOR_COOKIE, halfway, {
      path: "/admin/login",
      httpOnly: true,
      sameSite: "Strict",
      secure: isHttps(c),
      maxAge: TWO_FACTOR_MAX_AGE_SECONDS,
    });
    clearCookie(c, LOGIN_COOKIE, "/admin/login");
    return render(c, <TwoFactorLoginPage next={next} />);
  })
  .post("/login/two-factor", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const state = adminState(deps);
    const body = (await readForm(c)) ?? {};
    const next = safeNext(field(body, "next"));
    const userId =
      fromSameSite(c) &&
      (await readSignedValue(
        await state.loginKey,
        "2fa",
        getCookie(c, TWO_FACTOR_COOKIE) ?? "",
        now.getTime(),
        TWO_FACTOR_MAX_AGE_SECONDS * 1000,
      ));
    if (!userId) {
      return loginForm(
        c,
        { next, error: "Signing in took too long. Enter your email address and password again." },
        403,
      );
    }
    const wait = state.twoFactorByUser.take(userId, now.getTime());
    if (wait > 0) {
      c.header("Retry-After", String(Math.ceil(wait / 1000)));
      const error = `Too many codes tried. ${waitMessage(wait)}`;
      return render(c, <TwoFactorLoginPage next={next} error={error} />, 429);
    }
    const code = field(body, "code").trim();
    const passed = code ? await passSecondFactor(deps.db, now, userId, code) : null;
    if (!passed) {
      const error = code
        ? "That code is not right, or was used already. Enter the code the app shows now."
        : "Enter the six-digit code from your authenticator app.";
      return render(c, <TwoFactorLoginPage next={next} error={error} />, code ? 401 : 422);
    }
    state.twoFactorByUser.reset(userId);
    return signIn(c, userId, next);
  })
  .get("/password-reset", (c) =>
    publicForm(c, "/admin/password-reset", (t) => <ResetRequestPage formToken={t} />),
  )
  .post("/password-reset", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const state = adminState(deps);
    const body = (await readForm(c)) ?? {};
    const email = normalEmail(field(body, "email")).slice(0, 320);
    const again = (props: Omit<Parameters<typeof ResetRequestPage>[0], "formToken">, s: Status) =>
      publicForm(
        c,
        "/admin/password-reset",
        (t) => <ResetRequestPage formToken={t} {...props} />,
        s,
      );
    if (!(await genuineForm(c, body))) {
      return again({ email, error: "The form expired. Please try again." }, 403);
    }
    if (!/^[^\s@]+@[^\s@]+$/.test(email)) {
      return again({ email, error: "Enter an email address, like name@example.org" }, 422);
    }
    const ip = clientKey(c);
    const limiter = deps.limits?.login;
    const wait =
      limiter && !(await limiter.limit({ key: ip })).success
        ? (limiter.periodSeconds ?? 60) * 1000
        : state.resetByIp.take(ip, now.getTime());
    if (wait > 0) {
      c.header("Retry-After", String(Math.ceil(wait / 1000)));
      return again({ email, error: `Too many requests. ${waitMessage(wait)}` }, 429);
    }
    // Beyond a few links an hour for one address, nothing more is sent; the answer is the same.
    if (state.resetByAccount.take(email, now.getTime()) === 0) {
      const origin = linkOrigin(c);
      afterAnswer(
        c,
        findUserByEmail(deps.db, email).then((user) =>
          user && !user.disabled
            ? sendAccountLink(deps.db, now, {
                purpose: "password-reset",
                user,
                origin,
                actorId: null,
                mail: deps.mail,
              })
            : null,
        ),
      );
    }
    return again({ email, sent: true }, 200);
  })
  .get("/set-password", async (c) => {
    const deps = c.get("deps");
    const token = c.req.query("token") ?? "";
    const holder = await checkAccountLink(deps.db, token, deps.now());
    if (!holder) return render(c, <LinkUnusablePage />, 410);
    return render(
      c,
      <SetPasswordPage
        token={token}
        purpose={holder.purpose}
        email={holder.user.email}
        errors={{}}
      />,
    );
  })
  .post("/set-password", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const body = (await readForm(c)) ?? {};
    const token = field(body, "token");
    // The token in the form is the proof; a form posted from another site is refused as well.
    const holder = fromSameSite(c) ? await checkAccountLink(deps.db, token, now) : null;
    if (!holder) return render(c, <LinkUnusablePage />, 410);
    const password = field(body, "password");
    const errors: Record<string, string> = {};
    const weak = passwordProblem(password, holder.user.email);
    if (weak) errors.password = weak;
    else if (password !== field(body, "confirm"))
      errors.confirm = "The two passwords are not the same.";
    if (Object.keys(errors).length > 0) {
      const page = (
        <SetPasswordPage
          token={token}
          purpose={holder.purpose}
          email={holder.user.email}
          errors={errors}
        />
      );
      return render(c, page, 422);
    }
    if (!(await useAccountLink(deps.db, now, holder, password))) {
      return render(c, <LinkUnusablePage />, 410);
    }
    return c.redirect("/admin/login?password=set", 303);
  });
