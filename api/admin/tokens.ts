/** Random tokens and their digests, with Web Crypto (Node and Workers alike). */

export function randomToken(bytes = 32): string {
  const raw = crypto.getRandomValues(new Uint8Array(bytes));
  let text = "";
  for (const b of raw) text += String.fromCharCode(b);
  return btoa(text).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

/** A short random id for rows made in the console: lowercase letters and digits. */
export function randomId(length = 12): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  const raw = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(raw, (b) => alphabet[b % alphabet.length]).join("");
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Compares two strings in time that depends only on their length. */
export function safeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
