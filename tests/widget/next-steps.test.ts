import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "../e2e/helpers/axe.js";
import {
  collectErrors,
  launchChromium,
  newPage,
  pinClock,
  searchFor,
  searchSettled,
  widgetReady,
} from "./helpers/browser.js";
import { ensureWidgetBuild } from "./helpers/build.js";
import { type FakeApi, hostPage, startFakeApi } from "./helpers/fake-api.js";

/**
 * Issue 10 in real Chromium: the honest answer where nothing local is listed, "Show N more",
 * nations on cross-border routes, honest distances, calendar links and the smaller fixes.
 */

let browser: Browser;
let api: FakeApi;

beforeAll(async () => {
  const dist = await ensureWidgetBuild();
  [browser, api] = await Promise.all([launchChromium(), startFakeApi(dist)]);
});
afterAll(async () => {
  await browser?.close();
  await api?.close();
});

async function open(name: string, width = 375, lang = "en", attributes = ""): Promise<Page> {
  const page = await newPage(browser, { viewport: { width, height: 900 } });
  await pinClock(page);
  const url = api.page(`${name}-${width}-${lang}.html`, hostPage(attributes, { lang }));
  await page.goto(url);
  await widgetReady(page);
  return page;
}

const text = (page: Page, selector: string) =>
  // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what is asserted
  page.locator(`perinatal-signpost ${selector}`).innerText();

