import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { memo } from "../../deps.js";
import { FONT_NAMES, type FontFiles } from "./font-files.js";

const require = createRequire(import.meta.url);

/** Node: the font files read from node_modules on first use, then kept in memory. */
export const loadFontFiles: () => Promise<FontFiles> = memo(async () => {
  const [regular, bold] = await Promise.all([
    readFile(require.resolve(FONT_NAMES.regular)),
    readFile(require.resolve(FONT_NAMES.bold)),
  ]);
  return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
});
