import type { ContactKind, Country, Lang } from "../../schema/taxonomy.js";
import type { SectionKey } from "../domain/pack.js";
import type { PackAddress } from "./links.js";

/**
 * A resource pack ready to render, every word already chosen in both languages. The page (JSX)
 * and the PDF draw the same view, so what is previewed is what is printed or downloaded.
 */

/** One text in each language; a renderer picks the languages the pack prints. */
export type Bi = Readonly<Record<Lang, string>>;

export function bi(make: (lang: Lang) => string): Bi {
  return { en: make("en"), cy: make("cy") };
}

export interface ContactView {
  kind: ContactKind;
  /** `tel:`, `sms:`, `mailto:` or `https:`; null when the stored value makes no safe link. */
  href: string | null;
  text: Bi;
  hours: Bi | null;
  unconfirmed: boolean;
}

export interface CardView {
  id: string;
  section: SectionKey;
  /** The listing's public page: the QR code's target. */
  url: string;
  demo: boolean;
  name: Bi;
  organisation: string;
  kind: Bi;
  summary: Bi;
  /** The listing's own "how to access" text, or who can refer when that is empty. */
  howTo: Bi | null;
  badges: Bi[];
  next: Bi | null;
  distance: Bi | null;
  contacts: ContactView[];
  checked: Bi;
  overdue: boolean;
}

export interface CrisisView {
  id: string;
  name: Bi;
  description: Bi;
  contacts: ContactView[];
}

export type CandidateState = "shown" | "omitted" | "overflow";

/** One of the nation's next steps (`api/domain/next-steps.ts`), for a pack with nothing local. */
export interface NextStepView {
  id: string;
  title: Bi;
  text: Bi;
  link: { href: string; label: Bi } | null;
}

/**
 * Whether a section is printed: with its cards, or, when the area has nothing near, with a
 * line saying so. A section whose listings were all left out or did not fit is not printed.
 */
export function printsSection(
  section: { key: SectionKey; cards: unknown[]; listed: number },
  view: { nextSteps: unknown[] | null },
) {
  if (section.cards.length > 0) return true;
  // With nothing local at all, the opening already says so.
  return section.key === "nearby" && section.listed === 0 && view.nextSteps === null;
}

export interface PackView {
  /** The canonical address of this pack (sector only). */
  address: PackAddress;
  /** The note of the person printing, from the request only. */
  note: string | null;
  /** The nation's next steps, when nothing local is listed (else null). */
  nextSteps: NextStepView[] | null;
  langs: Lang[];
  /** The sector or district the pack is for, e.g. `EX4 4`. */
  sector: string;
  placeLabel: Bi;
  country: Country;
  /** `YYYY-MM-DD` in Europe/London. */
  printedOn: string;
  crisis: CrisisView[];
  /** `listed`: how many listings the area has in the section, shown or not. */
  sections: { key: SectionKey; cards: CardView[]; listed: number }[];
  /** Every listing that could be in the pack, for the person printing to choose from. */
  candidates: {
    id: string;
    name: Bi;
    section: SectionKey;
    demo: boolean;
    state: CandidateState;
    /** Put in by hand (it would not otherwise have fitted). */
    added: boolean;
  }[];
  overflowCount: number;
  checked: { from: string; to: string } | null;
  hasDemo: boolean;
  /** The live directory for this sector, per language: the footer's QR codes. */
  directory: Bi;
}
