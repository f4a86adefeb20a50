import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../api/admin/session.js";
import { createUser } from "../../api/admin/users.js";
import { type Backend, FIXED_NOW, openBackend } from "../support/backends.js";
import { errorOf } from "../support/client.js";

const BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** A person in a browser sees an HTML page when something fails; API clients get the envelope. */
describe("errors for people and for programs", () => {
  let backend: Backend;
  let cookie: string;
  beforeAll(async () => {
    backend = await openBackend("memory");
    const user = await createUser(backend.db, FIXED_NOW, null, {
      email: "editor@example.org",
      name: "Editor",
      role: "editor",
      organisationId: "demo-exe-valley-parents",
      password: "a long enough test password",
    });
    cookie = `signpost_session=${(await createSession(backend.db, user.id, FIXED_NOW)).token}`;
  });
  afterAll(() => backend?.close());

  const get = (path: string, accept?: string, extra: Record<string, string> = {}) =>
    backend.app.request(path, { headers: { ...(accept ? { accept } : {}), ...extra } });

  it("answers a page that does not exist with an HTML 404 page in a browser", async () => {
    const res = await get("/no-such-page", BROWSER);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain("<h1>We could not find that page</h1>");
    expect(html).toContain('href="/embed?lang=en"');
    // Whatever failed, the crisis routes are on the page (built in, not read from the database).
    expect(html).toContain('href="tel:999"');
    expect(html).toContain(res.headers.get("x-request-id") ?? "missing");
  });

  it("keeps the JSON envelope for API paths and for clients that do not ask for HTML", async () => {
    for (const [path, accept] of [
      ["/api/v1/nothing-here", BROWSER],
      ["/no-such-page", undefined],
      ["/no-such-page", "application/json"],
    ] as const) {
      const res = await get(path, accept);
      expect(res.status, path).toBe(404);
      expect((await errorOf(res)).code, path).toBe("not_found");
    }
  });

  it("answers a bad print link opened in a browser with an HTML page, in Welsh when asked", async () => {
    const en = await get("/print/pack.pdf?postcode=EX4+4&moment=nope", BROWSER);
    expect(en.status).toBe(400);
    expect(en.headers.get("content-type")).toContain("text/html");
    expect(await en.text()).toContain("Check the link: a pack needs a postcode.");
    const cy = await get("/print/pack.pdf?postcode=EX4+4&moment=nope&lang=cy", BROWSER);
    expect(cy.status).toBe(400);
    const html = await cy.text();
    expect(html).toContain('<html lang="cy">');
    expect(html).toContain("Roedd rhywbeth o’i le yn y cais hwnnw");
    const api = await get("/print/pack.pdf?postcode=EX4+4&moment=nope");
    expect((await errorOf(api)).code).toBe("invalid_query");
  });

  it("answers a plain form post that fails with an HTML page, and a script's post with JSON", async () => {
    const post = (accept: string, type: string, body: string) =>
      backend.app.request("/api/v1/services/samaritans/reports", {
        method: "POST",
        headers: { accept, "content-type": type },
        body,
      });
    const form = await post(BROWSER, "application/x-www-form-urlencoded", "reason=rude");
    expect(form.status).toBe(400);
    expect(form.headers.get("content-type")).toContain("text/html");
    expect(await form.text()).toContain(
      "reason must be closed, wrong-contact, wrong-times or other",
    );
    const script = await post("*/*", "application/x-www-form-urlencoded", "reason=rude");
    expect(script.status).toBe(400);
    expect((await errorOf(script)).code).toBe("invalid_report");
    const json = await post(BROWSER, "application/json", '{"reason":"rude"}');
    expect((await errorOf(json)).code).toBe("invalid_report");
  });

  it("answers a console page that does not exist with the console's HTML page", async () => {
    const res = await get("/admin/no-such-page", BROWSER, { cookie });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const html = await res.text();
    expect(html).toContain("<h1>No such page</h1>");
    expect(html).toContain('href="/admin"');
  });
});
