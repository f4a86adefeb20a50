import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CsvError, parseCsv, toCsv } from "../../../api/admin/csv.js";
import { CSV_COLUMNS, parseListingsCsv } from "../../../api/admin/listing-csv.js";

import { listingDrafts, services } from "../../../schema/tables.js";
import { type Agent, type Console, openConsole } from "./helpers.js";

const DEMO_ORGS = {
  organisations: [{ id: "demo-exe-valley-parents", name: "Exe Valley Parents (demo)" }],
  defaultOrganisationId: null,
};

describe("CSV (RFC 4180)", () => {
  it("quotes fields with commas, quotes and line breaks, and ends records with CRLF", () => {
    expect(toCsv([["a", "b,c", 'say "hi"', "two\nlines", ""]])).toBe(
      'a,"b,c","say ""hi""","two\nlines",\r\n',
    );
  });

  it("parses what it writes, whatever the content", () => {
    const rows = [
      ["id", "text"],
      ["1", 'Comma, "quote" and\r\nCRLF'],
      ["2", ""],
      ["3", "Welsh: Gwasanaeth ✓ ŵ ŷ"],
    ];
    expect(parseCsv(toCsv(rows, false))).toEqual(rows);
  });

  it("accepts LF line ends, a byte order mark, and a last line without a line end", () => {
    expect(parseCsv('\uFEFFa,b\n1,"x\ny"\n2,3')).toEqual([
      ["a", "b"],
      ["1", "x\ny"],
      ["2", "3"],
    ]);
  });

  it("keeps empty fields, including trailing ones", () => {
    expect(parseCsv("a,,c,\r\n")).toEqual([["a", "", "c", ""]]);
  });

  it("rejects an unterminated quote and a stray quote, naming the line", () => {
    expect(() => parseCsv('a,b\r\n1,"open')).toThrow(
      new CsvError("Line 2: a quoted field is never closed."),
    );
    expect(() => parseCsv('a,b"c')).toThrow(/Line 1: a quote may only start a field/);
    expect(() => parseCsv('"a"b,c')).toThrow(/closing quote must end the field/);
  });

  it("guards against spreadsheet formulas on export", () => {
    expect(toCsv([['=HYPERLINK("x")', "+1", "-2", "@SUM", "plain"]])).toBe(
      `"'=HYPERLINK(""x"")",'+1,'-2,'@SUM,plain\r\n`,
    );
  });
});

