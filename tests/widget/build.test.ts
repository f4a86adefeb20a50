import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWidgetBuild } from "./helpers/build.js";

/** The size budget and the build's promises: versioned files, SRI hashes, the manifest. */

const BUDGET = 20 * 1024;
/** The self-contained copies (SRI-pinned module, classic script) carry everything, Welsh too. */
const WHOLE_BUDGET = 22 * 1024;
let dist: string;
const read = (file: string) => readFile(join(dist, file));

beforeAll(async () => {
  dist = await ensureWidgetBuild();
});

describe("the widget build", () => {
  it("keeps the module build's main chunk, Lit included, within 20 KB gzip", async () => {
    const gzipped = gzipSync(await read("signpost.js")).length;
    console.info(`signpost.js: ${gzipped} bytes gzip (budget ${BUDGET})`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it("keeps the SRI-pinned copy and the classic script within 22 KB gzip each", async () => {
    for (const file of ["signpost-0.1.0.js", "signpost.iife.js"]) {
      const gzipped = gzipSync(await read(file)).length;
      console.info(`${file}: ${gzipped} bytes gzip (budget ${WHOLE_BUDGET})`);
      expect(gzipped, file).toBeLessThanOrEqual(WHOLE_BUDGET);
    }
  });

  it("bundles Lit, the crisis panel and the form into the main chunk, which imports nothing at load", async () => {
    const main = (await read("signpost.js")).toString();
    // Assertions on booleans: a failure should not print 55 KB of minified code.
    expect(/^import[\s{]/m.test(main)).toBe(false);
    expect(main.includes("lit-html")).toBe(true);
    expect(main.includes("Lit is in dev mode")).toBe(false);
    expect(main.includes("Need help now?") && main.includes("postal-code")).toBe(true);
    // Welsh and the answer's templates are split off, each loaded by a dynamic import.
    const chunks = (await readdir(join(dist, "chunks"))).filter((f) => f.endsWith(".js")).sort();
    expect(chunks).toEqual([
      expect.stringMatching(/^cy-[\w-]+\.js$/),
      expect.stringMatching(/^results-view-[\w-]+\.js$/),
    ]);
    for (const chunk of chunks)
      expect(main.includes(`import(\`./chunks/${chunk}\`)`), chunk).toBe(true);
    // They take Lit from the main file rather than a copy of their own.
    const results = (await readFile(join(dist, "chunks", chunks[1] ?? ""))).toString();
    expect(results.startsWith("import{") && results.includes(`from"../signpost.js"`)).toBe(true);
  });

  it("publishes SRI hashes that match the versioned files", async () => {
    const { version } = JSON.parse((await readFile("package.json", "utf8")).toString()) as {
      version: string;
    };
    const sri = JSON.parse((await read("sri.json")).toString()) as Record<
      "module" | "classic",
      { file: string; integrity: string }
    > & { version: string };
    expect(sri.version).toBe(version);
    expect(sri.module.file).toBe(`signpost-${version}.js`);
    expect(sri.classic.file).toBe(`signpost-${version}.iife.js`);
    for (const { file, integrity } of [sri.module, sri.classic]) {
      const digest = createHash("sha384")
        .update(await read(file))
        .digest("base64");
      expect(integrity).toBe(`sha384-${digest}`);
    }
  });

  it("makes the versioned module self-contained, so its SRI hash covers every line", async () => {
    const versioned = (await read("signpost-0.1.0.js")).toString();
    expect(/\bimport\s*\(/.test(versioned)).toBe(false);
    expect(versioned.includes("Dod o hyd i gymorth")).toBe(true);
  });

  it("builds a classic script with no module syntax", async () => {
    const classic = (await read("signpost.iife.js")).toString();
    expect(classic.startsWith("var PerinatalSignpost=")).toBe(true);
    expect(/\bimport\.meta\b|^export\b|\bimport\s*\(/m.test(classic)).toBe(false);
  });
});

describe("static hosting", () => {
  it("copies the demo pages and writes _headers for hosts that serve dist/ as assets", async () => {
    const headers = (await readFile(join(dist, "../_headers"))).toString();
    expect(headers).toContain("/widget/*\n  Access-Control-Allow-Origin: *");
    expect(headers).toMatch(
      /\/demo\/strict-csp\.html\n {2}Content-Security-Policy: .*trusted-types lit-html/,
    );
    // One Cache-Control per file: a static host joins repeated headers with commas.
    const caching = headers.split("\n").filter((l) => l.includes("Cache-Control"));
    expect(caching.length).toBeGreaterThan(1);
    expect(headers.split("/widget/*\n")[1]?.split("\n/")[0]).not.toContain("Cache-Control");
    expect((await readFile(join(dist, "../demo/gp-surgery.html"))).toString()).toContain(
      "<perinatal-signpost",
    );
  });
});

describe("custom-elements.json", () => {
  interface Declaration {
    tagName?: string;
    attributes: { name: string; fieldName: string }[];
    events: { name: string }[];
    cssParts: { name: string }[];
    cssProperties: { name: string; default?: string }[];
    members: { name: string; privacy?: string }[];
  }
  const element = async () => {
    const manifest = JSON.parse((await read("custom-elements.json")).toString()) as {
      modules: { declarations: Declaration[] }[];
    };
    return manifest.modules
      .flatMap((m) => m.declarations)
      .find((d) => d.tagName === "perinatal-signpost")!;
  };

  it("documents every attribute and event of <perinatal-signpost>", async () => {
    const el = await element();
    expect(el.attributes.map((a) => a.name)).toEqual([
      "api",
      "postcode",
      "stage",
      "kind",
      "lang",
      "site",
      "limit",
      "radius-km",
      "compact",
    ]);
    expect(el.events.map((e) => e.name)).toEqual([
      "signpost-search",
      "signpost-results",
      "signpost-select",
      "signpost-error",
    ]);
  });

  it("documents the theming surface and no private members", async () => {
    const el = await element();
    expect(el.cssParts.map((p) => p.name)).toEqual(
      expect.arrayContaining(["base", "crisis", "card", "input", "submit"]),
    );
    const props = el.cssProperties.map((p) => p.name);
    for (const prop of [
      "--signpost-color",
      "--signpost-accent",
      "--signpost-font",
      "--signpost-radius",
      "--signpost-spacing",
    ]) {
      expect(props).toContain(prop);
    }
    expect(el.members.filter((m) => m.privacy)).toEqual([]);
  });
});
