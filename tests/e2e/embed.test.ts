import { describe, expect, it } from "vitest";
import { collectErrors } from "../widget/helpers/browser.js";
import { useDemoBrowser } from "./helpers/demo-browser.js";

/** `/embed`: the widget on its own page, for CMSs that allow only an iframe. */

const e2e = useDemoBrowser({ host: true, page: { viewport: { width: 1024, height: 800 } } });

async function embed(query: string) {
  const response = await fetch(`${e2e.server.url}/embed${query}`);
  return { response, html: await response.text() };
}

/** The opening tag of the widget in the page. */
const widgetTag = (html: string) => /<perinatal-signpost[^>]*>/.exec(html)?.[0] ?? "";

describe("/embed", () => {
  it("passes every option to the widget, cutting a full postcode to its sector", async () => {
    const { response, html } = await embed(
      "?postcode=ex4%204pq&stage=postnatal,bogus&kind=peer-group&lang=cy&site=riverside&limit=5&radius-km=10&compact=true&accent=6b2c91",
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="cy">');
    const tag = widgetTag(html);
    for (const attr of [
      'postcode="EX4 4"',
      'stage="postnatal"',
      'kind="peer-group"',
      'lang="cy"',
      'site="riverside"',
      'limit="5"',
      'radius-km="10"',
      "compact",
    ]) {
      expect(tag).toContain(attr);
    }
    expect(html).not.toMatch(/4PQ/i);
    expect(html).toContain('href="/embed/embed.css?accent=6b2c91"');
  });

  it("drops options that are not valid rather than failing", async () => {
    const { response, html } = await embed(
      "?postcode=not-a-postcode&lang=fr&limit=999&site=%3Cscript%3E&radius-km=-3&accent=red%3B}",
    );
    expect(response.status).toBe(200);
    expect(widgetTag(html)).toBe('<perinatal-signpost lang="en">');
    expect(html).toContain('href="/embed/embed.css"');
  });

  it("has no inline script or style, a strict policy, and may be framed by any site", async () => {
    const { response, html } = await embed("?postcode=EX4%204");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors *");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    for (const script of html.match(/<script[^>]*>[^<]*<\/script>/g) ?? []) {
      expect(script).toMatch(/^<script type="module" src="\/[^"]+"><\/script>$/);
    }
    expect(html).not.toMatch(/\sstyle=|<style/);
  });

  it("serves its scripts and stylesheet", async () => {
    for (const [path, type] of [
      ["/embed/frame.js", "text/javascript"],
      ["/embed/host.js", "text/javascript"],
      ["/embed/embed.css?accent=zz", "text/css"],
    ] as const) {
      const response = await fetch(`${e2e.server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain(type);
      expect(await response.text()).not.toContain("--signpost-accent");
    }
  });

  it("works inside a cross-origin iframe and tells the host page its height", async () => {
    const errors = collectErrors(e2e.page);
    await e2e.page.goto(
      e2e.host.page(
        "cms.html",
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A CMS page</title><link rel="icon" href="data:,">
<script src="${e2e.server.url}/embed/host.js"></script></head><body><main><h1>Support</h1>
<iframe src="${e2e.server.url}/embed?postcode=PL1%201" title="Find perinatal mental health support" width="100%" height="300"></iframe>
<p id="after">After the frame</p></main></body></html>`,
      ),
    );
    const frame = e2e.page.frameLocator("iframe");
    await frame.locator("perinatal-signpost .card").first().waitFor({ timeout: 15_000 });
    // The frame grows to fit its content, reported by postMessage and applied by host.js.
    await expect
      .poll(
        async () => {
          const [outer, inner] = await Promise.all([
            e2e.page.locator("iframe").evaluate((f) => f.getBoundingClientRect().height),
            e2e.page
              .frames()[1]!
              .evaluate(() => document.documentElement.getBoundingClientRect().height),
          ]);
          // The frame's own border adds a few pixels.
          return Math.abs(outer - inner) <= 8 && outer > 1000;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
