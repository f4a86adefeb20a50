import type { Contact, CrisisRoute } from "../schema/contract.js";
import type { ContactKind, Country } from "../schema/taxonomy.js";
import type { Strings } from "./strings/index.js";

/**
 * Crisis routes and national helplines built into the widget, so they show even when the
 * directory cannot be reached. Facts only from the project's verified list of national services
 * (../shared/data/national-services.md): numbers marked there as corroborated are left out.
 */

type RouteKey = keyof Strings["crisisRoutes"];
type HelplineKey = Exclude<keyof Strings["helplines"], "heading">;

interface BuiltIn<K> {
  key: K;
  /** Countries it serves (shared with the routes made from it, which never change them). */
  countries: Country[];
  /** Whether it shows when the country is not known yet (before a search), known, or both. */
  show?: "unknown" | "known";
  /** Left out of the brief crisis panel of a narrow widget (it shows once the panel is opened). */
  detailOnly?: boolean;
  contacts: Contact[];
}

const UK: Country[] = ["England", "Wales", "Scotland", "Northern Ireland"];

/** A built-in contact; its link follows from its kind and value, as the directory's do. */
function contact(kind: ContactKind, value: string, keyword?: string): Contact {
  const href =
    kind === "phone"
      ? `tel:${value.replace(/ /g, "")}`
      : kind === "text"
        ? `sms:${value}${keyword ? `?body=${keyword}` : ""}`
        : kind === "email"
          ? `mailto:${value}`
          : `https://www.${value}/`;
  return {
    kind,
    value,
    href,
    label: null,
    hours: null,
    keyword: keyword ?? null,
    needsVerification: false,
  };
}

const crisisRoutes: BuiltIn<RouteKey>[] = [
  { key: "emergency", countries: UK, contacts: [contact("phone", "999")] },
  {
    key: "nhs111",
    countries: UK.slice(0, 3),
    show: "unknown",
    contacts: [contact("phone", "111")],
  },
  {
    key: "nhs111England",
    show: "known",
    countries: ["England"],
    contacts: [contact("phone", "111")],
  },
  {
    key: "nhs111Wales",
    show: "known",
    countries: ["Wales"],
    contacts: [contact("phone", "111")],
  },
  {
    key: "nhs24Scotland",
    show: "known",
    countries: ["Scotland"],
    contacts: [contact("phone", "111")],
  },
  {
    key: "lifeline",
    countries: ["Northern Ireland"],
    contacts: [contact("phone", "0808 808 8000")],
  },
  {
    key: "breathingSpace",
    show: "known",
    detailOnly: true,
    countries: ["Scotland"],
    contacts: [contact("phone", "0800 83 85 87")],
  },
  {
    key: "samaritans",
    countries: UK,
    contacts: [contact("phone", "116 123"), contact("email", "jo@samaritans.org")],
  },
  {
    key: "shout",
    countries: UK,
    contacts: [contact("text", "85258", "SHOUT")],
  },
];

const helplines: BuiltIn<HelplineKey>[] = [
  {
    key: "pandas",
    countries: UK,
    contacts: [contact("text", "85258", "PANDAS")],
  },
  {
    key: "mind",
    countries: ["England", "Wales"],
    contacts: [contact("phone", "0300 123 3393"), contact("text", "86463")],
  },
  {
    key: "app",
    countries: UK,
    contacts: [contact("web", "app-network.org"), contact("email", "app@app-network.org")],
  },
  {
    key: "tommys",
    countries: UK,
    contacts: [contact("email", "midwife@tommys.org")],
  },
];

function pick<K extends string>(
  list: BuiltIn<K>[],
  text: Record<K, { name: string; description: string; hours: string }>,
  countries: readonly Country[],
  brief = false,
  skip = "",
): CrisisRoute[] {
  return list
    .filter((r) =>
      countries.length
        ? r.show !== "unknown" && r.countries.some((c) => countries.includes(c))
        : r.show !== "known",
    )
    .filter((r) => !(brief && r.detailOnly) && r.key !== skip)
    .map((r) => ({
      id: `built-in-${r.key}`,
      ...text[r.key],
      countries: r.countries,
      contacts: r.contacts,
    }));
}

/**
 * The districts whose places are in two nations (England and Wales, or England and Scotland),
 * from the geography (tests/widget/built-in-routes.test.ts keeps this true): there the answer
 * brings both nations' urgent lines.
 */
const TWO_NATIONS =
  /^(CA6|CH[14]|DG16|GL16|HR[35]|LD[78]|LL1[24]|NP(7|16|25)|SY([579]|1[0345]|2[12])|TD(9|1[25]))\b/;

/**
 * The crisis routes for the place's countries, or, before the country is known, the UK-wide set
 * with one combined NHS 111 entry. `brief` leaves out routes that show only in the full panel.
 * `postcode`, while the first answer is awaited: its district says at once whether she is in
 * Northern Ireland (BT), in two nations, or in one other, so the brief panel has its final length
 * at her keypress, before the answer comes: the route that is not hers goes, except in two
 * nations, where the answer's second urgent line takes its place.
 */
export function builtInCrisisRoutes(
  strings: Strings,
  countries: readonly Country[],
  brief = false,
  postcode = "",
): CrisisRoute[] {
  const skip =
    countries.length || !postcode || TWO_NATIONS.test(postcode)
      ? ""
      : /^BT/.test(postcode)
        ? "nhs111"
        : "lifeline";
  return pick(crisisRoutes, strings.crisisRoutes, countries, brief, skip);
}

/** National helplines for when the directory cannot answer or nothing matched. */
export function builtInHelplines(strings: Strings, countries: readonly Country[]): CrisisRoute[] {
  const { heading: _, ...text } = strings.helplines;
  return pick(helplines, text, countries);
}
