import { describe, expect, it } from "vitest";
import { isWinAnsi, toWinAnsi } from "../../../api/print/pdf/winansi.js";

describe("toWinAnsi", () => {
  it("prints Welsh ŵ and ŷ as their base letters, for the PDF's standard fonts", () => {
    expect(toWinAnsi("Grŵp cymorth")).toBe("Grwp cymorth");
    expect(toWinAnsi("Ŵyr a hŷn")).toBe("Wyr a hyn");
    expect(toWinAnsi("ẁ ẃ ẅ ỳ")).toBe("w w w y");
  });

  it("keeps every character the fonts have: â ô ï, curly quotes, the euro, dashes", () => {
    const kept = "Therapïau â’ch “Sut” – € …";
    expect(toWinAnsi(kept)).toBe(kept);
  });

  it("maps arrows and narrow spaces, and drops what has no near form", () => {
    expect(toWinAnsi("a → b\u202fc\u200b")).toBe("a -> b c");
    expect(toWinAnsi("⌘P")).toBe("?P");
    expect([...toWinAnsi("🙂")].every(isWinAnsi)).toBe(true);
  });
});
