/**
 * Sign-in and password checks against bad input and forged tokens (audit findings 1, 8 and 13):
 * the current-password check is throttled, broken forms and unsafe `next` values give 400 or a
 * safe redirect (never a 500 or an injected header), and the login cookie must carry our
 * signature.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_TOKEN_MAX_AGE_SECONDS } from "../../../api/admin/login-token.js";
import { LOGIN_LIMITS } from "../../../api/admin/state.js";
import { createApp } from "../../../api/app.js";
import { MemoryRateLimiter } from "../../../api/rate-limit.js";
import { type Console, formBody, login, openConsole, PASSWORD } from "./helpers.js";

const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
const tokenOf = async (res: Response) =>
  /name="_login" value="([^"]+)"/.exec(await res.text())?.[1] ?? "";
const BROKEN_MULTIPART = "multipart/form-data; boundary=----x";

describe("sign-in hardening", () => {
  let con: Console;
  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  /** Posts the sign-in form with the given cookie and fields, from its own address. */
  const postLogin = (cookie: string, fields: Record<string, string>, n: number) =>
    con.app.request("/admin/login", {
      method: "POST",
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "cf-connecting-ip": `198.51.100.${n}`,
      },
      body: formBody({ email: "admin@example.org", password: PASSWORD, next: "/admin", ...fields }),
    });

  it("throttles the current-password check when changing a password, counting checks in flight", async () => {
    const agent = await con.as("reviewer2");
    const change = (current: string) =>
      agent.post("/admin/account/password", {
        current,
        password: "another long new passphrase",
        confirm: "another long new passphrase",
      });
    const tries = Array.from({ length: 8 }, (_, i) => change(`guess ${i}`));
    const statuses = (await Promise.all(tries)).map((r) => r.status);
    expect(statuses.filter((s) => s === 422)).toHaveLength(LOGIN_LIMITS.passwordCheck.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(8 - LOGIN_LIMITS.passwordCheck.limit);
    const blocked = await change(PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Too many tries of your current password");
    con.clock.advance(LOGIN_LIMITS.passwordCheck.windowMs + 1000);
    expect((await change(PASSWORD)).status).toBe(303);
  }, 60_000);

  it("answers a broken multipart sign-in form with 400 and a fresh form, not a 500", async () => {
    const page = await con.app.request("/admin/login");
    const res = await con.app.request("/admin/login", {
      method: "POST",
      headers: { cookie: cookieOf(page), "content-type": BROKEN_MULTIPART },
      body: "------x\r\nnot a part at all",
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("text/html");
    const html = await res.text();
    expect(html).toContain("We could not read the sign-in form");
    expect(html).toContain('name="_login"');
  });

  it("answers a broken multipart console form with a 400 page and changes nothing", async () => {
    const admin = await con.as("admin");
    const res = await con.app.request("/admin/organisations", {
      method: "POST",
      headers: { cookie: admin.cookie, "content-type": BROKEN_MULTIPART },
      body: `------x\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${admin.csrf}`,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("We could not read this form");
  });

  it.each([
    ["CR LF", "/admin/%0d%0aX-Injected:1"],
    ["LF", "/admin/%0aX-Injected:1"],
    ["NUL", "/admin/%00x"],
    ["a space", "/admin/a%20b"],
    ["non-ASCII", "/admin/%C3%A9"],
  ])("ignores a next address with %s: the sign-in form keeps /admin", async (_, next) => {
    const page = await con.app.request(`/admin/login?next=${next}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="next" value="/admin"');
    const admin = await con.as("admin");
    const signedIn = await con.app.request(`/admin/login?next=${next}`, {
      headers: { cookie: admin.cookie },
    });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/admin");
    expect(signedIn.headers.get("x-injected")).toBeNull();
  });

  it("sends a posted next address with CR and LF to /admin after signing in", async () => {
    const page = await con.app.request("/admin/login");
    const cookie = cookieOf(page);
    const res = await postLogin(
      cookie,
      { _login: await tokenOf(page), next: "/admin/\r\nX-Injected: 1" },
      10,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin");
    expect(res.headers.get("x-injected")).toBeNull();
  });

  it("keeps a next address that is a plain console path", async () => {
    const page = await con.app.request("/admin/login?next=/admin/listings%3Fq%3Dbumps");
    const res = await postLogin(
      cookieOf(page),
      { _login: await tokenOf(page), next: "/admin/listings?q=bumps" },
      11,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/listings?q=bumps");
  });

  it("signs the login cookie: an unsigned or forged cookie with a matching form token is refused", async () => {
    const token = "t".repeat(43);
    const issued = con.clock.now.getTime();
    for (const [name, value] of [
      ["unsigned double-submit", token],
      ["made-up signature", `${token}.${issued}.${"A".repeat(43)}`],
      ["no time", `${token}..${"A".repeat(43)}`],
    ] as const) {
      const res = await postLogin(`signpost_login=${value}`, { _login: token }, 12);
      expect(res.status, name).toBe(403);
      expect(res.headers.get("set-cookie") ?? "", name).not.toContain("signpost_session=");
    }
  });

  it("refuses a login cookie signed with another server's secret", async () => {
    const other = createApp({ ...con.deps, sessionSecret: "another server's secret, 32 chars+" });
    const page = await other.request("/admin/login");
    const res = await postLogin(cookieOf(page), { _login: await tokenOf(page) }, 13);
    expect(res.status).toBe(403);
  });

  it("refuses a sign-in form older than its lifetime, and a form token from another form", async () => {
    const old = await con.app.request("/admin/login");
    const oldToken = await tokenOf(old);
    const fresh = await con.app.request("/admin/login");
    const mixed = await postLogin(cookieOf(fresh), { _login: oldToken }, 14);
    expect(mixed.status).toBe(403);
    con.clock.advance(LOGIN_TOKEN_MAX_AGE_SECONDS * 1000 + 1000);
    const expired = await postLogin(cookieOf(old), { _login: oldToken }, 15);
    expect(expired.status).toBe(403);
    expect(await expired.text()).toContain("The sign-in form expired");
  });

  it("refuses a sign-in posted from another site even with a good token", async () => {
    const page = await con.app.request("/admin/login");
    const res = await con.app.request("/admin/login", {
      method: "POST",
      headers: {
        cookie: cookieOf(page),
        origin: "https://evil.example",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: formBody({
        _login: await tokenOf(page),
        email: "admin@example.org",
        password: PASSWORD,
      }),
    });
    expect(res.status).toBe(403);
    // The same form from this site signs in.
    expect(
      (await login(con.app, "admin@example.org", PASSWORD, { "cf-connecting-ip": "198.51.100.16" }))
        .status,
    ).toBe(303);
  });

  it("limits sign-in posts per client before any password is checked, with the sign-in form", async () => {
    const app = createApp({ ...con.deps, limits: { login: new MemoryRateLimiter(2, 60) } });
    const headers = { "cf-connecting-ip": "198.51.100.90" };
    expect((await login(app, "nobody@example.org", "guess one", headers)).status).toBe(401);
    expect((await login(app, "nobody@example.org", "guess two", headers)).status).toBe(401);
    const limited = await login(app, "admin@example.org", PASSWORD, headers);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect(await limited.text()).toContain("Too many attempts to sign in. Wait 1 minute");
    // The account itself is not locked: from another address it signs in.
    const other = await login(app, "admin@example.org", PASSWORD, {
      "cf-connecting-ip": "198.51.100.91",
    });
    expect(other.status).toBe(303);
  }, 60_000);
});
