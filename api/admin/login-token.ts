/**
 * The sign-in form's CSRF token (login CSRF): a random token in the form and, in a cookie, the
 * same token with the time it was issued, signed with the server's secret (HMAC-SHA-256 through
 * Web Crypto, so Node and Workers alike). A cookie planted by anyone without the secret, or one
 * older than its lifetime, is refused whatever the form says.
 */
import { randomToken, safeEqual } from "./tokens.js";

export const LOGIN_TOKEN_MAX_AGE_SECONDS = 2 * 60 * 60;
/** Clocks of several instances may differ a little. */
const SKEW_MS = 60_000;

const encoder = new TextEncoder();

/** The HMAC key made from a server secret. */
export function signingKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]{43}$/.test(text)) return null;
  const raw = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(raw, (ch) => ch.charCodeAt(0));
}

const signed = (token: string, issued: number) => encoder.encode(`login:${token}:${issued}`);

/** A new token for the form and the signed cookie value that goes with it. */
export async function issueLoginToken(
  key: CryptoKey,
  nowMs: number,
): Promise<{ token: string; cookie: string }> {
  const token = randomToken();
  const mac = await crypto.subtle.sign("HMAC", key, signed(token, nowMs));
  return { token, cookie: `${token}.${nowMs}.${base64url(mac)}` };
}

/** Whether the cookie was signed by us, is still fresh, and carries the token the form sent. */
export async function checkLoginToken(
  key: CryptoKey,
  cookie: string,
  sent: string,
  nowMs: number,
): Promise<boolean> {
  const [token = "", issuedText = "", macText = ""] = cookie.split(".");
  const issued = Number(issuedText);
  const mac = fromBase64url(macText);
  if (!token || !sent || !mac || !/^\d{1,15}$/.test(issuedText)) return false;
  if (issued > nowMs + SKEW_MS || nowMs - issued > LOGIN_TOKEN_MAX_AGE_SECONDS * 1000) return false;
  // Web Crypto's verify compares in constant time.
  const genuine = await crypto.subtle.verify("HMAC", key, mac, signed(token, issued));
  return genuine && safeEqual(token, sent);
}

/**
 * A value (a user id) signed with the time it was issued, for a cookie that carries a sign-in
 * halfway through: the password was right, the second factor is still to come.
 */
export async function signValue(key: CryptoKey, label: string, value: string, nowMs: number) {
  const mac = await crypto.subtle.sign("HMAC", key, encoder.encode(`${label}:${value}:${nowMs}`));
  return `${value}.${nowMs}.${base64url(mac)}`;
}

/** The value of a cookie made by signValue, if genuine and younger than `maxAgeMs`. */
export async function readSignedValue(
  key: CryptoKey,
  label: string,
  cookie: string,
  nowMs: number,
  maxAgeMs: number,
): Promise<string | null> {
  const m = /^([A-Za-z0-9_-]{1,100})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(cookie);
  const mac = m ? fromBase64url(m[3] ?? "") : null;
  if (!m || !mac) return null;
  const issued = Number(m[2]);
  if (issued > nowMs + SKEW_MS || nowMs - issued > maxAgeMs) return null;
  const data = encoder.encode(`${label}:${m[1]}:${issued}`);
  return (await crypto.subtle.verify("HMAC", key, mac, data)) ? (m[1] ?? null) : null;
}
