import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningServer } from "../../api/node/server.js";
import { collectErrors, launchChromium, newPage, widgetReady } from "../widget/helpers/browser.js";
import { startRealServer } from "./helpers/server.js";

/** The embed configurator: options in, a live preview and a snippet to copy out. */

let server: RunningServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  [server, browser] = await Promise.all([startRealServer(), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});
beforeEach(async (ctx) => {
  page = await newPage(browser, { permissions: ["clipboard-read", "clipboard-write"] });
  errors = collectErrors(page);
  await page.goto(`${server.url}/demo/configurator.html`);
  await widgetReady(page, "#live");
  ctx.onTestFinished(() => page.close());
});

const code = () => page.locator("#code").textContent();

describe("embed configurator", () => {
  it("writes a pinned module snippet with the SRI hash of the versioned file", async () => {
    const sri = (await (await fetch(`${server.url}/widget/sri.json`)).json()) as {
      module: { file: string; integrity: string };
    };
    const snippet = await code();
    expect(snippet).toContain(
      `<script type="module" src="${server.url}/widget/${sri.module.file}" integrity="${sri.module.integrity}" crossorigin="anonymous"></script>`,
    );
    expect(snippet).toContain(`<perinatal-signpost api="${server.url}">`);
    expect(snippet).toContain("Need help now?");
  });

  it("reflects the options in the snippet and in the live widget", async () => {
    // The live widget has choices of the same names: stay inside the options form.
    const form = page.locator("#options");
    await form.getByLabel("Cymraeg (Welsh)").check();
    await form.getByRole("checkbox", { name: "Baby under 1", exact: true }).check();
    await form.getByRole("checkbox", { name: "Peer support groups", exact: true }).check();
    await form.getByLabel("Your site's id (optional)").fill("riverside");
    await form.getByLabel("Compact layout, for narrow columns").check();
    const snippet = await code();
    expect(snippet).toContain(
      `<perinatal-signpost api="${server.url}" stage="postnatal" kind="peer-group" lang="cy" site="riverside" compact>`,
    );
    const live = page.locator("#live");
    await expect(live.getAttribute("lang")).resolves.toBe("cy");
    await expect(live.getAttribute("stage")).resolves.toBe("postnatal");
    await expect.poll(() => page.locator("#live .title").textContent()).toContain("Dod o hyd");
  });

  it("writes the classic script and the iframe code", async () => {
    await page.getByLabel("Classic script, for older sites").check();
    expect(await code()).toMatch(
      /<script src="[^"]+\/widget\/signpost-[\d.]+\.iife\.js" integrity="sha384-[^"]+" crossorigin="anonymous" defer><\/script>/,
    );

    await page.getByLabel("Iframe, when your CMS allows nothing else").check();
    await page.getByLabel("Search a postcode straight away (optional)").fill("EX4 4");
    const snippet = (await code()) ?? "";
    expect(snippet).toContain(`<iframe src="${server.url}/embed?postcode=EX4+4"`);
    expect(snippet).toContain(`<script src="${server.url}/embed/host.js" defer></script>`);
    // The preview is the real frame.
    await page
      .frameLocator("#preview iframe")
      .locator("perinatal-signpost .card")
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it("copies the code", async () => {
    await page.getByRole("button", { name: "Copy code" }).click();
    await expect.poll(() => page.locator("#copy-status").textContent()).toBe("Copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code());
    expect(errors).toEqual([]);
  });
});
