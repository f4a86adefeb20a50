import type { SearchResult } from "../../schema/contract.js";
import { searchQuerySchema } from "../../schema/search-query.js";
import type { Lang } from "../../schema/taxonomy.js";
import type { Deps } from "../deps.js";
import { type PackLang, packLangs, packOrder } from "../domain/pack.js";
import { districtsOf, type PosterArea } from "../domain/pack-area.js";
import { ApiError } from "../errors.js";
import { crisisFor, search } from "../search.js";
import { londonToday } from "./format.js";
import { defaultUi, directoryUrl } from "./links.js";
import { contactViews, nextStepViews, paperRanking, toCrisisView } from "./pack-cards.js";
import { type Bi, bi, type ContactView, type CrisisView, type NextStepView } from "./pack-view.js";
import { placeName } from "./place-names.js";
import type { PosterSize } from "./query.js";

/** A national listing on a poster for an area with nothing local: its name and one contact. */
export interface PosterListing {
  id: string;
  name: Bi;
  contact: ContactView | null;
}

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
  /**
   * Null when the area has local listings (a group near, or a service covering it). Otherwise
   * what the poster offers instead: the nation's next steps, national listings, and where to
   * tell us about a local group.
   */
  nothingLocal: {
    steps: NextStepView[];
    national: PosterListing[];
    /** The "add your service" form, per language: where a local group can be told to us. */
    tellUs: Bi;
  } | null;
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

/** The same poster as a PDF file. */
export function posterPdfUrl(poster: PosterAddress): string {
  return posterUrl({ ...poster, ui: undefined }).replace("/print/poster?", "/print/poster.pdf?");
}

/** `poster-Exeter-a4-en.pdf`: the area as typed, reduced to letters, digits and hyphens. */
export function posterFileName(poster: PosterAddress): string {
  const area = poster.area.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "") || "area";
  return `poster-${area}-${poster.size}-${poster.lang}.pdf`;
}

/** Routes on a poster: 999, the country's NHS line, then the UK-wide lines. */
const MAX_ROUTES = 6;
/** National listings on a poster with nothing local. */
const MAX_NATIONAL = 3;

const searchAt = (deps: Deps, district: string, lang: Lang, limit: number) =>
  search(
    deps,
    searchQuerySchema.parse({ postcode: [district], lang: [lang], limit: [String(limit)] }),
  ).catch((err: unknown) => {
    // A district of the table the geography cannot place is passed over.
    if (err instanceof ApiError && err.code === "postcode_not_found") return null;
    throw err;
  });

/**
 * Whether a mother anywhere in the area would see a local listing (a group near her, or a
 * service covering her area): the widget's own search, at each of the area's districts.
 */
async function hasLocal(deps: Deps, districts: readonly string[]): Promise<boolean> {
  for (const district of districts) {
    const found = await searchAt(deps, district, "en", 1);
    if (found && (found.groups.nearby.length > 0 || found.groups.area.length > 0)) return true;
  }
  return false;
}

/** The first national listings as printed on paper, each with its first phone or text line. */
async function nationalListings(deps: Deps, district: string): Promise<PosterListing[]> {
  const [en, cy] = await Promise.all([
    searchAt(deps, district, "en", 50),
    searchAt(deps, district, "cy", 50),
  ]);
  if (!en) return [];
  const cyById = new Map((cy?.groups.anywhere ?? []).map((r) => [r.id, r]));
  const callable = (r: SearchResult) => r.contacts.findIndex((c) => /^(tel|sms):/.test(c.href));
  // One line per number: a charity's helpline and its groups often share a text line.
  const numbers = new Set<string>();
  return packOrder(en.groups.anywhere, paperRanking)
    .filter((r) => {
      const href = r.kind === "information" ? undefined : r.contacts[callable(r)]?.href;
      if (!href || numbers.has(href)) return false;
      numbers.add(href);
      return true;
    })
    .slice(0, MAX_NATIONAL)
    .map((r) => {
      const other = cyById.get(r.id) ?? r;
      const i = callable(r);
      const contact = contactViews([r.contacts[i]!], [other.contacts[i] ?? r.contacts[i]!])[0]!;
      return { id: r.id, name: { en: r.name, cy: other.name }, contact };
    });
}

export async function loadPoster(
  deps: Deps,
  area: PosterArea,
  options: { size: PosterSize; lang: PackLang },
  origin: string,
): Promise<PosterView> {
  const districts = districtsOf(area, await deps.geo());
  const [en, cy] = await Promise.all([
    crisisFor(deps, [area.country], "en"),
    crisisFor(deps, [area.country], "cy"),
  ]);
  const cyById = new Map(cy.map((r) => [r.id, r]));
  const crisis = en
    .slice(0, MAX_ROUTES)
    .map((route) => toCrisisView({ en: route, cy: cyById.get(route.id) ?? route }));
  const local = await hasLocal(deps, districts);
  const at = area.district ?? districts[0];
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
    shortUrl: `${bare(origin)}/embed`,
    nothingLocal: local
      ? null
      : {
          steps: nextStepViews([area.country]),
          national: at ? await nationalListings(deps, at) : [],
          tellUs: bi((l) => `${bare(origin)}/add-your-service${l === "cy" ? "?lang=cy" : ""}`),
        },
  };
}

const bare = (origin: string) => origin.replace(/^https?:\/\//, "");
