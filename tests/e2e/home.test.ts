import { describe, expect, it } from "vitest";
import { newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * The home page in Chromium: axe clean at 320, 375 and 1280 px in both languages, before and
 * after a search, no sideways scrolling, no CSP violation, and "Share this search" lands here.
 */

const e2e = useDemoBrowser();

describe("the home page", () => {
  for (const width of [320, 375, 1280]) {
    for (const path of ["/", "/?postcode=EX4+4&lang=cy", "/accessibility", "/privacy?lang=cy"]) {
      it(`has no axe violations at ${width} px: ${path}`, { timeout: 60_000 }, async () => {
        const page = await newPage(e2e.browser, { viewport: { width, height: 900 } });
        const violations: string[] = [];
        page.on("console", (m) => {
          if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
        });
        await page.goto(`${e2e.server.url}${path}`);
        if (path.includes("postcode")) {
          await page.waitForFunction(
            () =>
              document
                .querySelector("perinatal-signpost")
                ?.shadowRoot?.textContent?.includes("EX4 4"),
            undefined,
            { timeout: 20_000 },
          );
        }
        expect(await axeViolations(page)).toEqual([]);
        const wide = await page.evaluate(
          () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
        );
        expect(wide).toBe(false);
        expect(violations).toEqual([]);
        if (width !== 320 && (path === "/" || path.includes("postcode"))) {
          await page.screenshot({
            path: `.tmp/home-${width}${path.includes("cy") ? "-cy" : ""}.png`,
            fullPage: true,
          });
        }
        await page.close();
      });
    }
  }
});
