import type { Page } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { newPage, searchFor, searchSettled, widgetReady } from "../widget/helpers/browser.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/** From 320 px to desktop without sideways scrolling, and no jump when results arrive. */

const e2e = useDemoBrowser();
let page: Page;

beforeEach((ctx) => {
  ctx.onTestFinished(() => page?.close());
});

const DEMOS = [
  "gp-surgery.html",
  "charity.html",
  "health-board.html",
  "strict-csp.html",
  "configurator.html",
];

describe("layout", () => {
  it.each(DEMOS)("%s fits 320 px wide with results, without sideways scrolling", async (demo) => {
    page = await newPage(e2e.browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${e2e.server.url}/demo/${demo}`);
    await widgetReady(page);
    await searchFor(page, demo === "health-board.html" ? "SA1 1" : "EX4 4");
    await searchSettled(page);
    await page.locator("perinatal-signpost .more summary").click();
    const overflow = await page.evaluate(() => {
      const doc = document.documentElement;
      const root = document.querySelector("perinatal-signpost")!.shadowRoot!;
      const wide = [...root.querySelectorAll<HTMLElement>("*")]
        .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
        .map((el) => `${el.tagName}.${el.className}`);
      return { scroll: doc.scrollWidth, client: doc.clientWidth, wide: wide.slice(0, 5) };
    });
    expect(overflow.wide).toEqual([]);
    expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
  });

  // EX4 4: one nation. HR1 2: one nation in a border postcode area (its panel once lost a row).
  it.each([
    [375, "EX4 4"],
    [1280, "EX4 4"],
    [375, "HR1 2"],
  ])("does not shift the page when results arrive (%i px, %s)", async (width, sector) => {
    page = await newPage(e2e.browser, { viewport: { width, height: 800 } });
    // A slow answer: shifts more than 500 ms after the keypress count against the page.
    await page.route("**/api/v1/search**", async (route) => {
      await new Promise((r) => setTimeout(r, 1200));
      await route.continue();
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[]) {
          if (!entry.hadRecentInput) w.__cls += entry.value;
        }
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${e2e.server.url}/demo/gp-surgery.html`);
    await widgetReady(page);
    // Scroll the widget's search to the top, so shifts below it are on screen.
    await page.locator("perinatal-signpost #postcode").scrollIntoViewIfNeeded();
    await searchFor(page, sector);
    await searchSettled(page);
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    // At 375 px the crisis panel sits above the form: it takes its final length at the keypress
    // (not when the answer comes, which moved the answer up 76 px, CLS 0.13).
    console.info(`CLS when results arrive at ${width} px for ${sector}: ${cls.toFixed(3)}`);
    expect(cls).toBeLessThan(0.1);
  });
});
