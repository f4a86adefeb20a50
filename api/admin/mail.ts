/**
 * Mail: what a message looks like on its way out, its HTML part, and the HTTP send-API
 * transport (Workers and Node alike, through `fetch`). The SMTP transport needs Node's sockets
 * and lives in api/node/smtp.ts. The outbox (outbox.ts) decides what to send and when; a
 * transport only sends one message or throws.
 *
 * The HTTP adapter POSTs JSON to `MAIL_API_URL` with `Authorization: Bearer <MAIL_API_TOKEN>`
 * and `Idempotency-Key: <outbox id>`:
 *   {"from": "...", "to": ["..."], "subject": "...", "text": "...", "html": "..."}
 * Any 2xx answer counts as sent; anything else (or no answer in 15 s) is an error and the
 * message is tried again later. Point it at a provider that takes this shape or at a small relay
 * that turns it into the provider's own call (docs/curation.md, "Sending mail").
 */
import type { MailLanguage } from "../../schema/taxonomy.js";
import { languageParts } from "./mail-text.js";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export interface OutgoingMessage {
  /** The outbox id: the same message keeps it across retries. */
  id: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

/** Sends one message or throws; the outbox records the outcome. */
export type Sender = (message: OutgoingMessage) => Promise<void>;

/**
 * The HTML part of a plain-text message: escaped, blank lines make paragraphs, lines starting
 * "- " make a list, absolute http(s) links become links. A bilingual body (mail-text.ts) becomes
 * two sections, each marked with its language, so screen readers switch voice.
 */
export function textToHtml(text: string, lang: MailLanguage = "en"): string {
  const parts = languageParts(text, lang);
  const sections =
    parts.length === 1
      ? blocksToHtml(text)
      : parts
          .map(
            (p, i) => `${i > 0 ? "<hr>" : ""}<div lang="${p.lang}">${blocksToHtml(p.text)}</div>`,
          )
          .join("\n");
  const top = lang === "both" ? "cy" : lang;
  return `<!doctype html><html lang="${escapeHtml(top)}"><head><meta charset="utf-8"></head><body>${sections}</body></html>`;
}

function blocksToHtml(text: string): string {
  const blocks = text.split(/\n{2,}/).map((block) => {
    const lines = block.split("\n");
    if (lines[0]?.startsWith("- ")) {
      const items: string[] = [];
      for (const l of lines) {
        if (l.startsWith("- ") || items.length === 0) items.push(l.replace(/^- /, ""));
        else items[items.length - 1] += `\n${l.trim()}`;
      }
      return `<ul>${items.map((i) => `<li>${inline(i)}</li>`).join("")}</ul>`;
    }
    return `<p>${inline(block)}</p>`;
  });
  return blocks.join("\n");
}

function inline(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/)
    .map((part, i) =>
      i % 2 === 1
        ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>`
        : escapeHtml(part).replaceAll("\n", "<br>"),
    )
    .join("");
}

/**
 * An error's message fit for the console and the logs: no secrets (the SMTP password, the API
 * token) and no email addresses (servers quote the rejected recipients).
 */
export function safeError(err: unknown, secrets: readonly (string | undefined)[]): string {
  let message = err instanceof Error ? err.message : "send failed";
  for (const s of secrets) {
    if (!s) continue;
    for (const form of new Set([s, encodeURIComponent(s), safeDecode(s)])) {
      message = message.replaceAll(form, "[secret]");
    }
  }
  return message.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[address]").slice(0, 500);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export interface HttpMailOptions {
  url: string;
  token: string;
  from: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The HTTP send-API transport described at the top of this file. */
export function httpMailSender(options: HttpMailOptions): Sender {
  const doFetch = options.fetch ?? fetch;
  return async (m) => {
    const res = await doFetch(options.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${options.token}`,
        "idempotency-key": m.id,
      },
      body: JSON.stringify({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
      }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
    if (!res.ok) {
      const detail = (await res.text().catch(() => "")).slice(0, 200);
      throw new Error(`The mail API answered ${res.status}${detail ? `: ${detail}` : ""}`);
    }
    await res.body?.cancel().catch(() => {});
  };
}
