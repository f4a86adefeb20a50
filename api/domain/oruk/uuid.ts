/**
 * Stable ids for the ORUK feed: RFC 9562 version 5 UUIDs (SHA-1 of a namespace and a name), so
 * the same listing, location or session always has the same UUID, on Node and on Workers alike.
 * SHA-1 is written out here because WebCrypto's digest is asynchronous and the feed derives
 * thousands of ids per page; it is used only to name things, never for security.
 */

function sha1(bytes: Uint8Array): Uint8Array {
  const words = new Uint32Array(80);
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array((((bytes.length + 8) >> 6) + 1) << 6);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 4, bitLength >>> 0);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 2 ** 32));
  let h0 = 0x67452301;
  let h1 = 0xefcdab89;
  let h2 = 0x98badcfe;
  let h3 = 0x10325476;
  let h4 = 0xc3d2e1f0;
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) words[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x =
        (words[i - 3] ?? 0) ^ (words[i - 8] ?? 0) ^ (words[i - 14] ?? 0) ^ (words[i - 16] ?? 0);
      words[i] = (x << 1) | (x >>> 31);
    }
    let a = h0;
    let b = h1;
    let c = h2;
    let d = h3;
    let e = h4;
    for (let i = 0; i < 80; i++) {
      const [f, k] =
        i < 20
          ? [(b & c) | (~b & d), 0x5a827999]
          : i < 40
            ? [b ^ c ^ d, 0x6ed9eba1]
            : i < 60
              ? [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
              : [b ^ c ^ d, 0xca62c1d6];
      const t = (((a << 5) | (a >>> 27)) + f + e + k + (words[i] ?? 0)) >>> 0;
      e = d;
      d = c;
      c = (b << 30) | (b >>> 2);
      b = a;
      a = t;
    }
    h0 = (h0 + a) >>> 0;
    h1 = (h1 + b) >>> 0;
    h2 = (h2 + c) >>> 0;
    h3 = (h3 + d) >>> 0;
    h4 = (h4 + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  for (const [i, h] of [h0, h1, h2, h3, h4].entries()) outView.setUint32(i * 4, h);
  return out;
}

const encoder = new TextEncoder();

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replaceAll("-", "");
  return Uint8Array.from({ length: 16 }, (_, i) =>
    Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16),
  );
}

/** A version 5 UUID for `name` in `namespace` (itself a UUID). */
export function uuidV5(namespace: string, name: string): string {
  const ns = uuidBytes(namespace);
  const text = encoder.encode(name);
  const input = new Uint8Array(ns.length + text.length);
  input.set(ns);
  input.set(text, ns.length);
  const hash = sha1(input).slice(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...hash].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The RFC 9562 URL namespace. */
const URL_NAMESPACE = "6ba7b811-9dad-11d1-80b4-00c04fd430c8";

/** Perinatal Signpost's own namespace: every feed id is derived under it. */
export const SIGNPOST_NAMESPACE = uuidV5(URL_NAMESPACE, "https://perinatal-signpost.org.uk/oruk");

/** The kinds of thing the feed names; each gets its own part of the id space. */
export type OrukEntity =
  | "service"
  | "organization"
  | "location"
  | "address"
  | "accessibility"
  | "service_at_location"
  | "schedule"
  | "service_area"
  | "phone"
  | "language"
  | "cost_option"
  | "attribute"
  | "taxonomy"
  | "taxonomy_term";

/** The stable UUID of one of our rows (or a derived child, named by its parts). */
export function orukId(entity: OrukEntity, ...parts: string[]): string {
  const name = `${entity}:${parts.join("/")}`;
  let id = known.get(name);
  if (!id) {
    if (known.size >= MAX_KNOWN) {
      known.clear();
      names.clear();
      generation++;
    }
    id = uuidV5(SIGNPOST_NAMESPACE, name);
    known.set(name, id);
    names.set(id, name);
  }
  return id;
}

/** The parts an id was derived from, if this process has derived it (a hash cannot be undone). */
export function partsOfKnownId(entity: OrukEntity, id: string): string[] | null {
  const name = names.get(id);
  if (!name?.startsWith(`${entity}:`)) return null;
  return name.slice(entity.length + 1).split("/");
}

/** Ids already derived: lookups by UUID derive every listing's id, so they are kept (bounded). */
const known = new Map<string, string>();
const names = new Map<string, string>();
const MAX_KNOWN = 500_000;
let generation = 0;

/** Moves whenever the ids derived so far are forgotten (`partsOfKnownId` knows none of them). */
export function knownIdsGeneration(): number {
  return generation;
}

export const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
