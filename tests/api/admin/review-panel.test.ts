/**
 * The review panel: the note comes before Publish, a reviewer is offered neither Withdraw nor
 * Archive beside it, and publishing a listing past its review date offers "mark as checked",
 * which sets the date in the same publish and is audited.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, services } from "../../../schema/tables.js";
import {
  type Agent,
  type Console,
  createdId,
  listingForm,
  openConsole,
  tokenOf,
} from "./helpers.js";

describe("the review panel", () => {
  let con: Console;
  let editor: Agent;
  let reviewer: Agent;

  beforeAll(async () => {
    con = await openConsole();
    [editor, reviewer] = await Promise.all([con.as("editor"), con.as("reviewer")]);
  });
  afterAll(() => con?.close());

  const view = async (agent: Agent, id: string) => {
    const res = await agent.get(`/admin/listings/${id}`);
    expect(res.status).toBe(200);
    return res.text();
  };
  /** A new listing of the editor's organisation, in review, last checked on `verifiedAt`. */
  const inReview = async (name: string, verifiedAt: string) => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name, verifiedAt })),
    );
    const html = await view(editor, id);
    expect((await editor.post(`/admin/listings/${id}/submit`, tokenOf(html))).status).toBe(303);
    return id;
  };
  const section = (html: string, id: string) => {
    const start = html.indexOf(`aria-labelledby="${id}"`);
    expect(start, id).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf("</section>", start));
  };
  const checkedOn = async (id: string) =>
    (await con.db.select().from(services).where(eq(services.id, id)))[0]?.verifiedAt;
  const checks = (id: string) =>
    con.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "listing.check")));

  it("puts the note before Publish, and offers a reviewer neither Withdraw nor Archive beside it", async () => {
    const id = await inReview("Recently Checked Group", "2026-11-20");
    const html = await view(reviewer, id);
    const panel = section(html, "review-title");
    const publishForm = panel.slice(panel.indexOf(`action="/admin/listings/${id}/publish"`));
    expect(publishForm.indexOf('name="note"')).toBeGreaterThan(-1);
    expect(publishForm.indexOf('name="note"')).toBeLessThan(publishForm.indexOf(">Publish<"));
    // Not overdue: nothing to mark.
    expect(panel).not.toContain('name="markChecked"');
    expect(panel).not.toContain("/archive");
    expect(html).not.toContain("Withdraw from review");
    // Archive is on the page, in its own section after the listing in full.
    expect(html.indexOf('id="archive-title"')).toBeGreaterThan(html.indexOf('id="details-title"'));
    expect(section(html, "archive-title")).toContain(`action="/admin/listings/${id}/archive"`);

    // The editor who sent it may take it back, and sees no review panel and no archive.
    const own = await view(editor, id);
    expect(own).toContain("Withdraw from review");
    expect(own).not.toContain('id="review-title"');
    expect(own).not.toContain('id="archive-title"');
  });

  it("offers to mark an overdue listing as checked, ticked, and sets the date in the same publish, audited", async () => {
    const id = await inReview("Long Unchecked Group", "2026-01-05");
    const html = await view(reviewer, id);
    const panel = section(html, "review-title");
    expect(panel).toMatch(
      /<input type="checkbox" id="f-markChecked" name="markChecked" value="yes"[^>]*checked/,
    );
    expect(panel).toContain("It was due for review on 4 Jul 2026");
    const published = await reviewer.post(`/admin/listings/${id}/publish`, {
      ...tokenOf(html),
      note: "Phoned the group leader.",
      markChecked: "yes",
    });
    expect(published.status).toBe(303);
    expect(published.headers.get("location")).toBe(`/admin/listings/${id}?done=published`);
    expect(await checkedOn(id)).toBe("2026-11-26");
    const [entry] = await checks(id);
    expect(entry?.userId).toBe(con.users.reviewer.id);
    expect(entry?.before).toEqual({ verifiedAt: "2026-01-05" });
    expect(entry?.after).toEqual({ verifiedAt: "2026-11-26" });
    const after = await view(reviewer, id);
    expect(after).toContain("Last checked 26 Nov 2026");
    const audit = await (await reviewer.get(`/admin/audit?entityId=${id}`)).text();
    expect(audit).toContain("Marked as checked");
  });

  it("keeps the old date when the reviewer unticks it, so parents see “may be out of date”", async () => {
    const id = await inReview("Unticked Group", "2026-02-01");
    const html = await view(reviewer, id);
    const res = await reviewer.post(`/admin/listings/${id}/publish`, tokenOf(html));
    expect(res.status).toBe(303);
    expect(await checkedOn(id)).toBe("2026-02-01");
    expect(await checks(id)).toEqual([]);
    expect(await view(reviewer, id)).toContain("Due for review since");
  });

  it("changes nothing when the publish fails: a stale token leaves the date and the audit alone", async () => {
    const id = await inReview("Stale Token Group", "2026-03-01");
    const res = await reviewer.post(`/admin/listings/${id}/publish`, {
      version: "1",
      revision: "99",
      markChecked: "yes",
    });
    expect(res.status).toBe(409);
    expect(await res.text()).not.toContain("Internal");
    expect(await checkedOn(id)).toBe("2026-03-01");
    expect(await checks(id)).toEqual([]);
    const [row] = await con.db.select().from(services).where(eq(services.id, id));
    expect(row?.status).not.toBe("published");
  });

  it("refuses an editor's publish with the mark, changing nothing", async () => {
    const id = await inReview("Editor Tries Group", "2026-03-01");
    const html = await view(editor, id);
    const res = await editor.post(`/admin/listings/${id}/publish`, {
      ...tokenOf(html),
      markChecked: "yes",
    });
    expect(res.status).toBe(403);
    expect(await checkedOn(id)).toBe("2026-03-01");
    expect(await checks(id)).toEqual([]);
  });
});
