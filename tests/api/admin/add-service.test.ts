import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../../api/admin/index.js";
import {
  auditLog,
  listingDrafts,
  notifications,
  organisations,
  outbox,
  services,
  submissions,
  users,
} from "../../../schema/tables.js";
import { type Console, formBody, openConsole } from "./helpers.js";
import { addressesOf, type Smtp, senderFor, startSmtp } from "./smtp-server.js";

const ORIGIN = "https://signpost.example";

const FIELDS = {
  "org.name": "Kingsbridge Mums Together",
  "org.website": "https://kingsbridge-mums.example.org",
  "org.email": "hello@kingsbridge-mums.example.org",
  name: "Kingsbridge Bumps and Babies",
  kind: "peer-group",
  summary: "A weekly peer support group for parents-to-be and new parents in Kingsbridge.",
  stages: ["pregnancy", "postnatal"],
  formats: ["in-person"],
  referral: ["self"],
  cost: "free",
  languages: "en",
  "contacts.0.kind": "phone",
  "contacts.0.value": "01632 960123",
  "contacts.1.kind": "email",
  "contacts.1.value": "",
  "contacts.2.kind": "web",
  "contacts.2.value": "",
  "you.name": "Sam Carter",
  "you.email": "Sam@Example.org",
};

describe("Add your service", () => {
  let con: Console;
  let smtp: Smtp;
  const form = async (lang = "") => {
    const res = await con.app.request(`/add-your-service${lang}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    return {
      html,
      _form: /name="_form" value="([^"]+)"/.exec(html)?.[1] ?? "",
      "locations.0.id": /name="locations.0.id" value="([^"]+)"/.exec(html)?.[1] ?? "",
    };
  };
  const post = (
    fields: Record<string, string | string[]>,
    headers: Record<string, string> = {},
    lang = "",
  ) =>
    con.app.request(`/add-your-service${lang}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: formBody(fields),
    });

  beforeAll(async () => {
    [con, smtp] = await Promise.all([openConsole(), startSmtp()]);
    // 05:00 in London, before the daily digests (notify.test.ts covers those).
    con.clock.now = new Date("2026-11-26T05:00:00Z");
    con.deps.publicOrigin = ORIGIN;
    con.deps.mail = senderFor(smtp);
  });
  afterAll(async () => {
    con?.close();
    await smtp?.close();
  });

  it("shows the form in English and Welsh with the editor's field names", async () => {
    const en = (await form()).html;
    expect(en).toContain("<h1>Add your service</h1>");
    for (const name of [
      "org.name",
      "name",
      "kind",
      "summary",
      "stages",
      "contacts.0.value",
      "you.email",
    ]) {
      expect(en).toContain(`name="${name}"`);
    }
    const cy = (await form("?lang=cy")).html;
    expect(cy).toContain('<html lang="cy">');
    expect(cy).toContain("<h1>Ychwanegu eich gwasanaeth</h1>");
  });

  it("refuses a form sent too fast or from another site, keeping what was typed", async () => {
    const f = await form();
    const fast = await post({ ...FIELDS, ...f });
    expect(fast.status).toBe(400);
    const page = await fast.text();
    expect(page).toContain("Please check the form and send it again.");
    expect(page).toContain('value="Kingsbridge Bumps and Babies"');
    con.clock.advance(5_000);
    const cross = await post({ ...FIELDS, ...f }, { origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(await con.db.select().from(submissions)).toHaveLength(0);
  });

  it("says what is missing in the page's language and loses nothing", async () => {
    const f = await form("?lang=cy");
    con.clock.advance(5_000);
    const res = await post(
      { ...FIELDS, ...f, summary: "", "you.email": "not an address" },
      {},
      "?lang=cy",
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Rhowch: Crynodeb.");
    expect(page).toContain("Rhowch gyfeiriad e-bost fel enw@example.org.");
    expect(page).toContain('value="Kingsbridge Bumps and Babies"');
    expect(page).toContain('value="not an address"');
    expect(page).toMatch(/value="postnatal" id="[^"]+" checked/);
  });

  it("puts the reviewers' own checks in the sender's language, field by field", async () => {
    const f = await form("?lang=cy");
    con.clock.advance(5_000);
    const res = await post(
      {
        ...FIELDS,
        ...f,
        "org.website": "http://kingsbridge-mums.example.org",
        "contacts.0.value": "12345",
        "locations.0.name": "Neuadd y Dref",
        "locations.0.address": "Fore Street, Kingsbridge",
        "locations.0.postcode": "ZZ9 9ZZ",
      },
      {},
      "?lang=cy",
    );
    expect(res.status).toBe(422);
    const page = await res.text();
    expect(page).toContain("Defnyddiwch gyfeiriad gwefan sy’n dechrau gyda https://.");
    expect(page).toContain("Defnyddiwch rif ffôn yn y DU mewn digidau, fel 01632 960123.");
    expect(page).toContain("Rhowch god post llawn yn y DU y gallwn ddod o hyd iddo");
    // The console's English words are not shown to the public.
    expect(page).not.toMatch(/Use an https|Use a UK phone|could not find this postcode/);
    expect(page).toContain('value="ZZ9 9ZZ"');
    expect(await con.db.select().from(submissions)).toHaveLength(0);
  });

  it("keeps nothing when the honeypot is filled, but answers the same", async () => {
    const f = await form();
    con.clock.advance(5_000);
    const res = await post({ ...FIELDS, ...f, homepage: "http://spam.example" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Check your email");
    expect(await con.db.select().from(submissions)).toHaveLength(0);
  });

  let confirmLink = "";
  it("confirms the address by a mailed link before reviewers see it", async () => {
    const f = await form();
    con.clock.advance(5_000);
    const res = await post({ ...FIELDS, ...f });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("We sent a link to sam@example.org.");
    const [row] = await con.db.select().from(submissions);
    expect(row).toMatchObject({ status: "unconfirmed", contactEmail: "sam@example.org" });
    expect(row?.fields).not.toHaveProperty("you.email");
    await runDailyJobs(con.deps);
    const mail = smtp.state.arrived.find((m) => addressesOf(m).includes("sam@example.org"));
    expect(mail?.subject).toBe("Perinatal Signpost: confirm your email address");
    confirmLink =
      /https:\/\/signpost\.example(\/add-your-service\/confirm\/[\w-]{43})/.exec(
        mail?.text ?? "",
      )?.[1] ?? "";
    expect(confirmLink).not.toBe("");
    // Staff see the message in the outbox, but not its link: they cannot confirm for her.
    const box = await (await (await con.as("admin")).get("/admin/outbox")).text();
    expect(box).toContain("confirm your email address");
    expect(box).toContain("/add-your-service/confirm/[removed]");
    expect(box).not.toContain(confirmLink.split("/").at(-1) ?? "none");
    const shown = await con.app.request(confirmLink);
    expect(shown.status).toBe(200);
    // A credential in the path: the page sends no referrer anywhere.
    expect(shown.headers.get("referrer-policy")).toBe("no-referrer");
    expect(await shown.text()).toContain("Confirm my address");
    expect((await con.db.select().from(submissions))[0]?.status).toBe("unconfirmed");
    const done = await con.app.request(confirmLink, { method: "POST" });
    expect(done.status).toBe(303);
    expect((await con.db.select().from(submissions))[0]?.status).toBe("waiting");
    expect((await con.app.request(confirmLink, { method: "POST" })).status).toBe(410);
    const told = await con.db.select().from(notifications);
    expect(told.map((n) => n.event.kind)).toContain("submission-waiting");
  });

  it("lets a reviewer accept it: a new organisation, a draft listing, the sender told and forgotten", async () => {
    const reviewer = await con.as("reviewer");
    const queue = await (await reviewer.get("/admin/submissions")).text();
    expect(queue).toContain("Kingsbridge Bumps and Babies (Kingsbridge Mums Together)");
    expect((await (await con.as("editor")).get("/admin/submissions")).status).toBe(403);
    const [sub] = await con.db.select().from(submissions);
    const res = await reviewer.post(`/admin/submissions/${sub?.id}/accept`, {
      organisation: "new",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin/submissions?done=accepted");
    const [after] = await con.db.select().from(submissions);
    expect(after).toMatchObject({ status: "accepted", contactName: null, contactEmail: null });
    const [org] = await con.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, after?.organisationId ?? ""));
    expect(org?.name).toBe("Kingsbridge Mums Together");
    const [listing] = await con.db
      .select()
      .from(services)
      .where(eq(services.id, after?.serviceId ?? ""));
    expect(listing).toMatchObject({
      status: "draft",
      organisationId: org?.id,
      name: "Kingsbridge Bumps and Babies",
    });
    expect(
      await con.db
        .select()
        .from(listingDrafts)
        .where(eq(listingDrafts.serviceId, listing?.id ?? "")),
    ).toHaveLength(1);
    await runDailyJobs(con.deps);
    const told = smtp.state.arrived.filter((m) => addressesOf(m).includes("sam@example.org"));
    expect(told.at(-1)?.subject).toBe(
      "Perinatal Signpost: Kingsbridge Bumps and Babies is being added",
    );
    // And an invitation to become the new organisation's editor, with a set-password link.
    const invitation = (await con.db.select().from(outbox)).find(
      (m) => m.kind === "invitation" && m.recipients.includes("sam@example.org"),
    );
    expect(invitation?.status).toBe("sent");
    expect(invitation?.body).toMatch(/https:\/\/signpost\.example\/\S+/);
    const [account] = await con.db.select().from(users).where(eq(users.email, "sam@example.org"));
    expect(account).toMatchObject({ role: "editor", organisationId: org?.id, name: "Sam Carter" });
    expect(
      (
        await reviewer.post(`/admin/submissions/${sub?.id}/accept`, { organisation: "new" })
      ).headers.get("location"),
    ).toBe("/admin/submissions?done=gone");
    const entries = await con.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, sub?.id ?? ""));
    expect(entries.map((e) => e.action)).toEqual(["submission.accept"]);
    expect(entries[0]?.after).toMatchObject({ organisationId: org?.id, serviceId: listing?.id });
    expect(JSON.stringify(entries)).not.toMatch(/sam/i);
  });

  it("invites the sender of a Welsh form in Welsh, whatever the new organisation's language", async () => {
    const f = await form("?lang=cy");
    con.clock.advance(5_000);
    const sent = await post(
      {
        ...FIELDS,
        ...f,
        "org.name": "Totnes Mums Together",
        name: "Totnes Bumps and Babies",
        "you.email": "nia@example.org",
      },
      {},
      "?lang=cy",
    );
    expect(sent.status).toBe(200);
    await runDailyJobs(con.deps);
    const mailed = () =>
      smtp.state.arrived.filter((m) => addressesOf(m).includes("nia@example.org"));
    const link =
      /(\/add-your-service\/confirm\/[\w-]{43})/.exec(mailed()[0]?.text ?? "")?.[1] ?? "";
    expect((await con.app.request(link, { method: "POST" })).status).toBe(303);
    const sub = (await con.db.select().from(submissions)).find((s) => s.status === "waiting");
    const reviewer = await con.as("reviewer");
    const res = await reviewer.post(`/admin/submissions/${sub?.id}/accept`, {
      organisation: "new",
    });
    expect(res.status).toBe(303);
    await runDailyJobs(con.deps);
    const subjects = mailed().map((m) => m.subject);
    expect(subjects).toContain("Mae gennych gyfrif ar Perinatal Signpost: dewiswch eich cyfrinair");
    expect(subjects.join("\n")).not.toContain("set your password");
  });

  it("lets a reviewer reject one with a reason that is emailed", async () => {
    const f = await form();
    con.clock.advance(5_000);
    await post({ ...FIELDS, ...f, name: "Not Perinatal Club", "you.email": "kim@example.org" });
    await runDailyJobs(con.deps);
    const mail = smtp.state.arrived.find((m) => addressesOf(m).includes("kim@example.org"));
    const link = /(\/add-your-service\/confirm\/[\w-]{43})/.exec(mail?.text ?? "")?.[1] ?? "";
    expect((await con.app.request(link, { method: "POST" })).status).toBe(303);
    const reviewer = await con.as("reviewer");
    const sub = (await con.db.select().from(submissions)).find((s) => s.status === "waiting");
    expect(
      (await reviewer.post(`/admin/submissions/${sub?.id}/reject`, { reason: " " })).status,
    ).toBe(422);
    const res = await reviewer.post(`/admin/submissions/${sub?.id}/reject`, {
      reason: "This is a general social club, not perinatal support.",
    });
    expect(res.status).toBe(303);
    await runDailyJobs(con.deps);
    const answer = smtp.state.arrived
      .filter((m) => addressesOf(m).includes("kim@example.org"))
      .at(-1);
    expect(answer?.subject).toBe("Perinatal Signpost: about Not Perinatal Club");
    expect(answer?.text).toContain("This is a general social club, not perinatal support.");
    const entries = await con.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, sub?.id ?? ""));
    expect(entries.map((e) => e.action)).toEqual(["submission.reject"]);
    expect(JSON.stringify(entries)).not.toContain("social club");
  });
});
