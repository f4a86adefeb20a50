import type { Lang } from "../../schema/taxonomy.js";
import type { Deps } from "../deps.js";
import { type PackLang, packLangs } from "../domain/pack.js";
import type { PosterArea } from "../domain/pack-area.js";
import { crisisFor } from "../search.js";
import { londonToday } from "./format.js";
import { defaultUi, directoryUrl } from "./links.js";
import { toCrisisView } from "./pack-cards.js";
import { type Bi, bi, type CrisisView } from "./pack-view.js";
import { placeName } from "./place-names.js";
import type { PosterSize } from "./query.js";

export interface PosterView {
  area: PosterArea;
  size: PosterSize;
  lang: PackLang;
  langs: Lang[];
  areaName: Bi;
  printedOn: string;
  crisis: CrisisView[];
  /** The live directory, per language: the poster's QR codes. */
  directory: Bi;
  /** Whether the directory opens at a district (else the reader types a postcode). */
  prefilled: boolean;
  /** The short address printed under the code, for those who type rather than scan. */
  shortUrl: string;
}

export interface PosterAddress {
  area: string;
  size: PosterSize;
  lang: PackLang;
  ui?: Lang | undefined;
}

export function posterUrl(poster: PosterAddress): string {
  const query = new URLSearchParams({ area: poster.area, size: poster.size, lang: poster.lang });
  if (poster.ui && poster.ui !== defaultUi(poster.lang)) query.set("ui", poster.ui);
  return `/print/poster?${query}`;
}

/** Routes on a poster: 999, the country's NHS line, then the UK-wide lines. */
const MAX_ROUTES = 6;

export async function loadPoster(
  deps: Deps,
  area: PosterArea,
  options: { size: PosterSize; lang: PackLang },
  origin: string,
): Promise<PosterView> {
  const [en, cy] = await Promise.all([
    crisisFor(deps, [area.country], "en"),
    crisisFor(deps, [area.country], "cy"),
  ]);
  const cyById = new Map(cy.map((r) => [r.id, r]));
  const crisis = en
    .slice(0, MAX_ROUTES)
    .map((route) => toCrisisView({ en: route, cy: cyById.get(route.id) ?? route }));
  return {
    area,
    size: options.size,
    lang: options.lang,
    langs: packLangs(options.lang),
    areaName: bi((l) => placeName(area.name, l)),
    printedOn: londonToday(deps.now()),
    crisis,
    directory: bi((l) => directoryUrl(origin, { postcode: area.district, lang: l })),
    prefilled: area.district !== null,
    shortUrl: `${origin.replace(/^https?:\/\//, "")}/embed`,
  };
}
