/**
 * Accounts by email, over real HTTP handling (app.request), real libSQL and a real SMTP server
 * on loopback: invitations, password reset, and two-factor sign-in. The clock is the console's
 * injected one, moved by the tests.
 */
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import { totpCode } from "../../../api/admin/two-factor.js";
import { smtpMailSender } from "../../../api/node/smtp.js";
import { accountTokens, outbox, recoveryCodes, users } from "../../../schema/tables.js";
import { type Console, formBody, login, openConsole, PASSWORD } from "./helpers.js";
import { arrived, startSmtp } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";
const MINUTE = 60_000;
const NEW_PASSWORD = "four random words here";

// Each test signs in several times, and each sign-in is a deliberately slow scrypt hash.
vi.setConfig({ testTimeout: 90_000 });

let con: Console;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

beforeAll(async () => {
  [con, smtp] = await Promise.all([openConsole(), startSmtp()]);
  con.deps.publicOrigin = ORIGIN;
  con.deps.mail = smtpMailSender({ url: smtp.url, from: "Signpost <signpost@example.org>" });
});
afterAll(async () => {
  con?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.state.arrived.length = 0;
});

/** A public form as a browser gets it: the page's token and the cookie that repeats it. */
async function publicForm(path: string, headers: Record<string, string> = {}) {
  const page = await con.app.request(path, { headers });
  const html = await page.text();
  const token = /name="_login" value="([^"]+)"/.exec(html)?.[1] ?? "";
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  return { token, cookie };
}

function postForm(path: string, fields: Record<string, string>, headers: Record<string, string>) {
  return con.app.request(path, {
    method: "POST",
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: formBody(fields),
  });
}

async function requestReset(email: string, headers: Record<string, string> = {}) {
  const form = await publicForm("/admin/password-reset", headers);
  return postForm(
    "/admin/password-reset",
    { _login: form.token, email },
    { ...headers, cookie: form.cookie },
  );
}

const linkIn = (mail: ParsedMail) => {
  const m = /https:\/\/signpost\.example\/admin\/set-password\?token=([A-Za-z0-9_-]{43})/.exec(
    mail.text ?? "",
  );
  if (!m) throw new Error("no link in the mail");
  return { url: m[0], path: m[0].slice(ORIGIN.length), token: m[1] ?? "" };
};

const setPassword = (token: string, password: string, confirm = password) =>
  postForm("/admin/set-password", { token, password, confirm }, {});

