import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type OutgoingMessage,
  runDailyJobs,
  startDailyScheduler,
} from "../../../api/admin/index.js";
import { textToHtml } from "../../../api/admin/mail.js";
import { organisationMailLanguages } from "../../../api/admin/mail-language.js";
import { BILINGUAL_BREAK, mailLanguageFor } from "../../../api/admin/mail-text.js";
import { dueReminders, type ReminderListing } from "../../../api/admin/reminders.js";
import { organisations, outbox, services } from "../../../schema/tables.js";
import { FIXED_NOW } from "../../support/backends.js";
import { type Console, openConsole } from "./helpers.js";

const DAY = 86_400_000;
const listing = (over: Partial<ReminderListing>): ReminderListing => ({
  id: "a",
  name: "A group",
  organisationId: "org",
  kind: "peer-group",
  verifiedAt: "2026-01-01",
  reviewEveryDays: 180,
  ...over,
});
const org = { id: "org", name: "Org", email: "org@example.org" };

describe("dueReminders (pure)", () => {
  const base = {
    organisations: [org],
    editors: [],
    lastReminders: new Map(),
    now: FIXED_NOW,
    token: (id: string) => `tok-${id}`,
  };

  it("reminds an organisation about its overdue listings, most overdue first, with links", () => {
    const [r, ...rest] = dueReminders({
      ...base,
      listings: [
        listing({ id: "fresh", verifiedAt: "2026-11-01" }),
        listing({ id: "old", name: "Old group", verifiedAt: "2025-12-10" }),
        listing({ id: "older", name: "Older group", verifiedAt: "2025-06-01" }),
      ],
      origin: "https://signpost.example/",
      editors: [
        { email: "Editor@Example.org", organisationId: "org" },
        { email: "x@example.org", organisationId: "other" },
      ],
    });
    expect(rest).toEqual([]);
    expect(r?.listings.map((l) => l.id)).toEqual(["older", "old"]);
    expect(r?.recipients).toEqual(["editor@example.org", "org@example.org"]);
    expect(r?.day).toBe("2026-11-26");
    expect(r?.subject).toBe("Perinatal Signpost: 2 listings are due for checking");
    expect(r?.body).toContain("https://signpost.example/admin/listings/older");
    expect(r?.body).toContain("Search has stopped showing it until it is checked.");
    expect(r?.body).toMatch(
      /Old group: due since 8 June 2026 \(171 days ago\)\. Search will stop showing it from 5 December 2026/,
    );
  });

  it("uses 90 days for crisis listings when they are hidden", () => {
    const [r] = dueReminders({
      ...base,
      listings: [listing({ kind: "crisis", reviewEveryDays: 90, verifiedAt: "2026-06-01" })],
    });
    expect(r?.listings[0]).toMatchObject({
      dueOn: "2026-08-30",
      hiddenOn: "2026-11-28",
      hidden: false,
    });
  });

  it("does not remind again within a week unless another listing fell due", () => {
    const listings = [listing({ id: "a", verifiedAt: "2026-01-01" })];
    const recent = new Map([["org", { day: "2026-11-22", listingIds: ["a"] }]]);
    expect(dueReminders({ ...base, listings, lastReminders: recent })).toEqual([]);
    const weekAgo = new Map([["org", { day: "2026-11-19", listingIds: ["a"] }]]);
    expect(dueReminders({ ...base, listings, lastReminders: weekAgo })).toHaveLength(1);
    const more = [...listings, listing({ id: "b", verifiedAt: "2026-05-20" })];
    expect(dueReminders({ ...base, listings: more, lastReminders: recent })).toHaveLength(1);
  });

  it("gives each listing a 'still correct' link and a 'something has changed' link", () => {
    const listings = [listing({ id: "old", name: "Old group", verifiedAt: "2025-12-10" })];
    const origin = "https://signpost.example";
    const [alone] = dueReminders({ ...base, listings, origin });
    expect(alone?.tokens).toEqual({ old: "tok-old" });
    expect(alone?.body).toContain(`  Still correct: ${origin}/check/tok-old\n`);
    // Without an editor account, "changed" opens the public suggest-a-change form.
    expect(alone?.body).toContain(`  Something has changed: ${origin}/check/tok-old/change\n`);
    const editors = [{ email: "e@example.org", organisationId: "org" }];
    const [withEditor] = dueReminders({ ...base, listings, origin, editors });
    expect(withEditor?.body).toContain(`Something has changed: ${origin}/admin/listings/old\n`);
  });

  it("writes in Welsh, or in Welsh then English, as the organisation's language says", () => {
    const listings = [listing({ id: "old", name: "Grŵp", verifiedAt: "2025-12-10" })];
    const origin = "https://signpost.example";
    const [cy] = dueReminders({ ...base, listings, origin, languages: new Map([["org", "cy"]]) });
    expect(cy?.lang).toBe("cy");
    expect(cy?.subject).toBe("Perinatal Signpost: rhestriadau i’w gwirio (1)");
    expect(cy?.body).toMatch(/^Helo Org,\n\nMae angen gwirio un rhestriad/);
    expect(cy?.body).toContain("Grŵp: i’w wirio ers 8 Mehefin 2026 (171 diwrnod yn ôl).");
    expect(cy?.body).toContain(`Yn dal yn gywir: ${origin}/check/tok-old?lang=cy`);
    expect(cy?.body).not.toMatch(/Still correct|Hello/);
    const [both] = dueReminders({
      ...base,
      listings,
      origin,
      languages: new Map([["org", "both"]]),
    });
    expect(both?.subject).toBe(
      "Perinatal Signpost: rhestriadau i’w gwirio (1) / Perinatal Signpost: 1 listing is due for checking",
    );
    const [welsh, english] = (both?.body ?? "").split(BILINGUAL_BREAK);
    expect(welsh).toContain("Helo Org");
    expect(english).toMatch(/^Hello Org/);
    expect(english).toContain(`Still correct: ${origin}/check/tok-old\n`);
    const html = textToHtml(both?.body ?? "", "both");
    expect(html).toMatch(/^<!doctype html><html lang="cy">/);
    expect(html).toMatch(/<div lang="cy"><p>Helo Org,<\/p>[\s\S]*<hr><div lang="en"><p>Hello Org,/);
  });

  it("chooses bilingual mail for an organisation with Welsh listings unless it chose", () => {
    const welsh = { welshText: true, servesWales: false };
    const wales = { welshText: false, servesWales: true };
    const neither = { welshText: false, servesWales: false };
    expect(mailLanguageFor(null, [neither, welsh])).toBe("both");
    expect(mailLanguageFor(null, [wales])).toBe("both");
    expect(mailLanguageFor(null, [neither])).toBe("en");
    expect(mailLanguageFor(null, [])).toBe("en");
    expect(mailLanguageFor("en", [welsh])).toBe("en");
    expect(mailLanguageFor("cy", [neither])).toBe("cy");
  });

  it("reminds nobody when nothing is due", () => {
    expect(dueReminders({ ...base, listings: [listing({ verifiedAt: "2026-11-01" })] })).toEqual(
      [],
    );
  });
});

