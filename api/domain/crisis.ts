import { COUNTRIES, type Country } from "../../schema/taxonomy.js";
import type { ServiceBundle } from "./bundle.js";

/** The countries a crisis listing serves, from its `uk` and `country` service areas. */
export function crisisCountries(b: ServiceBundle): Country[] {
  const out = new Set<Country>();
  for (const a of b.areas) {
    if (a.kind === "uk") for (const c of COUNTRIES) out.add(c);
    if (a.kind === "country" && (COUNTRIES as readonly string[]).includes(a.code ?? "")) {
      out.add(a.code as Country);
    }
  }
  return [...out];
}

/** The emergency route (999): the one answer that is never out of date. */
export function isEmergencyRoute(b: ServiceBundle): boolean {
  return b.contacts.some((c) => c.kind === "phone" && c.value.replace(/\s/g, "") === "999");
}

/**
 * Crisis routes for everyone who may be in one of `countries`: emergency (999) first, then each
 * country's own NHS route, then UK-wide lines. A cross-border place gets every route that applies.
 */
export function selectCrisis(
  bundles: readonly ServiceBundle[],
  countries: readonly Country[],
): { bundle: ServiceBundle; countries: Country[] }[] {
  const rank = (b: ServiceBundle, served: Country[]) => {
    if (b.contacts.some((c) => c.kind === "phone" && c.value.replace(/\s/g, "") === "999"))
      return 0;
    if (served.length < COUNTRIES.length) return 1 + COUNTRIES.indexOf(served[0] ?? "England") / 10;
    return 2;
  };
  return bundles
    .map((bundle) => ({ bundle, countries: crisisCountries(bundle) }))
    .filter((x) => x.countries.some((c) => countries.includes(c)))
    .sort(
      (a, b) =>
        rank(a.bundle, a.countries) - rank(b.bundle, b.countries) ||
        a.bundle.service.name.localeCompare(b.bundle.service.name, "en-GB"),
    );
}
