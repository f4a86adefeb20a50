/**
 * The font files the PDFs embed: DejaVu Sans Condensed, regular and bold (npm `dejavu-fonts-ttf`), which
 * hold every Welsh letter (ŵ ŷ â ê î ô û ï ë…) and set close to Helvetica's widths. Each PDF
 * embeds only the glyphs it uses.
 *
 * The bytes come from `#pdf-fonts` (package.json `imports`): on Node the files are read from
 * node_modules once; on Workers (`workerd` condition) wrangler bundles them as Data modules.
 */
export interface FontFiles {
  regular: Uint8Array;
  bold: Uint8Array;
}

export const FONT_NAMES = {
  regular: "dejavu-fonts-ttf/ttf/DejaVuSansCondensed.ttf",
  bold: "dejavu-fonts-ttf/ttf/DejaVuSansCondensed-Bold.ttf",
} as const;
