import { beforeEach, describe, expect, it } from "vitest";
import { collectErrors, searchFor, searchSettled, widgetReady } from "../widget/helpers/browser.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/**
 * The widget under a strict Content-Security-Policy (no inline script or style, no eval,
 * Trusted Types enforced): it works, and the browser reports no violation at any step.
 */

const e2e = useDemoBrowser({ page: { permissions: ["clipboard-read", "clipboard-write"] } });
let errors: string[];

beforeEach(async () => {
  errors = collectErrors(e2e.page);
  // Injected by the browser's debugging protocol, so the page's own CSP does not block it.
  await e2e.page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
});

const violations = () =>
  e2e.page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
const cspConsole = () => errors.filter((e) => /Content.Security.Policy|Trusted ?Type/i.test(e));

/** Everything a person can do with the widget, as one walk through. */
async function exercise() {
  await widgetReady(e2e.page);
  await searchFor(e2e.page, "EX4 4PQ");
  await searchSettled(e2e.page);
  expect(await e2e.page.locator("perinatal-signpost .card").count()).toBeGreaterThan(3);
  await e2e.page.locator("perinatal-signpost .more summary").click();
  await e2e.page.getByRole("checkbox", { name: "I can refer myself", exact: true }).check();
  await searchSettled(e2e.page);
  await e2e.page.locator("perinatal-signpost button[data-share]").click();
  await e2e.page.locator("perinatal-signpost .share-link").waitFor();
  await e2e.page.evaluate(() =>
    document.querySelector("perinatal-signpost")?.setAttribute("lang", "cy"),
  );
  await e2e.page.waitForFunction(() =>
    document
      .querySelector("perinatal-signpost")
      ?.shadowRoot?.querySelector(".title")
      ?.textContent?.startsWith("Dod o hyd"),
  );
  await searchSettled(e2e.page);
}

describe("strict Content-Security-Policy", () => {
  it("serves the strict-CSP demo page with the policy from the issue", async () => {
    const response = await e2e.page.goto(`${e2e.server.url}/demo/strict-csp.html`);
    const csp = response?.headers()["content-security-policy"] ?? "";
    for (const directive of [
      "script-src 'self'",
      "style-src 'self'",
      "require-trusted-types-for 'script'",
      "trusted-types lit-html",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("runs the widget with zero violations on the strict-CSP demo page", async () => {
    await e2e.page.goto(`${e2e.server.url}/demo/strict-csp.html`);
    await exercise();
    expect(await violations()).toEqual([]);
    expect(cspConsole()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("runs the /embed page, which has its own strict policy, with zero violations", async () => {
    const response = await e2e.page.goto(`${e2e.server.url}/embed?stage=postnatal`);
    expect(response?.headers()["content-security-policy"]).toContain("trusted-types lit-html");
    await exercise();
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it("would notice a violation (the listener is live)", async () => {
    await e2e.page.goto(`${e2e.server.url}/demo/strict-csp.html`);
    await widgetReady(e2e.page);
    await e2e.page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML("beforeend", "<p>injected</p>");
      } catch {
        // Trusted Types refuses the string; the violation event is what this test looks for.
      }
    });
    await expect.poll(violations).toEqual([expect.stringContaining("require-trusted-types-for")]);
  });
});
