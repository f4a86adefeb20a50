import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Where `vite build` writes the widget, and where the Node server serves /widget/ from. */
export const WIDGET_DIST = join(ROOT, "dist/widget");

/** The hash of the sources the last test build was made from; dist/ itself stays build output only. */
const STAMP = join(ROOT, ".tmp/widget-build.hash");
const LOCK = join(ROOT, ".tmp/widget-build.lock");
const INPUTS = [
  "widget",
  "demo",
  "schema/taxonomy.ts",
  "schema/contract.ts",
  "vite.config.ts",
  "package.json",
];

async function files(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path);
  return (await Promise.all(entries.sort().map((e) => files(join(path, e))))).flat();
}

/** A hash of everything the build reads, so tests rebuild only when the widget changed. */
async function sourceHash(): Promise<string> {
  const hash = createHash("sha256");
  for (const input of INPUTS) {
    for (const file of await files(join(ROOT, input))) {
      hash.update(relative(ROOT, file)).update(await readFile(file));
    }
  }
  return hash.digest("hex");
}

async function readIf(path: string): Promise<string | null> {
  return readFile(path, "utf8").catch(() => null);
}

/** A cross-process lock (test files run in parallel workers): a directory only one can create. */
async function withLock<T>(run: () => Promise<T>): Promise<T> {
  await mkdir(join(ROOT, ".tmp"), { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const age = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (age > 120_000) await rm(LOCK, { recursive: true, force: true });
      if (Date.now() - started > 180_000) throw new Error(`Timed out waiting for ${LOCK}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await run();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Builds the widget into dist/widget with the project's own `vite build`, unless it is current. */
export async function ensureWidgetBuild(): Promise<string> {
  const hash = await sourceHash();
  const current = async () =>
    (await readIf(STAMP)) === hash && (await readIf(join(WIDGET_DIST, "sri.json"))) !== null;
  if (await current()) return WIDGET_DIST;
  await withLock(async () => {
    if (await current()) return;
    await promisify(execFile)(
      join(ROOT, "node_modules/.bin/vite"),
      ["build", "--logLevel", "warn"],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_ENV: "production" },
      },
    );
    await writeFile(STAMP, hash);
  });
  return WIDGET_DIST;
}
