import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "../../../schema/tables.js";
import { type Console, createdId, listingForm, openConsole, tokenOf } from "./helpers.js";

const ROOT = new URL("../../../", import.meta.url).pathname;

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(ROOT, dir), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory() ? sourceFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]),
    ),
  );
  return nested.flat().filter((f) => /\.tsx?$/.test(f));
}

describe("audit log", () => {
  let con: Console;

  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  it("records who, what, when, before and after for a listing's life", async () => {
    const editor = await con.as("editor");
    const reviewer = await con.as("reviewer");
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Audited Group" })),
    );
    const token = async () => tokenOf(await (await editor.get(`/admin/listings/${id}`)).text());
    await editor.post(`/admin/listings/${id}/submit`, await token());
    await reviewer.post(`/admin/listings/${id}/publish`, await token());
    await editor.post(`/admin/listings/${id}/check`, await token());
    const rows = await con.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.entityId} = ${id}`)
      .orderBy(auditLog.id);
    expect(rows.map((r) => [r.action, r.userId])).toEqual([
      ["listing.create", con.users.editor.id],
      ["listing.submit", con.users.editor.id],
      ["listing.publish", con.users.reviewer.id],
      ["listing.check", con.users.editor.id],
    ]);
    expect(rows[0]?.at).toBe(con.clock.now.toISOString());
    expect(rows[2]?.after).toMatchObject({ name: "Audited Group" });
    expect(rows[3]).toMatchObject({
      before: { verifiedAt: "2026-11-20" },
      after: { verifiedAt: "2026-11-26" },
    });

    const page = await (
      await reviewer.get(`/admin/audit?entity=listing&entityId=${id}&action=listing.publish`)
    ).text();
    expect(page).toContain("1 entry");
    expect(page).toContain("listing.publish");
    // In words: the action's name, and what changed rather than two blocks of JSON.
    expect(page).toContain(`data-label="What">Published</td>`);
    expect(page).toContain('<strong>Name</strong> added: <span class="now">Audited Group</span>');
    expect(page).not.toContain("&quot;name&quot;:");
    const checked = await (
      await reviewer.get(`/admin/audit?entity=listing&entityId=${id}&action=listing.check`)
    ).text();
    expect(checked).toContain(`data-label="What">Marked as checked</td>`);
    expect(checked).toMatch(
      /<strong>Last checked<\/strong> changed from <span class="was">2026-11-20<\/span> to <span class="now">2026-11-26<\/span>/,
    );
  });

  it("filters the log by who, what and when", async () => {
    const admin = await con.as("admin");
    const byAction = await (await admin.get("/admin/audit?action=listing.create")).text();
    expect(byAction).toMatch(/\d+ entr/);
    expect(byAction).not.toContain("listing.publish</td>");
    const none = await (await admin.get("/admin/audit?from=2030-01-01")).text();
    expect(none).toContain("0 entries");
    const mine = await (await admin.get(`/admin/audit?userId=${con.users.reviewer.id}`)).text();
    expect(mine).toContain("listing.publish");
    expect(mine).not.toContain("listing.create</td>");
  });

  it("is append-only in the database: UPDATE and DELETE are refused", async () => {
    const [before] = await con.db.select({ n: sql<number>`count(*)` }).from(auditLog);
    expect(before?.n).toBeGreaterThan(0);
    const refusal = (run: Promise<unknown>) =>
      run.then(
        () => "allowed",
        (err: Error & { cause?: Error }) => `${err.message} ${err.cause?.message ?? ""}`,
      );
    expect(await refusal(con.db.run(sql`update audit_log set action = 'tampered'`))).toContain(
      "audit_log is append-only",
    );
    expect(await refusal(con.db.run(sql`delete from audit_log`))).toContain(
      "audit_log is append-only",
    );
    const [after] = await con.db.select({ n: sql<number>`count(*)` }).from(auditLog);
    expect(after?.n).toBe(before?.n);
    const tampered = await con.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.action} = 'tampered'`);
    expect(tampered).toEqual([]);
  });

  it("has no code path that updates or deletes audit entries", async () => {
    const files = [...(await sourceFiles("api")), ...(await sourceFiles("schema"))].filter(
      (f) => !f.includes("migrations"),
    );
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(join(ROOT, file), "utf8");
      if (
        /\.(?:update|delete)\(\s*auditLog\b/.test(text) ||
        /(?:update|delete\s+from)\s+["`']?audit_log\b/i.test(text)
      ) {
        offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  });
});
