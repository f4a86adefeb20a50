import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../api/node/server.js";
import {
  collectErrors,
  launchChromium,
  newPage,
  searchFor,
  searchSettled,
  widgetReady,
} from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { startRealServer } from "./helpers/server.js";

/** axe finds nothing on the demo host pages, in every state of the widget, against real data. */

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startRealServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async (ctx) => {
  page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
  errors = collectErrors(page);
  ctx.onTestFinished(() => page.close());
});

async function openDemo(path: string) {
  await page.goto(`${server.url}/demo/${path}`);
  await widgetReady(page);
}

describe("demo pages, axe", () => {
  it("looks inside the widget's shadow root (so a clean result means something)", async () => {
    await openDemo("gp-surgery.html");
    await page.evaluate(() => {
      const input = document
        .querySelector("perinatal-signpost")
        ?.shadowRoot?.querySelector("#postcode");
      input?.setAttribute("id", "renamed");
    });
    expect((await axeViolations(page)).some((v) => v.startsWith("label"))).toBe(true);
  });

  it.each([
    "index.html",
    "gp-surgery.html",
    "charity.html",
    "health-board.html",
    "strict-csp.html",
    "configurator.html",
  ])("%s has no violations before a search", async (path) => {
    await page.goto(`${server.url}/demo/${path}`);
    if (path !== "index.html") await widgetReady(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("has no violations with results, with every filter open", async () => {
    await openDemo("gp-surgery.html");
    await searchFor(page, "EX4 4PQ");
    await searchSettled(page);
    expect(await page.locator("perinatal-signpost .card").count()).toBeGreaterThan(5);
    await page.locator("perinatal-signpost .more summary").click();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations when nothing matches", async () => {
    await openDemo("gp-surgery.html");
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    await page.locator("perinatal-signpost .more summary").click();
    await page.getByRole("checkbox", { name: "Health visiting", exact: true }).check();
    await searchSettled(page);
    await page.getByRole("checkbox", { name: "Weekends", exact: true }).check();
    await searchSettled(page);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(page.locator("perinatal-signpost .notice").innerText()).resolves.toContain(
      "Nothing matches all your choices",
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations when the directory fails", async () => {
    await page.route("**/api/v1/search**", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: '{"error":{"code":"unavailable","message":"down","requestId":"x"}}',
      }),
    );
    await openDemo("charity.html");
    await searchFor(page, "PL1 1AA");
    await searchSettled(page);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(page.locator("perinatal-signpost .notice").innerText()).resolves.toContain(
      "We could not load local support just now",
    );
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations with a field error", async () => {
    await openDemo("gp-surgery.html");
    await searchFor(page, "not a postcode");
    await page.locator("perinatal-signpost .field-error").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations in Welsh, with results", async () => {
    await openDemo("health-board.html");
    await searchFor(page, "CF10 3NQ");
    await searchSettled(page);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(page.locator("perinatal-signpost .title").innerText()).resolves.toBe(
      "Dod o hyd i gymorth iechyd meddwl amenedigol",
    );
    expect(await page.locator("perinatal-signpost .card").count()).toBeGreaterThan(2);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("has no violations at 375 px with the crisis panel opened", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await openDemo("gp-surgery.html");
    await searchFor(page, "BS1 1");
    await searchSettled(page);
    await page.locator("perinatal-signpost .crisis-toggle").click();
    expect(await axeViolations(page)).toEqual([]);
  });
});
