import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Backend, openBackend } from "../support/backends.js";

describe("security headers", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend("memory");
  });
  afterAll(() => backend?.close());

  it("lets any site frame the embed page, and nothing else", async () => {
    const embed = await backend.app.request("/embed?postcode=EX4%204");
    expect(embed.status).toBe(200);
    expect(embed.headers.get("x-frame-options")).toBeNull();
    expect(embed.headers.get("content-security-policy")).toContain("frame-ancestors *");
    for (const path of ["/admin/login", "/print", "/services/samaritans", "/health"]) {
      const res = await backend.app.request(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });

  it("keeps the console's Referrer-Policy: same-origin; public pages keep the app-wide one", async () => {
    for (const path of ["/admin/login", "/admin/assets/console.css", "/admin/listings"]) {
      const res = await backend.app.request(path);
      expect(res.headers.get("referrer-policy"), path).toBe("same-origin");
    }
    for (const path of ["/print", "/services/samaritans", "/api/v1/crisis?country=england"]) {
      const res = await backend.app.request(path);
      expect(res.headers.get("referrer-policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });
});
