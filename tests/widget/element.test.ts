import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  collectErrors,
  launchChromium,
  pinClock,
  searchFor,
  searchSettled,
  widgetReady,
} from "./helpers/browser.js";
import { ensureWidgetBuild } from "./helpers/build.js";
import { type FakeApi, hostPage, startFakeApi } from "./helpers/fake-api.js";

/**
 * The element in real Chromium against a fake directory that can fail on demand:
 * each state a mother can meet, and what the host page sees (attributes, events).
 */

let browser: Browser;
let api: FakeApi;
let page: Page;
let errors: string[];

beforeAll(async () => {
  const dist = await ensureWidgetBuild();
  [browser, api] = await Promise.all([launchChromium(), startFakeApi(dist)]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});
beforeEach(async (ctx) => {
  page = await browser.newPage();
  // Cards say "Today" or "Tomorrow" for a session that near: the fixtures' dates need a fixed day.
  await pinClock(page);
  errors = collectErrors(page);
  ctx.onTestFinished(() => page.close());
});

/** Opens a host page and records the widget's events in window.__events. */
async function open(name: string, attributes = "", options: Parameters<typeof hostPage>[1] = {}) {
  const url = api.page(`${name}.html`, hostPage(attributes, options));
  await page.addInitScript(() => {
    const w = window as unknown as { __events: { type: string; detail: unknown }[] };
    w.__events = [];
    for (const type of [
      "signpost-search",
      "signpost-results",
      "signpost-select",
      "signpost-error",
    ]) {
      document.addEventListener(type, (e) =>
        w.__events.push({ type, detail: (e as CustomEvent).detail }),
      );
    }
    // Keep tel:, sms: and https: links from leaving the test page.
    document.addEventListener("click", (e) => {
      if ((e.composedPath()[0] as Element).closest?.("a")) e.preventDefault();
    });
  });
  await page.goto(url);
  await widgetReady(page);
}

const events = () =>
  page.evaluate(
    () => (window as unknown as { __events: { type: string; detail: never }[] }).__events,
  );
// biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
const shadowText = (selector: string) => page.locator(`perinatal-signpost ${selector}`).innerText();
const searchesFor = (postcode: string) =>
  api.searches().filter((u) => u.searchParams.get("postcode") === postcode);

describe("<perinatal-signpost> before any search", () => {
  it("shows the host's fallback content when the script never loads", async () => {
    const url = api.page("no-script.html", hostPage("", { scripts: [] }));
    await page.goto(url);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    await expect(page.locator("perinatal-signpost p").innerText()).resolves.toBe(
      "Call 999 in an emergency.",
    );
  });

  it("replaces the fallback with the form and the crisis panel", async () => {
    await open("initial");
    await expect(page.getByText("Call 999 in an emergency.").isVisible()).resolves.toBe(false);
    await expect(shadowText(".title")).resolves.toBe("Find perinatal mental health support");
    const crisis = await shadowText(".crisis");
    expect(crisis).toContain("Need help now?");
    for (const action of ["Call 999", "Call 111", "Call 116 123", "Text SHOUT to 85258"]) {
      expect(crisis).toContain(action);
    }
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    expect(await page.locator("perinatal-signpost label[for=postcode]").innerText()).toBe(
      "Your postcode",
    );
    expect(errors).toEqual([]);
  });

  it("catches a typo in the browser without sending anything", async () => {
    await open("typo");
    const before = api.searches().length;
    await searchFor(page, "EX4 4PQQ");
    await expect(shadowText(".field-error")).resolves.toContain("Check your postcode");
    await expect(
      page.locator("perinatal-signpost #postcode").getAttribute("aria-invalid"),
    ).resolves.toBe("true");
    const focused = await page.evaluate(
      () => document.querySelector("perinatal-signpost")?.shadowRoot?.activeElement?.id,
    );
    expect(focused).toBe("postcode");
    expect(api.searches().length).toBe(before);
  });

  it("asks for a postcode when the field is empty", async () => {
    await open("empty-field");
    await page.locator("perinatal-signpost .submit").click();
    await expect(shadowText(".field-error")).resolves.toBe(
      "Enter your postcode, for example EX4 4PQ.",
    );
  });
});

describe("<perinatal-signpost> with results", () => {
  it("sends only the sector and shows the three groups", async () => {
    await open("results", 'site="test-site"');
    await searchFor(page, "ex4 4pq");
    await searchSettled(page);

    const sent = api.searches().at(-1)!;
    expect(sent.searchParams.get("postcode")).toBe("EX4 4");
    expect(sent.search).not.toMatch(/PQ/i);
    expect(sent.searchParams.get("site")).toBe("test-site");
    expect(sent.searchParams.get("lang")).toBe("en");

    const headings = await page.locator("perinatal-signpost .group h3").allInnerTexts();
    expect(headings).toEqual([
      "Groups and places near you (2)",
      "Services covering your area (1)",
      "What you can do now",
      "Online and phone, wherever you are (1)",
    ]);
    await expect(shadowText(".status")).resolves.toBe(
      "4 places to find support for EX4 4, Exeter.",
    );
    expect(await page.locator("perinatal-signpost [role=status].status").count()).toBe(1);
  });

  it("shows what a mother needs on each card", async () => {
    await open("card");
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    const card = page.locator("perinatal-signpost .card").first();
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    const text = await card.innerText();
    expect(text).toContain("Exeter Bumps & Babies Peer Group (example)");
    expect(text).toContain("Example listing");
    for (const badge of ["You can refer yourself", "Free", "Peer-led", "Babies welcome"]) {
      expect(text).toContain(badge);
    }
    expect(text).toContain("0.5 miles away");
    expect(text).toMatch(
      /Next session: Tuesday 1 December, 10:00 to 11:30, Sidwell Street Community Room \(example\) \(term time only\)/,
    );
    expect(text).toContain("Last checked 14 October 2026");
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    expect(await card.locator("a[href='tel:01632960101']").innerText()).toContain(
      "Call 01632 960101",
    );
    expect(await card.locator("a[href='mailto:bumps@example.org']").count()).toBe(1);
    expect(await card.locator("a.details").getAttribute("href")).toBe(
      `${api.url}/services/bumps-group`,
    );

    const overdue = page.locator("perinatal-signpost .card").nth(1);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    expect(await overdue.innerText()).toContain("due to be checked again");
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    expect(await overdue.innerText()).toContain("Online");
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    expect(await overdue.innerText()).toContain("Low cost");
    expect(await overdue.locator("a.action-web").getAttribute("target")).toBe("_blank");
    await expect(shadowText(".demo-note")).resolves.toContain("made up");
  });

  it("switches the crisis panel to the routes for the place's country", async () => {
    await open("crisis-country");
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    const crisis = await shadowText(".crisis");
    expect(crisis).toContain("Help in England");
    expect(crisis).toContain("Emergency services: call 999 or go to A&E");
  });

  it("reflects every filter in the request", async () => {
    await open("filters", 'stage="pregnancy"');
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    await page.getByRole("checkbox", { name: "Baby under 1", exact: true }).check();
    await page.locator("perinatal-signpost .more summary").click();
    for (const name of [
      "Peer support group",
      "Online",
      "I can refer myself",
      "Free only",
      "Babies and children welcome",
      "Evenings",
    ]) {
      await page.getByRole("checkbox", { name, exact: true }).check();
    }
    await searchSettled(page);
    const sent = api.searches().at(-1)!;
    expect(Object.fromEntries(sent.searchParams)).toMatchObject({
      postcode: "EX4 4",
      stage: "postnatal,pregnancy",
      kind: "peer-group",
      format: "online",
      when: "evening",
      selfReferral: "true",
      free: "true",
      children: "true",
    });
    await expect(shadowText(".more summary")).resolves.toContain("6 chosen");
  });

  it("clears the choices and keeps focus in the disclosure", async () => {
    await open("clear", 'kind="peer-group"');
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    await page.locator("perinatal-signpost .more summary").click();
    await page.locator("perinatal-signpost button[data-clear]").click();
    await searchSettled(page);
    expect(api.searches().at(-1)?.searchParams.has("kind")).toBe(false);
    const focused = await page.evaluate(
      () => document.querySelector("perinatal-signpost")?.shadowRoot?.activeElement?.tagName,
    );
    expect(focused).toBe("SUMMARY");
  });

  it("finishes a search even if the host moves the element while it is loading", async () => {
    await open("moved");
    await page.route("**/api/v1/search**", async (route) => {
      await new Promise((r) => setTimeout(r, 400));
      await route.continue().catch(() => {}); // the first one is abandoned by then
    });
    const before = searchesFor("EX4").length + searchesFor("EX4 4").length;
    await searchFor(page, "EX4 4");
    await page.evaluate(() => document.body.append(document.querySelector("perinatal-signpost")!));
    await searchSettled(page);
    expect(await page.locator("perinatal-signpost .card").count()).toBe(4);
    expect(searchesFor("EX4").length + searchesFor("EX4 4").length).toBeGreaterThan(before);
  });

  it("fires typed, composed events the host page can listen to", async () => {
    await open("events");
    await searchFor(page, "EX4 4PQ");
    await searchSettled(page);
    await page.locator("perinatal-signpost .card a[href='tel:01632960101']").click();
    const seen = await events();
    expect(seen.map((e) => e.type)).toEqual([
      "signpost-search",
      "signpost-results",
      "signpost-select",
    ]);
    expect(seen[0]?.detail).toMatchObject({ postcode: "EX4 4" });
    expect(JSON.stringify(seen)).not.toContain("PQ");
    expect(seen[1]?.detail).toMatchObject({
      total: 4,
      counts: { nearby: 2, area: 1, anywhere: 1 },
    });
    expect(seen[2]?.detail).toEqual({
      id: "bumps-group",
      name: "Exeter Bumps & Babies Peer Group (example)",
      action: "phone",
      href: "tel:01632960101",
    });
  });

  it("searches straight away from the postcode attribute, sending only the sector", async () => {
    await open("attribute", 'postcode="EX4 4PQ"');
    await searchSettled(page);
    expect(searchesFor("EX4 4").length).toBeGreaterThan(0);
    expect(api.requests.some((r) => r.search.includes("PQ"))).toBe(false);
    expect(await page.locator("perinatal-signpost .card").count()).toBe(4);
  });

  it("renders listing text as text and drops unsafe links", async () => {
    await open("hostile");
    await searchFor(page, "XS1 1");
    await searchSettled(page);
    const card = page.locator("perinatal-signpost .card");
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright reads the text as rendered, which is what is asserted
    expect(await card.locator(".card-title").innerText()).toBe(
      '<img src=x onerror="window.__pwned=1">Group',
    );
    expect(await card.locator("img, script").count()).toBe(0);
    expect(await card.locator("a.action").count()).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
    ).toBeUndefined();
  });

  it("links to a print pack and a share link that carry only the sector", async () => {
    await open("footer");
    await searchFor(page, "EX4 4PQ");
    await searchSettled(page);
    const print = await page.locator("perinatal-signpost .footer-link").getAttribute("href");
    expect(print).toBe(`${api.url}/print?postcode=EX4+4&lang=en`);
    await page.locator("perinatal-signpost button[data-share]").click();
    const shared = page.locator("perinatal-signpost .share-link");
    await shared.waitFor();
    expect(await shared.inputValue()).toBe(`${api.url}/?postcode=EX4+4&lang=en`);
  });
});