describe("invitations", () => {
  it("an admin adds an account without a password and the person sets their own by the link", async () => {
    const admin = await con.as("admin");
    const res = await admin.post("/admin/users/new", {
      email: "New.Editor@Example.org",
      name: "Nia",
      role: "editor",
      organisationId: "demo-exe-valley-parents",
      password: "",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/users?done=invited");
    const [mail] = await arrived(smtp.state, 1);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("new.editor@example.org");
    expect(mail?.subject).toMatch(/set your password/);
    expect(mail?.text).toContain("for 7 days");
    expect(mail?.html).toContain(`<a href="${ORIGIN}/admin/set-password?token=`);
    const link = linkIn(mail as ParsedMail);

    // No password works before the invitation is used.
    expect((await login(con.app, "new.editor@example.org", "")).status).toBe(422);
    expect((await login(con.app, "new.editor@example.org", "!not-set")).status).toBe(401);

    // The console never shows the link, and once sent the outbox no longer holds it.
    const box = await (await admin.get("/admin/outbox")).text();
    expect(box).toContain("Invitation");
    expect(box).not.toContain(link.token);
    const [row] = await con.db.select().from(outbox).where(eq(outbox.kind, "invitation"));
    expect(row?.status).toBe("sent");
    expect(row?.body).toContain("token=[removed]");
    expect(row?.body).not.toContain(link.token);
    // The database keeps only the token's digest.
    const tokens = await con.db.select().from(accountTokens);
    expect(JSON.stringify(tokens)).not.toContain(link.token);

    const page = await con.app.request(link.path);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Choose your password");
    expect(html).toContain("new.editor@example.org");

    const short = await setPassword(link.token, "too short");
    expect(short.status).toBe(422);
    expect(await short.text()).toContain("Use at least 12 characters");
    const mismatch = await setPassword(link.token, NEW_PASSWORD, "something else entirely");
    expect(mismatch.status).toBe(422);
    expect(await mismatch.text()).toContain("not the same");

    const done = await setPassword(link.token, NEW_PASSWORD);
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/login?password=set");
    const signedIn = await login(con.app, "new.editor@example.org", NEW_PASSWORD);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get("location")).toBe("/admin");

    // Single use: the page and the form both refuse the link now.
    expect((await con.app.request(link.path)).status).toBe(410);
    expect((await setPassword(link.token, "another long password")).status).toBe(410);
    expect(JSON.stringify(con.logger.lines)).not.toContain(link.token);
  });

  it("an invitation lapses after 7 days", async () => {
    const admin = await con.as("admin");
    await admin.post("/admin/users/new", {
      email: "late@example.org",
      name: "",
      role: "reviewer",
      organisationId: "",
      password: "",
    });
    const link = linkIn((await arrived(smtp.state, 1))[0] as ParsedMail);
    const start = con.clock.now;
    try {
      con.clock.advance(7 * 24 * 60 * MINUTE - MINUTE);
      expect((await con.app.request(link.path)).status).toBe(200);
      con.clock.advance(2 * MINUTE);
      const page = await con.app.request(link.path);
      expect(page.status).toBe(410);
      expect(await page.text()).toContain("This link no longer works");
      expect((await setPassword(link.token, NEW_PASSWORD)).status).toBe(410);
      // The daily job removes the dead link; a week later, the message too.
      expect((await runDailyJobs(con.deps)).accountLinksPurged).toBeGreaterThanOrEqual(1);
      con.clock.advance(2 * 24 * 60 * MINUTE);
      await runDailyJobs(con.deps);
      const rows = await con.db.select().from(outbox).where(eq(outbox.kind, "invitation"));
      expect(rows.flatMap((r) => r.recipients)).not.toContain("late@example.org");
    } finally {
      con.clock.now = start;
    }
  });

  it("an admin can send a new link, which replaces nothing until used, and editors cannot", async () => {
    const editor = await con.as("editor");
    const refused = await editor.post(`/admin/users/${con.users.otherEditor.id}/link`);
    expect(refused.status).toBe(403);
    expect(smtp.state.arrived).toHaveLength(0);
    const admin = await con.as("admin");
    const res = await admin.post(`/admin/users/${con.users.otherEditor.id}/link`);
    expect(res.status).toBe(303);
    const [mail] = await arrived(smtp.state, 1);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("other@example.org");
  });
});

describe("password reset at /admin/password-reset", () => {
  const ip = (n: number) => ({ "cf-connecting-ip": `198.51.100.${n}` });

  it("answers the same whether or not the address has an account, and mails only a real one", async () => {
    const known = await requestReset("Reviewer@example.org", ip(1));
    const unknown = await requestReset("nobody@example.org", ip(1));
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    const strip = (html: string) =>
      html.replace(/value="[^"]*"/g, "").replace(/<strong>[^<]*<\/strong>/, "");
    expect(strip(await known.text())).toBe(strip(await unknown.text()));
    const [mail] = await arrived(smtp.state, 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.state.arrived).toHaveLength(1);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe("reviewer@example.org");
    expect(mail?.text).toContain("for 1 hour");
  });

  it("sets a new password once, within the hour, and signs the account out everywhere", async () => {
    const reviewer = await con.as("reviewer2");
    expect((await reviewer.get("/admin")).status).toBe(200);
    await requestReset("reviewer2@example.org", ip(2));
    const link = linkIn((await arrived(smtp.state, 1))[0] as ParsedMail);
    const page = await (await con.app.request(link.path)).text();
    expect(page).toContain("Choose a new password");
    expect((await setPassword(link.token, NEW_PASSWORD)).status).toBe(303);
    // The old session is gone, the old password no longer works, the new one does.
    const after = await reviewer.get("/admin");
    expect(after.status).toBe(303);
    expect(after.headers.get("location")).toMatch(/^\/admin\/login/);
    expect((await login(con.app, "reviewer2@example.org", PASSWORD)).status).toBe(401);
    expect((await login(con.app, "reviewer2@example.org", NEW_PASSWORD)).status).toBe(303);
    expect((await setPassword(link.token, "yet another long password")).status).toBe(410);
    expect(JSON.stringify(con.logger.lines)).not.toContain(link.token);
  });

  it("a reset link lapses after an hour", async () => {
    await requestReset("admin@example.org", ip(3));
    const link = linkIn((await arrived(smtp.state, 1))[0] as ParsedMail);
    const start = con.clock.now;
    try {
      con.clock.advance(61 * MINUTE);
      expect((await con.app.request(link.path)).status).toBe(410);
      expect((await setPassword(link.token, NEW_PASSWORD)).status).toBe(410);
      expect((await login(con.app, "admin@example.org", PASSWORD)).status).toBe(303);
    } finally {
      con.clock.now = start;
    }
  });

  it("is throttled per client, and sends no more than three links an hour to one address", async () => {
    for (let i = 0; i < 5; i++) {
      expect((await requestReset(`someone${i}@example.org`, ip(4))).status).toBe(200);
    }
    const refused = await requestReset("editor@example.org", ip(4));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(await refused.text()).toContain("Too many requests");

    for (let i = 0; i < 5; i++) {
      const res = await requestReset("editor@example.org", ip(10 + i));
      expect(res.status).toBe(200);
      expect(await res.text()).toContain("If there is an account for");
    }
    await arrived(smtp.state, 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.state.arrived).toHaveLength(3);
  });

  it("refuses a form without its token or from another site, and bad links", async () => {
    const noToken = await postForm(
      "/admin/password-reset",
      { email: "editor@example.org" },
      ip(20),
    );
    expect(noToken.status).toBe(403);
    const form = await publicForm("/admin/password-reset", ip(21));
    const crossSite = await postForm(
      "/admin/password-reset",
      { _login: form.token, email: "editor@example.org" },
      { ...ip(21), cookie: form.cookie, "sec-fetch-site": "cross-site" },
    );
    expect(crossSite.status).toBe(403);
    const bad = await requestReset("not an address", ip(22));
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain("Enter an email address");
    expect((await con.app.request("/admin/set-password?token=nonsense")).status).toBe(410);
    expect((await con.app.request("/admin/set-password")).status).toBe(410);
    await new Promise((r) => setTimeout(r, 100));
    expect(smtp.state.arrived).toHaveLength(0);
  });
});

describe("two-factor sign-in", () => {
  const STEP = 30_000;

  async function enrol(persona: "reviewer" | "admin") {
    const agent = await con.as(persona);
    const page = await (await agent.get("/admin/account/two-factor")).text();
    expect(page).toContain("Scan this code");
    expect(page).toMatch(/<svg class="qr"[^>]*role="img"/);
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(page)?.[1] ?? "";
    const wrong = await agent.post("/admin/account/two-factor", { secret, code: "000000" });
    expect(wrong.status).toBe(422);
    const res = await agent.post("/admin/account/two-factor", {
      secret,
      code: totpCode(secret, con.clock.now.getTime()),
    });
    expect(res.status).toBe(200);
    const html = await res.text();
    const codes = [...html.matchAll(/<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})<\/code>/g)].map(
      (m) => m[1] ?? "",
    );
    expect(codes).toHaveLength(10);
    return { agent, secret, codes };
  }

  /** Signs in with the password; answers the halfway cookie the code step needs. */
  async function firstStep(email: string) {
    const res = await login(con.app, email, PASSWORD);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Enter your sign-in code");
    const cookie = (res.headers.get("set-cookie") ?? "")
      .split(/,(?=\s*signpost_)/)
      .map((c) => c.split(";")[0]?.trim() ?? "")
      .find((c) => c.startsWith("signpost_2fa=") && c.length > "signpost_2fa=".length);
    expect(cookie).toBeTruthy();
    return cookie ?? "";
  }

  const secondStep = (cookie: string, code: string) =>
    postForm("/admin/login/two-factor", { code, next: "/admin" }, { cookie });

  it("is offered to reviewers and admins, not to editors", async () => {
    const editor = await con.as("editor");
    expect((await editor.get("/admin/account/two-factor")).status).toBe(403);
    expect(await (await editor.get("/admin/account")).text()).not.toContain("Two-factor");
    const reviewer = await con.as("reviewer");
    expect(await (await reviewer.get("/admin/account")).text()).toContain(
      "Set up two-factor sign-in",
    );
  });

  it("once on, sign-in needs a fresh code; a code works once; recovery codes work once", async () => {
    const { secret, codes } = await enrol("reviewer");
    const [row] = await con.db.select().from(users).where(eq(users.id, con.users.reviewer.id));
    expect(row?.totpSecret).toBe(secret);
    const stored = JSON.stringify(await con.db.select().from(recoveryCodes));
    expect(stored).toContain(con.users.reviewer.id);
    for (const c of codes) expect(stored).not.toContain(c);

    // The password alone gives no session.
    const halfway = await firstStep("reviewer@example.org");
    expect((await secondStep(halfway, "123456")).status).toBe(401);
    // The code used to enrol is spent; the next step's code signs in.
    expect((await secondStep(halfway, totpCode(secret, con.clock.now.getTime()))).status).toBe(401);
    con.clock.advance(STEP);
    const code = totpCode(secret, con.clock.now.getTime());
    const ok = await secondStep(halfway, code);
    expect(ok.status).toBe(303);
    expect(ok.headers.get("set-cookie")).toContain("signpost_session=");
    // The same code again (a replay) fails.
    const again = await firstStep("reviewer@example.org");
    expect((await secondStep(again, code)).status).toBe(401);
    // A recovery code, typed in capitals with spaces, works once.
    const typed = (codes[0] ?? "").toUpperCase().replaceAll("-", " ");
    expect((await secondStep(again, typed)).status).toBe(303);
    const third = await firstStep("reviewer@example.org");
    expect((await secondStep(third, codes[0] ?? "")).status).toBe(401);
    // A forged or stale halfway cookie gets back to the password form.
    expect((await secondStep(`signpost_2fa=${con.users.reviewer.id}.1.x`, code)).status).toBe(403);
    con.clock.advance(6 * MINUTE);
    expect((await secondStep(third, totpCode(secret, con.clock.now.getTime()))).status).toBe(403);
  });

  it("limits code guesses, and an admin can turn it off for someone who lost their phone", async () => {
    const { secret } = await enrol("admin");
    const halfway = await firstStep("admin@example.org");
    // Each wrong code shows the step again; its "Start again" keeps where she was going.
    const place = "/admin/listings/demo-exeter-bumps-group#reports-title";
    for (let i = 0; i < 5; i++) {
      const next = i === 0 ? place : "/admin";
      const res = await postForm(
        "/admin/login/two-factor",
        { code: "111111", next },
        { cookie: halfway },
      );
      expect(res.status).toBe(401);
      expect(await res.text()).toContain(
        i === 0 ? `href="/admin/login?next=${encodeURIComponent(place)}"` : 'href="/admin/login"',
      );
    }
    const limited = await secondStep(halfway, totpCode(secret, con.clock.now.getTime() + STEP));
    expect(limited.status).toBe(429);

    const reviewerPage = await (await con.as("admin")).get(`/admin/users/${con.users.reviewer.id}`);
    expect(await reviewerPage.text()).toContain("Turn off two-factor sign-in");
    const admin = await con.as("admin");
    expect((await admin.post(`/admin/users/${con.users.reviewer.id}/two-factor-off`)).status).toBe(
      303,
    );
    expect((await login(con.app, "reviewer@example.org", PASSWORD)).status).toBe(303);
    const reviewer = await con.as("reviewer");
    expect((await reviewer.post(`/admin/users/${con.users.admin.id}/two-factor-off`)).status).toBe(
      403,
    );
  });

  it("turning your own off needs your password", async () => {
    const { agent } = await enrol("reviewer");
    const wrong = await agent.post("/admin/account/two-factor/off", { current: "not it at all" });
    expect(wrong.status).toBe(422);
    const ok = await agent.post("/admin/account/two-factor/off", { current: PASSWORD });
    expect(ok.status).toBe(303);
    expect((await login(con.app, "reviewer@example.org", PASSWORD)).status).toBe(303);
  });
});
