import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../api/node/server.js";
import {
  collectErrors,
  launchChromium,
  newPage,
  searchFor,
  searchSettled,
  widgetReady,
} from "../widget/helpers/browser.js";
import { type HostSite, startHostSite, startRealServer } from "./helpers/server.js";

/**
 * Embedded on a third-party site, the widget talks only to its directory, sends only the
 * postcode sector, and leaves nothing behind: no cookies, no local or session storage.
 */

let server: RunningServer;
let host: HostSite;
let browser: Browser;
let page: Page;
let requests: Request[];
let errors: string[];

beforeAll(async () => {
  [server, host, browser] = await Promise.all([
    startRealServer(),
    startHostSite(),
    launchChromium(),
  ]);
});
afterAll(async () => {
  await browser?.close();
  await host?.close();
  await server?.close();
});
beforeEach(async (ctx) => {
  page = await newPage(browser);
  errors = collectErrors(page);
  requests = [];
  page.on("request", (r) => requests.push(r));
  // Records every attempt to write storage, even one later cleaned up.
  await page.addInitScript(() => {
    const w = window as unknown as { __storageWrites: string[] };
    w.__storageWrites = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      w.__storageWrites.push(key);
      return setItem.call(this, key, value);
    };
  });
  ctx.onTestFinished(() => page.close());
});

function gpPage(script = `<script type="module" src="${server.url}/widget/signpost.js"></script>`) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A GP surgery</title>
<link rel="icon" href="data:,">${script}</head>
<body><main><h1>Pregnancy and new parents</h1>
<perinatal-signpost api="${server.url}" site="privacy-test"><p>Call 999 in an emergency.</p></perinatal-signpost>
</main></body></html>`;
}

async function searchAsAMotherWould() {
  await widgetReady(page);
  await searchFor(page, "ex4 4pq");
  await searchSettled(page);
  await page.locator("perinatal-signpost .more summary").click();
  await page.getByRole("checkbox", { name: "Free only", exact: true }).check();
  await searchSettled(page);
  await page.evaluate(() =>
    document.querySelector("perinatal-signpost")?.setAttribute("lang", "cy"),
  );
  await page.waitForFunction(() =>
    document
      .querySelector("perinatal-signpost")
      ?.shadowRoot?.querySelector(".title")
      ?.textContent?.startsWith("Dod"),
  );
  await searchSettled(page);
}

describe("privacy on a host site", () => {
  it("makes every request to the directory's origin, and never sends the full postcode", async () => {
    await page.goto(host.page("gp.html", gpPage()));
    await searchAsAMotherWould();

    const widgetRequests = requests.filter((r) => !r.url().startsWith(host.url));
    expect(widgetRequests.length).toBeGreaterThan(3);
    for (const request of widgetRequests) {
      expect(new URL(request.url()).origin).toBe(server.url);
    }
    const searches = widgetRequests.filter((r) => r.url().includes("/api/v1/search"));
    expect(searches.length).toBeGreaterThanOrEqual(3);
    for (const request of [...requests]) {
      const everything = `${request.url()} ${JSON.stringify(await request.allHeaders())} ${request.postData() ?? ""}`;
      expect(everything).not.toMatch(/4\s*PQ/i);
    }
    for (const search of searches) {
      expect(new URL(search.url()).searchParams.get("postcode")).toBe("EX4 4");
      const headers = await search.allHeaders();
      expect(headers.cookie).toBeUndefined();
      expect(headers.referer).toBeUndefined();
    }
    expect(errors).toEqual([]);
  });

  it("sets no cookies and writes no local or session storage", async () => {
    await page.goto(host.page("gp-storage.html", gpPage()));
    await searchAsAMotherWould();
    await page.locator("perinatal-signpost button[data-share]").click();

    expect(await page.context().cookies()).toEqual([]);
    const storage = await page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      writes: (window as unknown as { __storageWrites: string[] }).__storageWrites,
    }));
    expect(storage).toEqual({ cookie: "", local: 0, session: 0, writes: [] });
    // The directory itself sets no cookie either.
    for (const request of requests.filter((r) => r.url().startsWith(server.url))) {
      const response = await request.response();
      expect(response?.headers()["set-cookie"]).toBeUndefined();
    }
  });

  it("loads cross-origin as a module script and as a classic script with SRI", async () => {
    const sri = (await (await fetch(`${server.url}/widget/sri.json`)).json()) as {
      module: { file: string; integrity: string };
      classic: { file: string; integrity: string };
    };
    for (const script of [
      `<script type="module" src="${server.url}/widget/${sri.module.file}" integrity="${sri.module.integrity}" crossorigin="anonymous"></script>`,
      `<script src="${server.url}/widget/${sri.classic.file}" integrity="${sri.classic.integrity}" crossorigin="anonymous" defer></script>`,
    ]) {
      await page.goto(host.page(`sri-${script.length}.html`, gpPage(script)));
      await widgetReady(page);
      await searchFor(page, "PL1 1AA");
      await searchSettled(page);
      expect(await page.locator("perinatal-signpost .card").count()).toBeGreaterThan(3);
    }
    expect(errors).toEqual([]);
  });

  it("refuses a versioned script whose contents do not match its SRI hash", async () => {
    const wrong = "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const script = `<script type="module" src="${server.url}/widget/signpost-0.1.0.js" integrity="${wrong}" crossorigin="anonymous"></script>`;
    await page.goto(host.page("sri-wrong.html", gpPage(script)));
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => Boolean(customElements.get("perinatal-signpost")))).toBe(
      false,
    );
    // The host's own fallback content is what the mother sees.
    expect(await page.getByText("Call 999 in an emergency.").isVisible()).toBe(true);
  });
});
