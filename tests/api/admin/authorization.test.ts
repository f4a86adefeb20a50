/**
 * The authorisation matrix: every console page and admin route, for each kind of visitor, with
 * the status each must get. Writes get a fresh listing per visitor, so every answer is exact, and
 * a refused write is checked to have changed nothing.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReport } from "../../../api/admin/reports.js";
import { listingDrafts, services } from "../../../schema/tables.js";
import {
  type Agent,
  type Console,
  createdId,
  editorFields,
  listingForm,
  ORG,
  ORG_LISTING,
  openConsole,
  PASSWORD,
  PERSONAS,
  type Persona,
  tokenOf,
} from "./helpers.js";

/** "login": redirected to sign in; a number: that exact status. */
type Expect = number | "login";
type Row = [
  anonymous: Expect,
  otherEditor: Expect,
  editor: Expect,
  reviewer: Expect,
  admin: Expect,
];

interface Case {
  method: "GET" | "POST";
  path: string;
  expect: Row;
  /** Makes what the request acts on, fresh for each visitor; answers the path and form fields. */
  setup?: () => Promise<{
    path: string;
    fields?: Record<string, string | string[]>;
    listing?: string;
  }>;
  fields?: Record<string, string | string[]>;
}

const ALL_SIGNED_IN: Row = ["login", 200, 200, 200, 200];
const OWN_ORG: Row = ["login", 404, 200, 200, 200];
const REVIEWERS: Row = ["login", 403, 403, 200, 200];
const ADMINS: Row = ["login", 403, 403, 403, 200];

