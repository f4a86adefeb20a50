import { createHash } from "node:crypto";
import { copyFile, cp, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { build, defineConfig, type InlineConfig, type Plugin } from "vite";
import { STRICT_CSP } from "./api/routes/static.js";

/**
 * The widget build, all from `vite build`, into dist/widget/:
 * - signpost.js                 the module build; Welsh strings load lazily from chunks/
 * - signpost-<version>.js       the same element in one self-contained file, for SRI pinning
 * - signpost.iife.js and signpost-<version>.iife.js   the classic-script build
 * - sri.json                    integrity hashes of the versioned files (read by the configurator)
 * - custom-elements.json        the element's attributes, events, parts and properties
 * - preview-card.js             `<signpost-card>`, one card by the widget's own template, for the
 *                               console's "How parents will see it" (not for host pages)
 * Beside it, for deployments that serve dist/ as static assets (Workers, see wrangler.toml):
 * dist/demo/ (the demo pages) and dist/_headers (the CORS, caching and CSP headers that
 * api/routes/static.ts sets on the Node server).
 */

const root = resolve(import.meta.dirname);
const { version } = JSON.parse(await readFile(join(root, "package.json"), "utf8")) as {
  version: string;
};

/** The analyzer's CLI, run in-process; it ships no types, so it is loaded by name. */
const analyzerCli = "@custom-elements-manifest/analyzer/cli.js";
type AnalyzerCli = (options: { argv: string[]; cwd: string; noWrite: boolean }) => Promise<unknown>;

// Vite leaves whitespace in library ES output (for downstream bundlers); this is a final file.
const minifiedOutput = { minify: true } as const;

// schema/taxonomy.ts builds its code lists with `codes()`, which has no side effects: lists and
// labels the widget never shows (audiences, statuses…) can then be left out.
const treeshake = { manualPureFunctions: ["codes"] };

/**
 * Lit keeps css`` text as written. This strips comments, indentation and optional spaces from the
 * style modules, keeping every line break so positions in the source map stay on the right line.
 */
function compactCss(): Plugin {
  const minify = (text: string) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, (comment) => comment.replace(/[^\n]/g, ""))
      .replace(/^[ \t]+|[ \t]+$/gm, "")
      .replace(/[ \t]*([{};,>])[ \t]*/g, "$1")
      .replace(/:[ \t]+/g, ":");
  return {
    name: "signpost-compact-css",
    transform(code, id) {
      if (!/\/widget\/.+\.styles\.ts$/.test(id)) return null;
      return {
        code: code.replace(/css`([^`$]*)`/g, (_, text: string) => `css\`${minify(text)}\``),
        map: null,
      };
    },
  };
}

// Lit's development build (warnings, dev-mode checks) is chosen by the "development" export
// condition, which Vite picks whenever NODE_ENV is not "production" (under Vitest it is "test").
const resolveConditions = { conditions: ["module", "browser", "production"] };

const shared = {
  root,
  configFile: false,
  publicDir: false,
  logLevel: "warn",
  resolve: resolveConditions,
  plugins: [compactCss()],
  build: { target: "es2021", minify: true, sourcemap: true, reportCompressedSize: false },
} satisfies InlineConfig;

/** One entry built into one file, with every dynamic import inlined. */
function singleFile(entry: string, outDir: string, format: "es" | "iife", fileName: string) {
  return build({
    ...shared,
    resolve: {
      ...resolveConditions,
      alias: [
        {
          find: /^\.\/results-loader\.js$/,
          replacement: resolve(root, "widget/results-loader-inline.ts"),
        },
      ],
    },
    build: {
      ...shared.build,
      outDir,
      emptyOutDir: false,
      lib: { entry, formats: [format], name: "PerinatalSignpost", fileName: () => fileName },
      rolldownOptions: {
        treeshake,
        // A classic script has no import.meta; script-url.ts reads document.currentScript instead.
        transform: format === "iife" ? { define: { "import.meta": "{}" } } : {},
        output: { ...minifiedOutput, codeSplitting: false },
      },
    },
  });
}

