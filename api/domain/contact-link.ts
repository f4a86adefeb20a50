import type { ContactKind } from "../../schema/taxonomy.js";

/**
 * The link for a contact, built from its kind so listing text can never become a `javascript:`
 * or other unsafe URL: only `tel:`, `sms:`, `mailto:` and `https:` come out.
 */
export function contactHref(kind: ContactKind, value: string, keyword?: string | null): string {
  switch (kind) {
    case "phone":
      return `tel:${digits(value)}`;
    case "text": {
      const body = keyword ? `?body=${encodeURIComponent(keyword)}` : "";
      return `sms:${digits(value)}${body}`;
    }
    case "whatsapp":
      return safeHttps(value) ?? `https://wa.me/${digits(value).replace(/^0/, "44")}`;
    case "email":
      return `mailto:${encodeURIComponent(value.trim()).replace("%40", "@")}`;
    case "web":
      return safeHttps(value) ?? "";
  }
}

function digits(value: string): string {
  return value.replace(/[^\d+]/g, "");
}

function safeHttps(value: string): string | null {
  try {
    const url = new URL(value.trim());
    return url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}
