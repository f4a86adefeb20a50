/**
 * The taxonomies the feed publishes: our own vocabulary (every facet of a listing, stable UUIDs,
 * resolvable `term_uri`s), and the DfE Family Hubs categories and Open Eligibility terms that
 * consumers search by, each with the rule that says which of our listings it applies to.
 */
import {
  audienceLabels,
  costLabels,
  formatLabels,
  kindLabels,
  type Label,
  referralLabels,
  stageLabels,
} from "../../../schema/taxonomy.js";
import type { OrukServiceRow } from "./bundle.js";
import { orukId } from "./uuid.js";

export interface OrukTaxonomyDef {
  key: string;
  name: string;
  description: string;
  uri: string | null;
  version: string;
}

export interface OrukTermDef {
  /** `facet:code` for our terms, `dfe:…` / `oe:1310` for the mapped ones. */
  key: string;
  taxonomy: string;
  name: string;
  nameCy?: string;
  description: string;
  /** The term's code in its own taxonomy (HSDS 3.0 `code`). */
  code: string;
  parentKey: string | null;
  /** Whether a listing carries this term (facet parents: whether it carries any child). */
  applies: (s: OrukServiceRow) => boolean;
}

export const SIGNPOST_TAXONOMY = "perinatal-signpost";
export const DFE_TAXONOMY = "dfe-family-hubs";
export const OE_TAXONOMY = "open-eligibility";

export const TAXONOMIES: readonly OrukTaxonomyDef[] = [
  {
    key: SIGNPOST_TAXONOMY,
    name: "Perinatal Signpost",
    description:
      "The vocabulary of Perinatal Signpost listings: kind of support, stage, format, referral route, audience, cost and features.",
    uri: null,
    version: "1",
  },
  {
    key: DFE_TAXONOMY,
    name: "DfE Family Hubs service categories",
    description:
      "Department for Education Family Hubs directory categories that our listings map to.",
    uri: "https://www.gov.uk/government/publications/family-hubs-and-start-for-life-programme-guide",
    version: "2024",
  },
  {
    key: OE_TAXONOMY,
    name: "Open Eligibility",
    description:
      "Open Eligibility human services and situations taxonomy, as used by Open Referral.",
    uri: "https://github.com/auntbertha/openeligibility",
    version: "1",
  },
];

type Facet = "kind" | "stage" | "format" | "referral" | "audience" | "cost" | "feature";

const FACETS: Record<Facet, { name: string; description: string }> = {
  kind: { name: "Kind of support", description: "What sort of support the service gives." },
  stage: {
    name: "Stage",
    description: "Who the service is for: pregnancy, after birth, toddler years.",
  },
  format: { name: "Format", description: "How the support is given." },
  referral: { name: "Referral route", description: "How to get to the service." },
  audience: { name: "Audience", description: "Groups the service is especially for." },
  cost: { name: "Cost", description: "Whether the service is free." },
  feature: { name: "Features", description: "Features a parent may look for." },
};

const FEATURES = {
  "peer-led": {
    label: { en: "Peer-led", cy: "Dan arweiniad cymheiriaid" },
    has: (s: OrukServiceRow) => s.peerLed,
  },
  "children-welcome": {
    label: { en: "Children welcome", cy: "Croeso i blant" },
    has: (s: OrukServiceRow) => s.childrenWelcome,
  },
  "facilitator-trained": {
    label: { en: "Trained facilitator", cy: "Hwylusydd hyfforddedig" },
    has: (s: OrukServiceRow) => s.facilitatorTrained,
  },
  moderated: {
    label: { en: "Moderated", cy: "Wedi'i gymedroli" },
    has: (s: OrukServiceRow) => s.moderated,
  },
  "mental-health-specific": {
    label: { en: "Perinatal mental health specific", cy: "Penodol i iechyd meddwl amenedigol" },
    has: (s: OrukServiceRow) => s.mentalHealthSpecific,
  },
} as const;

/** The session-level feature, carried by schedule attributes rather than by the service. */
export const TERM_TIME_ONLY = "feature:term-time-only";

const valuesOf: Record<Exclude<Facet, "feature">, (s: OrukServiceRow) => readonly string[]> = {
  kind: (s) => [s.kind],
  stage: (s) => s.stages,
  format: (s) => s.formats,
  referral: (s) => s.referral,
  audience: (s) => s.audiences,
  cost: (s) => [s.cost],
};

const labelsOf: Record<Exclude<Facet, "feature">, Record<string, Label>> = {
  kind: kindLabels,
  stage: stageLabels,
  format: formatLabels,
  referral: referralLabels,
  audience: audienceLabels,
  cost: costLabels,
};

function ourTerms(): OrukTermDef[] {
  const out: OrukTermDef[] = [];
  for (const [facet, info] of Object.entries(FACETS) as [Facet, (typeof FACETS)[Facet]][]) {
    const children: OrukTermDef[] = [];
    if (facet === "feature") {
      for (const [code, f] of Object.entries(FEATURES)) {
        children.push(leaf(facet, code, f.label, f.has));
      }
      children.push(
        leaf(
          facet,
          "term-time-only",
          { en: "Term time only", cy: "Yn ystod y tymor yn unig" },
          () => false,
        ),
      );
    } else {
      const values = valuesOf[facet];
      for (const [code, label] of Object.entries(labelsOf[facet])) {
        children.push(leaf(facet, code, label, (s) => values(s).includes(code)));
      }
    }
    out.push({
      key: facet,
      taxonomy: SIGNPOST_TAXONOMY,
      name: info.name,
      description: info.description,
      code: facet,
      parentKey: null,
      applies: (s) => children.some((c) => c.applies(s)),
    });
    out.push(...children);
  }
  return out;
}

