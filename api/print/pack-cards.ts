import type {
  Contact,
  CrisisRoute,
  Place,
  SearchResult,
  ServiceDetail,
} from "../../schema/contract.js";
import { kindLabels, type Lang, referralLabels } from "../../schema/taxonomy.js";
import { nextSteps } from "../domain/next-steps.js";
import type { PackRanking, SectionKey } from "../domain/pack.js";
import type { CardText } from "../domain/pack-measure.js";
import { formatContact, formatDate, formatDistance, formatSession } from "./format.js";
import {
  type Bi,
  bi,
  type CardView,
  type ContactView,
  type CrisisView,
  type NextStepView,
} from "./pack-view.js";
import { printStrings } from "./strings.js";

/** Builds the printable views of listings and crisis routes from the API's shapes. */

function contactView(byLang: Record<Lang, Contact>): ContactView {
  const c = byLang.en;
  return {
    kind: c.kind,
    href: /^(https:|tel:|sms:|mailto:)/.test(c.href) ? c.href : null,
    text: bi((lang) => formatContact(byLang[lang], lang)),
    hours: c.hours ? bi((lang) => byLang[lang].hours ?? c.hours ?? "") : null,
    unconfirmed: c.needsVerification,
  };
}

/** Contacts in both languages, matched by position (the order is the same in both). */
export function contactViews(en: readonly Contact[], cy: readonly Contact[]): ContactView[] {
  return en.map((c, i) => contactView({ en: c, cy: cy[i] ?? c }));
}

export function toCardView(
  section: SectionKey,
  details: Record<Lang, ServiceDetail>,
  found: SearchResult,
  url: string,
): CardView {
  const d = details.en;
  const badges: Bi[] = [];
  const strings = (lang: Lang) => printStrings(lang).card;
  if (d.selfReferral) badges.push(bi((l) => strings(l).badges.selfReferral));
  if (d.cost === "free") badges.push(bi((l) => strings(l).badges.free));
  if (d.cost === "low-cost") badges.push(bi((l) => strings(l).badges.lowCost));
  if (d.peerLed) badges.push(bi((l) => strings(l).badges.peerLed));
  if (d.childrenWelcome) badges.push(bi((l) => strings(l).badges.children));

  // Without its own text, "how to get it" says who else can refer: "yourself" is a badge.
  const referrers = d.referral.filter((r) => r !== "self");
  const howTo = d.howToAccess.trim()
    ? bi((l) => details[l].howToAccess)
    : referrers.length > 0
      ? bi((l) => referrers.map((r) => referralLabels[r][l]).join("; "))
      : null;

  return {
    id: d.id,
    section,
    url,
    demo: d.demo,
    name: bi((l) => details[l].name),
    organisation: d.organisation,
    kind: bi((l) => kindLabels[d.kind][l]),
    summary: bi((l) => details[l].summary),
    howTo,
    badges,
    next: found.nextSession ? bi((l) => formatSession(found.nextSession!, l)) : null,
    distance: found.distanceKm !== null ? bi((l) => formatDistance(found.distanceKm!, l)) : null,
    contacts: contactViews(details.en.contacts, details.cy.contacts),
    checked: bi((l) =>
      d.verifiedAt ? strings(l).checked(formatDate(d.verifiedAt, l)) : strings(l).notChecked,
    ),
    overdue: d.reviewOverdue,
  };
}

const PEER_KINDS: ReadonlySet<string> = new Set([
  "peer-group",
  "one-to-one-peer",
  "online-community",
]);

/** What `packOrder` ranks national listings by on paper: peer support first, leaflets last. */
export function paperRanking(r: SearchResult): PackRanking {
  return {
    peerSupport: r.peerLed || PEER_KINDS.has(r.kind),
    perinatal: r.mentalHealthSpecific,
    informationOnly: r.kind === "information",
  };
}

/** The nation's next steps (one rule with the widget's), in both languages. */
export function nextStepViews(countries: Place["countries"]): NextStepView[] {
  const cy = nextSteps(countries, "cy");
  return nextSteps(countries, "en").map((en, i) => {
    const other = cy[i] ?? en;
    return {
      id: en.id,
      title: { en: en.title, cy: other.title },
      text: { en: en.text, cy: other.text },
      link: en.link
        ? {
            href: en.link.href,
            label: { en: en.link.label, cy: other.link?.label ?? en.link.label },
          }
        : null,
    };
  });
}

export function toCrisisView(routes: Record<Lang, CrisisRoute>): CrisisView {
  return {
    id: routes.en.id,
    name: bi((l) => routes[l].name),
    description: bi((l) => routes[l].description),
    contacts: contactViews(routes.en.contacts, routes.cy.contacts),
  };
}

/**
 * A contact as printed: "Call 0300 123 3393 (Monday to Friday, 9am to 6pm)". Side by side, the
 * number is printed once: "Ffoniwch / Call 0300 123 3393 (Dydd Llun… / Monday…)".
 */
