import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SearchResult } from "../../../schema/contract.js";
import { revisions, services } from "../../../schema/tables.js";
import {
  type Agent,
  type Console,
  createdId,
  editorFields,
  listingForm,
  openConsole,
  tokenOf,
} from "./helpers.js";

describe("listing workflow in the console", () => {
  let con: Console;
  let editor: Agent;
  let reviewer: Agent;
  let reviewer2: Agent;

  beforeAll(async () => {
    con = await openConsole();
    [editor, reviewer, reviewer2] = await Promise.all([
      con.as("editor"),
      con.as("reviewer"),
      con.as("reviewer2"),
    ]);
  });
  afterAll(() => con?.close());

  const page = async (agent: Agent, path: string) => {
    const res = await agent.get(path);
    expect(res.status, path).toBe(200);
    return res.text();
  };
  const act = async (
    agent: Agent,
    id: string,
    action: string,
    extra: Record<string, string> = {},
  ) => {
    const html = await page(agent, `/admin/listings/${id}`);
    return agent.post(`/admin/listings/${id}/${action}`, { ...tokenOf(html), ...extra });
  };
  const searchIds = async (postcode: string) => {
    const res = await con.app.request(
      `/api/v1/search?postcode=${encodeURIComponent(postcode)}&limit=50`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { groups: Record<string, { id: string }[]> };
    return Object.values(body.groups)
      .flat()
      .map((r) => r.id);
  };

  it("takes a new listing from draft to review to published, and then it is found by search", async () => {
    const created = await editor.post("/admin/listings/new", listingForm());
    expect(created.status).toBe(303);
    const id = createdId(created);
    expect(await searchIds("EX4 4")).not.toContain(id);

    const submitted = await act(editor, id, "submit");
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get("location")).toBe(`/admin/listings/${id}?done=submitted`);
    expect(await searchIds("EX4 4")).not.toContain(id);

    // The editor made it and has a phone number in it: the reviewer is a second person.
    const published = await act(reviewer, id, "publish", { note: "Checked by phone" });
    expect(published.status).toBe(303);
    expect(await searchIds("EX4 4")).toContain(id);

    const [row] = await con.db.select().from(services).where(eq(services.id, id));
    expect(row).toMatchObject({
      status: "published",
      version: 1,
      organisationId: "demo-exe-valley-parents",
    });
    const revs = await con.db.select().from(revisions).where(eq(revisions.serviceId, id));
    expect(revs.map((r) => [r.version, r.userId, r.editedBy, r.note])).toEqual([
      [1, con.users.reviewer.id, con.users.editor.id, "Checked by phone"],
    ]);
  });

  it("re-renders the editor with messages next to the fields and saves nothing when input is wrong", async () => {
    const res = await editor.post(
      "/admin/listings/new",
      listingForm({ summary: "short", "contacts.0.value": "not a number", stages: [] }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    expect(html).toMatch(/id="f-summary-error"[^>]*>[\s\S]*Enter at least 10 characters/);
    expect(html).toMatch(/aria-describedby="f-summary-hint f-summary-error"/);
    expect(html).toMatch(/id="f-contacts-0-value-error"/);
    expect(html).toMatch(/id="f-stages-error"[^>]*>[\s\S]*Choose at least one/);
    // What the person typed is kept.
    expect(html).toContain('value="not a number"');
  });

  it("adds an empty row without saving when asked for another contact", async () => {
    const res = await editor.post("/admin/listings/new", listingForm({ intent: "add-contact" }));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('name="contacts.1.value"');
    expect(html).toContain('value="01632 960999"');
  });

  it("keeps a published listing public and unchanged while its edit waits for review", async () => {
    const id = "demo-exeter-dads-evening";
    const edit = await page(editor, `/admin/listings/${id}/edit`);
    const fields = editorFields(edit);
    const saved = await editor.post(`/admin/listings/${id}/edit`, {
      ...fields,
      summary: "A relaxed evening group for dads and partners, now on Thursdays.",
    });
    expect(saved.status).toBe(303);
    const [live] = await con.db.select().from(services).where(eq(services.id, id));
    expect(live?.summary).not.toContain("Thursdays");
    expect(await searchIds("EX4 4")).toContain(id);
    const view = await page(editor, `/admin/listings/${id}`);
    expect(view).toContain("Changes not yet published");
    expect(view).toMatch(/Summary<\/strong> changed from/);
  });

  it("shows a conflict screen with both versions when a form is saved over a newer version, overwriting nothing", async () => {
    const id = "demo-exmouth-walk-and-talk";
    const edit = await page(editor, `/admin/listings/${id}/edit`);
    const stale = editorFields(edit);
    const first = await reviewer.post(`/admin/listings/${id}/edit`, {
      ...stale,
      name: "Exmouth Seafront Walk and Talk",
    });
    expect(first.status).toBe(303);

    const second = await editor.post(`/admin/listings/${id}/edit`, {
      ...stale,
      name: "Exmouth Pram Stroll",
    });
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Someone else changed this listing");
    expect(html).toContain("Your changes were not saved");
    expect(html).toContain("reviewer");
    // Both versions are on the page, and the form keeps the editor's work with the new token.
    expect(html).toContain("Exmouth Seafront Walk and Talk");
    expect(html).toContain('value="Exmouth Pram Stroll"');
    // The token now names the reviewer's draft (the first revision), not the stale "no draft".
    expect(tokenOf(html)).toEqual({ version: "1", revision: "1" });

    const view = await page(reviewer, `/admin/listings/${id}`);
    expect(view).toContain("Exmouth Seafront Walk and Talk");
    expect(view).not.toContain("Exmouth Pram Stroll");

    // Saving again from the conflict screen is a deliberate choice, and it works.
    const again = await editor.post(`/admin/listings/${id}/edit`, editorFields(html));
    expect(again.status).toBe(303);
  });

  it("refuses to publish a version other than the one the reviewer saw", async () => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Stale Review Group" })),
    );
    expect((await act(editor, id, "submit")).status).toBe(303);
    const reviewPage = await page(reviewer, `/admin/listings/${id}`);
    const edit = await page(editor, `/admin/listings/${id}/edit`);
    expect(
      (
        await editor.post(`/admin/listings/${id}/edit`, {
          ...editorFields(edit),
          name: "Changed Under Review",
        })
      ).status,
    ).toBe(303);
    const res = await reviewer.post(`/admin/listings/${id}/publish`, tokenOf(reviewPage));
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Someone else changed this listing");
    const [row] = await con.db.select().from(services).where(eq(services.id, id));
    expect(row?.status).toBe("in-review");
  });

  describe("four-eyes rule", () => {
    it("stops a reviewer publishing a phone number change they made themselves; another reviewer may", async () => {
      const id = "demo-exeter-health-visiting";
      const edit = await page(reviewer, `/admin/listings/${id}/edit`);
      const fields = editorFields(edit);
      expect(fields["contacts.0.kind"]).toBe("phone");
      expect(
        (
          await reviewer.post(`/admin/listings/${id}/edit`, {
            ...fields,
            "contacts.0.value": "01632 960777",
          })
        ).status,
      ).toBe(303);
      expect((await act(reviewer, id, "submit")).status).toBe(303);

      const view = await page(reviewer, `/admin/listings/${id}`);
      expect(view).toContain("Needs a second person");
      expect(view).not.toContain(`action="/admin/listings/${id}/publish"`);
      const blocked = await reviewer.post(`/admin/listings/${id}/publish`, tokenOf(view));
      expect(blocked.status).toBe(403);
      expect(await blocked.text()).toContain("phone or text number");
      const [still] = await con.db.select().from(services).where(eq(services.id, id));
      expect(still?.version).toBe(1);

      expect((await act(reviewer2, id, "publish")).status).toBe(303);
      const [after] = await con.db.select().from(services).where(eq(services.id, id));
      expect(after?.version).toBe(2);
    });

    it("lets the last editor publish a change that touches no number, and keeps the seeded version as a revision", async () => {
      const id = "demo-exeter-counselling";
      const edit = await page(reviewer, `/admin/listings/${id}/edit`);
      expect(
        (
          await reviewer.post(`/admin/listings/${id}/edit`, {
            ...editorFields(edit),
            costNote: "Sliding scale",
          })
        ).status,
      ).toBe(303);
      expect((await act(reviewer, id, "submit")).status).toBe(303);
      expect((await act(reviewer, id, "publish")).status).toBe(303);
      const revs = await con.db.select().from(revisions).where(eq(revisions.serviceId, id));
      expect(revs.map((r) => r.version).sort()).toEqual([1, 2]);
    });

    it("always needs a second person for a crisis listing", async () => {
      const id = "shout";
      const admin = await con.as("admin");
      const fields = editorFields(await page(admin, `/admin/listings/${id}/edit`));
      expect(
        (
          await admin.post(`/admin/listings/${id}/edit`, {
            ...fields,
            costNote: "Free from all major networks",
          })
        ).status,
      ).toBe(303);
      expect((await act(admin, id, "submit")).status).toBe(303);
      const blocked = await act(admin, id, "publish");
      expect(blocked.status).toBe(403);
      expect(await blocked.text()).toContain("This is a crisis listing.");
      expect((await act(reviewer, id, "publish")).status).toBe(303);
    });
  });

  it("keeps every published version, shows what changed, and restores an old one as a new draft", async () => {
    const id = "demo-plymouth-baby-cafe";
    const admin = await con.as("admin");
    const publishName = async (name: string, by: Agent, publisher: Agent) => {
      const edit = await page(by, `/admin/listings/${id}/edit`);
      expect(
        (await by.post(`/admin/listings/${id}/edit`, { ...editorFields(edit), name })).status,
      ).toBe(303);
      expect((await act(by, id, "submit")).status).toBe(303);
      expect((await act(publisher, id, "publish")).status).toBe(303);
    };
    const original = (await con.db.select().from(services).where(eq(services.id, id)))[0]?.name;
    await publishName("Plymouth Baby Café (Tuesdays)", admin, reviewer);
    await publishName("Plymouth Baby Café (Wednesdays)", admin, reviewer);

    const history = await page(admin, `/admin/listings/${id}/history`);
    expect(history).toContain("Version 3 (published now)");
    expect(history).toMatch(
      /Name<\/strong> changed from <span class="was">Plymouth Baby Café \(Tuesdays\)<\/span> to <span class="now">Plymouth Baby Café \(Wednesdays\)/,
    );
    expect(history).toContain("Restore version 1 as a draft");

    const restore = await admin.post(`/admin/listings/${id}/revisions/1/restore`, tokenOf(history));
    expect(restore.status).toBe(303);
    expect(restore.headers.get("location")).toBe(`/admin/listings/${id}?done=restored`);
    // Still the third version in public until the restored draft is published.
    expect((await con.db.select().from(services).where(eq(services.id, id)))[0]?.name).toBe(
      "Plymouth Baby Café (Wednesdays)",
    );
    expect((await act(admin, id, "submit")).status).toBe(303);
    expect((await act(reviewer, id, "publish")).status).toBe(303);
    const [row] = await con.db.select().from(services).where(eq(services.id, id));
    expect(row).toMatchObject({ name: original, version: 4 });
    const revs = await con.db.select().from(revisions).where(eq(revisions.serviceId, id));
    expect(revs.map((r) => r.version).sort()).toEqual([1, 2, 3, 4]);
  });

  it("archives a listing out of search and marks a listing as checked", async () => {
    const id = "demo-exeter-bumps-group";
    expect(await searchIds("EX4 4")).toContain(id);
    const check = await act(editor, id, "check");
    expect(check.status).toBe(303);
    expect((await con.db.select().from(services).where(eq(services.id, id)))[0]?.verifiedAt).toBe(
      "2026-11-26",
    );
    const archived = await act(reviewer, id, "archive");
    expect(archived.status).toBe(303);
    expect(await searchIds("EX4 4")).not.toContain(id);
    expect((await con.db.select().from(services).where(eq(services.id, id)))[0]?.status).toBe(
      "archived",
    );
  });

  it("sends a listing back to its editor with a note, and the editor sees the note", async () => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: "Sent Back Group" })),
    );
    expect((await act(editor, id, "submit")).status).toBe(303);
    const back = await act(reviewer, id, "send-back", {
      reviewNote: "Please add the venue's step-free access.",
    });
    expect(back.status).toBe(303);
    const view = await page(editor, `/admin/listings/${id}`);
    expect(view).toContain("Please add the venue&#39;s step-free access.");
    expect(view).toContain("Submit for review");
  });

  it("discards unpublished changes to a published listing, and the audit log keeps them", async () => {
    const id = "demo-devon-perinatal-team";
    const edit = await page(reviewer, `/admin/listings/${id}/edit`);
    expect(
      (
        await reviewer.post(`/admin/listings/${id}/edit`, {
          ...editorFields(edit),
          costNote: "Temporary note",
        })
      ).status,
    ).toBe(303);
    const discard = await act(reviewer, id, "discard");
    expect(discard.status).toBe(303);
    const view = await page(reviewer, `/admin/listings/${id}`);
    expect(view).not.toContain("Changes not yet published");
    const audit = await page(
      reviewer,
      `/admin/audit?entity=listing&entityId=${id}&action=listing.discard`,
    );
    expect(audit).toContain("Temporary note");
  });
});

