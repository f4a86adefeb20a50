/**
 * What goes into a printed resource pack: the moment it is given at, its languages, and which
 * listings fit on two A4 pages. Pure: the routes fetch the listings, this decides.
 */
import type { Lang, Stage } from "../../schema/taxonomy.js";

/** The moments the research asks packs to be given at, and the stage each one is for. */
export const MOMENTS = ["booking", "birth", "toddler"] as const;
export type Moment = (typeof MOMENTS)[number];

export const MOMENT_STAGE: Record<Moment, Stage> = {
  booking: "pregnancy",
  birth: "postnatal",
  toddler: "toddler",
};

/** The moment for a stage (links from the widget carry `stage`, not `moment`). */
export function momentOfStage(stage: Stage): Moment {
  return MOMENTS.find((m) => MOMENT_STAGE[m] === stage) ?? "booking";
}

/** A pack is printed in English, Welsh, or both side by side. */
export const PACK_LANGS = ["en", "cy", "both"] as const;
export type PackLang = (typeof PACK_LANGS)[number];

/**
 * The languages a pack prints, in reading order. Bilingual material in Wales puts Welsh first
 * (on the left), as the Welsh Language Standards expect.
 */
export function packLangs(lang: PackLang): Lang[] {
  return lang === "both" ? ["cy", "en"] : [lang];
}

export const SECTIONS = ["nearby", "area", "anywhere"] as const;
export type SectionKey = (typeof SECTIONS)[number];

export interface PackCandidate {
  id: string;
  section: SectionKey;
  /** Estimated printed height of the listing's card, in millimetres (see `pack-measure.ts`). */
  heightMm: number;
}

/** The pages of a pack and what is fixed on them, for fitting listing cards around. */
export interface PackBudget {
  /** Printable height of one page, in millimetres. */
  pageMm: number;
  pages: number;
  /** Everything on page one before the listings: head, opening, crisis box, explainer. */
  beforeMm: number;
  /** Everything after them: "more online" and the footer, which is kept whole. */
  afterMm: number;
  /** Cards per row: two narrow cards, or one wide bilingual card. */
  columns: 1 | 2;
  rowGapMm: number;
  /** Each section's heading and the space around it; it stays on the page of its first row. */
  sectionHeadMm: Record<SectionKey, number>;
  /** Never more than this many cards in one section, however much room is left. */
  maxPerSection: number;
  /** Room left unused at the foot of each page, for estimates that come out short. */
  slackMm: number;
}

export interface PackFit {
  shown: Record<SectionKey, string[]>;
  /** Listings the person printing chose to leave out. */
  omitted: string[];
  /** Listings that did not fit: the pack says how many more are online. */
  overflow: string[];
}

/**
 * How many pages the pack takes with these cards, laid out as the print CSS does: rows that
 * never split, each section's heading on the page of its first row, the footer kept whole.
 */
export function pagesNeeded(
  sections: Readonly<Record<SectionKey, readonly number[]>>,
  budget: PackBudget,
): number {
  const room = budget.pageMm - budget.slackMm;
  let page = 1;
  let used = budget.beforeMm;
  const place = (height: number) => {
    if (used + height > room && used > 0) {
      page++;
      used = 0;
    }
    used += height;
  };
  for (const section of SECTIONS) {
    const heights = sections[section];
    for (let i = 0; i < heights.length; i += budget.columns) {
      // The gap comes between a section's rows, not after its last.
      const gap = i + budget.columns < heights.length ? budget.rowGapMm : 0;
      const row = Math.max(...heights.slice(i, i + budget.columns)) + gap;
      place(i === 0 ? budget.sectionHeadMm[section] + row : row);
    }
  }
  place(budget.afterMm);
  return page;
}

/**
 * Chooses the cards for a pack. Listings the person printing asked for (`add`: ones that did
 * not fit last time) go in first. Then the sections take turns (near you, then your area,
 * then national) so that none crowds out the others, each offering its listings in ranked
 * order. A listing too tall for the room left is passed over and the section's next one tried,
 * so a smaller listing can use the space: the pack fills its two pages while listings remain.
 * Within a section, cards print in ranked order. Omitted ids are left out.
 */