describe("where nothing local is listed", () => {
  it("says so, puts her nation's next steps first, then national support, then 'Tell us'", async () => {
    const page = await open("nothing-local");
    const errors = collectErrors(page);
    await searchFor(page, "G2 1DY");
    await searchSettled(page);
    await expect(text(page, ".notice")).resolves.toBe("We don't know of groups near G2 1 yet.");
    const headings = await page.locator("perinatal-signpost .results h3").allInnerTexts();
    expect(headings).toEqual([
      "We don't know of groups near G2 1 yet.",
      "What you can do now",
      "Online and phone, wherever you are (12)",
    ]);
    const steps = await text(page, ".steps");
    expect(steps).toContain("Ask your midwife, health visitor or GP");
    const tellUs = page.locator("perinatal-signpost .tell-us a");
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what is asserted
    expect(await tellUs.innerText()).toContain("Know a local group? Tell us");
    expect(await tellUs.getAttribute("href")).toBe(`${api.url}/add-your-service`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("shows ten of twelve, and 'Show 2 more' shows the rest and moves focus to the first", async () => {
    const page = await open("show-more");
    await searchFor(page, "G2 1");
    await searchSettled(page);
    const cards = page.locator("perinatal-signpost .card");
    expect(await cards.count()).toBe(10);
    const more = page.locator("perinatal-signpost button[data-more=anywhere]");
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered is what is asserted
    expect(await more.innerText()).toBe("Show 2 more");
    await more.click();
    expect(await cards.count()).toBe(12);
    await expect(more.count()).resolves.toBe(0);
    const focused = await page.evaluate(
      () => document.querySelector("perinatal-signpost")?.shadowRoot?.activeElement?.textContent,
    );
    expect(focused).toBe("National support 11");
    await page.close();
  });

  it("asks the directory for every result, and shows the host's limit at first", async () => {
    const page = await open("limit", 375, "en", 'limit="3"');
    await searchFor(page, "G2 1");
    await searchSettled(page);
    expect(api.searches().at(-1)?.searchParams.get("limit")).toBe("50");
    expect(await page.locator("perinatal-signpost .card").count()).toBe(3);
    await expect(text(page, "button[data-more]")).resolves.toBe("Show 9 more");
    await page.close();
  });
});

describe("fixes found in use", () => {
  it("clears the old results when the next postcode is a typo", async () => {
    const page = await open("stale");
    await searchFor(page, "EX4 4QJ");
    await searchSettled(page);
    expect(await page.locator("perinatal-signpost .card").count()).toBeGreaterThan(0);
    await searchFor(page, "PL4 8AAA");
    await expect(text(page, ".field-error")).resolves.toContain("Check your postcode");
    expect(await page.locator("perinatal-signpost .card").count()).toBe(0);
    expect(await page.locator("perinatal-signpost .footer").count()).toBe(0);
    await page.close();
  });

  it("accepts the partial postcodes its hint describes: EX4 4Q and EXO 4QJ", async () => {
    const page = await open("partial");
    await expect(text(page, ".hint")).resolves.toContain("EX4 4");
    await searchFor(page, "EX4 4Q");
    await searchSettled(page);
    expect(api.searches().at(-1)?.searchParams.get("postcode")).toBe("EX4 4");
    await searchFor(page, "EXO 4QJ");
    await page.waitForFunction(() =>
      document.querySelector("perinatal-signpost")?.shadowRoot?.querySelector(".field-error"),
    );
    // EX0 is read as a district; the directory does not know it, and says so.
    expect(api.searches().at(-1)?.searchParams.get("postcode")).toBe("EX0 4");
    await page.close();
  });

  it("names each crisis route's nation at a cross-border place, and says 'In HR3 5' for a venue placed by sector", async () => {
    const page = await open("border", 1280);
    await searchFor(page, "HR3 5AA");
    await searchSettled(page);
    const crisis = await text(page, ".crisis");
    expect(crisis).toContain("NHS 111 Wales: press 2 (In Wales)");
    expect(crisis).toContain("NHS 111, mental health option (In England)");
    const card = await text(page, ".card");
    expect(card).toContain("In HR3 5");
    expect(card).not.toContain("miles away");
    const calendar = page.locator("perinatal-signpost .card a.calendar");
    expect(await calendar.getAttribute("href")).toBe(`${api.url}/services/hay-bumps/sessions.ics`);
    await page.close();
  });

  it("names the listing in each 'More about' link, with no stray colon", async () => {
    const page = await open("more-about");
    await searchFor(page, "EX4 4");
    await searchSettled(page);
    const link = page.locator("perinatal-signpost .card a.details").first();
    const name = await link.evaluate((a) => a.textContent?.replace(/\s+/g, " ").trim());
    expect(name).toBe("More about Exeter Bumps & Babies Peer Group (example) (opens in a new tab)");
    await page.close();
  });

  it("clears the stages with the other choices, and shows that 'More choices' opens", async () => {
    const page = await open("clear", 375, "en", 'stage="postnatal"');
    const summary = page.locator("perinatal-signpost .more summary");
    const marker = (open: boolean) =>
      summary.evaluate((el, o) => {
        (el.parentElement as HTMLDetailsElement).open = o;
        return getComputedStyle(el, "::after").content;
      }, open);
    expect(await marker(false)).toContain("+");
    expect(await marker(true)).toContain("−");
    await page.locator("perinatal-signpost .more input[name=free]").check();
    await page.locator("perinatal-signpost button[data-clear]").click();
    expect(await page.locator("perinatal-signpost input[name=stage]:checked").count()).toBe(0);
    expect(await page.locator("perinatal-signpost input[name=free]:checked").count()).toBe(0);
    await page.close();
  });

  it("keeps the crisis panel in view beside the results at 1280 px", async () => {
    const page = await open("sticky", 1280, "en", 'limit="50"');
    await searchFor(page, "G2 1");
    await searchSettled(page);
    await page.evaluate(() => window.scrollTo(0, 1400));
    const top = await page
      .locator("perinatal-signpost .crisis")
      .evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(20);
    await page.close();
  });

  it("gives the phone's brief crisis panel its final routes at the keypress, not when the answer comes", async () => {
    const page = await open("keypress", 375);
    const names = () =>
      page.locator("perinatal-signpost .routes-brief .route-brief > .route-name").allInnerTexts();
    expect(await names()).toEqual(
      expect.arrayContaining(["NHS 111", "Lifeline (Northern Ireland)"]),
    );
    // While the answer is on its way (here it never comes), the postcode's area already says
    // whether she is in Northern Ireland (BT) or not.
    await page.route("**/api/v1/search**", () => undefined);
    await searchFor(page, "EX4 4QJ");
    await expect.poll(names).not.toContain("Lifeline (Northern Ireland)");
    expect(await names()).toHaveLength(4);
    await searchFor(page, "BT7 1NN");
    await expect.poll(names).toContain("Lifeline (Northern Ireland)");
    expect(await names()).not.toContain("NHS 111");
    expect(await names()).toHaveLength(4);
    await page.close();

    // Answered: the panel keeps its height when the answer comes, with no space at its foot.
    const other = await open("keypress-answered", 375);
    const panel = other.locator("perinatal-signpost .crisis");
    const height = () => panel.evaluate((el) => el.getBoundingClientRect().height);
    await other.route("**/api/v1/search**", async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await searchFor(other, "EX4 4");
    await expect
      .poll(() => other.locator("perinatal-signpost .routes-brief .route-brief").count())
      .toBe(4);
    const waiting = await height();
    await searchSettled(other);
    expect(await text(other, ".crisis-country")).toBe("Help in England");
    expect(Math.abs((await height()) - waiting)).toBeLessThan(12);
    const gap = await panel.evaluate((el) => {
      const toggle = el.querySelector(".crisis-toggle")!.getBoundingClientRect().bottom;
      const pad = Number.parseFloat(getComputedStyle(el).paddingBottom);
      return el.getBoundingClientRect().bottom - pad - toggle;
    });
    expect(gap).toBeLessThan(2);
    await other.close();
  });

  it("fits the first crisis button and the postcode field on a 375×667 screen", async () => {
    const page = await newPage(browser, { viewport: { width: 375, height: 667 } });
    await pinClock(page);
    await page.goto(api.page("fold.html", hostPage("")));
    await widgetReady(page);
    // The widget at the top of the viewport, as on a surgery's page scrolled to it.
    await page.locator("perinatal-signpost").evaluate((el) => el.scrollIntoView());
    const bottom = (selector: string) =>
      page
        .locator(`perinatal-signpost ${selector}`)
        .first()
        .evaluate((el) => el.getBoundingClientRect().bottom);
    expect(await bottom(".crisis .action")).toBeLessThanOrEqual(667);
    expect(await bottom("#postcode")).toBeLessThanOrEqual(667);
    await page.close();
  });

  it("marks English listing text inside the Welsh widget as English", async () => {
    const page = await open("lang", 375, "cy");
    await searchFor(page, "CF24 4");
    await searchSettled(page);
    await expect(text(page, ".notice")).resolves.toBe(
      "Dydyn ni ddim yn gwybod am grwpiau yn agos at CF24 4 eto.",
    );
    const title = page.locator("perinatal-signpost .card .card-title").first();
    expect(await title.getAttribute("lang")).toBe("en");
    expect(await page.locator("perinatal-signpost .tell-us a").getAttribute("href")).toBe(
      `${api.url}/add-your-service?lang=cy`,
    );
    await page.close();
  });
});

describe("accessibility of the new states", () => {
  for (const width of [320, 375, 1280]) {
    for (const lang of ["en", "cy"]) {
      it(`has no axe violations at ${width} px in ${lang}: nothing local, shown in full, and a border place`, {
        timeout: 90_000,
      }, async () => {
        const page = await open(`axe`, width, lang);
        await searchFor(page, lang === "cy" ? "CF24 4" : "G2 1");
        await searchSettled(page);
        expect(await axeViolations(page)).toEqual([]);
        await page.locator("perinatal-signpost button[data-more]").click();
        expect(await axeViolations(page)).toEqual([]);
        await searchFor(page, "HR3 5");
        await searchSettled(page);
        expect(await axeViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});
