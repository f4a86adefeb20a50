/**
 * The widget on a GP surgery's page when the directory fails for real: the API server gone
 * (connection refused), and the API up but its libSQL server (sqld) stopped (503). Either way a
 * mother sees a calm message, the crisis numbers and the national helplines built into the widget.
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
  it("shows the calm failure state with crisis numbers when its database is down (503)", async () => {
    const page = await surgeryPage();
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    expect(await shadowText(page, ".results")).toContain("Groups and places near you");

    await sqld.stop();
    await searchFor(page, "PL1 2");
    await searchSettled(page);
    const notice = await shadowText(page, ".notice");
    expect(notice).toContain("We could not load local support just now");
    expect(notice).toContain("Something went wrong on our side.");
    expect(await shadowText(page, ".crisis")).toContain("Call 999");
    expect(await shadowText(page, ".helplines")).toContain("PANDAS");
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
