import { html, nothing } from "lit";
import type { Contact } from "../../schema/contract.js";
import { safeHref } from "../safe-url.js";
import type { Strings } from "../strings/index.js";

/** Who a contact belongs to, carried on each link for the `signpost-select` event. */
export interface Owner {
  id: string;
  name: string;
}

function actionText(c: Contact, s: Strings): string {
  switch (c.kind) {
    case "phone":
      return s.contact.call(c.value);
    case "text":
      return s.contact.text(c.value, c.keyword);
    case "email":
      return s.contact.email;
    case "web":
      return s.contact.web;
    case "whatsapp":
      return s.contact.whatsapp;
  }
}

const plain = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** Where an email or web link leads, so a person sees the address before they tap. */
function destination(c: Contact, href: string): string | null {
  if (c.kind === "email") return c.value;
  if (c.kind === "web") return new URL(href).hostname.replace(/^www\./, "");
  return null;
}

/** The contact's label and hours, unless they only repeat the link text or the route's hours. */
function notesFor(c: Contact, href: string, text: string, sharedHours?: string) {
  const label = c.label && !plain(text).includes(plain(c.label)) ? c.label : null;
  const hours = c.hours && c.hours !== sharedHours ? c.hours : null;
  return [destination(c, href), label, hours].filter((n): n is string => Boolean(n));
}

/**
 * Tap-to-call, tap-to-text, email and website links. Each names its owner for screen readers,
 * since a list of "Website" links would otherwise all sound the same.
 */
export function contactActions(
  contacts: Contact[],
  owner: Owner,
  s: Strings,
  sharedHours?: string,
) {
  const links = contacts.flatMap((c) => {
    const href = safeHref(c.href);
    // A number not yet checked is never offered to a parent (the directory leaves them out too).
    if (!href || c.needsVerification) return [];
    const external = href.startsWith("https:");
    const text = actionText(c, s);
    const notes = notesFor(c, href, text, sharedHours);
    return [
      html`<li class="action-item action-item-${c.kind}">
        <a
          class="action action-${c.kind}"
          part="action action-${c.kind}"
          href=${href}
          target=${external ? "_blank" : nothing}
          rel=${external ? "noopener noreferrer" : nothing}
          data-id=${owner.id}
          data-name=${owner.name}
          data-action=${c.kind}
          >${text}<span class="vh"
            >${s.contact.about(owner.name)}${external ? ` ${s.card.newTab}` : ""}</span
          ></a
        >${notes.length ? html`<span class="action-note">${notes.join(" · ")}</span>` : nothing}
      </li>`,
    ];
  });
  return links.length ? html`<ul class="actions" role="list">${links}</ul>` : nothing;
}