describe("listings import and export", () => {
  let con: Console;
  let editor: Agent;
  let admin: Agent;

  /** The one-time token of the import form, as a browser gets it with the page. */
  const onceToken = async (agent: Agent) => {
    const page = await (await agent.get("/admin/import")).text();
    return /name="_once" value="([^"]+)"/.exec(page)?.[1] ?? "";
  };
  const send = (agent: Agent, csv: string, once: string, dryRun = false) => {
    const form = new FormData();
    form.set("_csrf", agent.csrf);
    form.set("_once", once);
    form.set("file", new File([csv], "listings.csv", { type: "text/csv" }));
    if (dryRun) form.set("dryRun", "yes");
    return con.app.request("/admin/import", {
      method: "POST",
      body: form,
      headers: { cookie: agent.cookie },
    });
  };
  const upload = async (agent: Agent, csv: string, dryRun = false) =>
    send(agent, csv, await onceToken(agent), dryRun);
  const named = (name: string) => con.db.select().from(services).where(eq(services.name, name));
  /** The working copy of the listing an import made under this name. */
  const draftNamed = async (name: string) => {
    const [row] = await named(name);
    const [draft] = await con.db
      .select()
      .from(listingDrafts)
      .where(eq(listingDrafts.serviceId, row?.id ?? ""));
    return draft?.snapshot;
  };

  beforeAll(async () => {
    con = await openConsole();
    [editor, admin] = await Promise.all([con.as("editor"), con.as("admin")]);
  });
  afterAll(() => con?.close());

  it("exports one row per listing with every column, as UTF-8 CSV", async () => {
    const res = await admin.get("/admin/export.csv?kind=crisis");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(
      /attachment; filename="signpost-listings-2026-11-26\.csv"/,
    );
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const samaritans = rows.find((r) => r[0] === "samaritans");
    expect(samaritans?.[CSV_COLUMNS.indexOf("status")]).toBe("published");
    const contacts = JSON.parse(samaritans?.[CSV_COLUMNS.indexOf("contacts")] ?? "[]") as {
      value: string;
    }[];
    expect(contacts.map((c) => c.value.replace(/\s/g, ""))).toContain("116123");
    expect(rows.slice(1).every((r) => r[CSV_COLUMNS.indexOf("kind")] === "crisis")).toBe(true);
  });

  it("round-trips: an exported listing imported again becomes a draft of the same listing", async () => {
    const csv = await (await editor.get("/admin/export.csv?q=Dads")).text();
    const rows = parseCsv(csv);
    expect(rows).toHaveLength(2);
    const name = CSV_COLUMNS.indexOf("name");
    rows[1]![name] = "Exeter Dads' Evening (from a spreadsheet)";
    const res = await upload(editor, toCsv(rows));
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("1 row imported as a draft; no rows turned away.");
    expect(html).toContain("Draft of changes");
    const [draft] = await con.db
      .select()
      .from(listingDrafts)
      .where(eq(listingDrafts.serviceId, "demo-exeter-dads-evening"));
    expect(draft?.snapshot.name).toBe("Exeter Dads' Evening (from a spreadsheet)");
    expect(draft?.snapshot.schedules[0]?.locationId).toBe(draft?.snapshot.locations[0]?.id);
    const [live] = await con.db
      .select()
      .from(services)
      .where(eq(services.id, "demo-exeter-dads-evening"));
    expect(live?.name).toBe("Exeter Dads' Evening (example)");

    // The same file again: the listing now has a draft, so the row is turned away, whole.
    const again = await (await upload(editor, toCsv(rows))).text();
    expect(again).toContain("already has unpublished changes");
  });

  it("imports good rows as drafts and reports each bad row with its reasons, applying nothing of it", async () => {
    const header =
      "organisation_id,name,summary,kind,stages,formats,referral,children_welcome,contacts,locations,schedules,areas";
    const good = `demo-exe-valley-parents,New Baby Group,"A new group for parents of babies, in Exeter.",peer-group,postnatal,in-person,self,yes,"[{""kind"":""phone"",""value"":""01632 960123""}]","[{""id"":""hall"",""name"":""St Anne's Hall"",""address"":""1 High Street, Exeter"",""postcode"":""EX4 4QJ""}]","[{""locationId"":""hall"",""pattern"":""weekly"",""weekday"":3,""startTime"":""10:00"",""endTime"":""11:00""}]","[{""kind"":""district"",""code"":""EX4""}]"`;
    const badKind =
      "demo-exe-valley-parents,Bad Kind,A summary long enough.,disco,postnatal,in-person,self,no,,,,";
    const badPhone = `demo-exe-valley-parents,Bad Phone,A summary long enough.,helpline,postnatal,phone,self,maybe,"[{""kind"":""phone"",""value"":""call us""}]",,,`;
    const badJson =
      "demo-exe-valley-parents,Bad Json,A summary long enough.,helpline,postnatal,phone,self,no,[{,,,";
    const otherOrg =
      "demo-plymouth-sound-parents,Not Mine,A summary long enough.,helpline,postnatal,phone,self,no,,,,";
    const csv = [header, good, badKind, badPhone, badJson, otherOrg].join("\r\n");

    const check = await (await upload(editor, csv, true)).text();
    expect(check).toContain("1 row would be imported");
    expect(await con.db.select().from(services).where(eq(services.name, "New Baby Group"))).toEqual(
      [],
    );

    const res = await upload(editor, csv);
    const html = await res.text();
    expect(html).toContain("1 row imported as a draft; 4 rows turned away.");
    // Line 3's row (a card per row on a phone, each cell labelled with its column).
    expect(html).toMatch(
      /<td [^>]*data-label="Line">3<\/td><td [^>]*data-label="Listing">Bad Kind<\/td><td [^>]*data-label="Result">Not imported<\/td>/,
    );
    expect(html).toContain(
      "kind: “disco” is not one of the values this column takes. Use one of: peer-group (Peer support group),",
    );
    expect(html).toContain("children_welcome: Write yes or no (or leave it empty for no).");
    expect(html).toContain("contacts (item 1, value): Use a UK phone number");
    expect(html).toContain("contacts: This looks like JSON but is not valid JSON.");
    expect(html).toContain("You can only import listings of your own organisation.");
    for (const name of ["Bad Kind", "Bad Phone", "Bad Json", "Not Mine"]) {
      expect(await con.db.select().from(services).where(eq(services.name, name))).toEqual([]);
    }
    const [created] = await con.db
      .select()
      .from(services)
      .where(eq(services.name, "New Baby Group"));
    expect(created).toMatchObject({
      status: "draft",
      organisationId: "demo-exe-valley-parents",
      childrenWelcome: true,
    });
    const [draft] = await con.db
      .select()
      .from(listingDrafts)
      .where(eq(listingDrafts.serviceId, created?.id ?? ""));
    expect(draft?.snapshot.locations[0]).toMatchObject({ postcode: "EX4 4QJ" });
    expect(draft?.snapshot.locations[0]?.latitude).toBeCloseTo(50.73, 1);
    expect(draft?.snapshot.schedules[0]?.locationId).toBe(draft?.snapshot.locations[0]?.id);
  });

  it("reads a blank perinatal_specific (or a file without the column) as yes, and no as no", async () => {
    const header = "organisation_id,name,summary,kind,stages,formats,referral,perinatal_specific";
    const row = (name: string, flag: string) =>
      `demo-exe-valley-parents,${name},A summary long enough.,helpline,postnatal,phone,self,${flag}`;
    const geo = await con.deps.geo();
    const parsed = parseListingsCsv(
      [header, row("Blank", ""), row("Open To Anyone", "no")].join("\r\n"),
      geo,
      "2026-11-26",
      DEMO_ORGS,
    );
    expect(parsed.rows.map((r) => r.listing?.perinatalSpecific)).toEqual([true, false]);
    const older = parseListingsCsv(
      [header.replace(",perinatal_specific", ""), row("Older", "").slice(0, -1)].join("\r\n"),
      geo,
      "2026-11-26",
      DEMO_ORGS,
    );
    expect(older.rows[0]?.listing?.perinatalSpecific).toBe(true);
  });

  it("turns away a row checked after today's UK date", async () => {
    const csv = [
      "organisation_id,name,summary,kind,stages,formats,referral,verified_at",
      "demo-exe-valley-parents,Checked Tomorrow,A group that was checked in the future.,peer-group,postnatal,online,self,2099-12-31",
    ].join("\r\n");
    for (const dryRun of [true, false]) {
      const html = await (await upload(editor, csv, dryRun)).text();
      expect(html).toContain(
        "verified_at: The last check cannot be after today (26 November 2026).",
      );
    }
    expect(
      await con.db.select().from(services).where(eq(services.name, "Checked Tomorrow")),
    ).toEqual([]);
  });

  it("answers a row naming another organisation's listing exactly as one naming no listing", async () => {
    const header = "id,organisation_id,name,summary,kind,stages,formats,referral";
    const row = (id: string) =>
      `${header}\r\n${id},demo-exe-valley-parents,Taken Over,A listing that is not this editor's.,peer-group,postnatal,online,self`;
    const answer = async (id: string, dryRun: boolean) => {
      const res = await upload(editor, row(id), dryRun);
      expect(res.status).toBe(200);
      const html = await res.text();
      return html.slice(html.indexOf('id="result-title"')).replaceAll(id, "ID");
    };
    for (const dryRun of [true, false]) {
      const theirs = await answer("demo-plymouth-baby-cafe", dryRun);
      expect(theirs).toContain("There is no listing “ID” that you can change.");
      expect(theirs).toBe(await answer("no-such-listing", dryRun));
    }
    expect(await named("Taken Over")).toEqual([]);
    const [theirs] = await con.db
      .select()
      .from(services)
      .where(eq(services.id, "demo-plymouth-baby-cafe"));
    expect(theirs?.name).not.toBe("Taken Over");
  });

  it("imports the same file twice as once: rows already imported are reported, not added again", async () => {
    const header = "organisation_id,name,summary,kind,stages,formats,referral,locations";
    const venue = (postcode: string) =>
      `"[{""name"":""Hall"",""address"":""2 High Street, Exeter"",""postcode"":""${postcode}""}]"`;
    const first = [
      header,
      `demo-exe-valley-parents,Twice Told Group,A group imported from a spreadsheet.,peer-group,postnatal,in-person,self,${venue("EX4 4QJ")}`,
      "demo-exe-valley-parents,Twice Told Line,A line imported from a spreadsheet.,helpline,postnatal,phone,self,",
    ].join("\r\n");
    expect(await (await upload(editor, first)).text()).toContain(
      "2 rows imported as drafts; no rows turned away.",
    );
    // The same rows again, typed a little differently, and once more within the file.
    const again = [
      header,
      `demo-exe-valley-parents,  twice told GROUP ,A group imported from a spreadsheet.,peer-group,postnatal,in-person,self,${venue("ex44qj")}`,
      "demo-exe-valley-parents,Twice-Told Line,A line imported from a spreadsheet.,helpline,postnatal,phone,self,",
      `demo-exe-valley-parents,Twice Told Group,Another venue: another group.,peer-group,postnatal,in-person,self,${venue("EX2 4AA")}`,
      `demo-exe-valley-parents,Twice Told Group,Another venue: another group.,peer-group,postnatal,in-person,self,${venue("EX2 4AA")}`,
    ].join("\r\n");
    for (const dryRun of [true, false]) {
      const html = await (await upload(editor, again, dryRun)).text();
      expect(html).toContain(
        dryRun
          ? "1 row would be imported; 3 already imported; no rows turned away."
          : "1 row imported as a draft; 3 already imported; no rows turned away.",
      );
      expect(html).toContain("It repeats line 4 of this file.");
    }
    expect(await named("Twice Told Group")).toHaveLength(2);
    expect(await named("Twice Told Line")).toHaveLength(1);
  });

  it("applies a form sent twice only once", async () => {
    const csv = [
      "organisation_id,name,summary,kind,stages,formats,referral",
      "demo-exe-valley-parents,Double Click Group,A group from a form sent twice.,peer-group,postnatal,online,self",
    ].join("\r\n");
    const once = await onceToken(editor);
    const [a, b] = await Promise.all([send(editor, csv, once), send(editor, csv, once)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const refused = (a.status === 409 ? a : b).clone();
    expect(await refused.text()).toContain("This form was already sent");
    expect(await named("Double Click Group")).toHaveLength(1);
    // A token is one person's: another account cannot use it, and a made-up one is refused.
    expect((await send(admin, csv, await onceToken(editor))).status).toBe(409);
    expect((await send(editor, csv, "made-up")).status).toBe(409);
  });

  it("refuses rows exported from an older version of the listing", async () => {
    const rows = parseCsv(await (await admin.get("/admin/export.csv?q=Walk%20and%20Talk")).text());
    rows[1]![CSV_COLUMNS.indexOf("version")] = "0";
    const html = await (await upload(admin, toCsv(rows))).text();
    expect(html).toContain("The listing has changed since this file was made");
  });

  it("explains a file it cannot read at all", async () => {
    const missing = await upload(editor, "name,summary\r\nA,B\r\n");
    expect(missing.status).toBe(422);
    expect(await missing.text()).toContain(
      "The header row (the first line) lacks these columns: kind, stages, formats, referral.",
    );
    const broken = await upload(editor, 'organisation_id,name\r\n"unterminated');
    expect(broken.status).toBe(422);
    expect(await broken.text()).toContain("a quoted field is never closed");
    const none = await editor.post("/admin/import", {});
    expect(none.status).toBe(422);
  });

  it("explains every column on the page and offers a template that imports as it comes", async () => {
    const page = await (await editor.get("/admin/import")).text();
    expect(page).toContain('href="/admin/import/template.csv"');
    for (const column of ["organisation", "stages", "venue_name, venue_address", "schedules"])
      expect(page).toContain(`<code>${column}`);
    expect(page).toContain("pregnancy (Pregnant), postnatal (Baby under 1) or toddler (Toddler)");

    const res = await editor.get("/admin/import/template.csv");
    expect(res.headers.get("content-disposition")).toContain("signpost-import-template.csv");
    const template = await res.text();
    const [header, example] = parseCsv(template);
    expect(header).toContain("venue_postcode");
    const cellOf = (name: string) => example?.[header?.indexOf(name) ?? -1];
    // The editor's template names their organisation and a UK date (26/11/2026 on the pinned clock).
    expect(cellOf("organisation")).toBe("Exe Valley Parents Together (example)");
    expect(cellOf("verified_at")).toBe("26/11/2026");

    const html = await (await upload(editor, template)).text();
    expect(html).toContain("1 row imported as a draft; no rows turned away.");
    const l = await draftNamed("Bumps and Babies Cafe");
    expect(l).toMatchObject({
      organisationId: "demo-exe-valley-parents",
      kind: "peer-group",
      stages: ["pregnancy", "postnatal"],
      formats: ["in-person"],
      referral: ["self"],
      cost: "free",
      verifiedAt: "2026-11-26",
      childrenWelcome: true,
    });
    expect(l?.contacts.map((c) => [c.kind, c.value])).toEqual([
      ["phone", "01392 000000"],
      ["email", "hello@example.org"],
      ["web", "https://example.org/bumps"],
    ]);
    expect(l?.locations[0]).toMatchObject({ name: "St Anne's Hall", postcode: "EX4 4QJ" });
    expect(l?.schedules[0]).toMatchObject({
      pattern: "weekly",
      weekday: 3,
      startTime: "10:00",
      endTime: "11:30",
      locationId: l?.locations[0]?.id,
    });
    expect(l?.areas.map((a) => [a.kind, a.code])).toEqual([
      ["lad", "E07000041"],
      ["lad", "E07000045"],
    ]);
    // The same file again adds nothing.
    const again = await (await upload(editor, template)).text();
    expect(again).toContain("0 rows imported as drafts; 1 already imported; no rows turned away.");
    expect(await named("Bumps and Babies Cafe")).toHaveLength(1);
  });

  it("takes what people type, and names the column and the allowed values when it cannot", async () => {
    const header =
      "organisation,name,summary,kind,stages,formats,referral,phone,schedules,areas,verified_at";
    const ok = `Plymouth Sound Parent Network (example),Sound Start,A group for new parents in Plymouth.,helpline,baby under 1,phone,gp; you can refer yourself,+44 (0)1752 000 000,first tuesday 10am-12pm; fortnightly Monday 10:00-11:00 from 04/01/2027,Plymouth (council area); PL1; whole UK,1/11/2026`;
    const bad = [
      "No Such Org,Orphan,A summary long enough.,helpline,postnatal,phone,self,,,,",
      "Plymouth Sound Parent Network (example),Bad Stage,A summary long enough.,helpline,newborn,phone,self,,,,",
      "Plymouth Sound Parent Network (example),Bad Area,A summary long enough.,helpline,postnatal,phone,self,,,Atlantis,",
      "Plymouth Sound Parent Network (example),Bad Date,A summary long enough.,helpline,postnatal,phone,self,,,,31/02/2026",
      "Plymouth Sound Parent Network (example),Bad Phone,A summary long enough.,helpline,postnatal,phone,self,call us,sometimes,,",
    ];
    const html = await (await upload(admin, [header, ok, ...bad].join("\r\n"))).text();
    expect(html).toContain("1 row imported as a draft; 5 rows turned away.");
    expect(html).toContain("organisation: There is no organisation called “No Such Org”.");
    expect(html).toContain(
      "stages: “newborn” is not one of the values this column takes. Use one or more of: pregnancy (Pregnant), postnatal (Baby under 1) or toddler (Toddler), separated by semicolons.",
    );
    expect(html).toContain("areas: We do not know an area called “Atlantis”.");
    expect(html).toContain("verified_at: “31/02/2026” is not a date.");
    expect(html).not.toContain("Invalid ISO date");
    expect(html).not.toContain("Give the organisation&#39;s name");
    expect(html).toContain("phone: Use a UK phone number");
    expect(html).toContain("schedules: We could not read the session “sometimes”.");
    expect(html).not.toMatch(/stages\.0|areas\.0|Invalid string/);

    const l = await draftNamed("Sound Start");
    expect(l).toMatchObject({
      organisationId: "demo-plymouth-sound-parents",
      stages: ["postnatal"],
      referral: ["gp", "self"],
      verifiedAt: "2026-11-01",
    });
    expect(l?.contacts[0]?.value).toBe("01752 000 000");
    expect(
      l?.schedules.map((x) => [x.pattern, x.weekday, x.nth ?? null, x.anchorDate ?? null]),
    ).toEqual([
      ["monthly", 2, 1, null],
      ["fortnightly", 1, null, "2027-01-04"],
    ]);
    expect(l?.areas.map((a) => [a.kind, a.code ?? null])).toEqual([
      ["lad", "E06000026"],
      ["district", "PL1"],
      ["uk", null],
    ]);
  });
});
