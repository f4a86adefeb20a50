/**
 * The editor's overview: listings sent back with the reviewer's note, open problem reports on
 * the organisation's listings, and listings due for review, each linking to where to act; only
 * the editor's own organisation's.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReport } from "../../../api/admin/reports.js";
import { services } from "../../../schema/tables.js";
import {
  type Agent,
  type Console,
  createdId,
  listingForm,
  ORG_LISTING,
  openConsole,
  tokenOf,
} from "./helpers.js";

describe("the editor's overview", () => {
  let con: Console;
  let editor: Agent;
  let otherEditor: Agent;
  let reviewer: Agent;
  let sentBackId = "";

  beforeAll(async () => {
    con = await openConsole();
    [editor, otherEditor, reviewer] = await Promise.all([
      con.as("editor"),
      con.as("otherEditor"),
      con.as("reviewer"),
    ]);
    sentBackId = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Sent Back Babies" })),
    );
    const own = await (await editor.get(`/admin/listings/${sentBackId}`)).text();
    await editor.post(`/admin/listings/${sentBackId}/submit`, tokenOf(own));
    const review = await (await reviewer.get(`/admin/listings/${sentBackId}`)).text();
    const back = await reviewer.post(`/admin/listings/${sentBackId}/send-back`, {
      ...tokenOf(review),
      reviewNote: "Please add the <room> number.",
    });
    expect(back.status).toBe(303);
    await createReport(con.db, con.clock.now, ORG_LISTING, {
      reason: "wrong-contact",
      text: "Private words from a parent.",
    });
    await con.db
      .update(services)
      .set({ verifiedAt: "2025-01-10" })
      .where(eq(services.id, ORG_LISTING));
  });
  afterAll(() => con?.close());

  const home = async (agent: Agent) => {
    const res = await agent.get("/admin");
    expect(res.status).toBe(200);
    return res.text();
  };
  const section = (html: string, id: string) => {
    const start = html.indexOf(`aria-labelledby="${id}"`);
    expect(start, id).toBeGreaterThan(-1);
    return html.slice(start, html.indexOf("</section>", start));
  };

  it("shows a sent-back listing with the reviewer's note and a link to change it, not as a plain draft", async () => {
    const html = await home(editor);
    const sent = section(html, "sent-back-title");
    expect(sent).toContain("Sent Back Babies");
    expect(sent).toContain("Please add the &lt;room&gt; number.");
    expect(sent).toContain(`href="/admin/listings/${sentBackId}/edit"`);
    expect(html.slice(html.indexOf("Other drafts"))).not.toContain("Sent Back Babies");
  });

  it("shows open problem reports on the organisation's listings, linking to the listing's reports, without the text", async () => {
    const reports = section(await home(editor), "reports-title");
    expect(reports).toContain(`href="/admin/listings/${ORG_LISTING}#reports-title"`);
    expect(reports).toContain("The phone number, email or website is wrong");
    expect(reports).not.toContain("Private words");
    const page = await editor.get(`/admin/listings/${ORG_LISTING}`);
    expect(page.status).toBe(200);
  });

  it("shows the organisation's listings due for review, each with mark as checked", async () => {
    const due = section(await home(editor), "due-title");
    expect(due).toContain(`href="/admin/listings/${ORG_LISTING}"`);
    expect(due).toContain(`action="/admin/listings/${ORG_LISTING}/check"`);
  });

  it("shows another organisation's editor none of it", async () => {
    const html = await home(otherEditor);
    expect(html).not.toContain("Sent Back Babies");
    expect(html).not.toContain(ORG_LISTING);
    expect(section(html, "sent-back-title")).toContain("No listing is waiting for your changes.");
  });

  it("leaves reviewers their own overview, with the queues", async () => {
    const html = await home(reviewer);
    expect(html).not.toContain('id="sent-back-title"');
    expect(html).toContain('href="/admin/reports"');
  });
});
