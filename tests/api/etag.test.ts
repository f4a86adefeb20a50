import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ifNoneMatch } from "../../api/response-cache.js";
import { type Backend, openBackend } from "../support/backends.js";

describe("If-None-Match (RFC 9110 weak comparison)", () => {
  it("matches a weak validator against the same strong ETag, and the other way round", () => {
    expect(ifNoneMatch('W/"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('"abc"', 'W/"abc"')).toBe(true);
    expect(ifNoneMatch('"abc"', '"abc"')).toBe(true);
    expect(ifNoneMatch('W/"abd"', '"abc"')).toBe(false);
    expect(ifNoneMatch('"ABC"', '"abc"')).toBe(false);
  });

  it("matches when any member of a list matches, and always for *", () => {
    expect(ifNoneMatch('"x", W/"abc" , "y"', '"abc"')).toBe(true);
    expect(ifNoneMatch('"x","y"', '"abc"')).toBe(false);
    expect(ifNoneMatch("*", '"abc"')).toBe(true);
    expect(ifNoneMatch("", '"abc"')).toBe(false);
    expect(ifNoneMatch(undefined, '"abc"')).toBe(false);
  });
});

describe("conditional requests on every route with an ETag", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await openBackend("memory");
  });
  afterAll(() => backend?.close());

  for (const path of [
    "/api/v1/search?postcode=EX4%204",
    "/api/v1/services/samaritans",
    "/assets/page.css",
    "/demo/index.html",
  ]) {
    it(`answers 304 to a weakened copy of the ETag of ${path}`, async () => {
      const first = await backend.app.request(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get("etag") ?? "";
      expect(etag).toMatch(/^"/);
      const weak = await backend.app.request(path, {
        headers: { "If-None-Match": `"other", W/${etag}` },
      });
      expect(weak.status).toBe(304);
      const star = await backend.app.request(path, { headers: { "If-None-Match": "*" } });
      expect(star.status).toBe(304);
      const other = await backend.app.request(path, { headers: { "If-None-Match": 'W/"other"' } });
      expect(other.status).toBe(200);
    });
  }
});
