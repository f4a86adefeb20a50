import { PDFDocument } from "pdf-lib";
import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../api/config.js";
import { silentLogger } from "../../api/logger.js";
import { startServer } from "../../api/node/server.js";
import { decodePng, emptyShares } from "../api/print/support.js";
import { newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * The print tools in real Chromium: packs print on at most two A4 pages for fixture areas in
 * each language, every QR code on a pack or poster decodes to the right address, the pages
 * pass axe, and the Print button is there when scripts run and explained when they do not.
 */

const e2e = useDemoBrowser({
  server: () =>
    startServer({
      // Far more packs a minute than a person makes: the per-client limits are off here.
      config: readConfig({
        PORT: "0",
        HOST: "127.0.0.1",
        DATABASE_URL: ":memory:",
        RATE_LIMITS: "off",
      }),
      logger: silentLogger,
    }),
});

const packPath = (postcode: string, moment: string, lang: string) =>
  `/print?${new URLSearchParams({ postcode, moment, lang })}`;

async function open(
  path: string,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<Page> {
  const page = await newPage(e2e.browser, options);
  const res = await page.goto(`${e2e.server.url}${path}`);
  expect(res?.status(), path).toBe(200);
  return page;
}

describe("printing a pack from Chromium", () => {
  const AREAS = ["EX4 4", "PL1 2", "BS1 4", "CF10 1", "SA1 1", "HR3 5", "G1 1", "BT1", "M1 1"];
  for (const lang of ["en", "cy", "both"]) {
    it(`fills two A4 pages, no page more than a quarter empty while listings remain (${lang})`, {
      timeout: 300_000,
    }, async () => {
      const page = await newPage(e2e.browser);
      try {
        for (const postcode of AREAS) {
          for (const moment of ["booking", "birth", "toddler"]) {
            const at = `${postcode} ${moment} ${lang}`;
            await page.goto(`${e2e.server.url}${packPath(postcode, moment, lang)}`);
            const pdf = new Uint8Array(await page.pdf({ preferCSSPageSize: true }));
            const doc = await PDFDocument.load(pdf);
            const { width, height } = doc.getPage(0).getSize();
            expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
            expect(doc.getPageCount(), at).toBeLessThanOrEqual(2);
            expect(await page.locator(".card").count(), at).toBeGreaterThan(0);
            // Listings remain unshown: then no page may be more than a quarter empty.
            const remain = (await page.locator(".pack .more-online").count()) > 0;
            const empty = await emptyShares(pdf);
            if (remain) expect(Math.max(...empty), `${at}: ${empty}`).toBeLessThanOrEqual(0.25);
            // The PDF the server draws without a browser keeps to the same two pages, and
            // (its font setting a little wider) to at most a third of a page empty.
            const own = await fetch(
              `${e2e.server.url}${packPath(postcode, moment, lang).replace("/print?", "/print/pack.pdf?")}`,
            );
            expect(own.status).toBe(200);
            const ownPdf = new Uint8Array(await own.arrayBuffer());
            const ownEmpty = await emptyShares(ownPdf);
            expect(ownEmpty.length, `PDF ${at}`).toBeLessThanOrEqual(2);
            if (remain) expect(Math.max(...ownEmpty), `PDF ${at}: ${ownEmpty}`).toBeLessThan(0.34);
          }
        }
      } finally {
        await page.close();
      }
    });
  }

  it("prints the pack alone: no form, no site header", async () => {
    const page = await open(packPath("EX4 4", "birth", "en"));
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".controls").isVisible()).toBe(false);
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator(".pack").isVisible()).toBe(true);
    await page.close();
  });
});

