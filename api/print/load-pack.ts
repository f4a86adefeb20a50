import type { CrisisRoute, Place, ServiceDetail } from "../../schema/contract.js";
import { searchQuerySchema } from "../../schema/search-query.js";
import type { Lang } from "../../schema/taxonomy.js";
import { loadBundles } from "../db/listing-bundles.js";
import type { Deps } from "../deps.js";
import {
  checkedRange,
  fitPack,
  MOMENT_STAGE,
  type Moment,
  type PackCandidate,
  type PackLang,
  packLangs,
  packOrder,
  SECTIONS,
  type SectionKey,
} from "../domain/pack.js";
import { estimateCardMm } from "../domain/pack-measure.js";
import { toServiceDetail } from "../domain/service-detail.js";
import { crisisFor, search } from "../search.js";
import { londonToday } from "./format.js";
import { directoryUrl, serviceUrl } from "./links.js";
import { cardText, nextStepViews, paperRanking, toCardView, toCrisisView } from "./pack-cards.js";
import { cardMeasure, openingExtraMm, packBudget } from "./pack-layout.js";
import { bi, type CardView, type CrisisView, type PackView } from "./pack-view.js";
import { placeName } from "./place-names.js";
import { printStrings } from "./strings.js";

export interface PackRequest {
  /** What was typed or linked: a full postcode is cut to its sector by the search. */
  postcode: string;
  moment: Moment;
  lang: PackLang;
  omit: readonly string[];
  /** Listings that did not fit, put in by the person printing in place of lower-ranked ones. */
  add?: readonly string[] | undefined;
  /** The health visitor's or midwife's own note: printed, never stored or logged. */
  note?: string | undefined;
  ui?: Lang | undefined;
}

/** Every listing the search offers in this order, in its section: the pack's candidates. */
const MAX_CANDIDATES = 50;

function placeLabel(place: Place, lang: Lang): string {
  if (place.country === "Northern Ireland") {
    return `${place.query}, ${printStrings(lang).countries["Northern Ireland"]}`;
  }
  if (place.precision !== "area" && place.ladName) {
    return `${place.query}, ${placeName(place.ladName, lang)}`;
  }
  return place.query;
}

async function crisisViews(deps: Deps, place: Place, en: CrisisRoute[]): Promise<CrisisView[]> {
  const cy = new Map((await crisisFor(deps, place.countries, "cy")).map((r) => [r.id, r]));
  return en.map((route) => toCrisisView({ en: route, cy: cy.get(route.id) ?? route }));
}

/** Searches the sector for the moment's stage and composes the pack, capped to two pages. */
export async function loadPack(
  deps: Deps,
  request: PackRequest,
  origin: string,
): Promise<PackView> {
  const stage = MOMENT_STAGE[request.moment];
  const query = searchQuerySchema.parse({
    postcode: [request.postcode],
    stage: [stage],
    lang: ["en"],
    limit: [String(MAX_CANDIDATES)],
  });
  const found = await search(deps, query);
  const { place } = found;
  const langs = packLangs(request.lang);
  const qrLang: Lang | undefined = request.lang === "cy" ? "cy" : undefined;

  const results = SECTIONS.flatMap((section) =>
    packOrder(found.groups[section], paperRanking).map((result) => ({ section, result })),
  );
  const bundles = await loadBundles(
    deps.db,
    results.map((r) => r.result.id),
    { areas: true },
  );
  const geo = await deps.geo();
  const now = deps.now();
  const cards: CardView[] = [];
  for (const { section, result } of results) {
    const bundle = bundles.get(result.id);
    if (!bundle) continue;
    const details: Record<Lang, ServiceDetail> = {
      en: toServiceDetail(bundle, geo, "en", now),
      cy: toServiceDetail(bundle, geo, "cy", now),
    };
    cards.push(toCardView(section, details, result, serviceUrl(origin, result.id, qrLang)));
  }

  const measure = cardMeasure(request.lang);
  const candidates: PackCandidate[] = cards.map((card) => ({
    id: card.id,
    section: card.section,
    heightMm: estimateCardMm(cardText(card, langs), measure),
  }));
  const known = new Set(cards.map((c) => c.id));
  const omit = new Set(request.omit.filter((id) => known.has(id)));
  const add = new Set((request.add ?? []).filter((id) => known.has(id) && !omit.has(id)));
  const crisis = await crisisViews(deps, place, found.crisis);
  // Nothing local: the opening says so and gives the nation's next steps, as the widget does.
  const nothingLocal = !candidates.some((c) => c.section !== "anywhere");
  const steps = nothingLocal ? nextStepViews(place.countries) : null;
  const note = request.note?.trim() || null;
  const budget = packBudget(request.lang, {
    country: place.country,
    crisisRoutes: crisis.length,
    nearbyEmpty: !nothingLocal && !candidates.some((c) => c.section === "nearby"),
    extraBeforeMm: openingExtraMm(request.lang, { note, steps }),
    demo: cards.some((c) => c.demo && !omit.has(c.id)),
  });
  const fit = fitPack(candidates, omit, budget, add);

  const byId = new Map(cards.map((c) => [c.id, c]));
  const sections = SECTIONS.map((key: SectionKey) => ({
    key,
    cards: fit.shown[key].map((id) => byId.get(id)!),
    listed: cards.filter((c) => c.section === key).length,
  }));
  const shown = new Set(sections.flatMap((s) => s.cards.map((c) => c.id)));
  const shownCards = sections.flatMap((s) => s.cards);

  return {
    address: {
      postcode: place.query,
      moment: request.moment,
      lang: request.lang,
      omit: [...omit].sort(),
      add: [...add].filter((id) => shown.has(id)).sort(),
      ui: request.ui,
    },
    note,
    nextSteps: steps,
    langs,
    sector: place.query,
    placeLabel: bi((l) => placeLabel(place, l)),
    country: place.country,
    printedOn: londonToday(now),
    crisis,
    sections,
    candidates: cards.map((c) => ({
      id: c.id,
      name: c.name,
      section: c.section,
      demo: c.demo,
      state: shown.has(c.id) ? "shown" : omit.has(c.id) ? "omitted" : "overflow",
      added: add.has(c.id) && shown.has(c.id),
    })),
    overflowCount: fit.overflow.length,
    checked: checkedRange(shownCards.map((c) => bundles.get(c.id)?.service.verifiedAt ?? null)),
    hasDemo: shownCards.some((c) => c.demo),
    directory: bi((l) => directoryUrl(origin, { postcode: place.query, stage, lang: l })),
  };
}
