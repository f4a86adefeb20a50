import { beforeEach, describe, expect, it } from "vitest";
import { collectErrors, widgetReady } from "../widget/helpers/browser.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/** The embed configurator: options in, a live preview and a snippet to copy out. */

const e2e = useDemoBrowser({ page: { permissions: ["clipboard-read", "clipboard-write"] } });
let errors: string[];

beforeEach(async () => {
  errors = collectErrors(e2e.page);
  await e2e.page.goto(`${e2e.server.url}/demo/configurator.html`);
  await widgetReady(e2e.page, "#live");
});

const code = () => e2e.page.locator("#code").textContent();

describe("embed configurator", () => {
  it("writes a pinned module snippet with the SRI hash of the versioned file", async () => {
    const sri = (await (await fetch(`${e2e.server.url}/widget/sri.json`)).json()) as {
      module: { file: string; integrity: string };
    };
    const snippet = await code();
    expect(snippet).toContain(
      `<script type="module" src="${e2e.server.url}/widget/${sri.module.file}" integrity="${sri.module.integrity}" crossorigin="anonymous"></script>`,
    );
    expect(snippet).toContain(`<perinatal-signpost api="${e2e.server.url}">`);
    expect(snippet).toContain("Need help now?");
  });

  it("reflects the options in the snippet and in the live widget", async () => {
    // The live widget has choices of the same names: stay inside the options form.
    const form = e2e.page.locator("#options");
    await form.getByLabel("Cymraeg (Welsh)").check();
    await form.getByRole("checkbox", { name: "Baby under 1", exact: true }).check();
    await form.getByRole("checkbox", { name: "Peer support groups", exact: true }).check();
    await form.getByLabel("Your site's id (optional)").fill("riverside");
    await form.getByLabel("Compact layout, for narrow columns").check();
    const snippet = await code();
    expect(snippet).toContain(
      `<perinatal-signpost api="${e2e.server.url}" stage="postnatal" kind="peer-group" lang="cy" site="riverside" compact>`,
    );
    const live = e2e.page.locator("#live");
    await expect(live.getAttribute("lang")).resolves.toBe("cy");
    await expect(live.getAttribute("stage")).resolves.toBe("postnatal");
    await expect.poll(() => e2e.page.locator("#live .title").textContent()).toContain("Dod o hyd");
  });

  it("writes the theme as real CSS in a <style> block, the same rule the preview applies", async () => {
    await e2e.page.locator("#accent").fill("#7a1fa2");
    const snippet = await code();
    expect(snippet).toContain(
      "<style>\n  perinatal-signpost { --signpost-accent: #7a1fa2; }\n</style>",
    );
    expect(snippet).not.toContain("<!-- perinatal-signpost");
    const applied = await e2e.page.evaluate(() =>
      getComputedStyle(document.querySelector("#live")!)
        .getPropertyValue("--signpost-accent")
        .trim(),
    );
    expect(applied).toBe("#7a1fa2");
  });

  it("tints a chosen filter chip with the accent in the module preview", async () => {
    await e2e.page.locator("#accent").fill("#7a1fa2");
    const chip = e2e.page.locator("#live .choice", { hasText: "Pregnant" });
    await chip.click();
    // Chromium reports color-mix() results as color(srgb r g b), each 0–1.
    const fill = await chip.evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = (/([\d.]+) ([\d.]+) ([\d.]+)/.exec(fill) ?? []).slice(1).map(Number);
    expect(fill).not.toBe("rgb(232, 241, 251)");
    // 12% of #7a1fa2 on white: red and blue above green, as purple is.
    expect(r! > g! && b! > g!, fill).toBe(true);
    expect(await chip.evaluate((el) => getComputedStyle(el).borderColor)).toBe("rgb(122, 31, 162)");
  });

  it("lines up the two number fields at 1280 px: one top edge, one height", async () => {
    await e2e.page.setViewportSize({ width: 1280, height: 900 });
    const box = (selector: string) =>
      e2e.page.locator(selector).evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { top: Math.round(r.top), height: Math.round(r.height) };
      });
    const [limit, radius] = [await box("#limit"), await box("#radius")];
    expect(limit).toEqual(radius);
    const [a, b] = [await box('label[for="limit"]'), await box('label[for="radius"]')];
    expect(a.top).toBe(b.top);
  });

  it("writes the classic script and the iframe code", async () => {
    await e2e.page.getByLabel("Classic script, for older sites").check();
    expect(await code()).toMatch(
      /<script src="[^"]+\/widget\/signpost-[\d.]+\.iife\.js" integrity="sha384-[^"]+" crossorigin="anonymous" defer><\/script>/,
    );

    await e2e.page.getByLabel("Iframe, when your CMS allows nothing else").check();
    await e2e.page.getByLabel("Search a postcode straight away (optional)").fill("EX4 4");
    const snippet = (await code()) ?? "";
    expect(snippet).toContain(`<iframe src="${e2e.server.url}/embed?postcode=EX4+4"`);
    expect(snippet).toContain(`<script src="${e2e.server.url}/embed/host.js" defer></script>`);
    // The preview is the real frame.
    await e2e.page
      .frameLocator("#preview iframe")
      .locator("perinatal-signpost .card")
      .first()
      .waitFor({ timeout: 15_000 });
  });

  it("copies the code", async () => {
    await e2e.page.getByRole("button", { name: "Copy code" }).click();
    await expect.poll(() => e2e.page.locator("#copy-status").textContent()).toBe("Copied.");
    expect(await e2e.page.evaluate(() => navigator.clipboard.readText())).toBe(await code());
    expect(errors).toEqual([]);
  });
});
