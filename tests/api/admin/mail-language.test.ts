/**
 * Mail to an organisation's people goes in the language the organisation chose (issue 11 §1):
 * review reminders, editors' notifications (sent back, published, problem reported), and the
 * invitation and password-reset mail of its editors, each with plain-text and HTML parts, read
 * from a real SMTP server on loopback. Reviewers' and admins' mail stays English.
 */
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import { BILINGUAL_BREAK } from "../../../api/admin/mail-text.js";
import { organisations, services } from "../../../schema/tables.js";
import type { MailLanguage } from "../../../schema/taxonomy.js";
import {
  type Agent,
  type Console,
  createdId,
  formBody,
  listingAction,
  listingForm,
  ORG,
} from "./helpers.js";
import { addressesOf, arrived, openMailConsole, type Smtp } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";

vi.setConfig({ testTimeout: 60_000 });

let con: Console;
let smtp: Smtp;
let editor: Agent;
let reviewer: Agent;

beforeAll(async () => {
  ({ con, smtp } = await openMailConsole(ORIGIN));
  [editor, reviewer] = await Promise.all([con.as("editor"), con.as("reviewer")]);
});
afterAll(async () => {
  con?.close();
  await smtp?.close();
});
beforeEach(() => {
  smtp.state.arrived.length = 0;
});

const chooseLanguage = (mailLanguage: MailLanguage | null) =>
  con.db.update(organisations).set({ mailLanguage }).where(eq(organisations.id, ORG));

/** The Welsh and English halves of a bilingual mail, each checked in both parts. */
function halves(mail: ParsedMail): { cy: string; en: string } {
  const [cy = "", en = "", ...rest] = (mail.text ?? "").split(BILINGUAL_BREAK);
  expect(rest).toEqual([]);
  const html = String(mail.html);
  expect(html).toMatch(/^<!doctype html><html lang="cy">/);
  expect(html).toMatch(/<div lang="cy">[\s\S]*<hr><div lang="en">/);
  return { cy, en };
}

function welshOnly(mail: ParsedMail) {
  expect(mail.text).not.toContain(BILINGUAL_BREAK);
  expect(mail.text).toMatch(/^Helo /);
  expect(String(mail.html)).toMatch(/^<!doctype html><html lang="cy">/);
  expect(String(mail.html)).not.toContain('lang="en"');
}

function englishOnly(mail: ParsedMail) {
  expect(mail.text).not.toContain(BILINGUAL_BREAK);
  expect(mail.text).toMatch(/^Hello/);
  expect(String(mail.html)).toMatch(/^<!doctype html><html lang="en">/);
}

async function act(agent: Agent, id: string, action: string, extra = {}) {
  expect((await listingAction(agent, id, action, extra)).status).toBe(303);
}

async function requestReset(email: string) {
  const page = await con.app.request("/admin/password-reset");
  const token = /name="_login" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const res = await con.app.request("/admin/password-reset", {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: formBody({ _login: token, email }),
  });
  expect(res.status).toBe(200);
}

