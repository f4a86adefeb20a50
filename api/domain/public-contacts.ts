/**
 * A parent may call any number we show, so only checked contacts are shown publicly. Each contact
 * carries its own flag (a listing can have a verified email and a corroborated phone); the
 * unverified ones wait in the console, marked "to verify", until a reviewer checks them.
 */

/** The contacts a listing shows the public: the verified ones, in their order. */
export function publicContacts<C extends { needsVerification: boolean }>(
  contacts: readonly C[],
): C[] {
  return contacts.filter((c) => !c.needsVerification);
}

/** A listing with no verified contact is not shown publicly at all: she could not act on it. */
export function isShownPublicly(contacts: readonly { needsVerification: boolean }[]): boolean {
  return contacts.some((c) => !c.needsVerification);
}

/** The contacts a reviewer still has to check. */
export function contactsToVerify<C extends { needsVerification: boolean }>(
  contacts: readonly C[],
): C[] {
  return contacts.filter((c) => c.needsVerification);
}
