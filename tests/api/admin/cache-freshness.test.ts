import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseCache } from "../../../api/response-cache.js";
import { services } from "../../../schema/tables.js";
import {
  type Agent,
  type Console,
  createdId,
  editorFields,
  listingForm,
  login,
  openConsole,
  PASSWORD,
  tokenOf,
} from "./helpers.js";

/**
 * Cached public answers are dropped by the writes that change published data (publish, archive,
 * mark as checked) and by nothing else, so anonymous or unrelated POSTs cannot empty the cache.
 */
describe("the response cache after writes", () => {
  const cache = new ResponseCache();
  let con: Console;
  let editor: Agent;
  let reviewer: Agent;
  let reviewer2: Agent;
  beforeAll(async () => {
    con = await openConsole({ cache });
    [editor, reviewer, reviewer2] = await Promise.all([
      con.as("editor"),
      con.as("reviewer"),
      con.as("reviewer2"),
    ]);
  });
  afterAll(() => con?.close());

  const ids = async () => {
    const res = await con.app.request("/api/v1/search?postcode=EX4%204&limit=50");
    expect(res.status).toBe(200);
    const body = (await res.json()) as { groups: Record<string, { id: string }[]> };
    return Object.values(body.groups)
      .flat()
      .map((r) => r.id);
  };
  const act = async (agent: Agent, id: string, action: string) => {
    const html = await (await agent.get(`/admin/listings/${id}`)).text();
    return agent.post(`/admin/listings/${id}/${action}`, tokenOf(html));
  };
  /** Hides a listing behind the app's back: only a cleared cache shows the change. */
  const hideQuietly = (id: string) =>
    con.db.update(services).set({ status: "archived" }).where(eq(services.id, id));

  it("keeps cached answers through POSTs that change no published data", async () => {
    expect(await ids()).toContain("demo-exeter-bumps-group");
    const filled = cache.size;
    expect(filled).toBeGreaterThan(0);
    await hideQuietly("demo-exeter-bumps-group");

    const anonymous = await con.app.request("/admin/anything", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "a=1",
    });
    expect(anonymous.status).toBe(303);
    const report = await con.app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "other", text: "Checking freshness." }),
    });
    expect(report.status).toBe(201);
    expect((await login(con.app, con.users.editor.email, PASSWORD)).status).toBe(303);
    const created = await editor.post("/admin/listings/new", listingForm());
    expect(created.status).toBe(303);
    expect((await act(editor, createdId(created), "submit")).status).toBe(303);
    const edit = await (await editor.get("/admin/listings/demo-exeter-dads-evening/edit")).text();
    const saved = await editor.post("/admin/listings/demo-exeter-dads-evening/edit", {
      ...editorFields(edit),
      summary: "A changed summary that is only a draft.",
    });
    expect(saved.status).toBe(303);

    expect(cache.size).toBe(filled);
    expect(await ids()).toContain("demo-exeter-bumps-group");
  });

  it("drops cached answers when a reviewer archives a listing", async () => {
    cache.clear();
    await con.db
      .update(services)
      .set({ status: "published" })
      .where(eq(services.id, "demo-exeter-bumps-group"));
    expect(await ids()).toContain("demo-exeter-bumps-group");
    expect((await act(reviewer, "demo-exeter-bumps-group", "archive")).status).toBe(303);
    expect(cache.size).toBe(0);
    expect(await ids()).not.toContain("demo-exeter-bumps-group");
  });

  it("drops cached answers when a listing is published", async () => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Fresh Cache Group" })),
    );
    expect((await act(editor, id, "submit")).status).toBe(303);
    expect(await ids()).not.toContain(id);
    expect(cache.size).toBeGreaterThan(0);
    const published = await act(reviewer2, id, "publish");
    expect(published.status).toBe(303);
    expect(cache.size).toBe(0);
    expect(await ids()).toContain(id);
  });

  it("drops cached answers when a listing is marked as checked (its date is public)", async () => {
    await ids();
    expect(cache.size).toBeGreaterThan(0);
    expect((await act(editor, "demo-exmouth-walk-and-talk", "check")).status).toBe(303);
    expect(cache.size).toBe(0);
  });

  it("keeps cached answers when a publish is refused", async () => {
    await ids();
    const filled = cache.size;
    // Not in review: nothing is published.
    expect((await act(reviewer, "demo-devon-perinatal-team", "publish")).status).toBe(409);
    expect(cache.size).toBe(filled);
  });
});
