const ALLOWED = new Set(["https:", "tel:", "sms:", "mailto:"]);

/**
 * The link for a contact or page, or `null`. Listing data is plain text from outside the widget,
 * so only `https:`, `tel:`, `sms:` and `mailto:` links are ever rendered.
 */
export function safeHref(href: string | null | undefined, base?: URL): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    if (ALLOWED.has(url.protocol)) return url.href;
    // The directory itself may be served over http on a developer's machine.
    if (base && url.origin === base.origin) return url.href;
    return null;
  } catch {
    return null;
  }
}
