import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, openBackend } from "../../support/backends.js";
import { errorOf } from "../../support/client.js";
import { pdfText } from "./support.js";

/** The print tools in process: addresses, statuses, the page's content and safety, the PDF. */

let backend: Backend;
const get = (path: string, init?: RequestInit) => Promise.resolve(backend.app.request(path, init));

beforeAll(async () => {
  backend = await openBackend("memory");
});
afterAll(async () => {
  await backend?.close();
});

const PACK = "/print?postcode=EX4+4&moment=birth&lang=en";

/** Every link and resource address in a page. */
const addresses = (html: string) =>
  [...html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => m[1]!);

describe("/print", () => {
  it("shows the form without a postcode, under a strict content security policy", async () => {
    const res = await get("/print");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(res.headers.get("content-security-policy")).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).toContain('<form method="get" action="/print">');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it("sends a full postcode on to the address of its sector, so only the sector stays", async () => {
    const res = await get("/print?postcode=ex4+4pq&moment=birth");
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).not.toMatch(/PQ/i);
    const next = await get(location);
    expect(next.status).toBe(303);
    expect(next.headers.get("location")).toBe(PACK);
    // Even when the sector is unknown, the full postcode does not stay in the address.
    const unknown = await get("/print?postcode=ZZ9+9ZZ&moment=birth&lang=en");
    expect(unknown.status).toBe(303);
    expect(unknown.headers.get("location")).toBe("/print?postcode=ZZ9+9&moment=birth&lang=en");
  });

  it("takes the widget's link (stage, lang) to the pack for that moment", async () => {
    const res = await get("/print?postcode=CF10+1&stage=postnatal&lang=cy");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/print?postcode=CF10+1&moment=birth&lang=cy");
  });

  it("renders the pack: crisis numbers, sections, example labels, QR codes, the sector only", async () => {
    const res = await get(PACK);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    const html = await res.text();
    for (const text of [
      "Need help now?",
      "999",
      "116 123",
      "85258",
      "111",
      "You can ask for help yourself",
    ]) {
      expect(html).toContain(text);
    }
    expect(html).toContain("Groups and places near you");
    expect(html).toContain("Exeter Bumps &amp; Babies Peer Group (example)");
    expect(html).toContain("Example listing");
    expect(html).toContain("Printed on 26 November 2026");
    expect(html.match(/<figure class="qr" data-qr="/g)?.length).toBeGreaterThan(3);
    expect(html).not.toMatch(/EX4 4[A-Z]{2}/);
  });

  it("links only to this site and to https:, tel:, sms: and mailto: addresses", async () => {
    const html = await (await get(PACK)).text();
    for (const address of addresses(html)) {
      expect(address).toMatch(/^(\/|#|https:|tel:|sms:|mailto:)/);
    }
  });

  it("leaves out what the person printing unticks, and offers to put it back", async () => {
    const form =
      "/print?postcode=EX4+4&moment=birth&lang=en&listed=demo-exeter-bumps-group&listed=mind-infoline&keep=mind-infoline";
    const res = await get(form);
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toBe(`${PACK}&omit=demo-exeter-bumps-group`);
    const html = await (await get(location)).text();
    expect(html).not.toContain('id="card-demo-exeter-bumps-group"');
    expect(html).toMatch(
      /<input type="checkbox" name="keep" value="demo-exeter-bumps-group" id="keep-demo-exeter-bumps-group"\s*\/?>/,
    );
    expect(html).toContain("Put back the listing you left out");
    expect(html).toContain(
      `href="/print/pack.pdf?postcode=EX4+4&amp;moment=birth&amp;lang=en&amp;omit=demo-exeter-bumps-group"`,
    );
  });

  it("says what is wrong with a postcode, with the right status", async () => {
    const invalid = await get("/print?postcode=12345&moment=birth&lang=en");
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain("Enter a postcode, for example EX4 4PQ or EX4 4.");
    const unknown = await get("/print?postcode=ZZ9+9&moment=birth&lang=en");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("We could not find that postcode.");
  });

  it("answers a malformed link with the form and 400", async () => {
    const res = await get("/print?postcode=EX4+4&lang=fr");
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("This link is not quite right.");
  });

  it("prints a Welsh pack in Welsh, with Welsh place names", async () => {
    const html = await (await get("/print?postcode=CF10+1&moment=booking&lang=cy")).text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain("Angen help nawr?");
    expect(html).toContain("Ar gyfer CF10 1, Caerdydd");
    expect(html).toContain("Rhestriad enghreifftiol");
  });

  it("sets a bilingual pack side by side, Welsh first, each marked with its language", async () => {
    const html = await (await get("/print?postcode=CF10+1&moment=booking&lang=both")).text();
    expect(html).toContain('class="pack pack-both"');
    const cy = html.indexOf('<span lang="cy">Cymorth i chi yn ystod beichiogrwydd</span>');
    const en = html.indexOf('<span lang="en">Support for you in pregnancy</span>');
    expect(cy).toBeGreaterThan(0);
    expect(en).toBeGreaterThan(cy);
  });

  it("never logs the postcode, only the route", async () => {
    await get("/print?postcode=EX4+4PQ&moment=birth");
    await get("/print/pack.pdf?postcode=EX4+4PQ&moment=birth");
    const lines = backend.logger.lines.join("\n");
    expect(lines).toContain('"route":"/print"');
    expect(lines).not.toMatch(/EX4/);
  });
});

describe("choosing what goes in a pack", () => {
  it("lists the listings that did not fit, and puts one in when it is ticked", async () => {
    const html = await (await get(PACK)).text();
    const left = [...html.matchAll(/name="add" value="([^"]+)"/g)].map((m) => m[1]!);
    expect(left.length).toBeGreaterThan(0);
    expect(html).toContain("Did not fit on two pages");
    const pick = left.at(-1)!;
    const listed = [...html.matchAll(/name="listed" value="([^"]+)"/g)].map((m) => m[1]!);
    const form = new URLSearchParams({ postcode: "EX4 4", moment: "birth", lang: "en" });
    for (const id of listed) form.append("listed", id);
    for (const id of listed) form.append("keep", id);
    form.append("add", pick);
    const res = await get(`/print?${form}`);
    expect(res.status).toBe(303);
    const location = res.headers.get("location")!;
    expect(location).toContain(`add=${pick}`);
    const page = await (await get(location)).text();
    expect(page).toContain(`id="card-${pick}"`);
    // Still ticked on the next update, it stays in; unticked, it leaves.
    expect(page).toContain(`name="added" value="${pick}"`);
  });

  it("says when nothing local is listed, with the nation's next steps, as the widget does", async () => {
    const html = await (await get("/print?postcode=M1+1&moment=birth&lang=en")).text();
    expect(html).toContain("No groups or local services are listed for M1 1");
    expect(html).toContain("Refer yourself to NHS Talking Therapies");
    expect(html).toContain("perinatal mental health team");
    expect(html).not.toContain("No groups near you are listed yet");
    const local = await (await get(PACK)).text();
    expect(local).not.toContain("No groups or local services are listed");
    const welsh = await (await get("/print?postcode=BT1&moment=birth&lang=cy")).text();
    expect(welsh).toContain("Does dim grwpiau na gwasanaethau lleol wedi’u rhestru");
  });
});

describe("the health visitor's note", () => {
  const form = (note: string) =>
    new URLSearchParams({ postcode: "EX4 4", moment: "birth", lang: "en", note });
  const NOTE = "Call the Exeter health visiting team on 01392 000000.\nI will visit on Friday.";

  it("is printed on the pack and in its PDF, and never stored in an address or a log", async () => {
    const res = await get("/print", { method: "POST", body: form(NOTE) });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("From your health visitor / midwife");
    expect(html).toContain("<p>I will visit on Friday.</p>");
    for (const address of addresses(html)) expect(address).not.toContain("01392");
    const pdf = await get("/print/pack.pdf", { method: "POST", body: form(NOTE) });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toContain("attachment");
    const text = (await pdfText(new Uint8Array(await pdf.arrayBuffer()))).replace(/\s+/g, " ");
    expect(text).toContain("From your health visitor / midwife");
    expect(text).toContain("01392 000000");
    expect(backend.logger.lines.join("\n")).not.toContain("01392");
  });

  it("is escaped, and a note too long comes back with its text and a clear error", async () => {
    const html = await (await get("/print", { method: "POST", body: form("<b>hi</b>") })).text();
    expect(html).toContain("&lt;b&gt;hi&lt;/b&gt;");
    const long = "x".repeat(700);
    const res = await get("/print", { method: "POST", body: form(long) });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain("Keep the note to 600 characters or fewer");
    expect(page).toContain(long);
    const pdf = await get("/print/pack.pdf", { method: "POST", body: form(long) });
    expect(pdf.status).toBe(400);
    expect((await errorOf(pdf)).code).toBe("note_too_long");
  });
});

describe("/print/pack.pdf", () => {
  it("is a PDF holding the pack's listings and the crisis numbers", async () => {
    const res = await get("/print/pack.pdf?postcode=EX4+4&moment=birth&lang=en");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="support-pack-EX4-4-birth-en.pdf"',
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const text = (await pdfText(bytes)).replace(/\s+/g, " ");
    const page = await (await get("/print?postcode=EX4+4&moment=birth&lang=en")).text();
    const names = [...page.matchAll(/<h4 id="card-[^"]+-name">([^<]+)<\/h4>/g)].map((m) =>
      m[1]!.replace(/&amp;/g, "&").replace(/&#39;/g, "'"),
    );
    expect(names.length).toBeGreaterThan(2);
    for (const name of names) expect(text).toContain(name);
    for (const number of ["999", "111", "116 123", "85258"]) expect(text).toContain(number);
    expect(text).toContain("Need help now?");
    expect(text).toContain("Printed on 26 November 2026");
    expect(text).toMatch(/Page 1 of [12]/);
  });

  it("prints Welsh with every letter, ŵ and ŷ included, in an embedded subset font", async () => {
    const res = await get("/print/pack.pdf?postcode=CF10+1&moment=booking&lang=cy");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = await pdfText(bytes);
    expect(text).toContain("Angen help nawr?");
    expect(text).toContain("Grŵp");
    expect(text).toContain("Cymraeg");
    expect(text).not.toMatch(/\bGrwp\b/);
    // Subset: the glyphs drawn, not the whole 750 KB font file.
    expect(bytes.length).toBeLessThan(150_000);
  });

  it("is a download, with the moment and language defaulting as on /print", async () => {
    const res = await get("/print/pack.pdf?postcode=EX4+4");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="support-pack-EX4-4-booking-en.pdf"',
    );
  });

  it("cuts a full postcode to its sector before making the PDF", async () => {
    const res = await get("/print/pack.pdf?postcode=EX4+4PQ&moment=booking");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/print/pack.pdf?postcode=EX4+4&moment=booking");
    const next = await get(res.headers.get("location")!);
    expect(next.status).toBe(200);
  });

  it("answers a bad postcode with the error envelope", async () => {
    const res = await get("/print/pack.pdf?postcode=12345");
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe("invalid_postcode");
    const unknown = await get("/print/pack.pdf?postcode=ZZ9+9");
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe("postcode_not_found");
  });
});

describe("/print/poster", () => {
  it("finds an area by name, in English or Welsh, and keeps the words typed", async () => {
    const exeter = await get("/print/poster?area=Exeter");
    expect(exeter.status).toBe(303);
    expect(exeter.headers.get("location")).toBe("/print/poster?area=Exeter&size=a4&lang=en");
    const page = await get("/print/poster?area=Exeter&size=a4&lang=en");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('name="area" value="Exeter"');
    expect(html).not.toContain("E07000041");
    const caerdydd = await get("/print/poster?area=Caerdydd&lang=cy&size=a3");
    expect(caerdydd.headers.get("location")).toBe("/print/poster?area=Caerdydd&size=a3&lang=cy");
    expect((await get("/print/poster?area=Caerdydd&size=a3&lang=cy")).status).toBe(200);
    expect((await get("/print/poster?area=devon&size=a4&lang=en")).status).toBe(200);
    expect((await get("/print/poster?area=E07000041&size=a4&lang=en")).status).toBe(200);
  });

  it("cuts a full postcode or a sector to its district before anything else", async () => {
    const full = await get("/print/poster?area=ex4+4qj&size=a4&lang=en");
    expect(full.status).toBe(303);
    expect(full.headers.get("location")).toBe("/print/poster?area=EX4&size=a4&lang=en");
    const sector = await get("/print/poster?area=EX4+4&size=a4&lang=en");
    expect(sector.headers.get("location")).toBe("/print/poster?area=EX4&size=a4&lang=en");
    const district = await get("/print/poster?area=EX4&size=a4&lang=en");
    expect(district.status).toBe(200);
    expect(await district.text()).not.toMatch(/4QJ/i);
    // Even a postcode no poster area holds leaves the address as its district.
    const unknown = await get("/print/poster?area=ZZ9+9ZZ&size=a4&lang=en");
    expect(unknown.headers.get("location")).toBe("/print/poster?area=ZZ9&size=a4&lang=en");
  });

  it("shows a poster with its headline, crisis numbers, printed date and area", async () => {
    const res = await get("/print/poster?area=E07000041&size=a3&lang=en");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('class="poster poster-a3"');
    expect(html).toContain("Pregnant or had a baby, and not feeling yourself?");
    for (const number of ["999", "111", "116 123", "85258"]) expect(html).toContain(number);
    expect(html).toContain("For Exeter");
    expect(html).toContain("Printed on 26 November 2026");
  });

  it("makes a bilingual poster with a code for each language", async () => {
    const html = await (await get("/print/poster?area=W06000015&size=a4&lang=both")).text();
    expect(html).toContain('data-qr="poster-cy"');
    expect(html).toContain('data-qr="poster-en"');
    const text = html.replace(/<[^>]+>/g, "");
    expect(text).toContain("Ar gyfer Caerdydd / For Cardiff");
  });

  it("tells the truth where nothing local is listed", async () => {
    const belfast = await get("/print/poster?area=Belfast&size=a4&lang=en");
    expect(belfast.status).toBe(200);
    const text = (await belfast.text()).replace(/<[^>]+>/g, "");
    expect(text).toContain("No local group or service is listed for Belfast yet.");
    expect(text).toContain("Know a local group? Tell us:");
    expect(text).not.toContain("peer groups, local NHS services");
    const exeter = (await (await get("/print/poster?area=Exeter&size=a4&lang=en")).text()).replace(
      /<[^>]+>/g,
      "",
    );
    expect(exeter).toContain("support is close by: peer groups, local NHS services");
    expect(exeter).not.toContain("No local group or service is listed");
  });

  it("links the poster's PDF, and downloads it as a file", async () => {
    const html = await (await get("/print/poster?area=Exeter&size=a3&lang=en")).text();
    expect(html).toContain('href="/print/poster.pdf?area=Exeter&amp;size=a3&amp;lang=en"');
    const res = await get("/print/poster.pdf?area=Exeter&size=a3&lang=en");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(
      'attachment; filename="poster-Exeter-a3-en.pdf"',
    );
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain("For Exeter");
    // Size and language default as on the page; a full postcode goes to its district first.
    expect((await get("/print/poster.pdf?area=Exeter")).status).toBe(200);
    const full = await get("/print/poster.pdf?area=EX4+4QJ");
    expect(full.status).toBe(303);
    expect(full.headers.get("location")).toBe("/print/poster.pdf?area=EX4");
  });

  it("answers a poster PDF it cannot make with a clear error", async () => {
    const cases: [string, number, string][] = [
      ["/print/poster.pdf?area=Atlantis", 404, "area_not_found"],
      ["/print/poster.pdf?area=North", 400, "ambiguous_area"],
      ["/print/poster.pdf", 400, "invalid_query"],
      ["/print/poster.pdf?area=Exeter&size=a0", 400, "invalid_query"],
    ];
    for (const [path, status, code] of cases) {
      const res = await get(path);
      expect(res.status, path).toBe(status);
      expect((await errorOf(res)).code, path).toBe(code);
    }
  });

  it("says when an area is unknown or could be several", async () => {
    const unknown = await get("/print/poster?area=Atlantis");
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("We could not find that area.");
    const ambiguous = await get("/print/poster?area=North");
    expect(ambiguous.status).toBe(400);
    expect(await ambiguous.text()).toContain("That matches more than one area");
  });
});

describe("/assets", () => {
  it("serves the stylesheets for a year at their versioned address, and answers 304", async () => {
    const html = await (await get("/print")).text();
    const href = /href="(\/assets\/print\.css\?v=[^"]+)"/.exec(html)![1]!;
    const res = await get(href);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toContain("@page");
    const again = await get(href, { headers: { "If-None-Match": res.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect((await get("/assets/nothing.css")).status).toBe(404);
  });
});
