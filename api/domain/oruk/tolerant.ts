/**
 * Reading what real feeds send: nulls, empty strings, numbers as strings, stray quotes, `http:`
 * links, impossible coordinates. Each reader answers a clean value or null, never throws.
 */
import { isUkPhoneNumber } from "../../../schema/listing-input.js";

export type Raw = Record<string, unknown>;

export const obj = (v: unknown): Raw | null =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Raw) : null;
export const arr = (v: unknown): Raw[] =>
  Array.isArray(v) ? v.map(obj).filter((x): x is Raw => x !== null) : [];

export function str(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  if (typeof v !== "string") return null;
  const t = v.replace(/\s+/g, " ").trim();
  return t === "" || t.toLowerCase() === "null" ? null : t;
}

export function num(v: unknown): number | null {
  const n = typeof v === "string" && v.trim() !== "" ? Number(v) : v;
  return typeof n === "number" && Number.isFinite(n) ? n : null;
}

export function bool(v: unknown): boolean | null {
  if (typeof v === "boolean") return v;
  if (v === "true" || v === 1 || v === "1") return true;
  if (v === "false" || v === 0 || v === "0") return false;
  return null;
}

/** A UK phone number in our digits-and-spaces form (`+44 20…` and quotes mended), or null. */
export function ukPhone(v: unknown): string | null {
  let t = str(v)
    ?.replace(/["'()\-.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (!t) return null;
  t = t.replace(/^\+44\s?(?:\(0\)\s?)?/, "0").replace(/^0044\s?/, "0");
  return isUkPhoneNumber(t) ? t : null;
}

export function email(v: unknown): string | null {
  const t = str(v)?.replace(/^mailto:/i, "");
  return t && /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(t) ? t.toLowerCase() : null;
}

/** An https URL; `http:` is upgraded (and said so by the caller), anything else refused. */
export function httpsUrl(v: unknown): { url: string; upgraded: boolean } | null {
  const t = str(v);
  if (!t) return null;
  const withScheme = /^[a-z]+:\/\//i.test(t) ? t : /^www\./i.test(t) ? `https://${t}` : null;
  if (!withScheme) return null;
  try {
    const u = new URL(withScheme);
    if (!u.hostname.includes(".")) return null;
    if (u.protocol === "https:") return { url: u.toString(), upgraded: false };
    if (u.protocol === "http:") {
      u.protocol = "https:";
      return { url: u.toString(), upgraded: true };
    }
  } catch {
    return null;
  }
  return null;
}

/** A full UK postcode in normal form (`EX4 4AB`), or null. */
export function ukPostcode(v: unknown): string | null {
  const t = str(v)?.toUpperCase().replace(/\s+/g, "");
  if (!t) return null;
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[ABD-HJLNP-UW-Z]{2})$/.exec(t);
  return m ? `${m[1]} ${m[2]}` : null;
}

export const isoDate = (v: unknown): string | null => {
  const t = str(v);
  return t && /^\d{4}-\d{2}-\d{2}/.test(t) && !Number.isNaN(Date.parse(t.slice(0, 10)))
    ? t.slice(0, 10)
    : null;
};

/** Inside the UK's box (the schema's own bounds for venues). */
export const inUk = (lat: number | null, lon: number | null) =>
  lat !== null && lon !== null && lat >= 49.8 && lat <= 60.9 && lon >= -8.7 && lon <= 1.8;
