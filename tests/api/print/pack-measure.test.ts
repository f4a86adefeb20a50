import { describe, expect, it } from "vitest";
import { estimateCardMm, wrappedLines } from "../../../api/domain/pack-measure.js";
import { cardMeasure } from "../../../api/print/pack-layout.js";

describe("wrappedLines", () => {
  it("wraps at word boundaries", () => {
    expect(wrappedLines("", 10)).toBe(0);
    expect(wrappedLines("one two", 10)).toBe(1);
    expect(wrappedLines("one two three", 10)).toBe(2);
  });

  it("breaks a word longer than the line", () => {
    expect(wrappedLines("https://example.org/a-very-long-path", 10)).toBe(4);
  });
});

describe("estimateCardMm", () => {
  const text = {
    titles: ["Exeter Bumps & Babies Peer Group (example)"],
    lead: ["Exe Valley Parents Together · Peer support group"],
    columns: [["A relaxed weekly group."], ["Call 01632 960101", "Checked 14 October 2026"]],
    shared: [],
  };

  it("is never shorter than the QR code", () => {
    const m = cardMeasure("en");
    expect(estimateCardMm({ titles: [], lead: [], columns: [], shared: [] }, m)).toBe(m.minMm);
  });

  it("grows with the longer of the two columns", () => {
    const m = cardMeasure("en");
    const base = estimateCardMm(text, m);
    const longer = estimateCardMm(
      {
        ...text,
        columns: [text.columns[0]!, [...text.columns[1]!, "Email a@example.org", "Text 85258"]],
      },
      m,
    );
    expect(longer).toBeGreaterThan(base);
  });
});
