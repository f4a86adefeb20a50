/**
 * The widget's answer for places across the UK (Manchester, Glasgow, Belfast, the Wales–England
 * border at Hay, Exeter), in English and Welsh at 375 and 1280 px, for a person to look at. Not a
 * test: run `npx tsx tests/e2e/place-screenshots.ts [outDir]` (default .tmp/places).
 */
import { mkdir } from "node:fs/promises";
import {
  launchChromium,
  searchFor,
  searchSettled,
  widgetReady,
} from "../widget/helpers/browser.js";
import { startRealServer } from "./helpers/server.js";

const out = process.argv[2] ?? ".tmp/places";
await mkdir(out, { recursive: true });
const server = await startRealServer();
const browser = await launchChromium();
try {
  for (const lang of ["en", "cy"]) {
    for (const pc of ["M1 1AE", "G2 1DY", "BT7 1NN", "HR3 5AA", "EX4 4QJ"]) {
      for (const width of [375, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 1000 } });
        const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title><script type="module" src="/widget/signpost.js"></script></head><body style="margin:0;font-family:system-ui"><perinatal-signpost api="${server.url}"></perinatal-signpost></body></html>`;
        await page.route("**/shot.html", (r) =>
          r.fulfill({ contentType: "text/html", body: html }),
        );
        await page.goto(`${server.url}/shot.html`);
        await widgetReady(page);
        await searchFor(page, pc);
        await searchSettled(page);
        await page.waitForTimeout(300);
        await page.screenshot({
          path: `${out}/${pc.replace(" ", "")}-${lang}-${width}.png`,
          fullPage: true,
        });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
