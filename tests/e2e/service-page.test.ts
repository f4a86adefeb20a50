import { describe, expect, it } from "vitest";
import { readConfig } from "../../api/config.js";
import { silentLogger } from "../../api/logger.js";
import { startServer } from "../../api/node/server.js";
import { newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * The public page of a listing, where pack QR codes lead, in real Chromium: accessible on a
 * phone and a desktop, in English and Welsh, and for listings that are not there.
 */

const e2e = useDemoBrowser({
  server: () =>
    startServer({
      config: readConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: ":memory:" }),
      logger: silentLogger,
    }),
});

const PAGES: [string, number][] = [
  ["/services/demo-exeter-bumps-group", 200],
  ["/services/demo-cardiff-welsh-group?lang=cy", 200],
  ["/services/samaritans", 200],
  ["/services/demo-exeter-bumps-group/report", 200],
  ["/services/no-such-listing", 404],
  ["/services/demo-bristol-bumps-swim?lang=cy", 404],
];

describe("/services/:id in Chromium", () => {
  for (const [path, status] of PAGES) {
    for (const width of [320, 1280]) {
      it(`has no axe violations at ${width}px: ${path}`, async () => {
        const page = await newPage(e2e.browser, { viewport: { width, height: 800 } });
        const res = await page.goto(`${e2e.server.url}${path}`);
        expect(res?.status()).toBe(status);
        expect(await axeViolations(page)).toEqual([]);
        // Mobile first: nothing wider than the screen.
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        await page.close();
      });
    }
  }

  it("makes contact actions large enough to tap", async () => {
    const page = await newPage(e2e.browser, { viewport: { width: 375, height: 800 } });
    await page.goto(`${e2e.server.url}/services/demo-exeter-bumps-group`);
    const call = page.getByRole("link", { name: "Call 01632 960101" });
    const box = (await call.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect(await call.getAttribute("href")).toBe("tel:01632960101");
    await page.close();
  });

  it("sends a problem report from the listing's page and says thank you", async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/services/demo-exeter-bumps-group`);
    await page.getByRole("link", { name: "Report a problem with this listing" }).click();
    await page.getByRole("radio", { name: "The days or times are wrong" }).check();
    await page.getByLabel("Tell us more (optional)").fill("It meets on Wednesdays now.");
    const sent = page.waitForResponse((r) =>
      r.url().endsWith("/api/v1/services/demo-exeter-bumps-group/reports"),
    );
    await page.getByRole("button", { name: "Send the report" }).click();
    expect((await sent).status()).toBe(201);
    await expect
      .poll(() => page.locator("#report-status").textContent())
      .toBe("Thank you. Someone will check this listing.");
    expect(await page.locator("form[data-report]").isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("switches language with its own link", async () => {
    const page = await newPage(e2e.browser);
    await page.goto(`${e2e.server.url}/services/demo-cardiff-welsh-group`);
    await page.getByRole("link", { name: "Cymraeg" }).click();
    await page.waitForURL(/lang=cy/);
    expect(await page.locator("html").getAttribute("lang")).toBe("cy");
    expect(await page.locator("h1").textContent()).toBe(
      "Grŵp Rhieni a Babanod Cymraeg Caerdydd (enghraifft)",
    );
    await page.close();
  });
});