export function fitPack(
  candidates: readonly PackCandidate[],
  omit: ReadonlySet<string>,
  budget: PackBudget,
  add: ReadonlySet<string> = new Set(),
): PackFit {
  const queues = new Map<SectionKey, PackCandidate[]>(SECTIONS.map((s) => [s, []]));
  const omitted: string[] = [];
  for (const c of candidates) {
    if (omit.has(c.id)) omitted.push(c.id);
    else queues.get(c.section)?.push(c);
  }
  const rank = new Map(candidates.map((c, i) => [c.id, i]));
  const chosen = new Map<SectionKey, PackCandidate[]>(SECTIONS.map((s) => [s, []]));
  const fits = () => {
    const heights = Object.fromEntries(
      SECTIONS.map((s) => [s, chosen.get(s)!.map((c) => c.heightMm)]),
    ) as Record<SectionKey, number[]>;
    return pagesNeeded(heights, budget) <= budget.pages;
  };
  /** Puts a card in its section at its ranked place, and keeps it if the pack still fits. */
  const tryAdd = (c: PackCandidate): boolean => {
    const picked = chosen.get(c.section)!;
    if (picked.length >= budget.maxPerSection) return false;
    const at = picked.findIndex((p) => rank.get(p.id)! > rank.get(c.id)!);
    picked.splice(at < 0 ? picked.length : at, 0, c);
    if (fits()) return true;
    picked.splice(picked.indexOf(c), 1);
    return false;
  };

  for (const section of SECTIONS) {
    for (const c of queues.get(section)!) if (add.has(c.id)) tryAdd(c);
  }
  // Each section's next listing to offer; a section is done when its queue is used up.
  const next = new Map<SectionKey, number>(SECTIONS.map((s) => [s, 0]));
  const open = new Set<SectionKey>(SECTIONS);
  while (open.size > 0) {
    for (const section of SECTIONS) {
      if (!open.has(section)) continue;
      const queue = queues.get(section)!;
      const taken = new Set(chosen.get(section)!.map((c) => c.id));
      let i = next.get(section)!;
      // Offer listings in order until one goes in: one card per section per turn.
      while (i < queue.length && (taken.has(queue[i]!.id) || !tryAdd(queue[i]!))) i++;
      next.set(section, i + 1);
      if (i + 1 >= queue.length || chosen.get(section)!.length >= budget.maxPerSection) {
        open.delete(section);
      }
    }
  }

  const shown = Object.fromEntries(
    SECTIONS.map((s) => [s, chosen.get(s)!.map((c) => c.id)]),
  ) as Record<SectionKey, string[]>;
  const shownIds = new Set(SECTIONS.flatMap((s) => shown[s]));
  const overflow = SECTIONS.flatMap((s) =>
    queues
      .get(s)!
      .filter((c) => !shownIds.has(c.id))
      .map((c) => c.id),
  );
  return { shown, omitted, overflow };
}

/** How a national listing is ranked in a pack: perinatal peer support first, information last. */
export interface PackRanking {
  peerSupport: boolean;
  perinatal: boolean;
  informationOnly: boolean;
}

function packTier(r: PackRanking): number {
  if (r.informationOnly) return 2;
  return r.peerSupport && r.perinatal ? 0 : 1;
}

/**
 * A section's listings in pack order: the search's own ranking, except that national
 * perinatal peer support (PANDAS, a peer group online) comes before other help, and
 * information-only listings (service maps, leaflets) come last: a parent holding a printed
 * pack is better served by someone to talk to than by a page to read. Stable otherwise.
 */
export function packOrder<T>(items: readonly T[], ranking: (item: T) => PackRanking): T[] {
  return items
    .map((item, i) => ({ item, i, tier: packTier(ranking(item)) }))
    .sort((a, b) => a.tier - b.tier || a.i - b.i)
    .map((x) => x.item);
}

/** The earliest and latest "last checked" dates (`YYYY-MM-DD`) of what a pack shows. */
export function checkedRange(
  dates: readonly (string | null)[],
): { from: string; to: string } | null {
  const known = dates.filter((d): d is string => typeof d === "string" && d.length > 0).sort();
  const from = known[0];
  const to = known.at(-1);
  return from && to ? { from, to } : null;
}