export function contactLine(c: ContactView, langs: readonly Lang[]): string {
  const [first, second] = langs;
  if (!first) return "";
  const both = (get: (l: Lang) => string) =>
    second && get(first) !== get(second) ? `${get(first)} / ${get(second)}` : get(first);
  let text = both((l) => c.text[l]);
  if (second) {
    const shared = commonEnding(c.text[first], c.text[second]);
    if (shared.length > 0) {
      const lead = (l: Lang) => c.text[l].slice(0, c.text[l].length - shared.length).trim();
      text = lead(first) && lead(second) ? `${both(lead)} ${shared.trim()}` : text;
    }
  }
  const hours = c.hours ? ` (${both((l) => c.hours![l])})` : "";
  const unconfirmed = c.unconfirmed ? ` (${both((l) => printStrings(l).card.unconfirmed)})` : "";
  return `${text}${hours}${unconfirmed}`;
}

/** The longest whole-word ending two texts share ("0300 123 3393" of "Call …" and "Ffoniwch …"). */
function commonEnding(a: string, b: string): string {
  let i = 0;
  while (i < a.length && i < b.length && a[a.length - 1 - i] === b[b.length - 1 - i]) i++;
  const tail = a.slice(a.length - i);
  const space = tail.indexOf(" ");
  return space < 0 ? "" : tail.slice(space);
}

/** "Organisation · Kind · 0.4 miles away", each part once: "Grŵp … / Peer support group". */
export function cardMeta(card: CardView, langs: readonly Lang[]): string {
  const both = (text: Bi) => [...new Set(langs.map((l) => text[l]))].join(" / ");
  return [card.organisation, both(card.kind), card.distance ? both(card.distance) : null]
    .filter(Boolean)
    .join(" · ");
}

/** One paragraph of a card: an optional bold label, its text, and its language if it has one. */
export interface CardLine {
  kind: "meta" | "text" | "badges" | "contact" | "checked";
  label?: string;
  text: string;
  /** Set on text in one language inside a card in two (a listing with no Welsh twin). */
  lang?: Lang;
  href?: string | null;
}

/**
 * A card laid out: its name across the top, lines across the card, two columns, and lines
 * across again. One language: the columns are what the listing is and how to reach it.
 * Side by side: they are the two languages, and text the listing has in one language only
 * is printed once across the card rather than twice.
 */
export interface CardLayout {
  example: string | null;
  name: string;
  lead: CardLine[];
  columns: CardLine[][];
  shared: CardLine[];
}

export function cardLayout(card: CardView, langs: readonly Lang[]): CardLayout {
  const s = (l: Lang) => printStrings(l).card;
  const joined = (get: (l: Lang) => string) => [...new Set(langs.map(get))].join(" / ");
  const badges = (l: Lang): CardLine[] =>
    card.badges.length > 0
      ? [{ kind: "badges", text: card.badges.map((b) => b[l]).join(" · ") }]
      : [];
  const next = (l: Lang): CardLine[] =>
    card.next ? [{ kind: "text", label: s(l).next, text: card.next[l] }] : [];
  const reach: CardLine[] = [
    ...card.contacts.map(
      (c): CardLine => ({ kind: "contact", text: contactLine(c, langs), href: c.href }),
    ),
    {
      kind: "checked",
      text: `${joined((l) => card.checked[l])}${card.overdue ? ` · ${joined((l) => s(l).overdue)}` : ""}`,
    },
  ];
  const about = [
    { text: card.summary, label: null },
    ...(card.howTo ? [{ text: card.howTo, label: (l: Lang) => s(l).howTo }] : []),
  ];
  const head = {
    example: card.demo ? joined((l) => s(l).example) : null,
    name: joined((l) => card.name[l]),
  };
  const meta: CardLine = { kind: "meta", text: cardMeta(card, langs) };

  if (langs.length === 1) {
    const l = langs[0]!;
    const aboutLines = about.map(
      (a): CardLine => ({
        kind: "text",
        text: a.text[l],
        ...(a.label ? { label: a.label(l) } : {}),
      }),
    );
    return {
      ...head,
      lead: [meta],
      columns: [aboutLines, [...badges(l), ...next(l), ...reach]],
      shared: [],
    };
  }
  const same = about.filter((a) => a.text.cy === a.text.en);
  const differ = about.filter((a) => a.text.cy !== a.text.en);
  return {
    ...head,
    lead: [
      meta,
      ...same.map(
        (a): CardLine => ({
          kind: "text",
          text: a.text.en,
          lang: "en",
          ...(a.label ? { label: joined(a.label) } : {}),
        }),
      ),
    ],
    columns: langs.map((l) => [
      ...differ.map(
        (a): CardLine => ({
          kind: "text",
          text: a.text[l],
          ...(a.label ? { label: a.label(l) } : {}),
        }),
      ),
      ...badges(l),
      ...next(l),
    ]),
    shared: reach,
  };
}

/** The text of a card, as the pack prints it, for estimating its height. */
export function cardText(card: CardView, langs: readonly Lang[]): CardText {
  const layout = cardLayout(card, langs);
  const text = (line: CardLine) => (line.label ? `${line.label} ${line.text}` : line.text);
  return {
    titles: [...(layout.example ? [layout.example] : []), layout.name],
    lead: layout.lead.map(text),
    columns: layout.columns.map((c) => c.map(text)),
    shared: layout.shared.map(text),
  };
}