describe("editor preview", () => {
  it("shows the unsaved form as the widget would show it, saving nothing", async () => {
    const con = await openConsole();
    try {
      const editor = await con.as("editor");
      const res = await editor.post(
        "/admin/listings/new",
        listingForm({ name: "Preview Only Group", intent: "preview" }),
      );
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain("Preview: how parents will see it");
      // The widget's own card element draws it, from the result the search API would return.
      expect(html).toContain('<script type="module" src="/widget/preview-card.js"></script>');
      const attribute = /<signpost-card lang="en" result="([^"]*)"/.exec(html)?.[1] ?? "";
      const result = JSON.parse(
        attribute
          .replaceAll("&quot;", '"')
          .replaceAll("&#39;", "'")
          .replaceAll("&lt;", "<")
          .replaceAll("&gt;", ">")
          .replaceAll("&amp;", "&"),
      ) as SearchResult;
      expect(result.name).toBe("Preview Only Group");
      expect(result.contacts.map((c) => c.href)).toContain("tel:01632960999");
      // No Welsh text, so no Welsh card.
      expect(html).not.toContain('<signpost-card lang="cy"');
      expect(html).toContain('value="Preview Only Group"');
      expect(
        await con.db.select().from(services).where(eq(services.name, "Preview Only Group")),
      ).toEqual([]);
    } finally {
      con.close();
    }
  });
});

