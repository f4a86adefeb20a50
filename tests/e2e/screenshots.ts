/**
 * Screenshots of the demo pages at 375 px and 1280 px, before and after a search, for a person
 * to look at. Not a test: run `npx tsx tests/e2e/screenshots.ts [outDir]` (default .tmp/screenshots).
 * Each full page is also cut into screen-sized slices, which are easier to read.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import {
  launchChromium,
  searchFor,
  searchSettled,
  widgetReady,
} from "../widget/helpers/browser.js";
import { startRealServer } from "./helpers/server.js";

const outDir = process.argv[2] ?? ".tmp/screenshots";
const SHOTS: { page: string; postcode?: string; open?: boolean }[] = [
  { page: "gp-surgery.html" },
  { page: "gp-surgery.html", postcode: "EX4 4PQ" },
  { page: "charity.html", postcode: "PL1 1AA" },
  { page: "health-board.html", postcode: "CF10 3NQ" },
  { page: "strict-csp.html", postcode: "BS1 1" },
  { page: "configurator.html" },
  { page: "gp-surgery.html", postcode: "EX4 4", open: true },
];

await mkdir(outDir, { recursive: true });
const server = await startRealServer();
const browser = await launchChromium();
try {
  for (const width of [375, 1280]) {
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}/demo/${shot.page}`);
      await widgetReady(page);
      if (shot.postcode) {
        await searchFor(page, shot.postcode);
        await searchSettled(page);
      }
      if (shot.open) {
        await page.locator("perinatal-signpost .more summary").click();
        if (width < 700) await page.locator("perinatal-signpost .crisis-toggle").click();
      }
      const name = `${shot.page.replace(".html", "")}-${shot.postcode ? "results" : "initial"}${shot.open ? "-open" : ""}-${width}`;
      await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, i = 0; y < height && i < 4; y += 1100, i++) {
        const clip = { x: 0, y, width, height: Math.min(1100, height - y) };
        await page.screenshot({ path: join(outDir, `${name}-${i}.png`), fullPage: true, clip });
      }
      console.log(`${name}.png (${height} px tall)`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
