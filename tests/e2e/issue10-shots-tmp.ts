import { mkdir } from "node:fs/promises";
import { launchChromium, searchFor, searchSettled, widgetReady } from "../widget/helpers/browser.js";
import { startRealServer } from "./helpers/server.js";
const out = "/tmp/widget-gen/shots";
await mkdir(out, { recursive: true });
const server = await startRealServer();
const browser = await launchChromium();
try {
  for (const lang of ["en", "cy"]) {
    for (const pc of ["M1 1AE", "G2 1DY", "BT7 1NN", "HR3 5AA", "EX4 4QJ"]) {
      for (const width of [375, 1280]) {
        const page = await browser.newPage({ viewport: { width, height: 1000 } });
        const html = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title><script type="module" src="/widget/signpost.js"></script></head><body style="margin:0;font-family:system-ui"><perinatal-signpost api="${server.url}"></perinatal-signpost></body></html>`;
        await page.route("**/shot.html", (r) => r.fulfill({ contentType: "text/html", body: html }));
        await page.goto(`${server.url}/shot.html`);
        await widgetReady(page);
        await searchFor(page, pc);
        await searchSettled(page);
        await page.waitForTimeout(300);
        await page.screenshot({ path: `${out}/${pc.replace(" ", "")}-${lang}-${width}.png`, fullPage: width === 1280, clip: width === 375 ? { x: 0, y: 0, width, height: 2400 } : undefined });
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
