import type { Request } from "playwright-core";
import { beforeEach, describe, expect, it } from "vitest";
import { collectErrors, searchFor, searchSettled, widgetReady } from "../widget/helpers/browser.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * Embedded on a third-party site, the widget talks only to its directory, sends only the
 * postcode sector, and leaves nothing behind: no cookies, no local or session storage.
 */

const e2e = useDemoBrowser({ host: true, page: {} });
let requests: Request[];
let errors: string[];

beforeEach(async () => {
  errors = collectErrors(e2e.page);
  requests = [];
  e2e.page.on("request", (r) => requests.push(r));
  // Records every attempt to write storage, even one later cleaned up.
  await e2e.page.addInitScript(() => {
    const w = window as unknown as { __storageWrites: string[] };
    w.__storageWrites = [];
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      w.__storageWrites.push(key);
      return setItem.call(this, key, value);
    };
  });
});

function gpPage(
  script = `<script type="module" src="${e2e.server.url}/widget/signpost.js"></script>`,
) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A GP surgery</title>
<link rel="icon" href="data:,">${script}</head>
<body><main><h1>Pregnancy and new parents</h1>
<perinatal-signpost api="${e2e.server.url}" site="privacy-test"><p>Call 999 in an emergency.</p></perinatal-signpost>
</main></body></html>`;
}

async function searchAsAMotherWould() {
  await widgetReady(e2e.page);
  await searchFor(e2e.page, "ex4 4pq");
  await searchSettled(e2e.page);
  await e2e.page.locator("perinatal-signpost .more summary").click();
  await e2e.page.getByRole("checkbox", { name: "Free only", exact: true }).check();
  await searchSettled(e2e.page);
  await e2e.page.evaluate(() =>
    document.querySelector("perinatal-signpost")?.setAttribute("lang", "cy"),
  );
  await e2e.page.waitForFunction(() =>
    document
      .querySelector("perinatal-signpost")
      ?.shadowRoot?.querySelector(".title")
      ?.textContent?.startsWith("Dod"),
  );
  await searchSettled(e2e.page);
}

describe("privacy on a host site", () => {
  it("makes every request to the directory's origin, and never sends the full postcode", async () => {
    await e2e.page.goto(e2e.host.page("gp.html", gpPage()));
    await searchAsAMotherWould();

    const widgetRequests = requests.filter((r) => !r.url().startsWith(e2e.host.url));
    expect(widgetRequests.length).toBeGreaterThan(3);
    for (const request of widgetRequests) {
      expect(new URL(request.url()).origin).toBe(e2e.server.url);
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
    await e2e.page.goto(e2e.host.page("gp-storage.html", gpPage()));
    await searchAsAMotherWould();
    await e2e.page.locator("perinatal-signpost button[data-share]").click();

    expect(await e2e.page.context().cookies()).toEqual([]);
    const storage = await e2e.page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      writes: (window as unknown as { __storageWrites: string[] }).__storageWrites,
    }));
    expect(storage).toEqual({ cookie: "", local: 0, session: 0, writes: [] });
    // The directory itself sets no cookie either.
    for (const request of requests.filter((r) => r.url().startsWith(e2e.server.url))) {
      const response = await request.response();
      expect(response?.headers()["set-cookie"]).toBeUndefined();
    }
  });

  it("loads cross-origin as a module script and as a classic script with SRI", async () => {
    const sri = (await (await fetch(`${e2e.server.url}/widget/sri.json`)).json()) as {
      module: { file: string; integrity: string };
      classic: { file: string; integrity: string };
    };
    for (const script of [
      `<script type="module" src="${e2e.server.url}/widget/${sri.module.file}" integrity="${sri.module.integrity}" crossorigin="anonymous"></script>`,
      `<script src="${e2e.server.url}/widget/${sri.classic.file}" integrity="${sri.classic.integrity}" crossorigin="anonymous" defer></script>`,
    ]) {
      await e2e.page.goto(e2e.host.page(`sri-${script.length}.html`, gpPage(script)));
      await widgetReady(e2e.page);
      await searchFor(e2e.page, "PL1 1AA");
      await searchSettled(e2e.page);
      expect(await e2e.page.locator("perinatal-signpost .card").count()).toBeGreaterThan(3);
    }
    expect(errors).toEqual([]);
  });

  it("refuses a versioned script whose contents do not match its SRI hash", async () => {
    const wrong = "sha384-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    const script = `<script type="module" src="${e2e.server.url}/widget/signpost-0.1.0.js" integrity="${wrong}" crossorigin="anonymous"></script>`;
    await e2e.page.goto(e2e.host.page("sri-wrong.html", gpPage(script)));
    await e2e.page.waitForTimeout(500);
    expect(await e2e.page.evaluate(() => Boolean(customElements.get("perinatal-signpost")))).toBe(
      false,
    );
    // The host's own fallback content is what the mother sees.
    expect(await e2e.page.getByText("Call 999 in an emergency.").isVisible()).toBe(true);
  });
});