/** The manifest documents the element's public API: private and protected members are left out. */
function publicOnly(manifest: unknown): unknown {
  const m = manifest as { modules: { declarations?: { members?: { privacy?: string }[] }[] }[] };
  for (const mod of m.modules) {
    for (const declaration of mod.declarations ?? []) {
      if (declaration.members) {
        declaration.members = declaration.members.filter((member) => !member.privacy);
      }
    }
  }
  return manifest;
}

async function sri(file: string): Promise<string> {
  const bytes = await readFile(file);
  return `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
}

/** The headers the Node server sets on /widget/ and /demo/, for a static host that reads _headers. */
function staticHeaders(): string {
  // A static host joins a header set by two matching rules, so each file gets one Cache-Control.
  const brief = "  Cache-Control: public, max-age=300, stale-while-revalidate=3600";
  const year = "  Cache-Control: public, max-age=31536000, immutable";
  const unversioned = [
    "signpost.js",
    "signpost.iife.js",
    "sri.json",
    "custom-elements.json",
    "preview-card.js",
  ];
  return [
    "/widget/*",
    "  Access-Control-Allow-Origin: *",
    "  Cross-Origin-Resource-Policy: cross-origin",
    ...unversioned.flatMap((file) => [`/widget/${file}`, brief]),
    "/widget/chunks/*",
    year,
    "/widget/signpost-*",
    year,
    "/demo/strict-csp.html",
    `  Content-Security-Policy: ${STRICT_CSP}`,
    "",
  ].join("\n");
}

/** After the module build: the versioned and classic builds, SRI hashes and the manifest. */
function companions(): Plugin {
  let outDir = "";
  return {
    name: "signpost-companions",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const versioned = `signpost-${version}.js`;
      const classic = `signpost-${version}.iife.js`;
      await singleFile("widget/index.ts", outDir, "es", versioned);
      await singleFile("widget/iife.ts", outDir, "iife", "signpost.iife.js");
      await copyFile(join(outDir, "signpost.iife.js"), join(outDir, classic));
      await singleFile("widget/preview-card.ts", outDir, "es", "preview-card.js");

      const integrity = {
        version,
        module: { file: versioned, integrity: await sri(join(outDir, versioned)) },
        classic: { file: classic, integrity: await sri(join(outDir, classic)) },
      };
      await writeFile(join(outDir, "sri.json"), `${JSON.stringify(integrity, null, 2)}\n`);

      const { cli } = (await import(analyzerCli)) as { cli: AnalyzerCli };
      const manifest = await cli({
        argv: ["analyze", "--litelement", "--globs", "widget/**/*.ts", "--quiet"],
        cwd: root,
        noWrite: true,
      });
      await cp(join(root, "demo"), join(outDir, "../demo"), { recursive: true });
      await writeFile(join(outDir, "../_headers"), staticHeaders());
      await writeFile(
        join(outDir, "custom-elements.json"),
        `${JSON.stringify(publicOnly(manifest), null, 2)}\n`,
      );
    },
  };
}

export default defineConfig({
  publicDir: false,
  resolve: resolveConditions,
  build: {
    outDir: "dist/widget",
    emptyOutDir: true,
    target: "es2021",
    minify: true,
    sourcemap: true,
    reportCompressedSize: false,
    lib: { entry: "widget/index.ts", formats: ["es"], fileName: () => "signpost.js" },
    rolldownOptions: {
      treeshake,
      // The lazy chunks (Welsh, the answer's templates) import Lit and the rest from the main
      // file: without this, library mode moves what they share into a third file.
      preserveEntrySignatures: "allow-extension",
      output: { ...minifiedOutput, chunkFileNames: "chunks/[name]-[hash].js" },
    },
  },
  plugins: [compactCss(), companions()],
});
