/**
 * The widget on a GP surgery's page when the directory fails for real: the API server gone
 * (connection refused): a mother sees a calm message, the crisis numbers and the national helplines
 * built into the widget. With its libSQL server (sqld) stopped, search answers from the index.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { type Sqld, startSqld } from "../support/sqld.js";
import { launchChromium, newPage, searchFor, searchSettled } from "../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";
import { type HostSite, startHostSite } from "./helpers/server.js";

let browser: Browser;
let host: HostSite;
let sqld: Sqld;
let server: RunningServer;
let serverClosed = false;

beforeAll(async () => {
  await ensureWidgetBuild();
  [browser, host, sqld] = await Promise.all([launchChromium(), startHostSite(), startSqld()]);
  const handle = openDb(sqld.url);
  await prepareDb(handle.db, { demo: true });
  handle.close();
  server = await startServer({
    config: readConfig({
      PORT: "0",
      DATABASE_URL: sqld.url,
      RATE_LIMITS: "off",
      RESPONSE_CACHE: "off",
      DATABASE_TIMEOUT_MS: "1500",
    }),
    logger: silentLogger,
    dailyJobs: false,
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await host?.close();
  if (!serverClosed) await server?.close();
  await sqld?.stop();
});

async function surgeryPage(): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 375, height: 800 } });
  const url = host.page(
    "surgery.html",
    `<!doctype html><html lang="en"><head><title>Surgery</title>
      <script type="module" src="${server.url}/widget/signpost.js"></script></head>
      <body><main><perinatal-signpost api="${server.url}"></perinatal-signpost></main></body></html>`,
  );
  await page.goto(url);
  await page.waitForFunction(() => customElements.get("perinatal-signpost") !== undefined);
  return page;
}

const shadowText = (page: Page, selector: string) =>
  page
    .locator(`perinatal-signpost ${selector}`)
    .first()
    .textContent()
    .then((text) => text ?? "");

describe("when the directory fails", () => {
  it("keeps answering from the directory it holds when its database goes down", async () => {
    // Search reads the in-memory index (issue 14): a database that stops after start-up no
    // longer takes search with it. The 503 state itself is tested against a failing API in
    // tests/widget/element.test.ts.
    const page = await surgeryPage();
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    expect(await shadowText(page, ".results")).toContain("Groups and places near you");

    await sqld.stop();
    await searchFor(page, "PL1 2");
    await searchSettled(page);
    const results = await shadowText(page, ".results");
    expect(results).toContain("Groups and places near you");
    expect(results).not.toContain("We could not load local support just now");
    expect(await shadowText(page, ".crisis")).toContain("Call 999");
    await page.close();
  });

  it("shows it too when the directory cannot be reached at all", async () => {
    const page = await surgeryPage();
    await server.close();
    serverClosed = true;
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    expect(await shadowText(page, ".notice")).toContain("We could not reach the directory.");
    expect(await shadowText(page, ".crisis")).toContain("Call 999");
    expect(await shadowText(page, ".crisis")).toContain("116 123");
    await page.close();
  });
});
