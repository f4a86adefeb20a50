import { readdirSync, readFileSync } from "node:fs";
import { beforeEach, describe, expect, it } from "vitest";
import { collectErrors, searchFor, searchSettled, widgetReady } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/** axe finds nothing on the demo host pages, in every state of the widget, against real data. */

const e2e = useDemoBrowser({ page: { viewport: { width: 1280, height: 900 } } });
let errors: string[];

beforeEach(() => {
  errors = collectErrors(e2e.page);
});

/** Every demo page that embeds the widget (demo/*.html with the element in its markup). */
const DEMO_DIR = new URL("../../demo/", import.meta.url);
const WIDGET_PAGES = readdirSync(DEMO_DIR)
  .filter((name) => name.endsWith(".html"))
  .filter((name) => readFileSync(new URL(name, DEMO_DIR), "utf8").includes("<perinatal-signpost"))
  .sort();

async function openDemo(path: string) {
  await e2e.page.goto(`${e2e.server.url}/demo/${path}`);
  await widgetReady(e2e.page);
}

describe("demo pages, axe", () => {
  it("looks inside the widget's shadow root (so a clean result means something)", async () => {
    await openDemo("gp-surgery.html");
    await e2e.page.evaluate(() => {
      const input = document
        .querySelector("perinatal-signpost")
        ?.shadowRoot?.querySelector("#postcode");
      input?.setAttribute("id", "renamed");
    });
    expect((await axeViolations(e2e.page)).some((v) => v.startsWith("label"))).toBe(true);
  });

  it.each([
    "index.html",
    "gp-surgery.html",
    "charity.html",
    "health-board.html",
    "strict-csp.html",
    "configurator.html",
  ])("%s has no violations before a search", async (path) => {
    await e2e.page.goto(`${e2e.server.url}/demo/${path}`);
    if (path !== "index.html") await widgetReady(e2e.page);
    expect(await axeViolations(e2e.page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("has no violations with results, with every filter open", async () => {
    await openDemo("gp-surgery.html");
    await searchFor(e2e.page, "EX4 4PQ");
    await searchSettled(e2e.page);
    expect(await e2e.page.locator("perinatal-signpost .card").count()).toBeGreaterThan(5);
    await e2e.page.locator("perinatal-signpost .more summary").click();
    expect(await axeViolations(e2e.page)).toEqual([]);
  });

  it("has no violations when nothing matches", async () => {
    await openDemo("gp-surgery.html");
    await searchFor(e2e.page, "EX4 4");
    await searchSettled(e2e.page);
    await e2e.page.locator("perinatal-signpost .more summary").click();
    await e2e.page.getByRole("checkbox", { name: "Health visiting", exact: true }).check();
    await searchSettled(e2e.page);
    await e2e.page.getByRole("checkbox", { name: "Weekends", exact: true }).check();
    await searchSettled(e2e.page);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(e2e.page.locator("perinatal-signpost .notice").innerText()).resolves.toContain(
      "Nothing matches all your choices",
    );
    expect(await axeViolations(e2e.page)).toEqual([]);
  });

  it("has no violations when the directory fails", async () => {
    await e2e.page.route("**/api/v1/search**", (route) =>
      route.fulfill({
        status: 503,
        contentType: "application/json",
        body: '{"error":{"code":"unavailable","message":"down","requestId":"x"}}',
      }),
    );
    await openDemo("charity.html");
    await searchFor(e2e.page, "PL1 1AA");
    await searchSettled(e2e.page);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(e2e.page.locator("perinatal-signpost .notice").innerText()).resolves.toContain(
      "We could not load local support just now",
    );
    expect(await axeViolations(e2e.page)).toEqual([]);
  });

  it("has no violations with a field error", async () => {
    await openDemo("gp-surgery.html");
    await searchFor(e2e.page, "not a postcode");
    await e2e.page.locator("perinatal-signpost .field-error").waitFor();
    expect(await axeViolations(e2e.page)).toEqual([]);
  });

  it("has no violations in Welsh, with results", async () => {
    await openDemo("health-board.html");
    await searchFor(e2e.page, "CF10 3NQ");
    await searchSettled(e2e.page);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(e2e.page.locator("perinatal-signpost .title").innerText()).resolves.toBe(
      "Dod o hyd i gymorth iechyd meddwl amenedigol",
    );
    expect(await e2e.page.locator("perinatal-signpost .card").count()).toBeGreaterThan(2);
    expect(await axeViolations(e2e.page)).toEqual([]);
  });

  it("has no violations at 375 px with the crisis panel opened", async () => {
    await e2e.page.setViewportSize({ width: 375, height: 800 });
    await openDemo("gp-surgery.html");
    await searchFor(e2e.page, "BS1 1");
    await searchSettled(e2e.page);
    await e2e.page.locator("perinatal-signpost .crisis-toggle").click();
    expect(await axeViolations(e2e.page)).toEqual([]);
  });

  it("finds every demo page that embeds the widget", () => {
    expect(WIDGET_PAGES).toEqual(
      expect.arrayContaining(["charity.html", "gp-surgery.html", "strict-csp.html"]),
    );
    expect(WIDGET_PAGES.length).toBeGreaterThanOrEqual(5);
  });

  describe.each([320, 375, 1280])("at %i px, after a search for PL4 8AA", (width) => {
    it.each(WIDGET_PAGES)(
      "%s has no violations",
      async (path) => {
        await e2e.page.setViewportSize({ width, height: 800 });
        await openDemo(path);
        await searchFor(e2e.page, "PL4 8AA");
        await searchSettled(e2e.page);
        expect(await e2e.page.locator("perinatal-signpost .card").count()).toBeGreaterThan(2);
        expect(await axeViolations(e2e.page)).toEqual([]);
        expect(errors).toEqual([]);
      },
      60_000,
    );
  });
});
