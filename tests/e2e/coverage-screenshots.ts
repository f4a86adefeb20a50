/**
 * Screenshots of the coverage pages at 375 px and 1280 px (Devon ICB, Cardiff and Vale LHB,
 * NHS Greater Glasgow and Clyde, the UK), for a person to look at. Not a test: run
 * `npx tsx tests/e2e/coverage-screenshots.ts [outDir]` (default .tmp/screenshots/coverage).
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { launchChromium } from "../widget/helpers/browser.js";
import { startRealServer } from "./helpers/server.js";

const outDir = process.argv[2] ?? ".tmp/screenshots/coverage";
const PAGES: { name: string; path: string }[] = [
  { name: "choose", path: "/coverage" },
  { name: "devon", path: "/coverage/E54000037" },
  { name: "cardiff-vale-welsh", path: "/coverage/W11000029?criterion=welsh&lang=cy" },
  { name: "glasgow", path: "/coverage/S08000031?criterion=school-holidays" },
  { name: "uk", path: "/coverage/uk" },
];

await mkdir(outDir, { recursive: true });
const server = await startRealServer();
const browser = await launchChromium();
try {
  for (const width of [375, 1280]) {
    for (const shot of PAGES) {
      const page = await browser.newPage({ viewport: { width, height: 900 } });
      await page.goto(`${server.url}${shot.path}`);
      await page.screenshot({ path: join(outDir, `${shot.name}-${width}.png`), fullPage: true });
      // Screen-sized slices of the full page, easier to read than one long image.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let y = 0, k = 1; y < height; y += 900, k++) {
        await page.screenshot({
          path: join(outDir, `${shot.name}-${width}-${k}.png`),
          fullPage: true,
          clip: { x: 0, y, width, height: Math.min(900, height - y) },
        });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots in ${outDir}`);