describe("mail in the organisation's language", () => {
  it("invites an editor of a Welsh organisation in Welsh, and an English one in English", async () => {
    await chooseLanguage("cy");
    const admin = await con.as("admin");
    const invite = (email: string, organisationId: string) =>
      admin.post("/admin/users/new", { email, name: "Nia", role: "editor", organisationId });
    expect((await invite("nia@example.org", ORG)).status).toBe(303);
    const [welsh] = await arrived(smtp.state, 1);
    expect(welsh?.subject).toBe(
      "Mae gennych gyfrif ar Perinatal Signpost: dewiswch eich cyfrinair",
    );
    welshOnly(welsh as ParsedMail);
    expect(welsh?.text).toContain("am 7 diwrnod");
    expect(welsh?.html).toContain(`<a href="${ORIGIN}/admin/set-password?token=`);

    expect((await invite("sam@example.org", "demo-plymouth-sound-parents")).status).toBe(303);
    const english = (await arrived(smtp.state, 2))[1] as ParsedMail;
    expect(english.subject).toBe("You have an account on Perinatal Signpost: set your password");
    englishOnly(english);
  });

  it("sends a bilingual password reset to an editor whose organisation chose both, and English to a reviewer", async () => {
    await chooseLanguage("both");
    await requestReset("editor@example.org");
    const [mail] = await arrived(smtp.state, 1);
    expect(mail?.subject).toBe(
      "Ailosod eich cyfrinair Perinatal Signpost / Reset your Perinatal Signpost password",
    );
    const { cy, en } = halves(mail as ParsedMail);
    expect(cy).toMatch(/^Helo editor,\n\nGofynnodd rhywun/);
    expect(en).toMatch(/^Hello editor,\n\nSomeone \(we hope you\)/);
    // One link, in both halves: it works once.
    const link = /https:\/\/signpost\.example\/admin\/set-password\?token=[\w-]{43}/;
    expect(link.exec(cy)?.[0]).toBe(link.exec(en)?.[0]);

    await requestReset("reviewer@example.org");
    const theirs = (await arrived(smtp.state, 2))[1] as ParsedMail;
    expect(theirs.subject).toBe("Reset your Perinatal Signpost password");
    englishOnly(theirs);
  });

  it("tells an editor in Welsh and English that a listing was sent back, then published", async () => {
    await chooseLanguage("both");
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Tea Group" })),
    );
    await act(editor, id, "submit");
    await act(reviewer, id, "send-back", { reviewNote: "Add the venue." });
    // Both editors of the organisation hear (Nia was invited above).
    expect(await runDailyJobs(con.deps)).toMatchObject({ notificationsQueued: 2, sent: 2 });
    const back = (await arrived(smtp.state, 2)).find((m) =>
      addressesOf(m).includes("editor@example.org"),
    );
    expect(back?.subject).toBe(
      "Perinatal Signpost: Wedi’i anfon yn ôl atoch: Tea Group / Perinatal Signpost: Sent back to you: Tea Group",
    );
    let { cy, en } = halves(back as ParsedMail);
    expect(cy).toContain("Anfonwyd Tea Group yn ôl atoch, gyda’r nodyn hwn: Add the venue.");
    expect(en).toContain("Tea Group was sent back to you, with this note: Add the venue.");
    for (const half of [cy, en]) expect(half).toContain(`${ORIGIN}/admin/listings/${id}\n`);

    await act(editor, id, "submit");
    await act(reviewer, id, "publish");
    smtp.state.arrived.length = 0;
    expect(await runDailyJobs(con.deps)).toMatchObject({ notificationsQueued: 2 });
    const published = (await arrived(smtp.state, 2)).find((m) =>
      addressesOf(m).includes("editor@example.org"),
    );
    expect(published?.subject).toBe(
      "Perinatal Signpost: Wedi’i gyhoeddi: Tea Group / Perinatal Signpost: Published: Tea Group",
    );
    ({ cy, en } = halves(published as ParsedMail));
    expect(cy).toContain("Cyhoeddwyd Tea Group. Gall rhieni ei weld nawr.");
    // The public page opens in the half's language.
    expect(cy).toContain(`${ORIGIN}/services/${id}?lang=cy\n`);
    expect(en).toContain(`${ORIGIN}/services/${id}\n`);
    expect(String(published?.html)).toContain(`<a href="${ORIGIN}/services/${id}?lang=cy">`);
  });

  it("reminds a Welsh organisation in Welsh, and keeps the reviewers' digest in English", async () => {
    await chooseLanguage("cy");
    await con.db
      .update(services)
      .set({ demo: false, verifiedAt: "2020-01-01" })
      .where(eq(services.id, "demo-exeter-bumps-group"));
    // After 7 am: the reminder goes, and the reviewers' digest with it.
    con.clock.now = new Date("2026-11-26T08:00:00Z");
    const run = await runDailyJobs(con.deps);
    expect(run.remindersQueued).toBeGreaterThan(0);
    const mail = smtp.state.arrived;
    const reminder = mail.find((m) => addressesOf(m).includes("exe-valley-parents@example.org"));
    expect(reminder?.subject).toMatch(/^Perinatal Signpost: rhestriadau i’w gwirio \(\d+\)$/);
    welshOnly(reminder as ParsedMail);
    expect(reminder?.text).toContain("Yn dal yn gywir: https://signpost.example/check/");
    expect(reminder?.text).toMatch(/\/check\/[\w-]+\?lang=cy/);
    const digest = mail.find((m) => addressesOf(m).includes("reviewer@example.org"));
    expect(digest?.subject).toBe("Perinatal Signpost: your daily summary");
    englishOnly(digest as ParsedMail);
    await chooseLanguage(null);
  });
});
