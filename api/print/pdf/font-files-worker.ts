// Workers: wrangler bundles the .ttf files as Data modules (ArrayBuffers; see wrangler.toml).

import regular from "dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf";
import bold from "dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf";
import type { FontFiles } from "./font-files.js";

const files: FontFiles = { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };

export const loadFontFiles = async (): Promise<FontFiles> => files;
