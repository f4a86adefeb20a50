import {
  costLabels,
  formatLabels,
  kindLabels,
  stageLabels,
  whenLabels,
} from "../../schema/taxonomy.js";
import { en, type Text } from "./en.js";
import { pickLang } from "./pick-lang.js";

export type Lang = "en" | "cy";

/** The widget's text plus the taxonomy labels (types of support, stages…) in one language. */
export type Strings = Text & ReturnType<typeof labels>;

function labels(lang: Lang) {
  return {
    stages: pickLang(stageLabels, lang),
    kinds: pickLang(kindLabels, lang),
    formats: pickLang(formatLabels, lang),
    whens: pickLang(whenLabels, lang),
    costs: pickLang(costLabels, lang),
  };
}

/** English ships in the main bundle; Welsh is fetched on first use, from the widget's own origin. */
export async function loadStrings(lang: Lang): Promise<Strings> {
  if (lang === "cy") {
    try {
      const { cy } = await import("./cy.js");
      return { ...cy, ...labels("cy") };
    } catch {
      // A lost connection must not leave the widget blank: English is better than nothing.
    }
  }
  return { ...en, ...labels("en") };
}

/** The widget's language: its own `lang`, else the nearest ancestor's, else the page's. */
export function resolveLang(own: string | null | undefined, host: Element): Lang {
  const tag = own || host.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang;
  return tag?.toLowerCase().startsWith("cy") ? "cy" : "en";
}
