import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessRequest } from "../../../api/admin/access-requests.js";
import { newLinkToken } from "../../../api/admin/email-links.js";
import { runDailyJobs } from "../../../api/admin/index.js";
import {
  listingDrafts,
  notifications,
  organisations,
  outbox,
  services,
} from "../../../schema/tables.js";
import {
  type Agent,
  type Console,
  createdId,
  listingAction,
  listingForm,
  ORG,
  ORG_LISTING,
} from "./helpers.js";
import { addressesOf, openMailConsole, type Smtp, senderFor } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("notifications by mail", () => {
  let con: Console;
  let smtp: Smtp;
  let editor: Agent;
  let reviewer: Agent;
  const to = (address: string) =>
    smtp.state.arrived.filter((m) => addressesOf(m).includes(address));
  const act = listingAction;

  beforeAll(async () => {
    ({ con, smtp } = await openMailConsole(ORIGIN));
    [editor, reviewer] = await Promise.all([con.as("editor"), con.as("reviewer")]);
  });
  afterAll(async () => {
    con?.close();
    await smtp?.close();
  });

  it("tells an editor at once when a listing is sent back, with the note, and nobody twice", async () => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Tea Group" })),
    );
    expect((await act(editor, id, "submit")).status).toBe(303);
    expect((await act(reviewer, id, "send-back", { reviewNote: "Add the <venue>." })).status).toBe(
      303,
    );
    const first = await runDailyJobs(con.deps);
    expect(first).toMatchObject({ notificationsQueued: 1, digestsQueued: 0 });
    expect(await runDailyJobs(con.deps)).toMatchObject({ notificationsQueued: 0, sent: 0 });
    const mails = to("editor@example.org");
    expect(mails).toHaveLength(1);
    const mail = mails[0] as ParsedMail;
    expect(mail.subject).toBe("Perinatal Signpost: Sent back to you: Tea Group");
    expect(mail.text).toContain("Tea Group was sent back to you, with this note: Add the <venue>.");
    expect(mail.text).toContain(`${ORIGIN}/admin/listings/${id}`);
    expect(mail.html).toContain("Add the &lt;venue&gt;.");
    // The reviewer who sent it back is not told; reviewers chose nothing, so theirs wait for 7 am.
    expect(to("reviewer@example.org")).toHaveLength(0);
  });

  it("writes to an editor in their organisation's language", async () => {
    await con.db.update(organisations).set({ mailLanguage: "cy" }).where(eq(organisations.id, ORG));
    const report = await con.app.request(`/api/v1/services/${ORG_LISTING}/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "wrong-times", text: "My name is Ann, 07700 900123" }),
    });
    expect(report.status).toBe(201);
    expect(await runDailyJobs(con.deps)).toMatchObject({ notificationsQueued: 1 });
    const mail = to("editor@example.org").at(-1) as ParsedMail;
    expect(mail.subject).toBe(
      "Perinatal Signpost: Problem wedi’i hadrodd: Exeter Bumps & Babies Peer Group (example)",
    );
    expect(mail.text).toMatch(/^Helo editor,\n\nRhoddodd rhywun wybod am broblem/);
    // What the parent wrote never goes into mail.
    expect(mail.text).not.toMatch(/Ann|07700/);
    expect(mail.html).toMatch(/^<!doctype html><html lang="cy">/);
    await con.db.update(organisations).set({ mailLanguage: null }).where(eq(organisations.id, ORG));
  });

  it("sends reviewers one digest a day from 7 am with the queues and what happened", async () => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Walk Group" })),
    );
    expect((await act(editor, id, "submit")).status).toBe(303);
    // A real listing first reminded 15 days ago and still not checked.
    await con.db
      .update(services)
      .set({ demo: false, verifiedAt: "2026-03-01" })
      .where(eq(services.id, "demo-devon-perinatal-team"));
    con.deps.mail = undefined;
    con.clock.now = new Date("2026-11-11T05:00:00Z");
    expect((await runDailyJobs(con.deps)).remindersQueued).toBeGreaterThan(0);
    con.clock.now = new Date("2026-11-26T06:50:00Z");
    con.deps.mail = senderFor(smtp);
    expect(await runDailyJobs(con.deps)).toMatchObject({ digestsQueued: 0 });
    con.clock.advance(15 * 60_000);
    const run = await runDailyJobs(con.deps);
    // reviewer, reviewer2 and admin; the editor chose nothing and so hears at once.
    expect(run.digestsQueued).toBe(3);
    expect((await runDailyJobs(con.deps)).digestsQueued).toBe(0);
    const [digest, ...more] = to("reviewer@example.org");
    expect(more).toHaveLength(0);
    expect(digest?.subject).toBe("Perinatal Signpost: your daily summary");
    const text = digest?.text ?? "";
    // The page the count links to lists the seed's example listing in review too.
    expect(text).toMatch(/Listings waiting for review: [1-9]\d* \(and 1 example listing\)\n/);
    expect(text).toContain(`${ORIGIN}/admin/listings?status=in-review`);
    expect(text).toContain("Still not checked 14 days after their reminder:");
    expect(text).toMatch(/- Devon[^\n]*\(reminded on 11 November 2026\)/);
    expect(text).toContain("Since the last summary:");
    expect(text).toContain("Walk Group was submitted for review.");
    expect(text).toContain("Tea Group was submitted for review.");
    expect(text).toContain("Someone reported a problem with Exeter Bumps");
    expect(text).not.toContain("was sent back");
  });

  it("lets each person choose, and an admin's choice of 'immediate' sends each event", async () => {
    const admin = await con.as("admin");
    editor = await con.as("editor");
    const page = await (await admin.get("/admin/account/notifications")).text();
    expect(page).toContain('<option value="daily" selected="">');
    // The choice always has a value: its label says what it is, without "(optional)".
    expect(page).toContain('<label for="f-notify">How often to email me</label>');
    const saved = await admin.post("/admin/account/notifications", { notify: "immediate" });
    expect(saved.status).toBe(303);
    expect(await (await admin.get("/admin/account/notifications")).text()).toContain(
      '<option value="immediate" selected="">',
    );
    const refused = await admin.post("/admin/account/notifications", { notify: "hourly" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toContain("text/html");
    const again = await refused.text();
    expect(again).toContain("Choose a mail each time or one summary a day.");
    // Nothing changed: the saved choice is still selected on the page sent back.
    expect(again).toContain('<option value="immediate" selected="">');
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Swim Group" })),
    );
    expect((await act(editor, id, "submit")).status).toBe(303);
    expect((await runDailyJobs(con.deps)).notificationsQueued).toBe(1);
    expect(to("admin@example.org").at(-1)?.subject).toBe(
      "Perinatal Signpost: Submitted for review: Swim Group",
    );
  });

  it("counts requests for editor access in admins' summaries only; example listings alone send none", async () => {
    // The 27th: yesterday's events go out in their summaries.
    con.clock.now = new Date("2026-11-27T07:30:00Z");
    await runDailyJobs(con.deps);
    // Then nothing real waits: listings in review go back to draft; Devon is an example again.
    await con.db
      .update(services)
      .set({ status: "draft" })
      .where(and(eq(services.status, "in-review"), eq(services.demo, false)));
    await con.db
      .update(listingDrafts)
      .set({ state: "draft" })
      .where(eq(listingDrafts.state, "in-review"));
    await con.db
      .update(services)
      .set({ demo: true })
      .where(eq(services.id, "demo-devon-perinatal-team"));
    const token = newLinkToken();
    const requestId = await createAccessRequest(
      con.db,
      con.clock.now,
      {
        service: { id: ORG_LISTING, organisationId: ORG, organisationName: "Exe Valley Parents" },
        lang: "en",
        name: "Rhian",
        email: "rhian@example.org",
        role: "Team lead",
        origin: ORIGIN,
      },
      token,
    );
    const confirmed = await con.app.request(`/ask-to-update/confirm/${token}`, { method: "POST" });
    expect(confirmed.status).toBe(303);
    const [reviewerMail, adminMail] = [to("reviewer@example.org"), to("admin@example.org")];

    con.clock.now = new Date("2026-11-28T07:30:00Z");
    const run = await runDailyJobs(con.deps);
    // The admin's summary; reviewers have only the example listing waiting, so none for them.
    expect(run.digestsQueued).toBe(1);
    expect(to("reviewer@example.org")).toHaveLength(reviewerMail.length);
    const digest = to("admin@example.org")
      .slice(adminMail.length)
      .find((m) => m.subject === "Perinatal Signpost: your daily summary");
    const text = digest?.text ?? "";
    expect(text).toContain(
      `Requests for editor access, waiting: 1\n${ORIGIN}/admin/access-requests\n`,
    );
    expect(text).toContain(
      `Listings waiting for review: 0 (and 1 example listing)\n${ORIGIN}/admin/listings?status=in-review\n`,
    );
    expect(String(digest?.html)).toContain(
      `<a href="${ORIGIN}/admin/access-requests">${ORIGIN}/admin/access-requests</a>`,
    );
    // Refused, the request waits no more: the next day there is nothing to sum up.
    const admin = await con.as("admin");
    const refused = await admin.post(`/admin/access-requests/${requestId}/refuse`, {
      reason: "We could not tell that you work there.",
    });
    expect(refused.status).toBe(303);
    con.clock.now = new Date("2026-11-29T07:30:00Z");
    expect((await runDailyJobs(con.deps)).digestsQueued).toBe(0);
  });

  it("erases notification rows after 30 days and old mail that is not a reminder", async () => {
    expect((await con.db.select().from(notifications)).length).toBeGreaterThan(0);
    con.clock.advance(31 * DAY);
    const run = await runDailyJobs(con.deps);
    expect(run.notificationsPurged).toBeGreaterThan(0);
    expect(await con.db.select().from(notifications)).toHaveLength(0);
    const kinds = new Set((await con.db.select().from(outbox)).map((m) => m.kind));
    expect(kinds.has("notification")).toBe(false);
    expect(kinds.has("review-reminder")).toBe(true);
  });
});
