/**
 * The Worker build end to end: a real sqld with the migrations and seed, `wrangler dev` offline
 * in front of it, and the same public API contract suite that checks the Node server.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { describeContract } from "../api/contract.js";
import { pdfText } from "../api/print/support.js";
import { FIXED_NOW } from "../support/backends.js";
import { urlFetcher } from "../support/client.js";
import { type Sqld, startSqld } from "../support/sqld.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";

let sqld: Sqld;
beforeAll(async () => {
  // The Worker serves dist/ (the widget and the demo pages) as static assets.
  await ensureWidgetBuild();
  sqld = await startSqld();
  const handle = openDb(sqld.url);
  await prepareDb(handle.db, { demo: true });
  handle.close();
}, 120_000);
afterAll(async () => {
  await sqld?.stop();
});

describe("Worker under wrangler dev, on sqld", () => {
  let worker: WranglerDev;
  beforeAll(async () => {
    // The clock of the Node backends (FIXED_NOW): what the contract and the Welsh answers below
    // expect holds on any day, not only while the demo listings are fresh.
    worker = await startWranglerDev({
      DATABASE_URL: sqld.url,
      RATE_LIMITS: "off",
      CLOCK_START: FIXED_NOW.toISOString(),
    });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
  });
  describeContract("Cloudflare Worker (wrangler dev) on sqld", () => urlFetcher(worker.url));

  it("serves the widget and the demo pages as static assets from the same deployment", async () => {
    const script = await fetch(`${worker.url}/widget/signpost.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type")).toContain("javascript");
    expect(await script.text()).toContain("perinatal-signpost");
    const demo = await fetch(`${worker.url}/demo/gp-surgery.html`);
    expect(demo.status).toBe(200);
    expect(await demo.text()).toContain("<perinatal-signpost");
    const strict = await fetch(`${worker.url}/demo/strict-csp.html`);
    expect(strict.status).toBe(200);
    expect(strict.headers.get("content-security-policy")).toContain(
      "require-trusted-types-for 'script'",
    );
  });

  it("serves the ORUK 3.0 feed: base URL, a page, a full service and the ndjson stream", async () => {
    const details = await fetch(`${worker.url}/oruk/`);
    expect(details.status).toBe(200);
    expect(details.headers.get("access-control-allow-origin")).toBe("*");
    expect(await details.json()).toMatchObject({ version: "HSDS-UK-3.0" });
    const page = (await (await fetch(`${worker.url}/oruk/services?per_page=3`)).json()) as {
      total_items: number;
      contents: { id: string; name: string }[];
    };
    expect(page.total_items).toBeGreaterThan(3);
    const first = page.contents[0];
    const full = await fetch(`${worker.url}/oruk/services/${first?.id}`);
    expect(full.status).toBe(200);
    expect(await full.json()).toMatchObject({ id: first?.id, name: first?.name, status: "active" });
    const stream = await fetch(`${worker.url}/oruk/services?format=ndjson`);
    expect(stream.headers.get("content-type")).toContain("application/x-ndjson");
    expect((await stream.text()).trim().split("\n")).toHaveLength(page.total_items);
  });

  it("answers a search again from the Cache API: the same UTF-8 bytes and ETag, then 304", async () => {
    const url = `${worker.url}/api/v1/search?postcode=CF10+1AA&lang=cy`;
    const made = await fetch(url);
    expect(made.status).toBe(200);
    const body = new Uint8Array(await made.arrayBuffer());
    const text = new TextDecoder().decode(body);
    expect(text).toContain("Grŵp");
    const etag = made.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const kept = await fetch(url);
    expect(kept.status).toBe(200);
    expect(kept.headers.get("etag")).toBe(etag);
    expect(kept.headers.get("content-type")).toBe("application/json; charset=UTF-8");
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(body);
    const held = await fetch(url, { headers: { "If-None-Match": etag ?? "" } });
    expect(held.status).toBe(304);
  });

  it("draws the PDF pack with the embedded font, Welsh letters and all", async () => {
    const res = await fetch(`${worker.url}/print/pack.pdf?postcode=CF10+1&moment=booking&lang=cy`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await res.arrayBuffer()));
    expect(text).toContain("Grŵp");
    expect(text).toContain("Angen help nawr?");
  });
});

describe("Worker rate limits", () => {
  let worker: WranglerDev;
  beforeAll(async () => {
    worker = await startWranglerDev({ DATABASE_URL: sqld.url });
  }, 120_000);
  afterAll(async () => {
    await worker?.stop();
  });

  it("answers 429 with Retry-After once a client passes the public limit", async () => {
    const statuses: number[] = [];
    let limited: Response | undefined;
    // The binding counts in fixed 60 s windows: enough requests that one window must pass 300.
    for (let i = 0; i < 700 && !limited; i++) {
      const res = await fetch(`${worker.url}/api/v1/taxonomy`);
      statuses.push(res.status);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    expect(statuses.slice(0, 250).every((s) => s === 200)).toBe(true);
    expect(limited?.status).toBe(429);
    expect(limited?.headers.get("retry-after")).toBe("60");
    const body = (await limited?.json()) as { error: { code: string } };
    expect(body.error.code).toBe("rate_limited");
  });
});
