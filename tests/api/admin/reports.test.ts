import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { and, eq } from "drizzle-orm";
import { migrate } from "drizzle-orm/libsql/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../../api/admin/daily-jobs.js";
import { createReport, listReports, REPORT_NOTE_MAX } from "../../../api/admin/reports.js";
import { readConfig } from "../../../api/config.js";
import { openDb } from "../../../api/db/client.js";
import { migrateDb } from "../../../api/db/migrate.js";
import { MemoryRateLimiter } from "../../../api/rate-limit.js";
import { auditLog, reports } from "../../../schema/tables.js";
import { errorOf } from "../../support/client.js";
import { type Console, openConsole } from "./helpers.js";

const post = (con: Console, id: string, body: unknown, headers: Record<string, string> = {}) =>
  con.app.request(`/api/v1/services/${id}/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

describe("public problem reports", () => {
  let con: Console;
  let clockMs = 0;
  let badRequests = 0;

  beforeAll(async () => {
    con = await openConsole({ limits: { reports: new MemoryRateLimiter(5, 60, () => clockMs) } });
  });
  afterAll(() => con?.close());

  it("accepts a report for a published listing with 201", async () => {
    const res = await post(
      con,
      "samaritans",
      { reason: "wrong-times", text: "  The line is open 24 hours now.  " },
      { "cf-connecting-ip": "198.51.100.10" },
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { report: { id: string; reason: string; status: string } };
    expect(body.report).toMatchObject({
      reason: "wrong-times",
      status: "open",
      serviceId: "samaritans",
    });
    const reviewer = await con.as("reviewer");
    const queue = await (await reviewer.get("/admin/reports")).text();
    expect(queue).toContain("The line is open 24 hours now.");
    expect(queue).toContain("The days or times are wrong");
  });

  it("accepts a plain form post too (for pages without JavaScript)", async () => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "cf-connecting-ip": "198.51.100.11",
      },
      body: "reason=closed",
    });
    expect(res.status).toBe(201);
  });

  it("sends a browser that posted the service page's form without JavaScript back to that page", async () => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "text/html,application/xhtml+xml",
        "cf-connecting-ip": "198.51.100.15",
      },
      body: "reason=wrong-contact&text=The+number+has+changed",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/services/samaritans/report?sent=1");
  });

  it.each([
    ["an unknown listing", "no-such-listing"],
    ["a listing in review", "apni"],
    ["an archived listing", "demo-bristol-bumps-swim"],
  ])("answers 404 in the error envelope for %s", async (_name, id) => {
    const res = await post(con, id, { reason: "closed" }, { "cf-connecting-ip": "198.51.100.12" });
    expect(res.status).toBe(404);
    expect((await errorOf(res)).code).toBe("not_found");
  });

  it.each([
    ["an unknown reason", { reason: "rude" }, "reason must be"],
    ["no reason", { text: "hello" }, "reason must be"],
    [
      "text over 1,000 characters",
      { reason: "other", text: "x".repeat(1001) },
      "at most 1000 characters",
    ],
    ["text that is not a string", { reason: "other", text: 42 }, "text must be"],
    ["unknown fields", { reason: "other", email: "me@example.org" }, "unknown field email"],
    ["invalid JSON", "{reason:", "not valid JSON"],
  ])("answers 400 invalid_report for %s", async (_name, body, message) => {
    // Each case from its own address, so the limiter stays out of the way.
    const res = await post(con, "samaritans", body, {
      "cf-connecting-ip": `198.51.100.${30 + badRequests++}`,
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("invalid_report");
    expect(error.message).toContain(message);
  });

  it.each([
    ["multipart without a boundary", "multipart/form-data", "reason=closed"],
    [
      "multipart cut short",
      "multipart/form-data; boundary=xyz",
      '--xyz\r\nContent-Disposition: form-data; name="reason"\r\n\r\nclos',
    ],
    ["multipart with a boundary that never comes", "multipart/form-data; boundary=abc", "junk"],
  ])("answers 400 invalid_report, not 500, for %s", async (_name, type, body) => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: { "content-type": type, "cf-connecting-ip": `198.51.100.${60 + badRequests++}` },
      body,
    });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe("invalid_report");
    expect(error.message).toContain("could not be read");
  });

  it("still answers 413 to an oversized form sent without a length", async () => {
    const chunk = new TextEncoder().encode(`reason=other&text=${"z".repeat(20_000)}`);
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "cf-connecting-ip": "198.51.100.90",
      },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe("payload_too_large");
  });

  it("accepts exactly 1,000 characters of text", async () => {
    const res = await post(
      con,
      "samaritans",
      { reason: "other", text: "y".repeat(1000) },
      { "cf-connecting-ip": "198.51.100.14" },
    );
    expect(res.status).toBe(201);
  });

  it("limits reports per client address, with Retry-After and the error envelope", async () => {
    const from = { "cf-connecting-ip": "203.0.113.99" };
    for (let i = 0; i < 5; i++)
      expect((await post(con, "samaritans", { reason: "closed" }, from)).status).toBe(201);
    const limited = await post(con, "samaritans", { reason: "closed" }, from);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("60");
    expect((await errorOf(limited)).code).toBe("rate_limited");
    expect(
      (await post(con, "samaritans", { reason: "closed" }, { "cf-connecting-ip": "203.0.113.100" }))
        .status,
    ).toBe(201);
    clockMs += 61_000;
    expect((await post(con, "samaritans", { reason: "closed" }, from)).status).toBe(201);
  });

  it("lets sites that embed the widget send reports (CORS preflight allows POST)", async () => {
    const res = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "OPTIONS",
      headers: {
        origin: "https://gp.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("lets reviewers resolve or dismiss a report, once", async () => {
    const reviewer = await con.as("reviewer");
    const queue = await (await reviewer.get("/admin/reports")).text();
    const reportId = /action="\/admin\/reports\/([^"]+)"/.exec(queue)?.[1] ?? "";
    expect(reportId).not.toBe("");
    const done = await reviewer.post(`/admin/reports/${reportId}`, {
      outcome: "resolved",
      note: "Updated the opening hours.",
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe("/admin/reports?done=resolved");
    const again = await reviewer.post(`/admin/reports/${reportId}`, { outcome: "dismissed" });
    expect(again.headers.get("location")).toBe("/admin/reports?done=gone");
    const resolved = await (await reviewer.get("/admin/reports?status=resolved")).text();
    expect(resolved).toContain("resolved");
  });

  it("needs a note to resolve a report: without one, or with too long a one, nothing changes and the form keeps what was typed", async () => {
    const report = await createReport(con.db, con.clock.now, "samaritans", {
      reason: "wrong-contact",
      text: "The number is wrong.",
    });
    const reviewer = await con.as("reviewer");
    const bare = await reviewer.post(`/admin/reports/${report.id}`, { outcome: "resolved" });
    expect(bare.status).toBe(422);
    const html = await bare.text();
    expect(html).toContain("Say what you did before marking the report as resolved.");
    expect(html).toMatch(/aria-invalid="true"/);
    const long = "x".repeat(REPORT_NOTE_MAX + 1);
    const tooLong = await reviewer.post(`/admin/reports/${report.id}`, {
      outcome: "resolved",
      note: `<b>${long}</b>`,
    });
    expect(tooLong.status).toBe(422);
    const kept = await tooLong.text();
    expect(kept).toContain(`Keep the note to ${REPORT_NOTE_MAX} characters`);
    expect(kept).toContain(`&lt;b&gt;${long}&lt;/b&gt;`);
    const [row] = await con.db.select().from(reports).where(eq(reports.id, report.id));
    expect(row?.status).toBe("open");
    expect(
      await con.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, report.id), eq(auditLog.action, "report.resolve"))),
    ).toEqual([]);
  });

  it("keeps the note with the report: in its audit entry, on the queue and on the listing's page", async () => {
    const report = await createReport(con.db, con.clock.now, "samaritans", {
      reason: "wrong-times",
      text: "Closed on Sundays now.",
    });
    const reviewer = await con.as("reviewer");
    const done = await reviewer.post(`/admin/reports/${report.id}`, {
      outcome: "resolved",
      note: "  Hours corrected <with> the service.  ",
    });
    expect(done.status).toBe(303);
    const [entry] = await con.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, report.id), eq(auditLog.action, "report.resolve")));
    expect(entry?.after).toEqual({
      status: "resolved",
      note: "Hours corrected <with> the service.",
    });
    const queue = await (await reviewer.get("/admin/reports?status=resolved")).text();
    expect(queue).toContain(
      "Resolved by reviewer on 26 Nov 2026: <q>Hours corrected &lt;with&gt; the service.</q>",
    );
    const listing = await (await reviewer.get("/admin/listings/samaritans")).text();
    expect(listing).toContain("Hours corrected &lt;with&gt; the service.");
    const audit = await (await reviewer.get(`/admin/audit?entityId=${report.id}`)).text();
    expect(audit).toContain("Report resolved");
    expect(audit).toContain("Hours corrected &lt;with&gt; the service.");
    // Dismissing needs no note.
    const other = await createReport(con.db, con.clock.now, "samaritans", {
      reason: "other",
      text: null,
    });
    expect(
      (await reviewer.post(`/admin/reports/${other.id}`, { outcome: "dismissed" })).status,
    ).toBe(303);
  });

  it("refuses an editor's resolve, changing nothing", async () => {
    const report = await createReport(con.db, con.clock.now, "samaritans", {
      reason: "closed",
      text: null,
    });
    const editor = await con.as("editor");
    const res = await editor.post(`/admin/reports/${report.id}`, {
      outcome: "resolved",
      note: "Done",
    });
    expect(res.status).toBe(403);
    const [row] = await con.db.select().from(reports).where(eq(reports.id, report.id));
    expect(row?.status).toBe("open");
  });

  it("shows open reports on the listing's console page", async () => {
    const admin = await con.as("admin");
    const page = await (await admin.get("/admin/listings/samaritans")).text();
    expect(page).toContain("The line is open 24 hours now.");
  });
});

describe("what is kept of a problem report", () => {
  const DAY = 86_400_000;
  let con: Console;
  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  const send = async (text: string) => {
    const res = await post(con, "samaritans", { reason: "other", text });
    expect(res.status).toBe(201);
    return ((await res.json()) as { report: { id: string } }).report.id;
  };
  const textOf = async (id: string) =>
    (await con.db.select({ text: reports.text }).from(reports).where(eq(reports.id, id)))[0]?.text;

  it("cuts full postcodes in the text to their sector, however they are typed", async () => {
    const id = await send("I live at ex4 4qj (or EX44QJ, or Ex4  4QJ). The EX4 4 sector is fine.");
    expect(await textOf(id)).toBe(
      "I live at EX4 4 (or EX4 4, or EX4 4). The EX4 4 sector is fine.",
    );
  });

  it("leaves words, times and phone numbers that only look a little like postcodes alone", async () => {
    const text = "Open 9am to 5pm, go 2pm on Mondays; call 01392 123456.";
    expect(await textOf(await send(text))).toBe(text);
  });

  it("keeps a reference to the report in the audit log, never its text", async () => {
    const id = await send("The number on this listing rings a fax machine.");
    const entries = await con.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.action).toBe("report.create");
    expect(entries[0]?.after).toEqual({ serviceId: "samaritans", reason: "other" });
    expect(JSON.stringify(entries)).not.toContain("fax machine");
  });

  it("erases the text 90 days after triage, keeps it while the report is open", async () => {
    const handled = await send("Handled report text.");
    const open = await send("Still open report text.");
    const reviewer = await con.as("reviewer");
    expect(
      (await reviewer.post(`/admin/reports/${handled}`, { outcome: "dismissed" })).status,
    ).toBe(303);
    con.clock.advance(89 * DAY);
    expect((await runDailyJobs(con.deps)).reportTextsPurged).toBe(0);
    expect(await textOf(handled)).toBe("Handled report text.");
    con.clock.advance(2 * DAY);
    expect((await runDailyJobs(con.deps)).reportTextsPurged).toBe(1);
    expect(await textOf(handled)).toBeNull();
    expect(await textOf(open)).toBe("Still open report text.");
    const [row] = await con.db.select().from(reports).where(eq(reports.id, handled));
    expect(row).toMatchObject({ status: "dismissed", reason: "other", serviceId: "samaritans" });
    const queue = await (await reviewer.get("/admin/reports?status=dismissed")).text();
    expect(queue).not.toContain("Handled report text.");
  });

  it("keeps the text for REPORT_RETENTION_DAYS when that is set", async () => {
    expect(readConfig({}).reportRetentionDays).toBe(90);
    expect(readConfig({ REPORT_RETENTION_DAYS: "30" }).reportRetentionDays).toBe(30);
    expect(() => readConfig({ REPORT_RETENTION_DAYS: "soon" })).toThrow(/REPORT_RETENTION_DAYS/);
    const id = await send("Short retention text.");
    const reviewer = await con.as("reviewer");
    await reviewer.post(`/admin/reports/${id}`, { outcome: "resolved", note: "Fixed." });
    con.clock.advance(31 * DAY);
    expect(await runDailyJobs({ ...con.deps, reportRetentionDays: 40 })).toMatchObject({
      reportTextsPurged: 0,
    });
    expect(await runDailyJobs({ ...con.deps, reportRetentionDays: 30 })).toMatchObject({
      reportTextsPurged: 1,
    });
    expect(await textOf(id)).toBeNull();
    // The reviewer's note is not the reporter's text: it stays.
    const [kept] = (await listReports(con.db, { serviceId: "samaritans" })).filter(
      (r) => r.id === id,
    );
    expect(kept?.handling?.note).toBe("Fixed.");
  });
});

describe("report text written into the audit log before it held references only", () => {
  it("is removed by the audit_report_text migration, and the log stays append-only", async () => {
    const all = fileURLToPath(new URL("../../../schema/migrations", import.meta.url));
    const dir = await mkdtemp(join(tmpdir(), "signpost-migrations-"));
    const handle = openDb(":memory:");
    try {
      // The database as it was before that migration: the ones before it only.
      await cp(all, dir, { recursive: true });
      const journalPath = join(dir, "meta", "_journal.json");
      const journal = JSON.parse(await readFile(journalPath, "utf8")) as {
        entries: { tag: string }[];
      };
      const upTo = journal.entries.findIndex((e) => e.tag.endsWith("_audit_report_text"));
      expect(upTo).toBeGreaterThan(2);
      journal.entries = journal.entries.slice(0, upTo);
      await writeFile(journalPath, JSON.stringify(journal));
      await migrate(handle.db, { migrationsFolder: dir });
      const entry = {
        at: "2026-11-01T10:00:00.000Z",
        userId: null,
        action: "report.create",
        entity: "report",
        entityId: "r-old",
      };
      await handle.db.insert(auditLog).values([
        {
          ...entry,
          after: { serviceId: "samaritans", reason: "other", text: "I live at EX4 4QJ" },
        },
        { ...entry, action: "listing.save", entityId: "x", after: { text: "kept" } },
      ]);
      await migrateDb(handle.db);
      const rows = await handle.db.select().from(auditLog);
      expect(rows.map((r) => r.after)).toEqual([
        { serviceId: "samaritans", reason: "other" },
        { text: "kept" },
      ]);
      await expect(handle.db.update(auditLog).set({ after: null })).rejects.toThrow();
    } finally {
      handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
