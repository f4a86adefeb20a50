/**
 * Which client sent a request, for per-client limits. On Node it is the socket's peer, unless
 * that peer is a proxy named in `TRUST_PROXY`: then the address the proxy reports
 * (`CF-Connecting-IP` from Cloudflare, else the rightmost untrusted `X-Forwarded-For` hop). A
 * header from any other peer is just text anyone can send, and is ignored. On Workers there is
 * no socket; Cloudflare sets `CF-Connecting-IP` itself.
 */
import type { Context } from "hono";

interface Ip {
  v: 4 | 6;
  bytes: Uint8Array;
}

interface Cidr extends Ip {
  bits: number;
}

/** The proxies whose word about the client is believed (from `TRUST_PROXY`). */
export interface TrustedProxies {
  ranges: readonly Cidr[];
  /** Believe `CF-Connecting-IP` from Cloudflare's published ranges. */
  cloudflare: boolean;
}

// https://www.cloudflare.com/ips/ (the list changes rarely; extend TRUST_PROXY if it does).
const CLOUDFLARE_RANGES = [
  "173.245.48.0/20",
  "103.21.244.0/22",
  "103.22.200.0/22",
  "103.31.4.0/22",
  "141.101.64.0/18",
  "108.162.192.0/18",
  "190.93.240.0/20",
  "188.114.96.0/20",
  "197.234.240.0/22",
  "198.41.128.0/17",
  "162.158.0.0/15",
  "104.16.0.0/13",
  "104.24.0.0/14",
  "172.64.0.0/13",
  "131.0.72.0/22",
  "2400:cb00::/32",
  "2606:4700::/32",
  "2803:f800::/32",
  "2405:b500::/32",
  "2405:8100::/32",
  "2a06:98c0::/29",
  "2c0f:f248::/32",
];

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) < 256))
    return null;
  return Uint8Array.from(parts, Number);
}

