import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, headless, with nothing phoning home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * The moment the widget fixtures are written for: a week and a half before their sessions
 * (1 and 2 December 2026), so a card reads "Tuesday 1 December", never "Today" or "Tomorrow".
 */
export const FIXTURE_NOW = new Date("2026-11-20T12:00:00Z");

/** Pins the page's clock (Date only; timers run as usual) so cards read the same on any day. */
export async function pinClock(page: Page, at: Date = FIXTURE_NOW): Promise<void> {
  await page.clock.setFixedTime(at);
}

/** Collects uncaught page errors and console errors, for asserting there were none. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(`pageerror: ${err.message}`));
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  return errors;
}

/** Waits until the widget has rendered its form (strings loaded, element upgraded). */
export async function widgetReady(page: Page, selector = "perinatal-signpost"): Promise<void> {
  await page.waitForFunction(
    (sel) => Boolean(document.querySelector(sel)?.shadowRoot?.querySelector("#postcode")),
    selector,
  );
}

/** Waits until the widget is no longer loading (results, empty, or a failure are showing). */
export async function searchSettled(page: Page, selector = "perinatal-signpost"): Promise<void> {
  await page.waitForFunction(
    (sel) => {
      const root = document.querySelector(sel)?.shadowRoot;
      return Boolean(
        root?.querySelector(".results.reserve") && !root.querySelector(".placeholders"),
      );
    },
    selector,
    { timeout: 15_000 },
  );
}

/** Types a postcode into the widget and submits it with the Enter key. */
export async function searchFor(page: Page, postcode: string, selector = "perinatal-signpost") {
  const input = page.locator(`${selector} #postcode`);
  await input.fill(postcode);
  await input.press("Enter");
}

/** A page in a context of its own (axe needs one); closing the page closes the context. */
export async function newPage(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.once("close", () => {
    context.close().catch(() => {});
  });
  return page;
}
