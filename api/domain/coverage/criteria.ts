/**
 * What coverage measures: eight needs, each a fixed rule over a published listing (see
 * docs/coverage.md). A listing meets a need either where a mother can get to its venue (within
 * reach of her sector) or, for needs that do not ask for a group in person, wherever one of its
 * service areas holds her sector and it can be used without travelling to a venue.
 */
import type { Format, Label } from "../../../schema/taxonomy.js";
import type { ServiceBundle } from "../bundle.js";
import { matchesWhen } from "../schedule.js";

export const CRITERIA = [
  "peer-group",
  "mental-health-peer",
  "self-referral-therapy",
  "evening-weekend",
  "school-holidays",
  "toddler",
  "dads-partners",
  "welsh",
] as const;

export type Criterion = (typeof CRITERIA)[number];

/** Bit of each criterion in a sector's mask. */
export const BIT: Readonly<Record<Criterion, number>> = Object.fromEntries(
  CRITERIA.map((c, i) => [c, 1 << i]),
) as Record<Criterion, number>;

export const criterionLabels: Readonly<Record<Criterion, Label>> = {
  "peer-group": {
    en: "In-person peer group within reach",
    cy: "Grŵp cymheiriaid wyneb yn wyneb o fewn cyrraedd",
  },
  "mental-health-peer": {
    en: "Mental-health peer support (in person, online or by phone)",
    cy: "Cymorth cymheiriaid iechyd meddwl (wyneb yn wyneb, ar-lein neu dros y ffôn)",
  },
  "self-referral-therapy": {
    en: "Talking therapy you can refer yourself to",
    cy: "Therapi siarad y gallwch gyfeirio eich hun ato",
  },
  "evening-weekend": {
    en: "Group in the evening or at the weekend",
    cy: "Grŵp gyda'r nos neu ar y penwythnos",
  },
  "school-holidays": {
    en: "Group that runs in the school holidays",
    cy: "Grŵp sy'n cwrdd yng ngwyliau'r ysgol",
  },
  toddler: { en: "Group open to toddlers' parents", cy: "Grŵp sy'n agored i rieni plant bach" },
  "dads-partners": {
    en: "Support for dads and partners",
    cy: "Cymorth i dadau a phartneriaid",
  },
  welsh: {
    en: "Support offered in Welsh (Wales only)",
    cy: "Cymorth yn Gymraeg (Cymru yn unig)",
  },
};

/** Reach of an in-person venue from a sector's centre, by great-circle distance. */
export const REACH_KM = 8;
export const RURAL_REACH_KM = 15;

const PEER_KINDS = new Set(["peer-group", "one-to-one-peer", "online-community"]);
/** Formats that bring the service to her: she need not travel to a venue. */
const REMOTE: readonly Format[] = ["online", "phone", "text", "home-visit"];
const EVENING_OR_WEEKEND = ["evening", "weekend"] as const;
const SCHOOL_HOLIDAYS = ["school-holidays"] as const;

/** The criteria a listing meets through a venue, and those it meets through a service area. */
export interface ListingMasks {
  venue: number;
  area: number;
}

/**
 * Which criteria a listing meets, by the rules of docs/coverage.md. Crisis lines are not
 * "support within reach" here: they are shown everywhere, always.
 */
export function listingMasks(b: ServiceBundle): ListingMasks {
  const s = b.service;
  if (s.kind === "crisis") return { venue: 0, area: 0 };
  // A perinatal group: one open to anyone (perinatalSpecific false) is not what is asked for.
  const inPersonGroup =
    s.kind === "peer-group" && s.formats.includes("in-person") && s.perinatalSpecific;
  const remote = s.formats.some((f) => REMOTE.includes(f)) || b.locations.length === 0;
  let venue = 0;
  let serves = 0; // met through a venue, or through an area when it can be used from home
  if (inPersonGroup) {
    venue |= BIT["peer-group"];
    if (matchesWhen(b.schedules, EVENING_OR_WEEKEND)) venue |= BIT["evening-weekend"];
    if (matchesWhen(b.schedules, SCHOOL_HOLIDAYS)) venue |= BIT["school-holidays"];
    if (s.stages.includes("toddler")) venue |= BIT.toddler;
  }
  if (PEER_KINDS.has(s.kind) && s.mentalHealthSpecific) serves |= BIT["mental-health-peer"];
  if ((s.kind === "talking-therapy" || s.kind === "counselling") && s.referral.includes("self")) {
    serves |= BIT["self-referral-therapy"];
  }
  const forPartners = s.audiences.includes("dads") || s.audiences.includes("partners");
  if (forPartners && !s.audiences.includes("mothers")) serves |= BIT["dads-partners"];
  if (s.languages.includes("cy")) serves |= BIT.welsh;
  return { venue: venue | serves, area: remote ? serves : 0 };
}

/** Criteria that apply to a sector: Welsh-language support is asked of Wales only. */
export function applicableMask(country: string): number {
  let mask = 0;
  for (const c of CRITERIA) if (c !== "welsh" || country === "Wales") mask |= BIT[c];
  return mask;
}

export function isCriterion(text: string): text is Criterion {
  return (CRITERIA as readonly string[]).includes(text);
}