describe("<perinatal-signpost> when nothing matches or the directory fails", () => {
  it("offers national helplines when nothing matches", async () => {
    await open("empty");
    await searchFor(page, "TR1 1");
    await searchSettled(page);
    const results = await shadowText(".results");
    expect(results).toContain("Nothing matches all your choices");
    expect(results).toContain("PANDAS Foundation");
    expect(results).toContain("Text PANDAS to 85258");
    await expect(shadowText(".status")).resolves.toBe(
      "No services match your choices for TR1 1, Truro.",
    );
    await expect(shadowText(".crisis")).resolves.toContain("Call 999");
  });

  it("shows a calm message, a retry, helplines and the crisis panel on a server error", async () => {
    await open("server-error");
    await searchFor(page, "LS1 1");
    await searchSettled(page);
    const results = await shadowText(".results");
    expect(results).toContain("We could not load local support just now");
    expect(results).toContain("Something went wrong on our side.");
    expect(results).toContain("Mind Infoline");
    await expect(shadowText(".crisis")).resolves.toContain("Call 116 123");
    expect((await events()).at(-1)).toMatchObject({
      type: "signpost-error",
      detail: { code: "server", status: 500 },
    });

    const before = searchesFor("LS1 1").length;
    await page.locator("perinatal-signpost button[data-retry]").click();
    await searchSettled(page);
    expect(searchesFor("LS1 1").length).toBe(before + 1);
    // The retry button went away while loading; focus waited in the results, not on the page.
    const focused = await page.evaluate(
      () => document.querySelector("perinatal-signpost")?.shadowRoot?.activeElement?.className,
    );
    expect(focused).toContain("results");
  });

  it("asks for patience when the directory is rate limiting", async () => {
    await open("busy");
    await searchFor(page, "RL1 1");
    await searchSettled(page);
    await expect(shadowText(".notice")).resolves.toContain("very busy");
  });

  it("treats an answer that is not JSON as a failure", async () => {
    await open("not-json");
    await searchFor(page, "B1 1");
    await searchSettled(page);
    await expect(shadowText(".notice")).resolves.toContain("Something went wrong on our side.");
  });

  it("explains an unknown postcode at the field", async () => {
    await open("not-found");
    await searchFor(page, "ZZ9 9ZZ");
    await page.locator("perinatal-signpost .field-error").waitFor();
    await expect(shadowText(".field-error")).resolves.toContain("We could not find that postcode");
    await expect(shadowText(".idle")).resolves.toContain("Enter your postcode");
  });

  it("gives up after 6 seconds and says so", async () => {
    await open("timeout");
    const started = Date.now();
    await searchFor(page, "M1 1AA");
    await expect(shadowText(".status")).resolves.toContain("Finding support for M1 1");
    await expect(shadowText(".crisis")).resolves.toContain("Call 999");
    await searchSettled(page);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(5500);
    expect(waited).toBeLessThan(12_000);
    await expect(shadowText(".notice")).resolves.toContain("taking too long");
  }, 20_000);

  it("shows its offline state, with crisis numbers, when the connection is lost", async () => {
    await open("offline");
    await page.context().setOffline(true);
    try {
      await searchFor(page, "EX4 4");
      await searchSettled(page);
      await expect(shadowText(".notice")).resolves.toContain("You seem to be offline.");
      await expect(shadowText(".crisis")).resolves.toContain("Call 999");
      await expect(shadowText(".helplines")).resolves.toContain("PANDAS");
    } finally {
      await page.context().setOffline(false);
    }
  });
});

