import { encode } from "uqr";

/**
 * QR codes as plain module matrices, drawn by the page (SVG) and the PDF (rectangles) alike.
 * Error correction M survives a crease or a coffee ring; the quiet zone is the standard four
 * modules, and it is the renderer's job to leave it white.
 */

export const QUIET_ZONE = 4;

export interface QrMatrix {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** `true` is a dark module; rows top to bottom. */
  modules: boolean[][];
}

export function qrMatrix(text: string): QrMatrix {
  const { size, data } = encode(text, { ecc: "M", border: 0 });
  return { size, modules: data };
}

/** Horizontal runs of dark modules, row by row: far fewer shapes than one per module. */
export function qrRuns(matrix: QrMatrix): { x: number; y: number; width: number }[] {
  const runs: { x: number; y: number; width: number }[] = [];
  matrix.modules.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = x < row.length && row[x];
      if (dark && start < 0) start = x;
      if (!dark && start >= 0) {
        runs.push({ x: start, y, width: x - start });
        start = -1;
      }
    }
  });
  return runs;
}

/** An SVG path of the dark modules, offset by the quiet zone (viewBox `0 0 size+8 size+8`). */
export function qrSvgPath(matrix: QrMatrix): string {
  return qrRuns(matrix)
    .map((r) => `M${r.x + QUIET_ZONE} ${r.y + QUIET_ZONE}h${r.width}v1h-${r.width}z`)
    .join("");
}
