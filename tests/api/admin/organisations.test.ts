/**
 * Organisations: admins change their details, each change audited field by field in words;
 * their ids are shown where they are listed; nobody else may, and bad input changes nothing.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, organisations } from "../../../schema/tables.js";
import { type Agent, type Console, ORG, openConsole } from "./helpers.js";

describe("organisations in the console", () => {
  let con: Console;
  let admin: Agent;

  beforeAll(async () => {
    con = await openConsole();
    admin = await con.as("admin");
  });
  afterAll(() => con?.close());

  const row = async () =>
    (await con.db.select().from(organisations).where(eq(organisations.id, ORG)))[0];
  const updates = () =>
    con.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, ORG), eq(auditLog.action, "organisation.update")));
  const form = (changes: Record<string, string> = {}) => ({
    name: "Exe Valley Parents Together (example)",
    website: "",
    email: "",
    phone: "",
    charityNumber: "",
    mailLanguage: "",
    ...changes,
  });

  it("lists every organisation with its id and a link to change it", async () => {
    const html = await (await admin.get("/admin/organisations")).text();
    expect(html).toContain(`<code>${ORG}</code>`);
    expect(html).toContain(`href="/admin/organisations/${ORG}"`);
    const edit = await admin.get(`/admin/organisations/${ORG}`);
    expect(edit.status).toBe(200);
    const page = await edit.text();
    expect(page).toContain(`<code>${ORG}</code>`);
    expect(page).toContain('value="Exe Valley Parents Together (example)"');
  });

  it("saves the changed fields only, audited with the old and new values in words", async () => {
    const before = await row();
    const res = await admin.post(
      `/admin/organisations/${ORG}`,
      form({
        name: "Exe Valley Parents",
        email: "Hello@Example.org",
        mailLanguage: "cy",
        website: before?.website ?? "",
        phone: before?.phone ?? "",
        charityNumber: before?.charityNumber ?? "",
      }),
    );
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe(`/admin/organisations/${ORG}?done=organisation-saved`);
    const after = await row();
    expect(after).toMatchObject({ name: "Exe Valley Parents", mailLanguage: "cy", id: ORG });
    expect(after?.email?.toLowerCase()).toBe("hello@example.org");
    const [entry] = await updates();
    expect(entry?.userId).toBe(con.users.admin.id);
    expect(Object.keys(entry?.after as object).sort()).toEqual(["email", "mailLanguage", "name"]);
    expect(entry?.before).toMatchObject({ name: before?.name, mailLanguage: before?.mailLanguage });
    const audit = await (
      await admin.get(`/admin/audit?entity=organisation&entityId=${ORG}`)
    ).text();
    expect(audit).toContain("Organisation changed");
    expect(audit).toContain(
      '<strong>Language of mail</strong> changed from <span class="was">(empty)</span> to <span class="now">Welsh (Cymraeg)</span>',
    );
    expect(audit).toContain('<span class="now">Exe Valley Parents</span>');
    expect(audit).not.toContain('"mailLanguage"');
    // The listings of the organisation show the new name; the id is unchanged.
    const listings = await (await admin.get(`/admin/listings?organisation=${ORG}`)).text();
    expect(listings).toContain("Exe Valley Parents");
  });

  it("writes nothing when nothing changed", async () => {
    const current = await row();
    const count = (await updates()).length;
    const res = await admin.post(
      `/admin/organisations/${ORG}`,
      Object.fromEntries(
        ["name", "website", "email", "phone", "charityNumber", "mailLanguage"].map((k) => [
          k,
          String((current as Record<string, unknown>)[k] ?? ""),
        ]),
      ),
    );
    expect(res.headers.get("location")).toBe(`/admin/organisations/${ORG}?done=organisation-same`);
    expect(await updates()).toHaveLength(count);
  });

  it("refuses bad input with messages on the fields, keeps what was typed, changes nothing", async () => {
    const before = await row();
    const count = (await updates()).length;
    const res = await admin.post(
      `/admin/organisations/${ORG}`,
      form({ name: "X", email: "not an email", mailLanguage: "fr", website: "http://<b>x" }),
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    expect(html).toMatch(/id="f-email-error"/);
    expect(html).toMatch(/id="f-name-error"/);
    expect(html).toContain("Enter an email address, like name@example.org.");
    expect(html).toContain("Choose a language of mail from the list.");
    expect(html).toContain('value="not an email"');
    expect(html).toContain('value="http://&lt;b&gt;x"');
    expect(await row()).toEqual(before);
    expect(await updates()).toHaveLength(count);
  });

  it("tells two organisations of one name apart, by id, wherever one is chosen from a list", async () => {
    const name = (await row())?.name ?? "";
    await con.db.insert(organisations).values({ id: "exe-valley-twin", name: name.toUpperCase() });
    try {
      const both = [`${name} (${ORG})`, `${name.toUpperCase()} (exe-valley-twin)`];
      for (const path of ["/admin/listings", "/admin/feeds", "/admin/listings/new"]) {
        const html = await (await admin.get(path)).text();
        for (const label of both) expect(html, path).toContain(`>${label}</option>`);
      }
      // A name no other organisation bears is shown as it is.
      const html = await (await admin.get("/admin/listings")).text();
      expect(html).toMatch(/>Riverside Family Counselling \(example\)<\/option>/);
    } finally {
      await con.db.delete(organisations).where(eq(organisations.id, "exe-valley-twin"));
    }
  });

  it("answers 404 for an unknown organisation, and 403 to reviewers and editors, changing nothing", async () => {
    expect((await admin.get("/admin/organisations/no-such-org")).status).toBe(404);
    expect((await admin.post("/admin/organisations/no-such-org", form())).status).toBe(404);
    const before = await row();
    for (const persona of ["reviewer", "editor"] as const) {
      const agent = await con.as(persona);
      expect((await agent.get(`/admin/organisations/${ORG}`)).status).toBe(403);
      expect(
        (await agent.post(`/admin/organisations/${ORG}`, form({ name: "Taken over" }))).status,
      ).toBe(403);
    }
    expect(await row()).toEqual(before);
  });
});