describe("<perinatal-signpost> in Welsh", () => {
  it("switches everything with lang=cy and asks for Welsh listing text", async () => {
    await open("welsh", 'lang="cy"');
    await expect(shadowText(".title")).resolves.toBe(
      "Dod o hyd i gymorth iechyd meddwl amenedigol",
    );
    await expect(shadowText(".crisis-heading")).resolves.toBe("Angen help nawr?");
    await searchFor(page, "CF10 3NQ");
    await searchSettled(page);
    expect(api.searches().at(-1)?.searchParams.get("lang")).toBe("cy");
    const card = await shadowText(".card");
    expect(card).toContain("Rhestriad enghreifftiol");
    expect(card).toContain("Gallwch gyfeirio eich hun");
    expect(card).toContain("Rhagfyr");
    expect(card).toContain("milltir i ffwrdd");
    await expect(shadowText(".crisis-country")).resolves.toBe("Help yng Nghymru");
    await expect(shadowText(".status")).resolves.toBe(
      "Lleoedd i gael cymorth ar gyfer CF10 3, Caerdydd: 1.",
    );
  });

  it("follows the page's language and loads Welsh only when needed", async () => {
    const loaded: string[] = [];
    page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
    await open("page-welsh", "", { lang: "cy" });
    await expect(shadowText(".title")).resolves.toContain("Dod o hyd i gymorth");
    expect(loaded.some((p) => /\/widget\/chunks\/cy-.*\.js$/.test(p))).toBe(true);

    loaded.length = 0;
    await open("page-english", "");
    expect(loaded.some((p) => p.includes("/chunks/cy-"))).toBe(false);
  });

  it("switches language when the host changes the attribute", async () => {
    await open("switch", "");
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    await page.evaluate(() =>
      document.querySelector("perinatal-signpost")?.setAttribute("lang", "cy"),
    );
    await expect
      .poll(() => shadowText(".title"))
      .toBe("Dod o hyd i gymorth iechyd meddwl amenedigol");
    await expect.poll(() => api.searches().at(-1)?.searchParams.get("lang")).toBe("cy");
  });
});

