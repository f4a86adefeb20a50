import { and, eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import {
  auditLog,
  emailLinks,
  organisations,
  outbox,
  reports,
  services,
} from "../../../schema/tables.js";
import { type Console, ORG_LISTING, openConsole } from "./helpers.js";
import { addressesOf, type Smtp, senderFor, startSmtp } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";
const DAY = 86_400_000;
const WELSH_ORG = "demo-taf-parents-circle";

const linksIn = (mail: ParsedMail | undefined, label: string) =>
  [...(mail?.text ?? "").matchAll(new RegExp(`${label}: (https://\\S+)`, "g"))].map(
    (m) => m[1] ?? "",
  );
const local = (url: string) => url.slice(ORIGIN.length);

describe("one-click answers to a review reminder", () => {
  let con: Console;
  let smtp: Smtp;
  let stillCorrect = "";
  let changed = "";

  beforeAll(async () => {
    [con, smtp] = await Promise.all([openConsole(), startSmtp()]);
    // 05:00 in London: before 07:00, when reviewers' daily digests are written (notify.test.ts).
    con.clock.now = new Date("2026-11-26T05:00:00Z");
    const welshListing = await con.db
      .select({ id: services.id })
      .from(services)
      .where(eq(services.organisationId, WELSH_ORG));
    // Two real organisations, one listing each long overdue; the Welsh one has no editor.
    for (const id of [ORG_LISTING, welshListing[0]?.id ?? ""]) {
      await con.db
        .update(services)
        .set({ demo: false, verifiedAt: "2026-03-01" })
        .where(eq(services.id, id));
    }
    await con.db
      .update(organisations)
      .set({ email: "taf@example.org" })
      .where(eq(organisations.id, WELSH_ORG));
    con.deps.publicOrigin = ORIGIN;
    con.deps.mail = senderFor(smtp);
  });
  afterAll(async () => {
    con?.close();
    await smtp?.close();
  });

  it("mails each organisation in its language, with a link per listing", async () => {
    expect(await runDailyJobs(con.deps)).toMatchObject({ remindersQueued: 2, sent: 2 });
    const english = smtp.state.arrived.find((m) => addressesOf(m).includes("editor@example.org"));
    const welsh = smtp.state.arrived.find((m) => addressesOf(m).includes("taf@example.org"));
    stillCorrect = linksIn(english, "Still correct")[0] ?? "";
    expect(stillCorrect).toMatch(/^https:\/\/signpost\.example\/check\/[\w-]{43}$/);
    expect(linksIn(english, "Something has changed")).toEqual([
      `${ORIGIN}/admin/listings/${ORG_LISTING}`,
    ]);
    // Serves Wales: Welsh first, then English, with both subjects; no editor, so the public form.
    expect(welsh?.subject).toBe(
      "Perinatal Signpost: rhestriadau i’w gwirio (1) / Perinatal Signpost: 1 listing is due for checking",
    );
    expect(welsh?.text?.indexOf("Helo ")).toBeLessThan(welsh?.text?.indexOf("Hello ") ?? 0);
    expect(linksIn(welsh, "Yn dal yn gywir")[0]).toMatch(/\/check\/[\w-]{43}\?lang=cy$/);
    changed = linksIn(welsh, "Something has changed")[0] ?? "";
    expect(changed).toMatch(/\/check\/[\w-]{43}\/change$/);
    expect(welsh?.html).toMatch(/<div lang="cy">[\s\S]*<div lang="en">/);
    // Only digests are stored: the links cannot be rebuilt from the database.
    const rows = await con.db.select().from(emailLinks);
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.id))).toBe(true);
    expect(rows[0]?.expiresAt).toBe(new Date(con.clock.now.getTime() + 30 * DAY).toISOString());
  });

  it("shows the listing on GET and changes nothing, as a mail scanner's fetch must not", async () => {
    for (let i = 0; i < 2; i++) {
      const res = await con.anonymous.get(local(stillCorrect));
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      const page = await res.text();
      expect(page).toContain("Is this listing still correct?");
      expect(page).toContain("Exeter Bumps");
      expect(page).toContain('<button type="submit" class="button">Yes, it is still correct');
    }
    const [row] = await con.db
      .select({ verifiedAt: services.verifiedAt })
      .from(services)
      .where(eq(services.id, ORG_LISTING));
    expect(row?.verifiedAt).toBe("2026-03-01");
  });

  it("confirms on POST once, audited as confirmed by email link, and refuses a second use", async () => {
    const first = await con.anonymous.post(local(stillCorrect));
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toMatch(/\?done=1$/);
    const thanks = await (await con.anonymous.get(first.headers.get("location") ?? "")).text();
    expect(thanks).toContain("The listing is marked as checked on 26 November 2026.");
    const [row] = await con.db
      .select({ verifiedAt: services.verifiedAt })
      .from(services)
      .where(eq(services.id, ORG_LISTING));
    expect(row?.verifiedAt).toBe("2026-11-26");
    const entries = await con.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, ORG_LISTING), eq(auditLog.action, "listing.confirm-by-link")),
      );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      userId: null,
      after: {
        verifiedAt: "2026-11-26",
        confirmedBy: "email link by Exe Valley Parents Together (example)",
      },
    });
    const again = await con.anonymous.post(local(stillCorrect));
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This link has been used");
    const shown = await con.anonymous.get(local(stillCorrect));
    expect(shown.status).toBe(409);
    expect(
      await con.db.select().from(auditLog).where(eq(auditLog.action, "listing.confirm-by-link")),
    ).toHaveLength(1);
  });

  it("refuses a post from another site and an unknown link", async () => {
    const other = await con.anonymous.post(
      local(changed),
      { text: "x" },
      {
        headers: { origin: "https://evil.example" },
      },
    );
    expect(other.status).toBe(403);
    expect((await con.anonymous.get("/check/not-a-token")).status).toBe(404);
    expect((await con.anonymous.post(`/check/${"a".repeat(43)}`)).status).toBe(404);
  });

  it("takes 'something has changed' as a report, keeping what was typed when it is too long", async () => {
    const path = local(changed);
    const form = await con.anonymous.get(`${path}?lang=cy`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain("Beth sydd wedi newid?");
    const long = `The group now meets on Thursdays. ${"x".repeat(900)}`;
    const refused = await con.anonymous.post(path, { text: long });
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain("Use 900 characters or fewer.");
    expect(page).toContain("The group now meets on Thursdays. xxx");
    expect(await con.db.select().from(reports)).toHaveLength(0);
    const sent = await con.anonymous.post(path, { text: "The group now meets on Thursdays." });
    expect(sent.status).toBe(303);
    expect(await (await con.anonymous.get(sent.headers.get("location") ?? "")).text()).toContain(
      "A reviewer will update the listing.",
    );
    const [report] = await con.db.select().from(reports);
    expect(report).toMatchObject({ reason: "other", status: "open" });
    expect(report?.text).toMatch(
      /^From Taf Parents' Circle .*, by the link in their review reminder: The group now meets on Thursdays\.$/,
    );
    expect((await con.anonymous.post(path, { text: "again" })).status).toBe(409);
    expect(await con.db.select().from(reports)).toHaveLength(1);
  });

  it("refuses a link after 30 days", async () => {
    con.clock.advance(7 * DAY);
    con.deps.mail = undefined;
    expect((await runDailyJobs(con.deps)).remindersQueued).toBe(1);
    const [queued] = await con.db
      .select({ body: outbox.body })
      .from(outbox)
      .where(and(eq(outbox.organisationId, WELSH_ORG), eq(outbox.status, "queued")));
    const link = /Still correct: https:\/\/signpost\.example(\/check\/[\w-]{43})/.exec(
      queued?.body ?? "",
    )?.[1];
    expect(link).toBeDefined();
    con.clock.advance(29 * DAY);
    expect((await con.anonymous.get(link ?? "")).status).toBe(200);
    con.clock.advance(DAY + 1);
    const late = await con.anonymous.post(link ?? "");
    expect(late.status).toBe(410);
    expect(await late.text()).toContain("This link has expired");
  });
});
