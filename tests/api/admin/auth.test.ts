import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "../../../api/admin/password.js";
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from "../../../api/admin/session.js";
import { LOGIN_LIMITS } from "../../../api/admin/state.js";
import { type Console, formBody, login, openConsole, PASSWORD } from "./helpers.js";

const MINUTE = 60_000;
const cookieOf = (res: Response) => (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";

describe("accounts and sessions", () => {
  let con: Console;

  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  it("hashes passwords with scrypt at an OWASP setting, salted, and verifies them", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(hash).toMatch(/^\$scrypt\$ln=14,r=8,p=5\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(await hashPassword("correct horse battery staple")).not.toBe(hash);
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("anything", "not a hash")).toBe(false);
    // Parameters outside safe bounds are refused rather than run.
    expect(await verifyPassword("anything", hash.replace("ln=14", "ln=30"))).toBe(false);
  });

  it("signs in with the right password and sets an HttpOnly, SameSite session cookie for /admin", async () => {
    const res = await login(con.app, "Editor@Example.org", PASSWORD);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin");
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/signpost_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).toContain("Path=/admin");
    expect(cookie).toContain("Max-Age=43200");
    expect(cookie).not.toMatch(/signpost_session=[^,]*Secure/);
    const home = await con.app.request("/admin", { headers: { cookie: cookieOf(res) } });
    expect(home.status).toBe(200);
    expect(home.headers.get("cache-control")).toBe("no-store");
    expect(home.headers.get("content-security-policy")).toContain("script-src 'self'");
  });

  it("marks the cookie Secure when the console is served over HTTPS", async () => {
    const page = await con.app.request("https://signpost.example/admin/login");
    const token = /name="_login" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    expect(page.headers.get("set-cookie")).toContain("Secure");
    const res = await con.app.request("https://signpost.example/admin/login", {
      method: "POST",
      headers: { cookie: cookieOf(page), "content-type": "application/x-www-form-urlencoded" },
      body: formBody({
        _login: token,
        email: "editor@example.org",
        password: PASSWORD,
        next: "/admin",
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/signpost_session=[^,]*Secure/);
  });

  it("answers a wrong password and an unknown email alike, with 401 and no session", async () => {
    const wrong = await login(con.app, "reviewer@example.org", "not the password at all", {
      "cf-connecting-ip": "198.51.100.1",
    });
    const unknown = await login(con.app, "nobody@example.org", "not the password at all", {
      "cf-connecting-ip": "198.51.100.1",
    });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.headers.get("set-cookie") ?? "").not.toContain("signpost_session");
      expect(await res.text()).toContain("The email address or password is not right.");
    }
  });

  it("refuses a sign-in form without its login token (login CSRF)", async () => {
    const res = await con.app.request("/admin/login", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: formBody({ email: "admin@example.org", password: PASSWORD }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie") ?? "").not.toContain("signpost_session=");
  });

  it("never redirects anywhere but the console after signing in", async () => {
    const page = await con.app.request("/admin/login?next=https://evil.example/");
    const html = await page.text();
    expect(html).toContain('name="next" value="/admin"');
    const token = /name="_login" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const res = await con.app.request("/admin/login", {
      method: "POST",
      headers: { cookie: cookieOf(page), "content-type": "application/x-www-form-urlencoded" },
      body: formBody({
        _login: token,
        email: "admin@example.org",
        password: PASSWORD,
        next: "//evil.example/admin",
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin");
  });

  it("keeps a place on the page (#id) in the return path, as a fragment only, never a way out", async () => {
    const nextOf = async (next: string) => {
      const page = await con.app.request(`/admin/login?next=${encodeURIComponent(next)}`);
      const html = await page.text();
      expect(html).not.toContain("<script>");
      return /name="next" value="([^"]*)"/.exec(html)?.[1]?.replaceAll("&amp;", "&");
    };
    const kept = "/admin/listings/demo-exeter-bumps-group#reports-title";
    expect(await nextOf(kept)).toBe(kept);
    expect(await nextOf("/admin/listings?status=in-review#list")).toBe(
      "/admin/listings?status=in-review#list",
    );
    // A fragment that is not an element id is dropped; the page is kept.
    for (const [next, path] of [
      ['/admin/listings/x#a"><script>alert(1)</script>', "/admin/listings/x"],
      ["/admin/listings/x#reports-title?next=//evil.example", "/admin/listings/x"],
      ["/admin/listings/x#reports-title#more", "/admin/listings/x"],
      ["/admin/listings/x#//evil.example", "/admin/listings/x"],
      ["/admin/listings/x#\\evil.example", "/admin/listings/x"],
      ["/admin/listings/x#", "/admin/listings/x"],
      ["/admin#javascript:alert(1)", "/admin"],
    ]) {
      expect(await nextOf(next as string), next).toBe(path);
    }
    // A fragment is no way around the path's check.
    for (const next of [
      "#/admin",
      "//evil.example#/admin",
      "https://evil.example/#/admin/x",
      "/admin\\evil.example#reports-title",
      "/admin/\\evil.example#reports-title",
      "/adminx#reports-title",
      "/ad#min/x",
    ]) {
      expect(await nextOf(next), next).toBe("/admin");
    }
    // After the password, the browser is sent to the page and the place.
    const signIn = async (next: string) => {
      const page = await con.app.request("/admin/login");
      const token = /name="_login" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      return con.app.request("/admin/login", {
        method: "POST",
        headers: { cookie: cookieOf(page), "content-type": "application/x-www-form-urlencoded" },
        body: formBody({ _login: token, email: "editor@example.org", password: PASSWORD, next }),
      });
    };
    expect((await signIn(kept)).headers.get("location")).toBe(kept);
    const odd = await signIn("/admin/listings/x#a'b?c=1");
    expect(odd.headers.get("location")).toBe("/admin/listings/x");
    // The second step (two-factor) keeps it through its own forms, checked again.
    const twoFactor = (next: string) =>
      con.app.request("/admin/login/two-factor", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: formBody({ code: "123456", next }),
      });
    const again = await twoFactor(kept);
    expect(again.status).toBe(403);
    expect(await again.text()).toContain(`name="next" value="${kept}"`);
    expect(await (await twoFactor('/admin/x#a"b')).text()).toContain(
      'name="next" value="/admin/x"',
    );
  });

  it("throttles sign-in per account: after 5 failures even the right password waits", async () => {
    const ip = (n: number) => ({ "cf-connecting-ip": `203.0.113.${n}` });
    for (let i = 0; i < LOGIN_LIMITS.perAccount.limit; i++) {
      expect((await login(con.app, "admin@example.org", "guess number one", ip(i))).status).toBe(
        401,
      );
    }
    const blocked = await login(con.app, "admin@example.org", PASSWORD, ip(50));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await blocked.text()).toContain("Too many attempts to sign in");
    // Other accounts are not affected.
    expect((await login(con.app, "reviewer@example.org", PASSWORD, ip(51))).status).toBe(303);
    con.clock.advance(LOGIN_LIMITS.perAccount.windowMs + MINUTE);
    expect((await login(con.app, "admin@example.org", PASSWORD, ip(52))).status).toBe(303);
  });

  it("throttles sign-in per address across accounts", async () => {
    const from = { "cf-connecting-ip": "192.0.2.77" };
    for (let i = 0; i < LOGIN_LIMITS.perIp.limit; i++) {
      expect(
        (await login(con.app, `someone${i}@example.org`, "a wrong password", from)).status,
      ).toBe(401);
    }
    expect((await login(con.app, "editor@example.org", PASSWORD, from)).status).toBe(429);
    expect(
      (await login(con.app, "editor@example.org", PASSWORD, { "cf-connecting-ip": "192.0.2.78" }))
        .status,
    ).toBe(303);
    con.clock.advance(LOGIN_LIMITS.perIp.windowMs + MINUTE);
  }, 90_000);

  it("ends a session idle for 30 minutes", async () => {
    const agent = await con.as("editor");
    con.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await agent.get("/admin")).status).toBe(200);
    con.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await agent.get("/admin")).status).toBe(200);
    con.clock.advance(SESSION_IDLE_MS + 1000);
    const res = await agent.get("/admin/listings");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/login?next=%2Fadmin%2Flistings&expired=1");
    // The session is gone for good, even if the clock went back.
    con.clock.advance(-SESSION_IDLE_MS);
    expect((await agent.get("/admin")).status).toBe(303);
  });

  it("ends a session 12 hours after sign-in however active it is", async () => {
    const agent = await con.as("reviewer");
    for (let t = 0; t < SESSION_ABSOLUTE_MS - 20 * MINUTE; t += 20 * MINUTE) {
      con.clock.advance(20 * MINUTE);
      expect((await agent.get("/admin")).status).toBe(200);
    }
    con.clock.advance(25 * MINUTE);
    const res = await agent.get("/admin");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toContain("expired=1");
  });

  it("rejects state-changing requests without the session's CSRF token, or from another site", async () => {
    const agent = await con.as("admin");
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ["no token", { _csrf: "" }, {}],
      ["wrong token", { _csrf: "x".repeat(43) }, {}],
      ["another session's token", { _csrf: (await con.as("admin")).csrf }, {}],
      ["cross-site origin", {}, { origin: "https://evil.example" }],
      ["cross-site fetch", {}, { "sec-fetch-site": "cross-site" }],
    ];
    for (const [name, fields, headers] of cases) {
      const res = await agent.post(
        "/admin/organisations",
        { name: `CSRF ${name}`, ...fields },
        { headers },
      );
      expect(res.status, name).toBe(403);
      expect(await res.text(), name).toContain("This form has expired");
    }
    const listed = await (await agent.get("/admin/organisations")).text();
    expect(listed).not.toContain("CSRF ");
    const ok = await agent.post("/admin/organisations", { name: "CSRF accepted org" });
    expect(ok.status).toBe(303);
  });

  it("signs out, and the old cookie no longer works", async () => {
    const agent = await con.as("editor");
    const out = await agent.post("/admin/logout");
    expect(out.status).toBe(303);
    expect(out.headers.get("location")).toBe("/admin/login?signedout=1");
    expect((await agent.get("/admin")).status).toBe(303);
  });

  it("changes a password, signing out the user's other sessions", async () => {
    const here = await con.as("reviewer2");
    const elsewhere = await con.as("reviewer2");
    const weak = await here.post("/admin/account/password", {
      current: PASSWORD,
      password: "short",
      confirm: "short",
    });
    expect(weak.status).toBe(422);
    expect(await weak.text()).toContain("Use at least 12 characters");
    const wrong = await here.post("/admin/account/password", {
      current: "wrong",
      password: "a brand new passphrase",
      confirm: "a brand new passphrase",
    });
    expect(wrong.status).toBe(422);
    const ok = await here.post("/admin/account/password", {
      current: PASSWORD,
      password: "a brand new passphrase",
      confirm: "a brand new passphrase",
    });
    expect(ok.status).toBe(303);
    expect((await here.get("/admin")).status).toBe(200);
    expect((await elsewhere.get("/admin")).status).toBe(303);
    expect(
      (
        await login(con.app, "reviewer2@example.org", "a brand new passphrase", {
          "cf-connecting-ip": "192.0.2.200",
        })
      ).status,
    ).toBe(303);
  });

  it("locks out a disabled account at once, and keeps the last admin", async () => {
    const admin = await con.as("admin");
    const editor = await con.as("otherEditor");
    expect((await editor.get("/admin")).status).toBe(200);
    const disable = await admin.post(`/admin/users/${con.users.otherEditor.id}`, {
      name: "other",
      role: "editor",
      organisationId: "demo-plymouth-sound-parents",
      disabled: "yes",
    });
    expect(disable.status).toBe(303);
    expect((await editor.get("/admin")).status).toBe(303);
    expect(
      (await login(con.app, "other@example.org", PASSWORD, { "cf-connecting-ip": "192.0.2.201" }))
        .status,
    ).toBe(401);

    const demote = await admin.post(`/admin/users/${con.users.admin.id}`, {
      name: "admin",
      role: "editor",
      organisationId: "demo-exe-valley-parents",
    });
    expect(demote.status).toBe(422);
    expect(await demote.text()).toContain("This is the only active admin");
  });

  it("takes a role change into account on the very next request", async () => {
    const admin = await con.as("admin");
    const reviewer = await con.as("reviewer");
    expect((await reviewer.get("/admin/reports")).status).toBe(200);
    await admin.post(`/admin/users/${con.users.reviewer.id}`, {
      name: "reviewer",
      role: "editor",
      organisationId: "demo-exe-valley-parents",
    });
    expect((await reviewer.get("/admin/reports")).status).toBe(403);
    await admin.post(`/admin/users/${con.users.reviewer.id}`, {
      name: "reviewer",
      role: "reviewer",
      organisationId: "",
    });
    expect((await reviewer.get("/admin/reports")).status).toBe(200);
  });

  it("never writes a password to the log or the audit log", async () => {
    const logged = con.logger.lines.join("\n");
    expect(logged).not.toContain(PASSWORD);
    expect(logged).not.toContain("a brand new passphrase");
    const admin = await con.as("admin");
    const audit = await (await admin.get("/admin/audit?action=user.password")).text();
    expect(audit).not.toContain("a brand new passphrase");
    expect(audit).not.toContain("$scrypt$");
  });
});