function leaf(
  facet: Facet,
  code: string,
  label: Label,
  applies: (s: OrukServiceRow) => boolean,
): OrukTermDef {
  return {
    key: `${facet}:${code}`,
    taxonomy: SIGNPOST_TAXONOMY,
    name: label.en,
    nameCy: label.cy,
    description: `${FACETS[facet].name}: ${label.en}.`,
    code: `${facet}:${code}`,
    parentKey: facet,
    applies,
  };
}

const SUPPORT_KINDS = new Set([
  "peer-group",
  "one-to-one-peer",
  "online-community",
  "helpline",
  "text-line",
  "specialist-perinatal",
  "talking-therapy",
  "counselling",
  "crisis",
]);

const mapped = (
  taxonomy: string,
  code: string,
  name: string,
  description: string,
  applies: (s: OrukServiceRow) => boolean,
): OrukTermDef => ({
  key: `${taxonomy === DFE_TAXONOMY ? "dfe" : "oe"}:${code}`,
  taxonomy,
  name,
  description,
  code,
  parentKey: null,
  applies,
});

/** Mapped terms: a listing carries one when the rule holds (the import reads them back as hints). */
const MAPPED_TERMS: OrukTermDef[] = [
  mapped(
    DFE_TAXONOMY,
    "perinatal-mental-health-support",
    "Perinatal mental health support (pregnancy to one year post birth)",
    "Support for mental health in pregnancy and the first year after birth.",
    (s) => s.mentalHealthSpecific,
  ),
  mapped(
    DFE_TAXONOMY,
    "mental-health-social-emotional-support",
    "Mental health, social and emotional support",
    "Services supporting mental health and social and emotional wellbeing.",
    (s) => SUPPORT_KINDS.has(s.kind),
  ),
  mapped(
    DFE_TAXONOMY,
    "parent-baby-toddler-groups",
    "Parent, baby and toddler groups",
    "Groups parents can go to with their babies and toddlers.",
    (s) => s.kind === "peer-group" && s.childrenWelcome,
  ),
  mapped(
    OE_TAXONOMY,
    "1310",
    "Peer Support",
    "Open Eligibility 1310.",
    (s) => s.peerLed || s.kind === "peer-group" || s.kind === "one-to-one-peer",
  ),
  mapped(
    OE_TAXONOMY,
    "1312",
    "Support Groups",
    "Open Eligibility 1312.",
    (s) => s.kind === "peer-group" || s.kind === "online-community",
  ),
  mapped(OE_TAXONOMY, "1305", "Help Hotlines", "Open Eligibility 1305.", (s) =>
    ["helpline", "text-line", "crisis"].includes(s.kind),
  ),
  mapped(OE_TAXONOMY, "1316", "Virtual Support", "Open Eligibility 1316.", (s) =>
    s.formats.includes("online"),
  ),
  mapped(
    OE_TAXONOMY,
    "1306",
    "Home Visiting",
    "Open Eligibility 1306.",
    (s) => s.formats.includes("home-visit") || s.kind === "health-visiting",
  ),
  mapped(OE_TAXONOMY, "20043", "Pregnant", "Open Eligibility situation 20043.", (s) =>
    s.stages.includes("pregnancy"),
  ),
  mapped(
    OE_TAXONOMY,
    "20076",
    "Parents",
    "Open Eligibility situation 20076.",
    (s) => s.stages.includes("postnatal") || s.stages.includes("toddler"),
  ),
  mapped(
    OE_TAXONOMY,
    "20051",
    "Mental Illness",
    "Open Eligibility situation 20051.",
    (s) => s.mentalHealthSpecific,
  ),
  mapped(
    OE_TAXONOMY,
    "20088",
    "In Crisis",
    "Open Eligibility situation 20088.",
    (s) => s.kind === "crisis",
  ),
];

export const TERMS: readonly OrukTermDef[] = [...ourTerms(), ...MAPPED_TERMS];

export const taxonomyUuid = (key: string) => orukId("taxonomy", key);
export const termUuid = (key: string) => orukId("taxonomy_term", key);

export const TERMS_BY_UUID: ReadonlyMap<string, OrukTermDef> = new Map(
  TERMS.map((t) => [termUuid(t.key), t]),
);
export const TAXONOMIES_BY_UUID: ReadonlyMap<string, OrukTaxonomyDef> = new Map(
  TAXONOMIES.map((t) => [taxonomyUuid(t.key), t]),
);
export const TERMS_BY_KEY: ReadonlyMap<string, OrukTermDef> = new Map(TERMS.map((t) => [t.key, t]));

/**
 * The leaf terms a listing carries: ours first, each facet's values in the listing's own order
 * (so an import reads the lists back exactly), then the features, then the mapped terms.
 */
export function termsOf(s: OrukServiceRow): OrukTermDef[] {
  const out: OrukTermDef[] = [];
  for (const facet of Object.keys(valuesOf) as (keyof typeof valuesOf)[]) {
    for (const code of valuesOf[facet](s)) {
      const term = TERMS_BY_KEY.get(`${facet}:${code}`);
      if (term) out.push(term);
    }
  }
  const rest = TERMS.filter(
    (t) => (t.parentKey === "feature" || t.taxonomy !== SIGNPOST_TAXONOMY) && t.applies(s),
  );
  return [...out, ...rest];
}
