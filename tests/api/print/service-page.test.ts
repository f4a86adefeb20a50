import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, openBackend } from "../../support/backends.js";

/** `/services/:id`, where every QR code on a pack leads: content, language, statuses. */

let backend: Backend;
const get = (path: string, init?: RequestInit) => Promise.resolve(backend.app.request(path, init));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

beforeAll(async () => {
  backend = await openBackend("memory");
});
afterAll(async () => {
  await backend?.close();
});

describe("/services/:id", () => {
  it("shows everything on the card, the description, sessions in words and the venue", async () => {
    const res = await get("/services/demo-exeter-bumps-group");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    const page = text(html);
    expect(html).toContain("<h1>Exeter Bumps &amp; Babies Peer Group (example)</h1>");
    expect(page).toContain("Example listing");
    expect(page).toContain("You can refer yourself");
    expect(page).toContain("Drop in for a cuppa and a chat with other parents.");
    expect(page).toContain(
      "Every Tuesday, 10:00 to 11:30, Sidwell Street Community Room (example)",
    );
    expect(page).toContain("Next session: Tuesday 1 December, 10:00 to 11:30");
    expect(page).toContain("Community Room, 14 Example Lane, Exeter, EX4 4PJ");
    expect(page).toContain("Details last checked on 14 October 2026.");
    expect(html).toContain('href="tel:01632960101"');
    expect(html).toContain('href="/services/demo-exeter-bumps-group/report"');
    expect(page).toContain("Need help now?");
    expect(html).toContain('href="tel:999"');
  });

  it("is in Welsh when asked, or when the browser prefers Welsh", async () => {
    const asked = await (await get("/services/demo-cardiff-welsh-group?lang=cy")).text();
    expect(asked).toContain('<html lang="cy">');
    expect(asked).toContain("Grŵp Rhieni a Babanod Cymraeg Caerdydd (enghraifft)");
    expect(asked).toContain("Rhoi gwybod am broblem gyda’r rhestriad hwn");
    const preferred = await get("/services/demo-cardiff-welsh-group", {
      headers: { "Accept-Language": "cy, en-GB;q=0.8" },
    });
    expect(preferred.headers.get("vary")).toContain("Accept-Language");
    expect(await preferred.text()).toContain('<html lang="cy">');
    const english = await get("/services/demo-cardiff-welsh-group", {
      headers: { "Accept-Language": "en-GB, cy;q=0.5" },
    });
    expect(await english.text()).toContain('<html lang="en">');
  });

  it("answers 404 with a page for unknown ids and for listings that are not published", async () => {
    for (const id of [
      "no-such-listing",
      "demo-bristol-bumps-swim",
      "demo-cardiff-bay-buggy-walk",
      "..%2Fetc",
    ]) {
      const res = await get(`/services/${id}`);
      expect(res.status, id).toBe(404);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("We could not find that listing");
    }
  });

  it("links only to this site and to https:, tel:, sms: and mailto: addresses", async () => {
    const html = await (await get("/services/samaritans")).text();
    const links = [...html.matchAll(/\shref="([^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(5);
    for (const link of links) expect(link).toMatch(/^(\/|#|https:|tel:|sms:|mailto:)/);
  });
});

describe("/services/:id/report", () => {
  it("offers a form to the public reports endpoint, with every reason, and links back", async () => {
    const res = await get("/services/demo-exeter-bumps-group/report");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('action="/api/v1/services/demo-exeter-bumps-group/reports"');
    for (const reason of ["closed", "wrong-contact", "wrong-times", "other"]) {
      expect(html).toContain(`name="reason" value="${reason}"`);
    }
    expect(html).toContain('maxlength="1000"');
    expect(text(html)).toContain("Back to Exeter Bumps & Babies Peer Group (example)");
    expect((await get("/services/demo-bristol-bumps-swim/report")).status).toBe(404);
  });

  it("tells the person, beside the text box, not to include personal details (both languages)", async () => {
    for (const [lang, words] of [
      ["en", "Please do not include your name, address, phone number"],
      ["cy", "Peidiwch â chynnwys eich enw, eich cyfeiriad"],
    ] as const) {
      const html = await (
        await get(`/services/demo-exeter-bumps-group/report?lang=${lang}`)
      ).text();
      const hint = /<p class="hint" id="report-text-hint">([^<]*)<\/p>/.exec(html)?.[1] ?? "";
      expect(hint, lang).toContain(words);
      expect(html).toContain('aria-describedby="report-text-hint"');
    }
  });

  it("thanks the person once the report is sent", async () => {
    const html = await (
      await get("/services/demo-cardiff-welsh-group/report?sent=1&lang=cy")
    ).text();
    expect(html).toContain("Diolch. Bydd rhywun yn gwirio’r rhestriad hwn.");
    expect(html).not.toContain("<form");
  });
});
