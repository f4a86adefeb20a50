import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import {
  accessRequests,
  auditLog,
  notifications,
  outbox,
  services,
  users,
} from "../../../schema/tables.js";
import { type Console, formBody, openConsole } from "./helpers.js";
import { addressesOf, type Smtp, senderFor, startSmtp } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";
const LISTING = "demo-devon-perinatal-team";
const ORG = "demo-south-west-trust";
const ORG_NAME = "South West Example NHS Foundation Trust (example)";
const PATH = `/services/${LISTING}/ask-to-update`;
const YOU = {
  "you.name": "Rhian Morgan",
  "you.email": "Rhian@Example.org",
  "you.role": "Team lead",
};

describe("Is this your service? Ask to update it", () => {
  let con: Console;
  let smtp: Smtp;
  const form = async (lang = "") => {
    const res = await con.app.request(`${PATH}${lang}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    return { html, _form: /name="_form" value="([^"]+)"/.exec(html)?.[1] ?? "" };
  };
  const post = (fields: Record<string, string>, lang = "", headers: Record<string, string> = {}) =>
    con.app.request(`${PATH}${lang}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: formBody(fields),
    });
  const rows = () => con.db.select().from(accessRequests);
  const mailTo = (address: string) =>
    smtp.state.arrived.filter((m) => addressesOf(m).includes(address));
  /** Asks, then confirms by the mailed link; answers the request's id. */
  const askAndConfirm = async (you: Record<string, string>, lang = "") => {
    const f = await form(lang);
    con.clock.advance(5_000);
    expect((await post({ ...you, _form: f._form }, lang)).status).toBe(200);
    await runDailyJobs(con.deps);
    const address = (you["you.email"] ?? "").toLowerCase();
    const link = /(\/ask-to-update\/confirm\/[\w-]{43})/.exec(mailTo(address).at(-1)?.text ?? "");
    expect(link).not.toBeNull();
    expect((await con.app.request(link?.[1] ?? "", { method: "POST" })).status).toBe(303);
    const row = (await rows()).find((r) => r.email === address);
    expect(row?.status).toBe("waiting");
    return row?.id ?? "";
  };

  beforeAll(async () => {
    [con, smtp] = await Promise.all([openConsole(), startSmtp()]);
    con.clock.now = new Date("2026-11-26T05:00:00Z");
    con.deps.publicOrigin = ORIGIN;
    con.deps.mail = senderFor(smtp);
  });
  afterAll(async () => {
    con?.close();
    await smtp?.close();
  });

  it("is linked from the service page and asks in English and Welsh", async () => {
    const page = await (await con.app.request(`/services/${LISTING}`)).text();
    expect(page).toContain(`href="${PATH}">Is this your service? Ask to update it</a>`);
    const welsh = await (await con.app.request(`/services/${LISTING}?lang=cy`)).text();
    expect(welsh).toContain(`href="${PATH}?lang=cy">Ai eich gwasanaeth chi yw hwn?`);
    const en = (await form()).html;
    expect(en).toContain("<h1>Ask to update this listing</h1>");
    expect(en).toContain(ORG_NAME);
    for (const name of ["you.name", "you.email", "you.role", "homepage", "_form"]) {
      expect(en).toContain(`name="${name}"`);
    }
    const cy = (await form("?lang=cy")).html;
    expect(cy).toContain('<html lang="cy">');
    expect(cy).toContain("<h1>Gofyn am gael diweddaru’r rhestriad hwn</h1>");
  });

  it("answers 404 for listings that are not published, as the service page does", async () => {
    await con.db
      .update(services)
      .set({ status: "draft" })
      .where(eq(services.id, "demo-exeter-counselling"));
    expect((await con.app.request("/services/demo-exeter-counselling/ask-to-update")).status).toBe(
      404,
    );
    expect((await con.app.request("/services/no-such-listing/ask-to-update")).status).toBe(404);
    const f = await form();
    con.clock.advance(5_000);
    const res = await con.app.request("/services/demo-exeter-counselling/ask-to-update", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: formBody({ ...YOU, _form: f._form }),
    });
    expect(res.status).toBe(404);
    expect(await rows()).toHaveLength(0);
  });

  it("refuses a form sent too fast or from another site, keeping what was typed", async () => {
    const f = await form();
    const fast = await post({ ...YOU, _form: f._form });
    expect(fast.status).toBe(400);
    const page = await fast.text();
    expect(page).toContain("Please check the form and send it again.");
    expect(page).toContain('value="Rhian Morgan"');
    expect(page).toContain('value="Team lead"');
    con.clock.advance(5_000);
    expect(
      (await post({ ...YOU, _form: f._form }, "", { origin: "https://evil.example" })).status,
    ).toBe(403);
    expect((await post({ ...YOU, _form: "forged.1" })).status).toBe(400);
    expect(await rows()).toHaveLength(0);
  });

  it("says what is wrong in the page's language and loses nothing", async () => {
    const f = await form("?lang=cy");
    con.clock.advance(5_000);
    const res = await post(
      {
        "you.name": "",
        "you.email": "not an address",
        "you.role": "x".repeat(130),
        _form: f._form,
      },
      "?lang=cy",
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Rhowch: Eich enw.");
    expect(page).toContain("Rhowch gyfeiriad e-bost fel enw@example.org.");
    expect(page).toContain("Eich rôl yn y sefydliad: defnyddiwch 120 nod ar y mwyaf.");
    expect(page).toContain('value="not an address"');
    expect(page).toContain('aria-invalid="true"');
    // A body that is not a form at all is an error on the form, not a 500.
    const broken = await con.app.request(PATH, {
      method: "POST",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: "garbage",
    });
    expect(broken.status).toBe(400);
    expect(await rows()).toHaveLength(0);
  });

  it("keeps nothing when the honeypot is filled, but answers the same", async () => {
    const f = await form();
    con.clock.advance(5_000);
    const res = await post({ ...YOU, _form: f._form, homepage: "http://spam.example" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("We sent a link to rhian@example.org.");
    expect(await rows()).toHaveLength(0);
  });

  let requestId = "";
  it("confirms the address by a mailed link before admins see it, and tells admins only", async () => {
    const f = await form();
    con.clock.advance(5_000);
    const res = await post({ ...YOU, _form: f._form });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("We sent a link to rhian@example.org.");
    const [row] = await rows();
    expect(row).toMatchObject({
      status: "unconfirmed",
      serviceId: LISTING,
      organisationId: ORG,
      name: "Rhian Morgan",
      email: "rhian@example.org",
      role: "Team lead",
    });
    requestId = row?.id ?? "";
    const admin = await con.as("admin");
    expect(await (await admin.get("/admin/access-requests")).text()).not.toContain("Rhian Morgan");
    await runDailyJobs(con.deps);
    const [mail] = mailTo("rhian@example.org");
    expect(mail?.subject).toBe("Perinatal Signpost: confirm your email address");
    expect(mail?.text).toContain(`update the listings of ${ORG_NAME}`);
    const link =
      /https:\/\/signpost\.example(\/ask-to-update\/confirm\/[\w-]{43})/.exec(
        mail?.text ?? "",
      )?.[1] ?? "";
    expect(link).not.toBe("");
    // Following the link (as a mail scanner would) changes nothing; the button does.
    const shown = await con.app.request(link);
    expect(shown.status).toBe(200);
    // A credential in the path: the page sends no referrer anywhere.
    expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await shown.text()).toContain("Confirm my address");
    expect((await rows())[0]?.status).toBe("unconfirmed");
    // Staff see the message in the outbox, but not its link.
    const box = await (await (await con.as("admin")).get("/admin/outbox")).text();
    expect(box).toContain("/ask-to-update/confirm/[removed]");
    expect(box).not.toContain(link.split("/").at(-1) ?? "none");
    expect(
      (await con.app.request(link, { method: "POST", headers: { origin: "https://evil.example" } }))
        .status,
    ).toBe(403);
    const done = await con.app.request(link, { method: "POST" });
    expect(done.status).toBe(303);
    expect(await (await con.app.request(done.headers.get("location") ?? "")).text()).toContain(
      "Your address is confirmed",
    );
    expect((await rows())[0]?.status).toBe("waiting");
    expect((await con.app.request(link, { method: "POST" })).status).toBe(410);
    expect((await con.app.request("/ask-to-update/confirm/not-a-token")).status).toBe(410);
    const told = (await con.db.select().from(notifications)).filter(
      (n) => n.event.kind === "access-requested",
    );
    expect(told.map((n) => n.userId)).toEqual([con.users.admin.id]);
    expect(JSON.stringify(told)).not.toMatch(/rhian/i);
  });

  it("shows the queue to admins only, on every request", async () => {
    for (const persona of ["editor", "reviewer"] as const) {
      const who = await con.as(persona);
      expect((await who.get("/admin/access-requests")).status).toBe(403);
      expect((await who.post(`/admin/access-requests/${requestId}/approve`)).status).toBe(403);
      expect(
        (await who.post(`/admin/access-requests/${requestId}/refuse`, { reason: "no" })).status,
      ).toBe(403);
    }
    expect((await con.anonymous.get("/admin/access-requests")).status).toBe(303);
    const admin = await con.as("admin");
    const queue = await (await admin.get("/admin/access-requests")).text();
    expect(queue).toContain("Rhian Morgan");
    expect(queue).toContain("rhian@example.org");
    expect(queue).toContain("Team lead");
    expect(queue).toContain('aria-current="page">Editor access</a>');
    expect((await rows())[0]?.status).toBe("waiting");
  });

  it("lets an admin approve: an editor of that organisation is invited, the requester told and forgotten", async () => {
    const admin = await con.as("admin");
    const res = await admin.post(`/admin/access-requests/${requestId}/approve`);
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/access-requests?done=approved");
    const [after] = await rows();
    expect(after).toMatchObject({ status: "approved", name: null, email: null, role: null });
    expect(after?.handledBy).toBe(con.users.admin.id);
    const [account] = await con.db.select().from(users).where(eq(users.email, "rhian@example.org"));
    expect(account).toMatchObject({ role: "editor", organisationId: ORG, name: "Rhian Morgan" });
    const invitation = (await con.db.select().from(outbox)).find(
      (m) => m.kind === "invitation" && m.recipients.includes("rhian@example.org"),
    );
    expect(invitation?.status).toBe("sent");
    await runDailyJobs(con.deps);
    const arrived = mailTo("rhian@example.org");
    expect(arrived.map((m) => m.subject)).toContain(
      `Perinatal Signpost: you can update the listings of ${ORG_NAME}`,
    );
    expect(arrived.some((m) => /\/admin\/set-password\?token=[\w-]{43}/.test(m.text ?? ""))).toBe(
      true,
    );
    const entries = await con.db.select().from(auditLog).where(eq(auditLog.entityId, requestId));
    expect(entries.map((e) => e.action)).toEqual(["access.approve"]);
    expect(JSON.stringify(entries)).not.toMatch(/rhian|team lead/i);
    expect(
      (await admin.post(`/admin/access-requests/${requestId}/approve`)).headers.get("location"),
    ).toBe("/admin/access-requests?done=gone");
    expect(await (await admin.get("/admin/access-requests")).text()).not.toContain("Rhian Morgan");
  });

  it("lets an admin refuse with a reason, emailed in the request's language, kept nowhere else", async () => {
    const id = await askAndConfirm(
      { "you.name": "Dai Jones", "you.email": "dai@example.org", "you.role": "Gwirfoddolwr" },
      "?lang=cy",
    );
    const admin = await con.as("admin");
    const empty = await admin.post(`/admin/access-requests/${id}/refuse`, { reason: "  " });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Say why, for the person who asked.");
    const long = await admin.post(`/admin/access-requests/${id}/refuse`, {
      reason: "x".repeat(1001),
    });
    expect(long.status).toBe(422);
    expect(await long.text()).toContain("x".repeat(1001));
    expect((await rows()).find((r) => r.id === id)?.status).toBe("waiting");
    const reason = "We could not find you on the trust's staff list; please ask your manager.";
    const res = await admin.post(`/admin/access-requests/${id}/refuse`, { reason });
    expect(res.headers.get("location")).toBe("/admin/access-requests?done=refused");
    const row = (await rows()).find((r) => r.id === id);
    expect(row).toMatchObject({ status: "refused", name: null, email: null, role: null });
    await runDailyJobs(con.deps);
    const answer = mailTo("dai@example.org").at(-1);
    expect(answer?.subject).toBe(`Perinatal Signpost: eich cais ynghylch ${ORG_NAME}`);
    expect(answer?.text).toContain(reason);
    const entries = await con.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(entries.map((e) => e.action)).toEqual(["access.refuse"]);
    expect(JSON.stringify(entries)).not.toContain("staff list");
    expect(
      await con.db.select().from(users).where(eq(users.email, "dai@example.org")),
    ).toHaveLength(0);
  });

  it("invites in the language the request was made in, whatever the organisation's", async () => {
    const id = await askAndConfirm(
      { "you.name": "Elin Puw", "you.email": "elin@example.org", "you.role": "Bydwraig" },
      "?lang=cy",
    );
    const admin = await con.as("admin");
    expect((await admin.post(`/admin/access-requests/${id}/approve`)).status).toBe(303);
    await runDailyJobs(con.deps);
    const subjects = mailTo("elin@example.org").map((m) => m.subject);
    expect(subjects).toContain(`Perinatal Signpost: gallwch ddiweddaru rhestriadau ${ORG_NAME}`);
    expect(subjects).toContain("Mae gennych gyfrif ar Perinatal Signpost: dewiswch eich cyfrinair");
    expect(subjects.join("\n")).not.toContain("set your password");
  });

  it("will not invite an address that has an account, and says what to do", async () => {
    const id = await askAndConfirm({ ...YOU, "you.email": "other@example.org" });
    const admin = await con.as("admin");
    const res = await admin.post(`/admin/access-requests/${id}/approve`);
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("There is already an account for other@example.org.");
    const row = (await rows()).find((r) => r.id === id);
    expect(row).toMatchObject({ status: "waiting", email: "other@example.org" });
    const [other] = await con.db.select().from(users).where(eq(users.email, "other@example.org"));
    expect(other?.organisationId).toBe("demo-plymouth-sound-parents");
  });

  it("deletes unconfirmed requests when their link lapses, and never logs what was typed", async () => {
    const f = await form();
    con.clock.advance(5_000);
    await post({ ...YOU, "you.email": "late@example.org", _form: f._form });
    expect((await rows()).some((r) => r.email === "late@example.org")).toBe(true);
    con.clock.advance(6 * 86_400_000);
    await runDailyJobs(con.deps);
    expect((await rows()).some((r) => r.email === "late@example.org")).toBe(true);
    con.clock.advance(2 * 86_400_000);
    await runDailyJobs(con.deps);
    expect((await rows()).some((r) => r.email === "late@example.org")).toBe(false);
    expect(con.logger.lines.join("\n")).not.toMatch(/rhian|dai@|late@|Team lead/i);
  });
});
