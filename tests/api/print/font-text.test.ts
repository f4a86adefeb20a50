import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { loadFontFiles } from "../../../api/print/pdf/font-files-node.js";
import { type Covers, printable } from "../../../api/print/pdf/font-text.js";

let covers: Covers;
beforeAll(async () => {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont((await loadFontFiles()).regular, { subset: true });
  const set = new Set(font.getCharacterSet());
  covers = (c) => set.has(c);
});

describe("printable", () => {
  it("keeps every Welsh letter, curly quotes, dashes and the euro", () => {
    const welsh = "Grŵp cymorth · Ŵyr a hŷn · Therapïau â’ch “Sut” – € … ê î ô û ë ẁ ẃ ẅ ỳ Ŷ";
    expect(printable(welsh, covers)).toBe(welsh);
  });

  it("maps narrow spaces and line breaks, and drops control characters", () => {
    expect(printable("a\u202fb\u200bc\nd\u0007e", covers)).toBe("a bc de");
  });

  it("prints a character the font lacks as its base letter or ?", () => {
    expect(printable("🙂 ok", covers)).toBe("? ok");
    const only =
      (chars: string): Covers =>
      (c) =>
        chars.includes(String.fromCodePoint(c));
    expect(printable("ŵ", only("w"))).toBe("w");
  });

  it("reads both TrueType files from the npm package", async () => {
    const files = await loadFontFiles();
    for (const bytes of [files.regular, files.bold]) {
      expect(bytes.byteLength).toBeGreaterThan(500_000);
      expect([...bytes.slice(0, 4)]).toEqual([0, 1, 0, 0]);
    }
  });
});