describe("the daily job and the outbox", () => {
  let con: Console;

  beforeAll(async () => {
    con = await openConsole();
    // 05:00 in London: before 07:00, when reviewers' daily digests are written (notify.test.ts).
    con.clock.now = new Date("2026-11-26T05:00:00Z");
    // A real (not example) organisation with a listing long overdue.
    await con.db
      .update(services)
      .set({ demo: false, verifiedAt: "2026-03-01" })
      .where(eq(services.id, "demo-exeter-bumps-group"));
  });
  afterAll(() => con?.close());

  it("writes one reminder per organisation per day, however often it runs", async () => {
    const first = await runDailyJobs(con.deps);
    expect(first.remindersQueued).toBe(1);
    const second = await runDailyJobs(con.deps);
    expect(second.remindersQueued).toBe(0);
    const rows = await con.db.select().from(outbox);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "review-reminder",
      organisationId: "demo-exe-valley-parents",
      day: "2026-11-26",
      status: "queued",
      recipients: ["editor@example.org", "exe-valley-parents@example.org"],
    });
    const admin = await con.as("admin");
    const page = await (await admin.get("/admin/outbox")).text();
    expect(page).toContain("1 listing is due for checking");
    expect(page).toContain("queued");
  });

  it("hands queued messages to a sender and records failures for a retry", async () => {
    const sent: OutgoingMessage[] = [];
    let fail = true;
    const sender = async (m: OutgoingMessage) => {
      if (fail) throw new Error("relay down");
      sent.push(m);
    };
    const failed = await runDailyJobs(con.deps, { sender });
    expect(failed).toMatchObject({ sent: 0, failed: 1 });
    expect((await con.db.select().from(outbox))[0]).toMatchObject({
      status: "queued",
      attempts: 1,
      lastError: "relay down",
      nextAttemptAt: new Date(con.clock.now.getTime() + 15 * 60_000).toISOString(),
    });
    // Not before its next attempt time…
    expect(await runDailyJobs(con.deps, { sender })).toMatchObject({ sent: 0, failed: 0 });
    con.clock.advance(15 * 60_000);
    fail = false;
    const ok = await runDailyJobs(con.deps, { sender });
    expect(ok).toMatchObject({ sent: 1, failed: 0 });
    expect(sent[0]?.to).toContain("exe-valley-parents@example.org");
    expect((await con.db.select().from(outbox))[0]).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("reminds again a week later, and not about listings that were checked", async () => {
    con.clock.advance(7 * DAY);
    expect((await runDailyJobs(con.deps)).remindersQueued).toBe(1);
    const editor = await con.as("editor");
    const page = await (await editor.get("/admin/listings/demo-exeter-bumps-group")).text();
    const version = /name="version" value="(\d+)"/.exec(page)?.[1] ?? "";
    expect(
      (
        await editor.post("/admin/listings/demo-exeter-bumps-group/check", {
          version,
          revision: "0",
        })
      ).status,
    ).toBe(303);
    con.clock.advance(7 * DAY);
    expect((await runDailyJobs(con.deps)).remindersQueued).toBe(0);
  });

  it("finds Welsh organisations from their listings, and keeps an organisation's own choice", async () => {
    const langs = await organisationMailLanguages(con.db);
    // Welsh text, or service areas in Wales (health boards W11…), make mail bilingual.
    expect(langs.get("demo-welsh-health-board")).toBe("both");
    expect(langs.get("demo-taf-parents-circle")).toBe("both");
    expect(langs.get("demo-exe-valley-parents")).toBe("en");
    await con.db
      .update(organisations)
      .set({ mailLanguage: "en" })
      .where(eq(organisations.id, "demo-welsh-health-board"));
    expect((await organisationMailLanguages(con.db)).get("demo-welsh-health-board")).toBe("en");
  });

  it("skips organisations without due listings and example listings", async () => {
    const orgs = await con.db.select({ id: organisations.id }).from(organisations);
    const rows = await con.db.select().from(outbox);
    expect(new Set(rows.map((r) => r.organisationId))).toEqual(
      new Set(["demo-exe-valley-parents"]),
    );
    expect(orgs.length).toBeGreaterThan(5);
  });

  it("lets an admin run the job from the console", async () => {
    const admin = await con.as("admin");
    const res = await admin.post("/admin/outbox/run");
    expect(res.status).toBe(303);
    const location = res.headers.get("location") ?? "";
    expect(location).toMatch(/^\/admin\/outbox\?queued=\d+&sent=\d+$/);
    expect(await (await admin.get(location)).text()).toMatch(
      /The daily job ran: \d+ new reminders?, \d+ sent\./,
    );
  });

  it("runs from an in-process scheduler that can be stopped", async () => {
    vi.useFakeTimers();
    try {
      const runs: string[] = [];
      const deps = {
        ...con.deps,
        logger: { ...con.deps.logger, info: (m: string) => runs.push(m) },
      };
      const stop = startDailyScheduler(deps, { everyMs: 1000, firstRunAfterMs: 10 });
      await vi.advanceTimersByTimeAsync(2_100);
      stop();
      const count = runs.filter((m) => m === "daily jobs").length;
      expect(count).toBeGreaterThanOrEqual(2);
      await vi.advanceTimersByTimeAsync(5_000);
      expect(runs.filter((m) => m === "daily jobs").length).toBe(count);
    } finally {
      vi.useRealTimers();
    }
  });
});
