import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningServer } from "../../api/node/server.js";
import { startRealServer } from "./helpers/server.js";

/** The Node server serves the built widget (/widget/) and the demo pages (/demo/). */

let server: RunningServer;
beforeAll(async () => {
  server = await startRealServer();
});
afterAll(() => server?.close());

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init);

describe("/widget/", () => {
  it("serves the module script cross-origin, cached briefly", async () => {
    const response = await get("/widget/signpost.js");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cross-origin-resource-policy")).toBe("cross-origin");
    expect(response.headers.get("cache-control")).toBe(
      "public, max-age=300, stale-while-revalidate=3600",
    );
  });

  it("caches versioned and content-hashed files for a year", async () => {
    const sri = (await (await get("/widget/sri.json")).json()) as { module: { file: string } };
    const versioned = await get(`/widget/${sri.module.file}`);
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    const main = await (await get("/widget/signpost.js")).text();
    const chunk = /\.\/(chunks\/cy-[\w-]+\.js)/.exec(main)?.[1];
    expect(chunk).toBeTruthy();
    const lazy = await get(`/widget/${chunk}`);
    expect(lazy.status).toBe(200);
    expect(lazy.headers.get("cache-control")).toContain("immutable");
    expect(lazy.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("answers a matching If-None-Match with 304", async () => {
    const first = await get("/widget/signpost.iife.js");
    const etag = first.headers.get("etag");
    expect(etag).toBeTruthy();
    const second = await get("/widget/signpost.iife.js", { headers: { "if-none-match": etag! } });
    expect(second.status).toBe(304);
  });

  it("serves the custom elements manifest", async () => {
    const response = await get("/widget/custom-elements.json");
    expect(response.status).toBe(200);
    expect(((await response.json()) as { schemaVersion: string }).schemaVersion).toBe("1.0.0");
  });

  it.each([
    "/widget/../package.json",
    "/widget/%2e%2e/package.json",
    "/widget/..%2fpackage.json",
    "/widget/.hidden",
    "/widget/chunks",
    "/widget/nope.js",
  ])("refuses %s", async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('"name": "perinatal-signpost"');
  });
});

describe("/demo/", () => {
  it("redirects /demo to /demo/ and serves the index", async () => {
    const redirect = await get("/demo", { redirect: "manual" });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get("location")).toBe("/demo/");
    const index = await get("/demo/");
    expect(index.status).toBe(200);
    expect(await index.text()).toContain("Demo host pages");
  });

  it("serves the strict-CSP page with its policy, and other pages without one", async () => {
    const strict = await get("/demo/strict-csp.html");
    expect(strict.headers.get("content-security-policy")).toContain(
      "require-trusted-types-for 'script'",
    );
    const gp = await get("/demo/gp-surgery.html");
    expect(gp.status).toBe(200);
    expect(gp.headers.get("content-security-policy")).toBeNull();
  });

  it("has no inline scripts or styles in any demo page", async () => {
    for (const name of [
      "index",
      "gp-surgery",
      "charity",
      "health-board",
      "strict-csp",
      "configurator",
    ]) {
      const html = await (await get(`/demo/${name}.html`)).text();
      for (const script of html.match(/<script\b[^>]*>/g) ?? []) {
        expect(script, name).toMatch(/\ssrc="/);
      }
      expect(html, name).not.toMatch(/<style|\sstyle="|\son[a-z]+="/);
    }
  });
});