function parseIpv6(text: string): Uint8Array | null {
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  const words: number[] = [];
  const push = (list: string[], last: boolean) => {
    for (const [i, g] of list.entries()) {
      if (last && i === list.length - 1 && g.includes(".")) {
        const v4 = parseIpv4(g);
        if (!v4) return false;
        words.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else if (/^[0-9a-f]{1,4}$/i.test(g)) words.push(Number.parseInt(g, 16));
      else return false;
    }
    return true;
  };
  if (!push(head, halves.length === 1)) return null;
  const fixed = words.length;
  if (!push(tail, true)) return null;
  const missing = 8 - words.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  words.splice(fixed, 0, ...new Array<number>(missing).fill(0));
  const bytes = new Uint8Array(16);
  for (const [i, w] of words.entries()) {
    bytes[i * 2] = w >> 8;
    bytes[i * 2 + 1] = w & 0xff;
  }
  return bytes;
}

/** An IPv4 or IPv6 address; IPv4-mapped IPv6 (`::ffff:192.0.2.1`) counts as the IPv4 one. */
export function parseIp(text: string): Ip | null {
  const t = text.trim().replace(/^\[(.*)\]$/, "$1");
  const v4 = parseIpv4(t);
  if (v4) return { v: 4, bytes: v4 };
  const v6 = parseIpv6(t.replace(/%[\w.-]+$/, ""));
  if (!v6) return null;
  const mapped = v6.slice(0, 12).every((b, i) => b === (i < 10 ? 0 : 0xff));
  return mapped ? { v: 4, bytes: v6.slice(12) } : { v: 6, bytes: v6 };
}

function parseCidr(text: string): Cidr | null {
  const [addr = "", bitsText, ...rest] = text.trim().split("/");
  const ip = parseIp(addr);
  if (!ip || rest.length > 0) return null;
  const max = ip.v === 4 ? 32 : 128;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return null;
  const bits = bitsText === undefined ? max : Number(bitsText);
  return bits <= max ? { ...ip, bits } : null;
}

function contains(range: Cidr, ip: Ip): boolean {
  if (range.v !== ip.v) return false;
  for (let bit = 0; bit < range.bits; bit += 8) {
    const left = Math.min(8, range.bits - bit);
    const mask = (0xff << (8 - left)) & 0xff;
    const i = bit / 8;
    if (((range.bytes[i] ?? 0) & mask) !== ((ip.bytes[i] ?? 0) & mask)) return false;
  }
  return true;
}

const cloudflareRanges = CLOUDFLARE_RANGES.map((r) => parseCidr(r) as Cidr);

/**
 * `TRUST_PROXY`: empty or `off` trusts no one; otherwise a comma list of addresses, CIDRs and
 * the word `cloudflare`. Throws on anything else, so a typo stops the server rather than
 * silently trusting nobody (or everybody).
 */
export function parseTrustProxy(text: string | undefined): TrustedProxies | undefined {
  const items = (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (items.length === 0 || (items.length === 1 && items[0] === "off")) return undefined;
  const ranges: Cidr[] = [];
  let cloudflare = false;
  for (const item of items) {
    if (item.toLowerCase() === "cloudflare") {
      cloudflare = true;
      continue;
    }
    const range = parseCidr(item);
    if (!range) {
      throw new Error(
        `TRUST_PROXY: "${item}" is not an IPv4 or IPv6 address, a CIDR range or "cloudflare"`,
      );
    }
    ranges.push(range);
  }
  return { ranges: cloudflare ? [...ranges, ...cloudflareRanges] : ranges, cloudflare };
}

const trusted = (proxies: TrustedProxies, ip: Ip) => proxies.ranges.some((r) => contains(r, ip));

function format(ip: Ip): string {
  if (ip.v === 4) return ip.bytes.join(".");
  const words = Array.from({ length: 8 }, (_, i) =>
    (((ip.bytes[i * 2] ?? 0) << 8) | (ip.bytes[i * 2 + 1] ?? 0)).toString(16),
  );
  return words.join(":");
}

/** The client's address as seen through the trusted proxies (see the top of this file). */
export function addressThrough(
  peer: string,
  headers: { forwardedFor?: string | undefined; cfConnectingIp?: string | undefined },
  proxies: TrustedProxies | undefined,
): string {
  const peerIp = parseIp(peer);
  if (!peerIp) return peer || "unknown";
  if (!proxies || !trusted(proxies, peerIp)) return format(peerIp);
  const cf = proxies.cloudflare && headers.cfConnectingIp ? parseIp(headers.cfConnectingIp) : null;
  if (cf) return format(cf);
  // Each trusted proxy appends the address it saw, so the rightmost untrusted hop is the
  // client: anything to its left was written by the client itself.
  const hops = (headers.forwardedFor ?? "").split(",").map((h) => h.trim());
  let client = peerIp;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIp(hops[i] ?? "");
    if (!hop) break;
    client = hop;
    if (!trusted(proxies, hop)) break;
  }
  return format(client);
}

/** The client's address (see the top of this file). */
export function clientAddress(c: Context): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  if (!incoming) return c.req.header("cf-connecting-ip") ?? "unknown";
  const proxies = (c.get("deps") as { trustProxy?: TrustedProxies } | undefined)?.trustProxy;
  return addressThrough(
    incoming.socket?.remoteAddress ?? "",
    {
      forwardedFor: c.req.header("x-forwarded-for"),
      cfConnectingIp: c.req.header("cf-connecting-ip"),
    },
    proxies,
  );
}

/**
 * The key a client is counted under: its address, or for IPv6 its /64 network, since one
 * household or phone is given a whole /64 and can change address within it at will.
 */
export function keyFor(address: string): string {
  const ip = parseIp(address);
  if (ip?.v !== 6) return address;
  const network = Uint8Array.from([...ip.bytes.slice(0, 8), ...new Uint8Array(8)]);
  return `${format({ v: 6, bytes: network })}/64`;
}

export const clientKey = (c: Context): string => keyFor(clientAddress(c));
