/**
 * "How parents will see it" in the console is the widget's own card: the same text, word for
 * word, as the widget shows for the same published listing, in English and in Welsh, under the
 * console's strict policy, with nothing fetched from another origin, and axe clean.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONSOLE_CSP } from "../../api/admin/assets.js";
import { PASSWORD } from "../api/admin/helpers.js";
import { ADMIN_EMAIL, type ConsoleServer, startConsoleServer } from "../api/admin/server.js";
import {
  collectErrors,
  launchChromium,
  newPage,
  searchFor,
  searchSettled,
  widgetReady,
} from "../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";
import { axeViolations } from "./helpers/axe.js";

const SHOTS = ".tmp/screenshots/preview";
/** A published peer group in Cardiff, in English and Welsh, babies welcome, phone and email. */
const LISTING = "demo-cardiff-welsh-group";

let server: ConsoleServer;
let browser: Browser;

beforeAll(async () => {
  await Promise.all([ensureWidgetBuild(), mkdir(SHOTS, { recursive: true })]);
  [server, browser] = await Promise.all([
    startConsoleServer({ RATE_LIMITS: "off" }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every request the page makes, to check that none leaves the directory's origin. */
function requestsOf(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

async function signIn(page: Page) {
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("Email address").fill(ADMIN_EMAIL);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/admin`);
}

/** The rendered text of the preview card in one language, as a person reads it. */
async function previewText(page: Page, lang: "en" | "cy"): Promise<string> {
  const card = page.locator(`signpost-card[lang="${lang}"] li.card`);
  await card.waitFor();
  return card.innerText();
}

/** The widget's card for the listing, without the distance (which depends on where she searched). */
async function widgetCardText(page: Page): Promise<string> {
  const card = page
    .locator("perinatal-signpost li.card")
    .filter({ has: page.locator(`[id="result-${LISTING}"]`) });
  const distance = card.locator(".distance");
  const away = (await distance.count()) ? await distance.innerText() : null;
  const text = await card.innerText();
  // A paragraph stands on a line of its own, with a blank line after it.
  return away ? text.replace(`${away}\n\n`, "") : text;
}

async function widgetText(page: Page, demoPage: string): Promise<string> {
  await page.goto(`${server.url}/demo/${demoPage}`);
  await widgetReady(page);
  await searchFor(page, "CF14 3HN");
  await searchSettled(page);
  return widgetCardText(page);
}

describe("the console's preview of a listing", () => {
  it("shows the same card, word for word, as the widget does, in English and in Welsh", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    const requests = requestsOf(page);
    await signIn(page);
    const response = await page.goto(`${server.url}/admin/listings/${LISTING}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toBe(CONSOLE_CSP);
    const en = await previewText(page, "en");
    const cy = await previewText(page, "cy");
    // The widget's words, not a copy's: "Babies welcome" and "Call 029 …", never "Call Call".
    expect(en).toContain("Babies welcome");
    expect(en).toMatch(/^Call 0\d/m);
    expect(en).not.toMatch(/Children welcome|Call Call/);
    expect(cy).toContain("Croeso i fabanod");
    expect(cy).not.toEqual(en);
    // The card carries the widget's own styles: its badge looks as it does on a host page.
    const badge = page.locator('signpost-card[lang="en"] .badge').first();
    await expect(badge.evaluate((b) => getComputedStyle(b).borderRadius)).resolves.toBe("999px");
    expect(errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith(server.url))).toEqual([]);

    const widget = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    expect(await widgetText(widget, "gp-surgery.html")).toBe(en);
    expect(await widgetText(widget, "health-board.html")).toBe(cy);
    await widget.close();
    await page.close();
  }, 90_000);

  for (const width of [375, 1280]) {
    it(`has no axe violations at ${width} px, with both cards drawn`, async () => {
      const page = await newPage(browser, { viewport: { width, height: 900 } });
      await signIn(page);
      await page.goto(`${server.url}/admin/listings/${LISTING}`);
      await previewText(page, "en");
      await previewText(page, "cy");
      expect(await axeViolations(page)).toEqual([]);
      // Nothing sideways: the cards fit the screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBe(0);
      await page.screenshot({ path: join(SHOTS, `listing-${width}.png`), fullPage: true });
      await page
        .locator('section[aria-labelledby="preview-heading"]')
        .screenshot({ path: join(SHOTS, `preview-${width}.png`) });
      await page.close();
    }, 60_000);
  }
});
