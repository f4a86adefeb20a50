import { mkdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readConfig } from "../../api/config.js";
import { silentLogger } from "../../api/logger.js";
import { startServer } from "../../api/node/server.js";
import { newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * The page a person sees once their connection has asked for too many public pages (429), in
 * real Chromium: calm, accessible, and with the crisis routes to call or text at once.
 */

const e2e = useDemoBrowser({
  server: () =>
    startServer({
      config: readConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: ":memory:" }),
      logger: silentLogger,
      dailyJobs: false,
    }),
});

/** Uses up this machine's allowance for public pages (120 a minute, api/node/server.ts). */
async function useUpAllowance() {
  for (let i = 0; i < 6; i++) {
    await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`${e2e.server.url}/embed`).then((r) => r.arrayBuffer()),
      ),
    );
  }
}

describe("the 429 page in Chromium", () => {
  it("shows a calm message and the crisis routes, with no axe violations, in English and Welsh", async () => {
    await useUpAllowance();
    await mkdir(".tmp/screenshots", { recursive: true });
    for (const [path, heading] of [
      ["/print?postcode=EX4+4", "Please wait a moment"],
      ["/services/samaritans?lang=cy", "Arhoswch am funud"],
    ] as const) {
      for (const width of [320, 375, 1280]) {
        const page = await newPage(e2e.browser, { viewport: { width, height: 800 } });
        const res = await page.goto(`${e2e.server.url}${path}`);
        expect(res?.status()).toBe(429);
        expect(res?.headers()["retry-after"]).toBe("60");
        await expect.poll(() => page.locator("h1").textContent()).toBe(heading);
        for (const href of ["tel:999", "tel:111", "tel:116123", "sms:85258?body=SHOUT"]) {
          await expect.poll(() => page.locator(`a[href="${href}"]`).isVisible()).toBe(true);
        }
        expect(await axeViolations(page)).toEqual([]);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
        if (width !== 320) {
          const lang = path.includes("cy") ? "cy" : "en";
          await page.screenshot({
            path: `.tmp/screenshots/busy-${lang}-${width}.png`,
            fullPage: true,
          });
        }
        await page.close();
      }
    }
  }, 120_000);
});
