import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../api/app.js";
import type { PackLang } from "../../../api/domain/pack.js";
import { loadPack } from "../../../api/print/load-pack.js";
import { renderPackPdf } from "../../../api/print/pdf/pack-pdf.js";
import { decodeQr, pdfPages, usePrintDeps } from "./support.js";

/**
 * The PDF made without a browser: two A4 pages, every QR code readable from a rendering of
 * the page (pdftoppm) and pointing at the right address on the configured public origin.
 */

const ORIGIN = "https://signpost.example.org";
const print = usePrintDeps(ORIGIN);

const DPI = 200;
const px = (pt: number) => (pt * DPI) / 72;

describe.each<[string, PackLang]>([
  ["EX4 4", "en"],
  ["CF10 1", "cy"],
  ["SA1 1", "both"],
  ["G1 1", "en"],
])("the PDF pack for %s in %s", (postcode, lang) => {
  it("fits two A4 pages and every QR code decodes to its listing's page or the directory", {
    timeout: 90_000,
  }, async () => {
    const view = await loadPack(print.deps, { postcode, moment: "birth", lang, omit: [] }, ORIGIN);
    const pdf = await renderPackPdf(view);
    expect(pdf.pages).toBeLessThanOrEqual(2);
    const doc = await PDFDocument.load(pdf.bytes);
    expect(doc.getPageCount()).toBe(pdf.pages);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);

    const cards = view.sections.flatMap((s) => s.cards);
    const expected = [
      ...cards.map((c) => `${ORIGIN}/services/${c.id}${lang === "cy" ? "?lang=cy" : ""}`),
      ...view.langs.map(
        (l) => `${ORIGIN}/embed?postcode=${postcode.replace(" ", "+")}&stage=postnatal&lang=${l}`,
      ),
    ];
    expect(pdf.qrs.map((q) => q.url).sort()).toEqual(expected.sort());

    const pages = await pdfPages(pdf.bytes, DPI);
    for (const qr of pdf.qrs) {
      const margin = px(6);
      const decoded = decodeQr(pages[qr.page]!, {
        x: px(qr.x) - margin,
        y: px(qr.top) - margin,
        width: px(qr.size) + 2 * margin,
        height: px(qr.size) + 2 * margin,
      });
      expect(decoded, qr.url).toBe(qr.url);
    }
  });
});

describe("/print/pack.pdf", () => {
  it("uses the configured public origin for its codes, and makes the same file as the renderer", {
    timeout: 60_000,
  }, async () => {
    const app = createApp(print.deps);
    const res = await app.request("/print/pack.pdf?postcode=EX4+4&moment=birth&lang=en");
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const view = await loadPack(
      print.deps,
      { postcode: "EX4 4", moment: "birth", lang: "en", omit: [] },
      ORIGIN,
    );
    const pdf = await renderPackPdf(view);
    expect(bytes.length).toBe(pdf.bytes.length);
    const pages = await pdfPages(bytes, DPI);
    const first = pdf.qrs[0]!;
    const decoded = decodeQr(pages[first.page]!, {
      x: px(first.x) - px(6),
      y: px(first.top) - px(6),
      width: px(first.size + 12),
      height: px(first.size + 12),
    });
    expect(decoded).toMatch(/^https:\/\/signpost\.example\.org\/services\//);
  });
});
