import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { PackLang } from "../../../api/domain/pack.js";
import { findPosterArea } from "../../../api/domain/pack-area.js";
import { renderPosterPdf } from "../../../api/print/pdf/poster-pdf.js";
import { WELSH_PLACE_NAMES } from "../../../api/print/place-names.js";
import { loadPoster } from "../../../api/print/poster.js";
import type { PosterSize } from "../../../api/print/query.js";
import { decodeQr, pdfPages, pdfText, usePrintDeps } from "./support.js";

/**
 * Posters: honest where nothing local is listed, for every kind of area, and as a PDF of one
 * A4 or A3 page whose codes decode to the directory.
 */

const ORIGIN = "https://signpost.example.org";
const print = usePrintDeps(ORIGIN);

async function poster(area: string, size: PosterSize = "a4", lang: PackLang = "en") {
  const found = findPosterArea(area, await print.deps.geo(), WELSH_PLACE_NAMES);
  if (!found.ok) throw new Error(`no area ${area}`);
  return loadPoster(print.deps, found.area, { size, lang }, ORIGIN);
}

describe("loadPoster", () => {
  it("promises nothing local where nothing local is listed, and says how to tell us", async () => {
    for (const area of ["Belfast", "Manchester"]) {
      const view = await poster(area);
      expect(view.nothingLocal, area).not.toBeNull();
      expect(view.nothingLocal!.tellUs).toEqual({
        en: "signpost.example.org/add-your-service",
        cy: "signpost.example.org/add-your-service?lang=cy",
      });
      expect(view.nothingLocal!.steps.length, area).toBeGreaterThan(0);
      expect(view.nothingLocal!.national.length, area).toBeGreaterThan(0);
      // One line per number: no two national lines share a contact.
      const hrefs = view.nothingLocal!.national.map((n) => n.contact?.href);
      expect(new Set(hrefs).size).toBe(hrefs.length);
    }
    const belfast = await poster("Belfast");
    expect(belfast.area).toMatchObject({ code: "N09000003", country: "Northern Ireland" });
    expect(belfast.nothingLocal!.steps.map((s) => s.id)).toContain("northern-ireland-perinatal");
    expect(belfast.crisis.map((r) => r.id)).not.toContain("nhs-111-mental-health");
  });

  it("keeps the local poster where groups or services are listed", async () => {
    for (const area of ["Exeter", "EX4", "Cardiff", "NHS Devon Integrated Care Board"]) {
      expect((await poster(area)).nothingLocal, area).toBeNull();
    }
  });

  it("makes posters for Scottish health boards and Northern Ireland councils", async () => {
    const lothian = await poster("NHS Lothian");
    expect(lothian.area).toMatchObject({ kind: "hb", country: "Scotland", district: null });
    expect(lothian.prefilled).toBe(false);
    const derry = await poster("Derry");
    expect(derry.area).toMatchObject({ name: "Derry City and Strabane", district: "BT48" });
    expect(derry.directory.en).toBe(`${ORIGIN}/embed?postcode=BT48&lang=en`);
  });
});

describe("renderPosterPdf", () => {
  const cases: [string, PosterSize, PackLang, [number, number]][] = [
    ["Manchester", "a4", "en", [595, 842]],
    ["Belfast", "a3", "both", [842, 1191]],
    ["Exeter", "a4", "cy", [595, 842]],
    ["Caerdydd", "a3", "both", [842, 1191]],
  ];
  it.each(cases)(
    "%s on %s in %s: one page, its text, and codes that decode",
    {
      timeout: 60_000,
    },
    async (area, size, lang, [w, h]) => {
      const view = await poster(area, size, lang);
      const pdf = await renderPosterPdf(view);
      const doc = await PDFDocument.load(pdf.bytes);
      expect(doc.getPageCount()).toBe(1);
      const page = doc.getPage(0).getSize();
      expect([Math.round(page.width), Math.round(page.height)]).toEqual([w, h]);

      const text = (await pdfText(pdf.bytes)).replace(/\s+/g, " ");
      for (const number of ["999", "116 123", "85258"]) expect(text).toContain(number);
      if (lang !== "en") expect(text).toContain("Yn feichiog neu wedi cael babi");
      if (view.nothingLocal) {
        expect(text).not.toContain("peer groups, local NHS services");
        expect(text).toContain(
          "Know a local group? Tell us: signpost.example.org/add-your-service",
        );
        expect(text).toContain(lang === "en" ? "What you can do now" : "Beth allwch chi ei wneud");
      } else if (lang === "cy") {
        expect(text).toContain("grwpiau cymheiriaid");
      }
      // The embedded font spells Welsh: "grŵp" on a bilingual poster with nothing local.
      if (view.nothingLocal && lang === "both") expect(text).toContain("grŵp");

      expect(pdf.qrs.map((q) => q.url).sort()).toEqual(
        view.langs.map((l) => view.directory[l]).sort(),
      );
      const dpi = 100;
      const px = (pt: number) => (pt * dpi) / 72;
      const [png] = await pdfPages(pdf.bytes, dpi);
      for (const qr of pdf.qrs) {
        const region = {
          x: px(qr.x) - 10,
          y: px(qr.top) - 10,
          width: px(qr.size) + 20,
          height: px(qr.size) + 20,
        };
        expect(decodeQr(png!, region)).toBe(qr.url);
      }
    },
  );
});
