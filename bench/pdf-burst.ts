/**
 * `npm run bench:burst`: one client asks for 16 pack PDFs at once while another checks /health
 * every 50 ms. Prints how the burst was answered and how long /health took meanwhile, with the
 * default limits and without them (`RATE_LIMITS=off`). Each server is its own process, so the
 * probe measures the server's event loop, not this script's.
 */
import { startServerProcess } from "./server-process.js";

const BURST = Number(process.env.BURST ?? 16);
const PDF = "/print/pack.pdf?postcode=EX4+4&moment=birth&lang=en";

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

async function run(label: string, env: Record<string, string>) {
  const server = await startServerProcess(env);
  // Warm up: the first PDF loads fonts and the geography.
  await (await fetch(`${server.url}${PDF}`)).arrayBuffer();
  const health: number[] = [];
  let done = false;
  const probe = (async () => {
    while (!done) {
      const started = performance.now();
      await (await fetch(`${server.url}/health`)).arrayBuffer();
      health.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const started = performance.now();
  const statuses = await Promise.all(
    Array.from({ length: BURST }, async () => {
      const res = await fetch(`${server.url}${PDF}`);
      await res.arrayBuffer();
      return res.status;
    }),
  );
  const burstMs = performance.now() - started;
  done = true;
  await probe;
  await server.stop();
  const sorted = [...health].sort((a, b) => a - b);
  const count = (s: number) => statuses.filter((x) => x === s).length;
  console.log(`\n${label}`);
  console.log(
    `  ${BURST} PDFs at once: ${count(200)} made, ${count(429)} refused (429), in ${burstMs.toFixed(0)} ms`,
  );
  console.log(
    `  /health meanwhile (${sorted.length} probes): p50 ${percentile(sorted, 50).toFixed(0)} ms, max ${(sorted.at(-1) ?? Number.NaN).toFixed(0)} ms`,
  );
}

console.log(`PDF burst (${new Date().toISOString()}), node ${process.version}`);
await run("with the limits (10 a minute per client; 2 at once, 4 waiting)", {
  RESPONSE_CACHE: "off",
});
await run("without them (RATE_LIMITS=off)", { RESPONSE_CACHE: "off", RATE_LIMITS: "off" });
