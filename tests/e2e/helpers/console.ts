/** The console in Chromium: the real Node server on a prepared database, and signing in. */
import type { Browser, Page } from "playwright-core";
import { expect } from "vitest";
import { readConfig } from "../../../api/config.js";
import { silentLogger } from "../../../api/logger.js";
import { type RunningServer, startServer } from "../../../api/node/server.js";
import { collectErrors, newPage } from "../../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../../widget/helpers/build.js";

/**
 * The server on a free loopback port over `databaseUrl`: no rate limits, cache or daily jobs,
 * and the built widget (the console's preview is the widget's own card).
 */
export async function startConsoleServer(databaseUrl: string): Promise<RunningServer> {
  await ensureWidgetBuild();
  return startServer({
    config: readConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      RATE_LIMITS: "off",
      RESPONSE_CACHE: "off",
    }),
    logger: silentLogger,
    dailyJobs: false,
  });
}

/** A new page signed in through the login form, on the overview. */
export async function signedInPage(
  browser: Browser,
  server: RunningServer,
  credentials: { email: string; password: string },
  viewport = { width: 1280, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await newPage(browser, { viewport });
  const errors = collectErrors(page);
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("Email address").fill(credentials.email);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/admin`);
  return { page, errors };
}

/** The place a link points to (#id) is on screen (to the pixel): the page was scrolled to it. */
export async function expectInView(page: Page, hash: string): Promise<void> {
  const box = await page.locator(hash).boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  expect(box, hash).not.toBeNull();
  expect(box?.y, hash).toBeGreaterThanOrEqual(-1);
  expect((box?.y ?? 0) + (box?.height ?? 0), hash).toBeLessThanOrEqual(height + 1);
  expect(await page.evaluate(() => window.scrollY), "scrolled").toBeGreaterThan(0);
}
