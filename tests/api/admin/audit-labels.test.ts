/**
 * Every field the audit log records has a label for people (audit-labels.ts): `audit()` refuses
 * at compile time a field without one (the `@ts-expect-error` below stops compiling if that
 * check goes), and the entries that real console work writes are read back here, every key at
 * every depth looked up.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit } from "../../../api/admin/audit.js";
import { ACTION_LABELS, fieldLabel } from "../../../api/admin/audit-labels.js";
import { auditChanges } from "../../../api/admin/diff.js";
import { runDailyJobs } from "../../../api/admin/index.js";
import { totpCode } from "../../../api/admin/two-factor.js";
import type { Db } from "../../../api/db/types.js";
import { auditLog } from "../../../schema/tables.js";
import {
  type Console,
  createdId,
  listingAction,
  listingForm,
  ORG_LISTING,
  openConsole,
} from "./helpers.js";

/** Compiles only while `audit()` refuses unlabelled fields (else the expect-error is unused). */
function auditUnlabelled(db: Db) {
  return audit(db, new Date(), {
    userId: null,
    action: "user.update",
    entity: "user",
    entityId: "u",
    // @ts-expect-error: "shoeSize" has no label in FIELD_LABELS
    after: { name: "Ann", shoeSize: 5 },
  });
}

const isListing = (v: unknown) =>
  typeof v === "object" && v !== null && "name" in v && "contacts" in v && "areas" in v;

/** The keys of a recorded value with no label, as "action: path". */
function unlabelled(action: string, value: unknown, path = ""): string[] {
  if (value === null || typeof value !== "object" || Array.isArray(value) || isListing(value)) {
    return [];
  }
  return Object.entries(value).flatMap(([key, v]) => [
    ...(fieldLabel(key) ? [] : [`${action}: ${path}${key}`]),
    ...unlabelled(action, v, `${path}${key}.`),
  ]);
}

describe("audit field labels", () => {
  let con: Console;
  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  it("labels every field that console work records", async () => {
    const admin = await con.as("admin");
    const editor = await con.as("editor");
    const reviewer = await con.as("reviewer");
    // Accounts: added, changed, a link sent, two-factor on, a recovery code used.
    expect(
      (
        await admin.post("/admin/users/new", {
          email: "ann@example.org",
          name: "Ann",
          role: "editor",
          organisationId: "demo-exe-valley-parents",
        })
      ).status,
    ).toBe(303);
    const reviewerPage = `/admin/users/${con.users.reviewer.id}`;
    expect(
      (
        await admin.post(reviewerPage, {
          name: "Rhys",
          role: "reviewer",
          organisationId: "",
          email: con.users.reviewer.email,
        })
      ).status,
    ).toBeLessThan(400);
    const setup = await (await reviewer.get("/admin/account/two-factor")).text();
    const secret = /<code class="secret">([A-Z2-7 ]+)<\/code>/
      .exec(setup)?.[1]
      ?.replaceAll(" ", "");
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const secretField = /name="secret" value="([^"]+)"/.exec(setup)?.[1] ?? "";
    await reviewer.post("/admin/account/two-factor", {
      secret: secretField,
      code: totpCode(secret ?? "", con.clock.now.getTime()),
    });
    // Organisations.
    await admin.post("/admin/organisations", { name: "Moor Trust", mailLanguage: "cy" });
    // A listing's life, a problem report and its triage, a review reminder.
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Labelled Group" })),
    );
    await listingAction(editor, id, "submit");
    await listingAction(reviewer, id, "send-back", { reviewNote: "Add the venue." });
    await listingAction(editor, id, "submit");
    await listingAction(reviewer, id, "publish");
    await listingAction(editor, id, "check");
    await con.app.request(`/api/v1/services/${ORG_LISTING}/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "wrong-times" }),
    });
    await runDailyJobs(con.deps);

    const rows = await con.db.select().from(auditLog);
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      "user.create",
      "user.update",
      "user.invite",
      "user.two-factor-on",
      "organisation.create",
      "listing.send-back",
      "listing.publish",
      "listing.check",
      "report.create",
    ]) {
      expect(actions, a).toContain(a);
    }
    expect(
      rows.flatMap((r) => [...unlabelled(r.action, r.before), ...unlabelled(r.action, r.after)]),
    ).toEqual([]);
    // And the page says them in words: no field is spelt out from its code.
    const page = await (await admin.get("/admin/audit?entity=user")).text();
    expect(page).toContain("Two-factor sign-in turned on");
    expect(page).not.toMatch(/Totp|Created at|Updated at|Organisation id/);
    for (const label of Object.values(ACTION_LABELS)) expect(label).not.toMatch(/\./);
  });

  it("names an unlabelled field, which only a type error let through", async () => {
    await auditUnlabelled(con.db);
    const rows = await con.db.select().from(auditLog).where(eq(auditLog.entityId, "u"));
    expect(rows.flatMap((r) => unlabelled(r.action, r.after))).toEqual(["user.update: shoeSize"]);
    expect(auditChanges(null, rows[0]?.after).map((c) => c.field)).toEqual(["Name", "Shoe size"]);
  });

  it("shows a record nested in an entry field by field, in words", () => {
    const changes = auditChanges(null, {
      source: { feed: "devon", remoteId: "42", left: ["Summary", "Hours"] },
      totpEnabledAt: "2026-11-26T09:00:00.000Z",
    });
    expect(changes).toEqual([
      {
        field: "Source feed",
        kind: "added",
        before: "",
        after: "Feed: devon; Id in the feed: 42; Changes not taken: Summary, Hours",
      },
      {
        field: "Two-factor sign-in turned on",
        kind: "added",
        before: "",
        after: "2026-11-26T09:00:00.000Z",
      },
    ]);
  });
});