describe("QR codes", () => {
  /** Screenshots each code as printed, at print resolution, and decodes it. */
  async function decodedCodes(page: Page): Promise<Map<string, string | null>> {
    await page.emulateMedia({ media: "print" });
    const out = new Map<string, string | null>();
    const figures = page.locator("figure[data-qr]");
    for (let i = 0; i < (await figures.count()); i++) {
      const figure = figures.nth(i);
      const key = (await figure.getAttribute("data-qr"))!;
      out.set(key, decodePng(await figure.locator("svg").screenshot()));
    }
    return out;
  }

  it("each listing's code opens its public page; the footer's opens the directory for the sector", async () => {
    const page = await open(packPath("EX4 4", "birth", "en"), { deviceScaleFactor: 2 });
    const codes = await decodedCodes(page);
    expect(codes.size).toBeGreaterThan(3);
    for (const [key, url] of codes) {
      if (key.startsWith("directory-")) {
        expect(url).toBe(`${e2e.server.url}/embed?postcode=EX4+4&stage=postnatal&lang=en`);
      } else {
        expect(url, key).toBe(`${e2e.server.url}/services/${key}`);
      }
    }
    await page.close();
  });

  it("a Welsh pack's codes open the Welsh pages; a bilingual footer has one code per language", async () => {
    const welsh = await open(packPath("CF10 1", "booking", "cy"), { deviceScaleFactor: 2 });
    for (const [key, url] of await decodedCodes(welsh)) {
      if (!key.startsWith("directory-"))
        expect(url).toBe(`${e2e.server.url}/services/${key}?lang=cy`);
    }
    await welsh.close();
    const both = await open(packPath("CF10 1", "booking", "both"), { deviceScaleFactor: 2 });
    const codes = await decodedCodes(both);
    expect(codes.get("directory-cy")).toBe(
      `${e2e.server.url}/embed?postcode=CF10+1&stage=pregnancy&lang=cy`,
    );
    expect(codes.get("directory-en")).toBe(
      `${e2e.server.url}/embed?postcode=CF10+1&stage=pregnancy&lang=en`,
    );
    await both.close();
  });

  it("a poster's large code opens the directory for its area, in each language", async () => {
    const district = await open("/print/poster?area=EX4&size=a4&lang=en");
    expect((await decodedCodes(district)).get("poster-en")).toBe(
      `${e2e.server.url}/embed?postcode=EX4&lang=en`,
    );
    await district.close();
    const board = await open("/print/poster?area=W11000029&size=a3&lang=both");
    const codes = await decodedCodes(board);
    expect(codes.get("poster-cy")).toBe(`${e2e.server.url}/embed?lang=cy`);
    expect(codes.get("poster-en")).toBe(`${e2e.server.url}/embed?lang=en`);
    await board.close();
  });
});

describe("posters", () => {
  it("print on one sheet of the chosen size, nothing cut off, local or not", async () => {
    // Belfast has nothing local: next steps and national lines take the space of a larger code.
    for (const area of ["E07000041", "Belfast"]) {
      for (const [size, dims] of [
        ["a4", [595, 842]],
        ["a3", [842, 1191]],
      ] as const) {
        const at = `${area} ${size}`;
        const page = await open(`/print/poster?area=${area}&size=${size}&lang=both`);
        await page.emulateMedia({ media: "print" });
        // The poster hides what overflows it: its foot must end inside it.
        const overflow = await page.evaluate(
          `(() => { const p = document.querySelector(".poster").getBoundingClientRect(); const f = document.querySelector(".poster-foot").getBoundingClientRect(); return f.bottom - p.bottom; })()`,
        );
        expect(overflow as number, at).toBeLessThan(0);
        const doc = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true }));
        expect(doc.getPageCount(), at).toBe(1);
        const { width, height } = doc.getPage(0).getSize();
        expect([Math.round(width), Math.round(height)], at).toEqual(dims);
        await page.close();
      }
    }
  });
});

describe("accessibility", () => {
  for (const path of [
    "/print",
    packPath("EX4 4", "birth", "en"),
    packPath("CF10 1", "booking", "cy"),
    packPath("SA1 1", "toddler", "both"),
    "/print?postcode=12345&moment=birth&lang=en",
    "/print/poster",
    "/print/poster?area=E07000041&size=a4&lang=en",
    "/print/poster?area=W06000015&size=a3&lang=both",
    "/print/poster?area=Belfast&size=a4&lang=en",
  ]) {
    it(`has no axe violations: ${path}`, async () => {
      const page = await newPage(e2e.browser);
      await page.goto(`${e2e.server.url}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
});

describe("without and with scripts", () => {
  it("offers a Print button only where scripts run, and says how to print otherwise", async () => {
    const path = packPath("EX4 4", "birth", "en");
    const scripted = await open(path);
    expect(await scripted.getByRole("button", { name: "Print the pack" }).isVisible()).toBe(true);
    expect(await scripted.locator("[data-print-hint]").isVisible()).toBe(false);
    await scripted.close();
    const plain = await open(path, { javaScriptEnabled: false });
    expect(await plain.getByRole("button", { name: "Print the pack" }).count()).toBe(0);
    expect(await plain.getByText("use your browser’s Print command").isVisible()).toBe(true);
    await plain.close();
  });

  it("lets a listing be unticked and the pack updated with no script at all", async () => {
    const page = await open(packPath("EX4 4", "birth", "en"), { javaScriptEnabled: false });
    const first = page.locator(".card").first();
    const id = (await first.getAttribute("id"))!.replace(/^card-/, "");
    await page.locator(`#keep-${id}`).uncheck();
    await page.getByRole("button", { name: "Update the pack" }).click();
    await page.waitForURL(/omit=/);
    expect(page.url()).toContain(`omit=${id}`);
    expect(await page.locator(`#card-${id}`).count()).toBe(0);
    expect(await page.locator(`#keep-${id}`).isChecked()).toBe(false);
    await page.close();
  });

  it("reports no content security policy violation", async () => {
    const page = await newPage(e2e.browser);
    const errors: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy/i.test(m.text())) errors.push(m.text());
    });
    await page.goto(`${e2e.server.url}${packPath("EX4 4", "birth", "en")}`);
    await page.goto(`${e2e.server.url}/print/poster?area=EX4&size=a4&lang=cy`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
