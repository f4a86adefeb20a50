import { describe, expect, it } from "vitest";
import { newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * The coverage pages in Chromium: axe clean at 320, 375 and 1280 px in both languages, no
 * sideways scrolling, no CSP violation, nothing fetched from anywhere but the directory; the
 * map's accessible name is the sentence in words; choosing a need shows it.
 */

const e2e = useDemoBrowser();

const PATHS = [
  "/coverage",
  "/coverage/E54000037",
  "/coverage/W11000029?criterion=welsh&lang=cy",
  "/coverage/S08000031?criterion=school-holidays",
  "/coverage/uk?criterion=toddler",
];

describe("the coverage pages", () => {
  for (const width of [320, 375, 1280]) {
    for (const path of PATHS) {
      it(`has no axe violations at ${width} px: ${path}`, { timeout: 120_000 }, async () => {
        const page = await newPage(e2e.browser, { viewport: { width, height: 900 } });
        const problems: string[] = [];
        const elsewhere: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
        });
        page.on("request", (r) => {
          if (!r.url().startsWith(e2e.server.url)) elsewhere.push(r.url());
        });
        const res = await page.goto(`${e2e.server.url}${path}`);
        expect(res?.status()).toBe(200);
        expect(await axeViolations(page)).toEqual([]);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(wide).toBe(false);
        expect(problems).toEqual([]);
        expect(elsewhere).toEqual([]);
        await page.close();
      });
    }
  }

  it("names the map with the sentence in words, and shows the need chosen", {
    timeout: 60_000,
  }, async () => {
    const page = await newPage(e2e.browser, { viewport: { width: 375, height: 900 } });
    await page.goto(`${e2e.server.url}/coverage/E54000037`);
    const sentence = (await page.locator("#cov-sentence").textContent())!;
    expect(sentence).toMatch(
      /^In \d+ of \d+ sectors \(\S+ of postcodes\) there is no in-person peer group within reach\.$/,
    );
    const map = page.getByRole("img", { name: /Postcode sectors of NHS Devon/ });
    expect(await map.evaluate((svg) => svg.querySelector("desc")?.textContent)).toBe(sentence);
    await page.getByLabel("Need shown").selectOption("school-holidays");
    await page.getByRole("button", { name: "Show" }).click();
    await page.waitForURL(/criterion=school-holidays/);
    expect(await page.getByRole("heading", { level: 2 }).first().textContent()).toBe(
      "Group that runs in the school holidays",
    );
    expect(await page.locator("#cov-sentence").textContent()).toContain(
      "there is no group within reach that runs in the school holidays",
    );
    // The downloads are the directory's own files.
    const csv = await page.getByRole("link", { name: "Sector results (CSV)" }).getAttribute("href");
    const got = await page.request.get(`${e2e.server.url}${csv}`);
    expect(got.status()).toBe(200);
    expect((await got.text()).split("\r\n")[0]).toContain("school-holidays");
    await page.close();
  });
});
