import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import { httpMailSender, safeError, textToHtml } from "../../../api/admin/mail.js";
import { mailConfig } from "../../../api/config.js";
import { smtpMailSender } from "../../../api/node/smtp.js";
import { outbox, services } from "../../../schema/tables.js";
import { type Console, openConsole } from "./helpers.js";
import { PASSWORD, startSmtp } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";
const LINK = `${ORIGIN}/admin/listings/demo-exeter-bumps-group`;

describe("sending the outbox over SMTP", () => {
  let con: Console;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    [con, smtp] = await Promise.all([openConsole(), startSmtp()]);
    // 05:00 in London: before 07:00, when reviewers' daily digests are written (notify.test.ts).
    con.clock.now = new Date("2026-11-26T05:00:00Z");
    await con.db
      .update(services)
      .set({ demo: false, verifiedAt: "2026-03-01" })
      .where(eq(services.id, "demo-exeter-bumps-group"));
    con.deps.publicOrigin = ORIGIN;
    con.deps.mail = smtpMailSender({
      url: smtp.url,
      from: "Perinatal Signpost <signpost@example.org>",
    });
  });
  afterAll(async () => {
    con?.close();
    await smtp?.close();
  });

  it("keeps a refused message queued with the error and a later attempt time", async () => {
    smtp.state.refuse = true;
    const run = await runDailyJobs(con.deps);
    expect(run).toMatchObject({ remindersQueued: 1, sent: 0, failed: 1 });
    expect(smtp.state.attempts).toBe(1);
    const [row] = await con.db.select().from(outbox);
    expect(row).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(row?.nextAttemptAt).toBe(new Date(con.clock.now.getTime() + 15 * 60_000).toISOString());
    expect(row?.lastError).toMatch(/451/);
    expect(row?.lastError).toContain("[address]");
    expect(row?.lastError).not.toMatch(/@|s3cret/);
    const page = await (await (await con.as("admin")).get("/admin/outbox")).text();
    expect(page).toContain("Last error: ");
    expect(page).toContain("next try");

    // Before the next attempt time nothing is tried.
    expect(await runDailyJobs(con.deps)).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.state.attempts).toBe(1);
  });

  it("delivers it on a later run, once, with a text and an HTML part and absolute links", async () => {
    smtp.state.refuse = false;
    con.clock.advance(15 * 60_000);
    expect(await runDailyJobs(con.deps)).toMatchObject({ remindersQueued: 0, sent: 1, failed: 0 });
    expect(await runDailyJobs(con.deps)).toMatchObject({ sent: 0, failed: 0 });
    expect(smtp.state.arrived).toHaveLength(1);
    const mail = smtp.state.arrived[0] as ParsedMail;
    expect(mail.subject).toBe("Perinatal Signpost: 1 listing is due for checking");
    expect(mail.from?.text).toBe('"Perinatal Signpost" <signpost@example.org>');
    const to = (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((a) => a?.value ?? []);
    expect(to.map((a) => a.address).sort()).toEqual([
      "editor@example.org",
      "exe-valley-parents@example.org",
    ]);
    expect(mail.text).toContain(`\n  Something has changed: ${LINK}\n`);
    expect(mail.text).toMatch(
      /\n {2}Still correct: https:\/\/signpost.example\/check\/[\w-]{43}\n/,
    );
    expect(mail.text).toContain("Hello Exe Valley Parents");
    expect(mail.html).toContain(`<a href="${LINK}">${LINK}</a>`);
    expect(mail.html).toContain("<li>Exeter Bumps");
    expect(mail.html).not.toMatch(/href="\//);
    const [row] = await con.db.select().from(outbox);
    expect(row).toMatchObject({
      status: "sent",
      attempts: 2,
      lastError: null,
      nextAttemptAt: null,
      sentAt: con.clock.now.toISOString(),
    });
  });

  it("sends a message once when two runs overlap", async () => {
    con.clock.advance(7 * 86_400_000);
    const mail = con.deps.mail;
    con.deps.mail = undefined;
    expect(await runDailyJobs(con.deps)).toMatchObject({ remindersQueued: 1, sent: 0 });
    con.deps.mail = mail;
    const runs = await Promise.all([runDailyJobs(con.deps), runDailyJobs(con.deps)]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    expect(smtp.state.arrived).toHaveLength(2);
    const rows = await con.db.select().from(outbox);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([
      ["sent", 2],
      ["sent", 1],
    ]);
  });
});

describe("the HTTP mail API transport", () => {
  let server: Server;
  let url = "";
  const seen: { auth?: string; key?: string; body: unknown }[] = [];
  let status = 503;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        seen.push({
          auth: req.headers.authorization,
          key: req.headers["idempotency-key"] as string,
          body: JSON.parse(body),
        });
        res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "busy");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/send`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("POSTs {from, to, subject, text, html} with the bearer token and fails on a non-2xx", async () => {
    const send = httpMailSender({ url, token: "tok-123", from: "signpost@example.org" });
    const message = {
      id: "m-1",
      to: ["a@example.org"],
      subject: "S",
      text: "Hi <you>",
      html: textToHtml("Hi <you>"),
    };
    await expect(send(message)).rejects.toThrow("The mail API answered 503: busy");
    status = 200;
    await send(message);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({
      auth: "Bearer tok-123",
      key: "m-1",
      body: {
        from: "signpost@example.org",
        to: ["a@example.org"],
        subject: "S",
        text: "Hi <you>",
        html: expect.stringContaining("<p>Hi &lt;you&gt;</p>"),
      },
    });
  });
});

describe("mail settings and errors", () => {
  const env = {
    SMTP_URL: `smtp://u:${PASSWORD}@mail.example:587`,
    MAIL_FROM: "signpost@example.org",
    PUBLIC_ORIGIN: ORIGIN,
  };

  it("needs MAIL_FROM and PUBLIC_ORIGIN with a transport, and none without", () => {
    expect(mailConfig({})).toBeUndefined();
    expect(mailConfig(env)).toEqual({
      transport: "smtp",
      from: "signpost@example.org",
      url: env.SMTP_URL,
    });
    expect(() => mailConfig({ ...env, MAIL_FROM: "" })).toThrow(/needs MAIL_FROM/);
    expect(() => mailConfig({ ...env, PUBLIC_ORIGIN: undefined })).toThrow(/needs PUBLIC_ORIGIN/);
    expect(() => mailConfig({ ...env, SMTP_URL: `http://u:${PASSWORD}@x` })).toThrow(
      /^SMTP_URL must look like smtp:\/\/user:password@host:587/,
    );
    try {
      mailConfig({ ...env, SMTP_URL: `ftp://u:${PASSWORD}@x` });
    } catch (err) {
      expect(String(err)).not.toContain(PASSWORD);
    }
    expect(() =>
      mailConfig({
        MAIL_API_URL: "https://relay.example/send",
        MAIL_FROM: "a@b.c",
        PUBLIC_ORIGIN: ORIGIN,
      }),
    ).toThrow(/needs MAIL_API_TOKEN/);
  });

  it("takes passwords and addresses out of error messages", () => {
    const err = new Error(
      `Login ${PASSWORD} / ${encodeURIComponent(PASSWORD)} rejected for <x@y.org>`,
    );
    expect(safeError(err, [PASSWORD])).toBe("Login [secret] / [secret] rejected for <[address]>");
  });
});
