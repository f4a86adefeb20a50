/**
 * Per-client limits and the PDF cap on the real Node server over loopback HTTP (audit findings
 * 2 and 3): the socket peer decides who a client is unless TRUST_PROXY names it, and a burst of
 * PDFs is refused beyond a few at a time instead of taking the whole process.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConsoleServer, startConsoleServer } from "./admin/server.js";

/** The default per-client allowances for public pages and for PDFs (api/node/server.ts). */
const PAGES_PER_MINUTE = 120;
const RENDERS_PER_MINUTE = 10;

async function pagesFrom(server: ConsoleServer, forwardedFor: (i: number) => string, n: number) {
  const statuses: number[] = [];
  for (let i = 0; i < n; i += 20) {
    const batch = Array.from({ length: Math.min(20, n - i) }, (_, j) =>
      fetch(`${server.url}/embed`, { headers: { "x-forwarded-for": forwardedFor(i + j) } }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.status;
        },
      ),
    );
    statuses.push(...(await Promise.all(batch)));
  }
  return statuses;
}

describe("per-client limits on the Node server", () => {
  let direct: ConsoleServer;
  let proxied: ConsoleServer;
  beforeAll(async () => {
    [direct, proxied] = await Promise.all([
      startConsoleServer(),
      startConsoleServer({ TRUST_PROXY: "127.0.0.1" }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await direct?.close();
    await proxied?.close();
  });

  it("ignores a spoofed X-Forwarded-For without TRUST_PROXY: every request counts for the socket's address", async () => {
    const statuses = await pagesFrom(direct, (i) => `203.0.113.${i % 250}`, PAGES_PER_MINUTE + 1);
    expect(statuses.slice(0, PAGES_PER_MINUTE).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it("counts each forwarded client apart when the proxy is trusted", async () => {
    const one = await pagesFrom(proxied, () => "198.51.100.1", PAGES_PER_MINUTE + 1);
    expect(one.at(-2)).toBe(200);
    expect(one.at(-1)).toBe(429);
    const other = await pagesFrom(proxied, () => "198.51.100.2", 1);
    expect(other).toEqual([200]);
  }, 60_000);

  it("makes at most the client's allowance of a burst of 16 PDFs, refuses the rest with 429 and Retry-After, and keeps /health answering", async () => {
    const pdf = `${proxied.url}/print/pack.pdf?postcode=EX4+4&moment=birth&lang=en`;
    // From a client of its own, so the page limits used up above play no part.
    const client = { "x-forwarded-for": "192.0.2.1" };
    const burst = Array.from({ length: 16 }, () =>
      fetch(pdf, { headers: client }).then(async (r) => ({
        status: r.status,
        type: r.headers.get("content-type") ?? "",
        retryAfter: r.headers.get("retry-after"),
        body: new Uint8Array(await r.arrayBuffer()),
      })),
    );
    const health = await fetch(`${proxied.url}/health`);
    const answers = await Promise.all(burst);
    expect(health.status).toBe(200);
    const refused = answers.filter((a) => a.status === 429);
    const made = answers.filter((a) => a.status === 200);
    expect(refused.length).toBeGreaterThanOrEqual(16 - RENDERS_PER_MINUTE);
    expect(made.length).toBeGreaterThanOrEqual(1);
    expect(made.length).toBeLessThanOrEqual(RENDERS_PER_MINUTE);
    expect(refused.length + made.length).toBe(16);
    for (const a of refused) {
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      expect(a.type).toContain("text/html");
    }
    for (const a of made) {
      expect(a.type).toBe("application/pdf");
      expect(new TextDecoder().decode(a.body.slice(0, 5))).toBe("%PDF-");
    }
  }, 120_000);
});