/** Presses a listing action's button: posts with the edit token of the listing page. */
const press = async (agent: Agent, id: string, action: string) => {
  const html = await (await agent.get(`/admin/listings/${id}`)).text();
  return agent.post(`/admin/listings/${id}/${action}`, tokenOf(html));
};

describe("last checked dates", () => {
  let con: Console;
  let editor: Agent;
  let reviewer: Agent;

  beforeAll(async () => {
    con = await openConsole();
    [editor, reviewer] = await Promise.all([con.as("editor"), con.as("reviewer")]);
  });
  afterAll(() => con?.close());

  const saveWith = async (id: string, changes: Record<string, string>) => {
    const edit = await (await editor.get(`/admin/listings/${id}/edit`)).text();
    return editor.post(`/admin/listings/${id}/edit`, { ...editorFields(edit), ...changes });
  };
  const liveDate = async (id: string) =>
    (await con.db.select().from(services).where(eq(services.id, id)))[0]?.verifiedAt;

  it("refuses a date after today's UK date in the editor, with a message on the field, saving nothing", async () => {
    // 23:30 UTC on 30 June is already 1 July in the UK (BST).
    con.clock.now = new Date("2026-06-30T23:30:00Z");
    try {
      const later = await editor.post(
        "/admin/listings/new",
        listingForm({ name: "Future Check Group", verifiedAt: "2026-07-02" }),
      );
      expect(later.status).toBe(422);
      expect(await later.text()).toMatch(
        /id="f-verifiedAt-error"[^>]*>[\s\S]*The last check cannot be after today \(1 July 2026\)/,
      );
      expect(
        await con.db.select().from(services).where(eq(services.name, "Future Check Group")),
      ).toEqual([]);
      const today = await editor.post(
        "/admin/listings/new",
        listingForm({ name: "Checked Today Group", verifiedAt: "2026-07-01" }),
      );
      expect(today.status).toBe(303);
    } finally {
      con.clock.now = new Date("2026-11-26T09:00:00Z");
    }
    const far = await saveWith("demo-exeter-bumps-group", { verifiedAt: "2099-12-31" });
    expect(far.status).toBe(422);
  });

  it("publishes the draft's date, even when it is earlier than the live one", async () => {
    const id = "demo-exeter-dads-evening";
    expect(await liveDate(id)).toBe("2026-10-14");
    expect((await saveWith(id, { verifiedAt: "2026-05-01" })).status).toBe(303);
    expect((await press(editor, id, "submit")).status).toBe(303);
    expect((await press(reviewer, id, "publish")).status).toBe(303);
    expect(await liveDate(id)).toBe("2026-05-01");
  });

  it("keeps a check made while changes wait for review, unless the changes set their own date", async () => {
    const id = "demo-exmouth-walk-and-talk";
    expect((await saveWith(id, { costNote: "Bring a flask" })).status).toBe(303);
    expect((await press(editor, id, "check")).status).toBe(303);
    expect((await press(editor, id, "submit")).status).toBe(303);
    expect((await press(reviewer, id, "publish")).status).toBe(303);
    expect(await liveDate(id)).toBe("2026-11-26");

    const other = "demo-exeter-bumps-group";
    expect((await saveWith(other, { verifiedAt: "2026-09-01" })).status).toBe(303);
    expect((await press(editor, other, "check")).status).toBe(303);
    expect(await liveDate(other)).toBe("2026-11-26");
    expect((await press(editor, other, "submit")).status).toBe(303);
    expect((await press(reviewer, other, "publish")).status).toBe(303);
    expect(await liveDate(other)).toBe("2026-09-01");
  });
});

