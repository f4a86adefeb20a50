import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll } from "vitest";
import { loadGeoIndex } from "../../../api/db/load-geo.js";
import { type Deps, memo } from "../../../api/deps.js";
import { type Backend, FIXED_NOW, openBackend } from "../../support/backends.js";

const run = promisify(execFile);

/** The text of a PDF, as poppler's pdftotext reads it (layout kept, so lines stay lines). */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "pdf-text-"));
  try {
    await writeFile(join(dir, "in.pdf"), bytes);
    await run("pdftotext", ["-layout", "-enc", "UTF-8", join(dir, "in.pdf"), join(dir, "out.txt")]);
    return await readFile(join(dir, "out.txt"), "utf8");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Each page of a PDF rendered by pdftoppm to a PNG at `dpi`. */
export async function pdfPages(bytes: Uint8Array, dpi: number): Promise<PNG[]> {
  const dir = await mkdtemp(join(tmpdir(), "pdf-png-"));
  try {
    await writeFile(join(dir, "in.pdf"), bytes);
    await run("pdftoppm", ["-r", String(dpi), "-png", join(dir, "in.pdf"), join(dir, "page")]);
    const files = (await readdir(dir)).filter((f) => f.endsWith(".png")).sort();
    return Promise.all(files.map(async (f) => PNG.sync.read(await readFile(join(dir, f)))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Decodes the one QR code in a region of an image (or the whole image), or returns null. */
export function decodeQr(
  png: PNG,
  region: { x: number; y: number; width: number; height: number } = {
    x: 0,
    y: 0,
    width: png.width,
    height: png.height,
  },
): string | null {
  const x0 = Math.max(0, Math.floor(region.x));
  const y0 = Math.max(0, Math.floor(region.y));
  const width = Math.min(png.width - x0, Math.ceil(region.width));
  const height = Math.min(png.height - y0, Math.ceil(region.height));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const from = ((y0 + y) * png.width + x0) * 4;
    data.set(png.data.subarray(from, from + width * 4), y * width * 4);
  }
  return jsQR(data, width, height)?.data ?? null;
}

export function decodePng(bytes: Uint8Array): string | null {
  return decodeQr(PNG.sync.read(Buffer.from(bytes)));
}

/**
 * How empty each page of an A4 PDF is: the share of its printable height (inside 12 mm
 * margins, so the page number in the foot margin does not count) below the last mark on it.
 */
export async function emptyShares(bytes: Uint8Array): Promise<number[]> {
  const dpi = 24;
  const mmToPx = (mm: number) => Math.round((mm / 25.4) * dpi);
  const top = mmToPx(12);
  const bottom = mmToPx(297 - 12);
  return (await pdfPages(bytes, dpi)).map((png) => {
    let last = top;
    for (let y = bottom - 1; y >= top && last === top; y--) {
      for (let x = 0; x < png.width; x++) {
        const i = (y * png.width + x) * 4;
        if (png.data[i]! < 160 || png.data[i + 1]! < 160 || png.data[i + 2]! < 160) {
          last = y;
          break;
        }
      }
    }
    return Math.round(((bottom - last) / (bottom - top)) * 100) / 100;
  });
}

/**
 * An in-memory backend with the seed, and the deps a print module takes, on a public origin
 * and the fixed test clock; opened before the file's tests and closed after them.
 */
export function usePrintDeps(origin: string): { readonly deps: Deps } {
  let backend: Backend | undefined;
  const state = {} as { deps: Deps };
  beforeAll(async () => {
    const opened = await openBackend("memory");
    backend = opened;
    state.deps = {
      db: opened.db,
      logger: opened.logger,
      geo: memo(() => loadGeoIndex(opened.db)),
      now: () => FIXED_NOW,
      publicOrigin: origin,
    };
  });
  afterAll(async () => {
    await backend?.close();
  });
  return state;
}
