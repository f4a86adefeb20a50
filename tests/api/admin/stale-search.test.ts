/**
 * Listings far past their review date leave search until someone checks them: 180 days past due,
 * crisis listings 90. The crisis panel follows the same rule, so it is tested here as well.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpDirectoryVersion } from "../../../api/db/directory-version.js";
import { isHiddenAsStale } from "../../../api/domain/review.js";
import type { CrisisRoute, SearchResponse } from "../../../schema/contract.js";
import { services } from "../../../schema/tables.js";
import { type Console, openConsole } from "./helpers.js";

const DAY = 86_400_000;

describe("hiding listings long past review", () => {
  let con: Console;
  const search = async (postcode = "EX4 4") => {
    const res = await con.app.request(
      `/api/v1/search?postcode=${encodeURIComponent(postcode)}&limit=50`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as SearchResponse;
    return {
      body,
      ids: [...body.groups.nearby, ...body.groups.area, ...body.groups.anywhere].map((r) => r.id),
    };
  };
  const crisisIds = async (country = "England") => {
    const res = await con.app.request(`/api/v1/crisis?country=${country}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { crisis: CrisisRoute[] }).crisis.map((c) => c.id);
  };
  // Moves the directory version with the change, as every write to published listings does.
  const setChecked = (id: string, verifiedAt: string) =>
    con.db.batch([
      con.db.update(services).set({ verifiedAt }).where(eq(services.id, id)),
      bumpDirectoryVersion(con.db, con.clock.now),
    ]);

  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  it("agrees with itself at the boundary (pure rule)", () => {
    const now = new Date("2026-11-26T09:00:00Z");
    // Due 2026-05-30 (180 days after 2025-12-01); hidden once more than 180 more days have passed.
    expect(isHiddenAsStale("2025-12-01", 180, "peer-group", now)).toBe(true);
    expect(isHiddenAsStale("2025-12-02", 180, "peer-group", now)).toBe(false);
    // Crisis: due 90 days after the check, hidden 90 days after that.
    expect(isHiddenAsStale("2026-05-30", 90, "crisis", now)).toBe(true);
    expect(isHiddenAsStale("2026-05-31", 90, "crisis", now)).toBe(false);
    expect(isHiddenAsStale(null, 180, "helpline", now)).toBe(false);
  });

  it("shows an overdue listing flagged “may be out of date”, and hides it once 180 days past due", async () => {
    const id = "demo-exeter-bumps-group";
    await setChecked(id, "2025-12-02");
    const shown = await search();
    expect(shown.ids).toContain(id);
    expect(
      [...shown.body.groups.nearby, ...shown.body.groups.area].find((r) => r.id === id)
        ?.reviewOverdue,
    ).toBe(true);

    await setChecked(id, "2025-12-01");
    expect((await search()).ids).not.toContain(id);
    // Its public page stays reachable (QR codes, shared links), marked overdue.
    const page = await con.app.request(`/api/v1/services/${id}`);
    expect(page.status).toBe(200);
    expect(((await page.json()) as { reviewOverdue: boolean }).reviewOverdue).toBe(true);
  });

  it("shows it again as soon as someone marks it as checked", async () => {
    const id = "demo-exeter-bumps-group";
    const editor = await con.as("editor");
    const view = await (await editor.get(`/admin/listings/${id}`)).text();
    expect(view).toContain("Search has stopped showing this listing");
    const version = /name="version" value="(\d+)"/.exec(view)?.[1] ?? "";
    expect(
      (await editor.post(`/admin/listings/${id}/check`, { version, revision: "0" })).status,
    ).toBe(303);
    expect((await search()).ids).toContain(id);
  });

  it("tells editors what parents see on an overdue listing, and never says 'since never'", async () => {
    const editor = await con.as("editor");
    const id = "demo-exeter-bumps-group";
    await setChecked(id, "2026-04-01");
    const overdue = await (await editor.get(`/admin/listings/${id}`)).text();
    expect(overdue).toMatch(/Due for review since \d{1,2} [A-Z][a-z]+ 20\d\d\./);
    expect(overdue).toContain("Parents see “These details are due to be checked again”.");
    await con.db.batch([
      con.db.update(services).set({ verifiedAt: null }).where(eq(services.id, id)),
      bumpDirectoryVersion(con.db, con.clock.now),
    ]);
    const never = await (await editor.get(`/admin/listings/${id}`)).text();
    expect(never).toContain("Never checked with the service.");
    expect(never).not.toMatch(/since never|from never/);
    await setChecked(id, "2026-11-20");
  });

  it("hides the seeded example listings last checked in January 2025, and flags those merely overdue", async () => {
    const { ids, body } = await search();
    expect(ids).not.toContain("demo-night-feeds-online");
    expect(ids).toContain("demo-exeter-dads-evening");
    // Checked 2026-04-01, due every 180 days: overdue since September, hidden only from March.
    const overdue = [...body.groups.nearby, ...body.groups.area].find(
      (r) => r.id === "demo-exeter-counselling",
    );
    expect(overdue?.reviewOverdue).toBe(true);
  });

  it("drops a crisis line from the always-visible crisis routes 90 days after it fell due, until checked", async () => {
    expect(await crisisIds()).toContain("samaritans");
    // Every 90 days: due 90 days after the check, hidden 90 days after that.
    await setChecked("samaritans", "2026-05-31");
    expect(await crisisIds()).toContain("samaritans");
    await setChecked("samaritans", "2026-05-30");
    const stale = await crisisIds();
    expect(stale).not.toContain("samaritans");
    expect(stale).toContain("emergency-999");
    const withSearch = await search();
    expect(withSearch.body.crisis.map((c) => c.id)).not.toContain("samaritans");
    expect(withSearch.body.crisis.length).toBeGreaterThan(0);

    const admin = await con.as("admin");
    const view = await (await admin.get("/admin/listings/samaritans")).text();
    const version = /name="version" value="(\d+)"/.exec(view)?.[1] ?? "";
    expect(
      (await admin.post("/admin/listings/samaritans/check", { version, revision: "0" })).status,
    ).toBe(303);
    expect(await crisisIds()).toContain("samaritans");
  });

  it("never drops the emergency route (999), however long it goes unchecked", async () => {
    await setChecked("emergency-999", "2020-01-01");
    expect(await crisisIds()).toContain("emergency-999");
    expect(await crisisIds("Wales")).toContain("emergency-999");
    expect((await search()).body.crisis[0]?.id).toBe("emergency-999");
  });

  it("lists the hidden ones first in the due-for-review queue", async () => {
    con.clock.advance(400 * DAY);
    const reviewer = await con.as("reviewer");
    const due = await (await reviewer.get("/admin/due")).text();
    expect(due).toContain("Hidden from search");
    con.clock.advance(-400 * DAY);
  });
});