describe("authorisation matrix", () => {
  let con: Console;
  let editor: Agent;
  let reviewer2: Agent;
  let admin: Agent;
  let otherUserId: string;

  beforeAll(async () => {
    con = await openConsole();
    [editor, reviewer2, admin] = await Promise.all([
      con.as("editor"),
      con.as("reviewer2"),
      con.as("admin"),
    ]);
    otherUserId = con.users.reviewer2.id;
  });
  afterAll(() => con?.close());

  const token = async (id: string) =>
    tokenOf(await (await admin.get(`/admin/listings/${id}`)).text());
  const step = async (
    agent: Agent,
    id: string,
    action: string,
    extra: Record<string, string> = {},
  ) => {
    const res = await agent.post(`/admin/listings/${id}/${action}`, {
      ...(await token(id)),
      ...extra,
    });
    if (res.status !== 303) throw new Error(`${action} ${id}: ${res.status}`);
  };
  /** A listing of the editor's organisation in the given state. */
  const listing = async (state: "draft" | "in-review" | "published" | "published-with-draft") => {
    const id = createdId(
      await editor.post("/admin/listings/new", listingForm({ name: `Matrix ${state}` })),
    );
    if (state === "draft") return id;
    await step(editor, id, "submit");
    if (state === "in-review") return id;
    await step(reviewer2, id, "publish");
    if (state === "published") return id;
    const edit = await (await admin.get(`/admin/listings/${id}/edit`)).text();
    const res = await admin.post(`/admin/listings/${id}/edit`, {
      ...editorFields(edit),
      costNote: "Changed",
    });
    if (res.status !== 303) throw new Error(`edit ${id}: ${res.status}`);
    return id;
  };
  const action =
    (state: Parameters<typeof listing>[0], name: string, extra: Record<string, string> = {}) =>
    async () => {
      const id = await listing(state);
      return {
        path: `/admin/listings/${id}/${name}`,
        fields: { ...(await token(id)), ...extra },
        listing: id,
      };
    };

  const cases: Case[] = [
    { method: "GET", path: "/admin", expect: ALL_SIGNED_IN },
    { method: "GET", path: "/admin/listings", expect: ALL_SIGNED_IN },
    {
      method: "GET",
      path: "/admin/listings?status=in-review&sort=name&due=1",
      expect: ALL_SIGNED_IN,
    },
    { method: "GET", path: "/admin/listings/new", expect: ALL_SIGNED_IN },
    { method: "GET", path: `/admin/listings/${ORG_LISTING}`, expect: OWN_ORG },
    { method: "GET", path: `/admin/listings/${ORG_LISTING}/edit`, expect: OWN_ORG },
    { method: "GET", path: `/admin/listings/${ORG_LISTING}/history`, expect: OWN_ORG },
    {
      method: "GET",
      path: "/admin/listings/no-such-listing",
      expect: ["login", 404, 404, 404, 404],
    },
    { method: "GET", path: "/admin/due", expect: ALL_SIGNED_IN },
    { method: "GET", path: "/admin/reports", expect: REVIEWERS },
    { method: "GET", path: "/admin/outbox", expect: REVIEWERS },
    { method: "GET", path: "/admin/audit", expect: REVIEWERS },
    { method: "GET", path: "/admin/users", expect: ADMINS },
    { method: "GET", path: "/admin/users/new", expect: ADMINS },
    { method: "GET", path: "/admin/users/:other", expect: ADMINS },
    { method: "GET", path: "/admin/organisations", expect: ADMINS },
    { method: "GET", path: `/admin/organisations/${ORG}`, expect: ADMINS },
    { method: "GET", path: "/admin/account", expect: ALL_SIGNED_IN },
    { method: "GET", path: "/admin/import", expect: ALL_SIGNED_IN },
    { method: "GET", path: "/admin/export.csv", expect: ALL_SIGNED_IN },
    {
      method: "POST",
      path: "/admin/listings/new",
      fields: listingForm({ name: "Matrix new" }),
      expect: ["login", 303, 303, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/edit",
      expect: ["login", 404, 303, 303, 303],
      setup: async () => {
        const id = await listing("draft");
        const edit = await (await admin.get(`/admin/listings/${id}/edit`)).text();
        return {
          path: `/admin/listings/${id}/edit`,
          fields: { ...editorFields(edit), costNote: "Edited" },
          listing: id,
        };
      },
    },
    {
      method: "POST",
      path: "/admin/listings/:id/submit",
      setup: action("draft", "submit"),
      expect: ["login", 404, 303, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/withdraw",
      setup: action("in-review", "withdraw"),
      expect: ["login", 404, 303, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/send-back",
      setup: action("in-review", "send-back", { reviewNote: "Add times" }),
      expect: ["login", 404, 403, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/publish",
      setup: action("in-review", "publish"),
      expect: ["login", 404, 403, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/archive",
      setup: action("published", "archive"),
      expect: ["login", 404, 403, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/check",
      setup: action("published", "check"),
      expect: ["login", 404, 303, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/discard",
      setup: action("published-with-draft", "discard"),
      expect: ["login", 404, 303, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/listings/:id/revisions/1/restore",
      setup: action("published", "revisions/1/restore"),
      expect: ["login", 404, 303, 303, 303],
    },
    {
      method: "POST",
      path: "/admin/reports/:id",
      expect: ["login", 403, 403, 303, 303],
      setup: async () => {
        const report = await createReport(con.db, con.clock.now, ORG_LISTING, {
          reason: "closed",
          text: null,
        });
        return {
          path: `/admin/reports/${report.id}`,
          fields: { outcome: "resolved", note: "Checked" },
        };
      },
    },
    { method: "POST", path: "/admin/outbox/run", expect: ["login", 403, 403, 403, 303] },
    {
      method: "POST",
      path: "/admin/users/new",
      expect: ["login", 403, 403, 403, 303],
      setup: async () => ({
        path: "/admin/users/new",
        fields: {
          email: `new-${Math.random().toString(36).slice(2)}@example.org`,
          name: "New",
          role: "reviewer",
          organisationId: "",
          password: PASSWORD,
        },
      }),
    },
    {
      method: "POST",
      path: "/admin/users/:other",
      expect: ["login", 403, 403, 403, 303],
      fields: { name: "Second reviewer", role: "reviewer", organisationId: "" },
    },
    {
      method: "POST",
      path: "/admin/organisations",
      expect: ["login", 403, 403, 403, 303],
      fields: { name: "Matrix Parents Network", website: "https://example.org/matrix" },
    },
    {
      method: "POST",
      path: `/admin/organisations/${ORG}`,
      expect: ["login", 403, 403, 403, 303],
      fields: { name: "Exe Valley Parents Together (example)", email: "hello@example.org" },
    },
    {
      method: "POST",
      path: "/admin/account/password",
      expect: ["login", 303, 303, 303, 303],
      fields: { current: PASSWORD, password: PASSWORD, confirm: PASSWORD },
    },
    { method: "POST", path: "/admin/logout", expect: ["login", 303, 303, 303, 303] },
  ];

  const snapshot = async (id: string | undefined) =>
    id
      ? JSON.stringify([
          await con.db.select().from(services).where(eq(services.id, id)),
          await con.db.select().from(listingDrafts).where(eq(listingDrafts.serviceId, id)),
        ])
      : "";

  for (const c of cases) {
    it(`${c.method} ${c.path}: ${c.expect.join(" / ")}`, async () => {
      for (const [i, persona] of PERSONAS.entries()) {
        const expected = c.expect[i] as Expect;
        const made = c.setup ? await c.setup() : { path: c.path, fields: c.fields };
        const path = made.path.replace(":other", otherUserId);
        const agent = await con.as(persona as Persona);
        const before = await snapshot(made.listing);
        const res =
          c.method === "GET"
            ? await agent.get(path)
            : await agent.post(path, made.fields ?? c.fields ?? {});
        const where = `${persona} ${c.method} ${path}`;
        if (expected === "login") {
          expect(res.status, where).toBe(303);
          expect(res.headers.get("location") ?? "", where).toMatch(/^\/admin\/login\?next=/);
        } else {
          expect(res.status, where).toBe(expected);
          if (expected === 303)
            expect(res.headers.get("location") ?? "", where).not.toMatch(/^\/admin\/login\?next=/);
        }
        if (expected === "login" || expected === 403 || expected === 404) {
          expect(await snapshot(made.listing), `${where} changed nothing`).toBe(before);
        }
      }
    });
  }

  it("multipart import: every signed-in role may import into its own organisation only", async () => {
    for (const persona of PERSONAS) {
      const csv = `organisation_id,name,summary,kind,stages,formats,referral\r\ndemo-exe-valley-parents,Matrix import by ${persona},A listing imported for the matrix test.,peer-group,postnatal,in-person,self\r\n`;
      const agent = await con.as(persona);
      const page = persona === "anonymous" ? "" : await (await agent.get("/admin/import")).text();
      const form = new FormData();
      form.set("_csrf", agent.csrf);
      form.set("_once", /name="_once" value="([^"]+)"/.exec(page)?.[1] ?? "");
      form.set("file", new File([csv], "listings.csv", { type: "text/csv" }));
      const res = await con.app.request("/admin/import", {
        method: "POST",
        body: form,
        headers: agent.cookie ? { cookie: agent.cookie } : {},
      });
      if (persona === "anonymous") {
        expect(res.status).toBe(303);
        continue;
      }
      expect(res.status, persona).toBe(200);
      const html = await res.text();
      if (persona === "otherEditor")
        expect(html, persona).toContain("You can only import listings of your own organisation.");
      else expect(html, persona).toContain("New draft");
    }
  });

  it("scopes an editor's table, export and due queue to their organisation", async () => {
    const editor = await con.as("editor");
    const table = await (await editor.get("/admin/listings?sort=name")).text();
    expect(table).toContain("Exeter Bumps");
    expect(table).not.toContain("Plymouth");
    expect(table).not.toContain("Samaritans");
    const csv = await (await editor.get("/admin/export.csv")).text();
    expect(
      csv
        .split("\r\n")
        .slice(1)
        .filter(Boolean)
        .every((line) => line.includes("demo-exe-valley-parents")),
    ).toBe(true);
    const due = await (await editor.get("/admin/due")).text();
    expect(due).not.toContain("Plymouth");
  });
});

describe("bad input in console addresses", () => {
  let con: Console;
  let admin: Agent;

  beforeAll(async () => {
    con = await openConsole();
    admin = await con.as("admin");
  });
  afterAll(() => con?.close());

  it("answers overlong listing filters with the table, cut to what can match, never a 500", async () => {
    const cases = { q: 200, area: 40, organisation: 100 };
    for (const [name, max] of Object.entries(cases)) {
      const value = `${"a".repeat(max)}z`;
      const res = await admin.get(`/admin/listings?${new URLSearchParams({ [name]: value })}`);
      expect(res.status, name).toBe(200);
      const html = await res.text();
      expect(html, name).toContain("0 listings match these filters.");
      expect(html, name).not.toContain(value);
    }
    expect(await (await admin.get(`/admin/listings?q=Samaritans`)).text()).toContain("Samaritans");
  });

  it("answers a restore of a version that is not a whole number with 404, changing nothing", async () => {
    const page = await (await admin.get(`/admin/listings/${ORG_LISTING}/history`)).text();
    const before = JSON.stringify(
      await con.db.select().from(listingDrafts).where(eq(listingDrafts.serviceId, ORG_LISTING)),
    );
    for (const version of ["abc", "1e309", "0", "-1", "1.5", "99999999999"]) {
      const res = await admin.post(
        `/admin/listings/${ORG_LISTING}/revisions/${version}/restore`,
        tokenOf(page),
      );
      expect(res.status, version).toBe(404);
      expect(await res.text(), version).toContain("No such version");
    }
    expect(
      JSON.stringify(
        await con.db.select().from(listingDrafts).where(eq(listingDrafts.serviceId, ORG_LISTING)),
      ),
    ).toBe(before);
  });
});