describe("four-eyes: what one person cannot do alone", () => {
  let con: Console;
  let reviewer: Agent;
  let reviewer2: Agent;

  beforeAll(async () => {
    con = await openConsole();
    [reviewer, reviewer2] = await Promise.all([con.as("reviewer"), con.as("reviewer2")]);
  });
  afterAll(() => con?.close());

  const save = async (agent: Agent, id: string, changes: Record<string, string>) => {
    const edit = await (await agent.get(`/admin/listings/${id}/edit`)).text();
    const res = await agent.post(`/admin/listings/${id}/edit`, {
      ...editorFields(edit),
      ...changes,
    });
    expect(res.status, JSON.stringify(changes)).toBe(303);
  };
  const row = async (id: string) =>
    (await con.db.select().from(services).where(eq(services.id, id)))[0];
  const crisisIds = async () => {
    const res = await con.app.request("/api/v1/crisis?country=England");
    expect(res.status).toBe(200);
    return ((await res.json()) as { crisis: { id: string }[] }).crisis.map((c) => c.id);
  };

  it("needs a second person for a new or changed WhatsApp number in a wa.me link", async () => {
    const id = "demo-exmouth-walk-and-talk";
    const fields = editorFields(await (await reviewer.get(`/admin/listings/${id}/edit`)).text());
    const spare = Object.keys(fields).find((k) => /^contacts\.\d+\.value$/.test(k) && !fields[k]);
    const i = spare?.split(".")[1];
    await save(reviewer, id, {
      [`contacts.${i}.kind`]: "whatsapp",
      [`contacts.${i}.value`]: "https://wa.me/447700900999",
    });
    expect((await press(reviewer, id, "submit")).status).toBe(303);
    const blocked = await press(reviewer, id, "publish");
    expect(blocked.status).toBe(403);
    expect(await blocked.text()).toContain("phone or text number");
    expect((await press(reviewer2, id, "publish")).status).toBe(303);
  });

  it("compares the publisher with everyone who changed a number, so a later trivial save does not launder it", async () => {
    const id = "demo-exeter-bumps-group";
    await save(reviewer, id, { "contacts.0.value": "01632 960777" });
    await save(reviewer2, id, { costNote: "Free, with tea" });
    expect((await press(reviewer2, id, "submit")).status).toBe(303);
    const view = await (await reviewer.get(`/admin/listings/${id}`)).text();
    expect(view).toContain("You changed it or asked for it");
    expect(view).not.toContain(`action="/admin/listings/${id}/publish"`);
    expect((await press(reviewer, id, "publish")).status).toBe(403);
    expect((await row(id))?.version).toBe(1);
    // The second reviewer changed no number: they are the second person.
    expect((await press(reviewer2, id, "publish")).status).toBe(303);
    expect((await row(id))?.version).toBe(2);
  });

  it("counts a number written in the summary as a number change", async () => {
    const id = "demo-exeter-dads-evening";
    await save(reviewer, id, {
      summary: "A relaxed evening group for dads. Out of hours, call 0300 123 4567.",
    });
    expect((await press(reviewer, id, "submit")).status).toBe(303);
    expect((await press(reviewer, id, "publish")).status).toBe(403);
    expect((await press(reviewer2, id, "publish")).status).toBe(303);
  });

  it("archives a crisis listing only when a second person confirms a first one's request", async () => {
    expect(await crisisIds()).toContain("samaritans");
    const asked = await press(reviewer, "samaritans", "archive");
    expect(asked.status).toBe(303);
    expect(asked.headers.get("location")).toBe("/admin/listings/samaritans?done=archive-requested");
    expect((await row("samaritans"))?.status).toBe("published");
    expect(await crisisIds()).toContain("samaritans");

    // The one who asked cannot confirm it.
    const own = await press(reviewer, "samaritans", "archive");
    expect(own.status).toBe(403);
    expect(await own.text()).toContain("someone else must confirm it");
    expect((await row("samaritans"))?.status).toBe("published");

    // A request can be withdrawn; then it must be asked for again.
    const view = await (await reviewer2.get("/admin/listings/samaritans")).text();
    expect(view).toContain("Archiving waits for a second person");
    expect(view).toContain("Confirm: archive");
    expect((await press(reviewer2, "samaritans", "requests/archive/cancel")).status).toBe(303);
    expect((await press(reviewer2, "samaritans", "archive")).headers.get("location")).toBe(
      "/admin/listings/samaritans?done=archive-requested",
    );
    expect((await row("samaritans"))?.status).toBe("published");

    const confirmed = await press(reviewer, "samaritans", "archive");
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("location")).toBe("/admin/listings/samaritans?done=archived");
    expect((await row("samaritans"))?.status).toBe("archived");
    expect(await crisisIds()).not.toContain("samaritans");
  });

  it("needs two people to publish a seeded listing with a number that nobody entered in the console", async () => {
    const id = "apni";
    expect((await row(id))?.status).toBe("in-review");
    const alone = await press(reviewer, id, "publish");
    expect(alone.status).toBe(403);
    expect(await alone.text()).toContain("No person in the console has entered or checked it yet");
    expect((await row(id))?.status).toBe("in-review");

    const asked = await press(reviewer, id, "request-publish");
    expect(asked.headers.get("location")).toBe(`/admin/listings/${id}?done=publish-requested`);
    expect((await press(reviewer, id, "publish")).status).toBe(403);
    expect((await press(reviewer2, id, "publish")).status).toBe(303);
    expect((await row(id))?.status).toBe("published");
    const [rev] = await con.db.select().from(revisions).where(eq(revisions.serviceId, id));
    expect(rev?.userId).toBe(con.users.reviewer2.id);
  });
});
