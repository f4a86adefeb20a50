import type { Lang } from "../../schema/taxonomy.js";
import { cy } from "./strings-cy.js";
import { en, type PrintText } from "./strings-en.js";

export type { PrintText } from "./strings-en.js";

const ALL: Record<Lang, PrintText> = { en, cy };

/** Every word on packs, posters, the print pages and the service page, in one language. */
export function printStrings(lang: Lang): PrintText {
  return ALL[lang];
}
