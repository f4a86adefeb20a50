/**
 * `npm run load`: the Node server under sustained load on loopback. Starts the server as its own
 * process (as `npm start` would), sends a mix of real sectors and filters from 100 connections
 * for 60 s with autocannon, and prints throughput, latency, errors and the server's memory.
 */
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { startServerProcess } from "./server-process.js";
import { prng } from "./synthetic.js";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 100);
const CACHE = process.env.RESPONSE_CACHE ?? "on";

const rssMb = (pid: number) => {
  const line = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
  return line ? Number(line[1]) / 1024 : Number.NaN;
};

const server = await startServerProcess({
  // Loopback load comes from one address: the per-client limit would answer most of it 429.
  RATE_LIMITS: "off",
  RESPONSE_CACHE: CACHE,
});
const { url, pid } = server;

const sectors = readFileSync("data/geo/postcode-sectors.csv", "utf8")
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(",")[0])
  .filter((s): s is string => Boolean(s));
const rand = prng(11);
const filters = [
  "",
  "&stage=postnatal",
  "&selfReferral=true&free=true",
  "&kind=peer-group,helpline",
  "&format=online,phone",
  "&when=evening,weekend",
  "&lang=cy",
  "&children=true&radiusKm=25",
];
// Demo listings sit around these places; the rest of the UK gets national services only.
const busy = ["EX4 4", "PL1 2", "BS1 5", "CF10 1", "SA1 1", "HR3 5"];
const paths = Array.from({ length: 2_000 }, (_, i) => {
  const sector = i % 4 === 0 ? busy[i % busy.length] : sectors[Math.floor(rand() * sectors.length)];
  return `/api/v1/search?postcode=${encodeURIComponent(sector ?? "EX4 4")}${filters[i % filters.length]}`;
});

console.log(`Perinatal Signpost load test (${new Date().toISOString()}), node ${process.version}`);
console.log(
  `server ${url} (pid ${pid}), response cache ${CACHE}, ${paths.length} distinct searches`,
);
let next = 0;
const requests = [
  { setupRequest: (req: object) => ({ ...req, path: paths[next++ % paths.length] }) },
];
await autocannon({ url, connections: 10, duration: 5, requests }); // warm up
const before = rssMb(pid);
const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, requests });
const after = rssMb(pid);
console.log(`\n${CONNECTIONS} connections for ${SECONDS} s:`);
console.log(`  requests/s  ${r.requests.average.toFixed(0)} (total ${r.requests.total})`);
console.log(
  `  latency     p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  max ${r.latency.max} ms`,
);
console.log(`  non-2xx     ${r.non2xx}   errors ${r.errors}   timeouts ${r.timeouts}`);
const growth = ((after - before) / before) * 100;
console.log(
  `  server RSS  ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after (${growth >= 0 ? "+" : ""}${growth.toFixed(1)}%)`,
);
const ok = r.non2xx === 0 && r.errors === 0 && growth <= 20;
console.log(`  target: zero errors and memory growth <= 20%: ${ok ? "met" : "NOT met"}`);
await server.stop();
