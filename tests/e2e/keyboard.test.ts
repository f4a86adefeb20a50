import { beforeEach, describe, expect, it } from "vitest";
import { searchFor, searchSettled, widgetReady } from "../widget/helpers/browser.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * Keyboard, focus and target size, forced colours and reduced motion, on the GP surgery demo
 * page against the real directory.
 */

const e2e = useDemoBrowser({ page: { viewport: { width: 1280, height: 900 } } });

beforeEach(async () => {
  await e2e.page.addInitScript(() => {
    const w = window as unknown as { __selected: unknown[] };
    w.__selected = [];
    document.addEventListener("signpost-select", (e) =>
      w.__selected.push((e as CustomEvent).detail),
    );
    // A tel: link would hand over to the phone; the test only needs to know it was chosen.
    document.addEventListener("click", (e) => {
      if ((e.composedPath()[0] as Element).closest?.("a[href^='tel:']")) e.preventDefault();
    });
  });
});

interface Focused {
  tag: string;
  id: string;
  href: string | null;
  inCard: boolean;
  outlineStyle: string;
  outlineWidth: number;
}

/** The element that has focus, looking through shadow roots, and how its focus is drawn. */
function focused(): Promise<Focused> {
  return e2e.page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const style = el ? getComputedStyle(el) : null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      id: el?.id ?? "",
      href: el?.getAttribute("href") ?? null,
      inCard: Boolean(el?.closest(".card")),
      outlineStyle: style?.outlineStyle ?? "",
      outlineWidth: Number.parseFloat(style?.outlineWidth ?? "0"),
    };
  });
}

async function tabUntil(match: (f: Focused) => boolean, limit: number, seen: Focused[] = []) {
  for (let i = 0; i < limit; i++) {
    await e2e.page.keyboard.press("Tab");
    const now = await focused();
    seen.push(now);
    if (match(now)) return now;
  }
  throw new Error(`Not reached in ${limit} Tab presses; last: ${JSON.stringify(seen.at(-1))}`);
}

describe("keyboard", () => {
  it("goes from the postcode field to calling a service with the keyboard alone", async () => {
    await e2e.page.goto(`${e2e.server.url}/demo/gp-surgery.html`);
    await widgetReady(e2e.page);
    const stops: Focused[] = [];

    await tabUntil((f) => f.id === "postcode", 20, stops);
    await e2e.page.keyboard.type("EX4 4PQ");
    await e2e.page.keyboard.press("Enter");
    await searchSettled(e2e.page);
    const call = await tabUntil((f) => f.inCard && Boolean(f.href?.startsWith("tel:")), 40, stops);
    await e2e.page.keyboard.press("Enter");

    const selected = await e2e.page.evaluate(
      () => (window as unknown as { __selected: { action: string; href: string }[] }).__selected,
    );
    expect(selected.at(-1)).toMatchObject({ action: "phone", href: call.href });

    // Every stop inside the widget showed a clear focus ring.
    const inWidget = stops.filter((f) => f.tag !== "body" && f.tag !== "perinatal-signpost");
    for (const stop of inWidget.slice(stops.findIndex((f) => f.id === "postcode"))) {
      expect(stop.outlineStyle, JSON.stringify(stop)).not.toBe("none");
      expect(stop.outlineWidth, JSON.stringify(stop)).toBeGreaterThanOrEqual(2);
    }
  });

  it("opens the crisis details and the filters from the keyboard", async () => {
    await e2e.page.setViewportSize({ width: 375, height: 800 });
    await e2e.page.goto(`${e2e.server.url}/demo/gp-surgery.html`);
    await widgetReady(e2e.page);
    await tabUntil((f) => f.tag === "button" && f.id === "" && f.href === null, 20);
    const toggle = e2e.page.locator("perinatal-signpost .crisis-toggle");
    await e2e.page.keyboard.press("Enter");
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await tabUntil((f) => f.tag === "summary", 20);
    await e2e.page.keyboard.press("Enter");
    await expect(
      e2e.page.locator("perinatal-signpost details.more").getAttribute("open"),
    ).resolves.toBe("");
    await e2e.page.keyboard.press("Tab");
    await e2e.page.keyboard.press("Space");
    expect(
      await e2e.page
        .locator("perinatal-signpost details.more input[type=checkbox]")
        .first()
        .isChecked(),
    ).toBe(true);
  });
});

describe("targets", () => {
  it("makes every control at least 24 by 24 CSS pixels", async () => {
    await e2e.page.goto(`${e2e.server.url}/demo/gp-surgery.html`);
    await widgetReady(e2e.page);
    await searchFor(e2e.page, "BS1 1");
    await searchSettled(e2e.page);
    await e2e.page.locator("perinatal-signpost .more summary").click();
    const small = await e2e.page.evaluate(() => {
      const root = document.querySelector("perinatal-signpost")!.shadowRoot!;
      const controls = root.querySelectorAll<HTMLElement>("a, button, input, summary");
      const tooSmall: string[] = [];
      for (const control of controls) {
        const target = control.matches("input[type=checkbox]")
          ? control.closest("label")!
          : control;
        const box = target.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue; // not rendered
        if (box.width < 24 || box.height < 24) {
          tooSmall.push(
            `${target.tagName} "${target.textContent?.trim().slice(0, 40)}" ${box.width}x${box.height}`,
          );
        }
      }
      return { count: controls.length, tooSmall };
    });
    expect(small.count).toBeGreaterThan(40);
    expect(small.tooSmall).toEqual([]);
  });
});

describe("forced colours and reduced motion", () => {
  it("keeps every box and badge outlined in forced-colours mode", async () => {
    await e2e.page.emulateMedia({ forcedColors: "active" });
    await e2e.page.goto(`${e2e.server.url}/demo/gp-surgery.html`);
    await widgetReady(e2e.page);
    await searchFor(e2e.page, "EX4 4");
    await searchSettled(e2e.page);
    const invisible = await e2e.page.evaluate(() => {
      const root = document.querySelector("perinatal-signpost")!.shadowRoot!;
      const boxes = root.querySelectorAll<HTMLElement>(
        ".signpost, .crisis, .card article, .badge, .tag-demo, .action, .submit, .choice, .card-overdue",
      );
      const out: string[] = [];
      for (const box of boxes) {
        const s = getComputedStyle(box);
        const visible =
          s.borderTopStyle !== "none" &&
          Number.parseFloat(s.borderTopWidth) >= 1 &&
          s.borderTopColor !== "rgba(0, 0, 0, 0)";
        if (!visible)
          out.push(`${box.className}: ${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`);
      }
      return { count: boxes.length, out };
    });
    expect(invisible.count).toBeGreaterThan(20);
    expect(invisible.out).toEqual([]);
  });

  it("stops the loading animation when motion is reduced", async () => {
    await e2e.page.route("**/api/v1/search**", async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const animation = async () => {
      await e2e.page.goto(`${e2e.server.url}/demo/gp-surgery.html`);
      await widgetReady(e2e.page);
      await searchFor(e2e.page, "EX4 4");
      const placeholder = e2e.page.locator("perinatal-signpost .placeholder").first();
      await placeholder.waitFor();
      return placeholder.evaluate((el) => getComputedStyle(el).animationName);
    };
    expect(await animation()).toBe("pulse");
    await e2e.page.emulateMedia({ reducedMotion: "reduce" });
    expect(await animation()).toBe("none");
  });
});
