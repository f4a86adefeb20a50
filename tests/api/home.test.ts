import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, openBackend } from "../support/backends.js";

/** The public home page, accessibility statement and privacy notice, in process. */

let backend: Backend;
const get = (path: string) => Promise.resolve(backend.app.request(path));
beforeAll(async () => {
  backend = await openBackend("memory");
});
afterAll(async () => {
  await backend?.close();
});

describe("/", () => {
  it("is a page with the widget and a way in for each audience, under the strict policy", async () => {
    const res = await get("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
    const html = await res.text();
    expect(html).toContain('<script type="module" src="/widget/signpost.js"></script>');
    expect(html).toContain('<perinatal-signpost lang="en">');
    for (const href of ["/print", "/print/poster", "/demo/configurator.html", "/admin/login"]) {
      expect(html).toContain(`href="${href}"`);
    }
    expect(html).toContain('href="/coverage"');
    expect(html).toContain('href="/accessibility"');
    expect(html).toContain('href="/privacy"');
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });

  it("starts the widget on a shared search, in Welsh when asked", async () => {
    const html = await (await get("/?postcode=EX4+4&lang=cy")).text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain('<perinatal-signpost postcode="EX4 4" lang="cy">');
    expect(html).toContain("Dod o hyd i gymorth iechyd meddwl");
    // The other language keeps the search.
    expect(html).toContain('href="/?postcode=EX4+4"');
  });

  it("cuts a full postcode to its sector, and drops what is not a postcode", async () => {
    const res = await get("/?postcode=ex4+4pq&lang=cy");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/?postcode=EX4+4&lang=cy");
    const junk = await get("/?postcode=%3Cscript%3E&lang=xx");
    expect(junk.status).toBe(200);
    const html = await junk.text();
    expect(html).toContain('<perinatal-signpost lang="en">');
    expect(html).not.toContain("<script>");
  });
});

describe("/accessibility and /privacy", () => {
  it("state WCAG 2.2 AA, the known limits and how to report a problem", async () => {
    const html = await (await get("/accessibility")).text();
    expect(html).toContain("WCAG) version 2.2 at level AA");
    expect(html).toContain("Known limits");
    expect(html).toContain("Reporting accessibility problems");
    expect(html).toContain("Enforcement procedure");
    const cy = await (await get("/accessibility?lang=cy")).text();
    expect(cy).toContain("Datganiad hygyrchedd");
  });

  it("say what is and is not collected, and how long report text is kept", async () => {
    const html = await (await get("/privacy")).text();
    expect(html).toContain("Only the postcode sector");
    expect(html).toContain("sets no cookies");
    expect(html).toContain("signpost_session");
    expect(html).toContain("90 days after the report has been dealt with");
    expect(html).toContain("one number per site per day");
    expect((await get("/privacy?lang=cy")).status).toBe(200);
  });
});
