/**
 * The four-eyes rule: a crisis listing, or any change to a number people phone or text, is
 * published only by someone other than its last editor. A wrong crisis number does real harm.
 */
import type { Listing } from "../../schema/listing-input.js";

type Numbers = Pick<Listing, "kind" | "contacts">;

/** Phone and text numbers (with the word to text), digits only, so spacing is not a change. */
export function dialledNumbers(listing: Numbers): string[] {
  return listing.contacts
    .filter((c) => c.kind === "phone" || c.kind === "text" || c.kind === "whatsapp")
    .filter((c) => c.kind !== "whatsapp" || !/^https:/i.test(c.value))
    .map((c) => `${c.kind}:${c.value.replace(/\D/g, "")}${c.keyword ? `:${c.keyword}` : ""}`)
    .sort();
}

/**
 * Why publishing `working` needs a second person, or null when its editor may publish it.
 * `published` is the version the public sees now, or null if it was never published.
 */
export function fourEyesReason(working: Numbers, published: Numbers | null): string | null {
  if (working.kind === "crisis" || published?.kind === "crisis") {
    return "This is a crisis listing.";
  }
  const before = published ? dialledNumbers(published) : [];
  const after = dialledNumbers(working);
  if (before.length !== after.length || before.some((n, i) => n !== after[i])) {
    return "A phone or text number is new or has changed.";
  }
  return null;
}

/** Whether `publisherId` may publish a draft last edited by `lastEditorId`. */
export function mayPublish(
  publisherId: string,
  lastEditorId: string | null,
  reason: string | null,
): boolean {
  return reason === null || lastEditorId !== publisherId;
}