describe("<perinatal-signpost> on the host page", () => {
  it("keeps the crisis panel brief in compact mode until it is opened", async () => {
    await open("compact", "compact");
    const description = page.locator("perinatal-signpost .crisis .route-text").first();
    await expect(description.isVisible()).resolves.toBe(false);
    await page.locator("perinatal-signpost .crisis-toggle").click();
    await expect(description.isVisible()).resolves.toBe(true);
    await expect(
      page.locator("perinatal-signpost .crisis-toggle").getAttribute("aria-expanded"),
    ).resolves.toBe("true");
  });

  it("does not throw when the script is loaded twice, as module and classic", async () => {
    await open("twice", "", {
      scripts: [
        '<script type="module" src="/widget/signpost.js"></script>',
        '<script type="module" src="/widget/signpost-0.1.0.js"></script>',
        '<script src="/widget/signpost.iife.js"></script>',
      ],
    });
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    expect(await page.locator("perinatal-signpost .card").count()).toBe(4);
    expect(errors).toEqual([]);
  });

  it("works from the classic script alone, defaulting api to the script's origin", async () => {
    await open("classic", "", {
      scripts: ['<script src="/widget/signpost.iife.js" defer></script>'],
    });
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    expect(await page.locator("perinatal-signpost .card").count()).toBe(4);
    expect(
      await page.evaluate(
        () =>
          typeof (window as unknown as { PerinatalSignpost?: { SignpostElement?: unknown } })
            .PerinatalSignpost?.SignpostElement,
      ),
    ).toBe("function");
    expect(errors).toEqual([]);
  });

  it("says it is misconfigured when api is not an http(s) URL", async () => {
    await open("bad-api", 'api="javascript:alert(1)"');
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    await expect(shadowText(".notice")).resolves.toContain(
      "has not set up the directory correctly",
    );
    expect((await events()).at(-1)).toMatchObject({
      type: "signpost-error",
      detail: { code: "misconfigured" },
    });
  });
});
