import { html, LitElement } from "lit";
import type { SearchResult } from "../schema/contract.js";
import { baseStyles } from "./signpost-element.styles.js";
import { type Lang, loadStrings, resolveLang, type Strings } from "./strings/index.js";
import { resultCard } from "./templates/result-card.js";
import { cardStyles } from "./templates/result-card.styles.js";

/**
 * One listing card, drawn by the same template and styles as in `<perinatal-signpost>`, from a
 * search result given as JSON. The console's "How parents will see it" uses it (built as
 * `preview-card.js`), so the preview cannot drift from the widget. Not part of the widget's
 * public build.
 *
 * @tagname signpost-card
 * @summary One listing card, exactly as the widget shows it, from a search result.
 *
 * @slot - Shown until the card has rendered (and for good if the script never runs).
 */
export class SignpostCardElement extends LitElement {
  static override styles = [baseStyles, cardStyles];

  static override properties = {
    result: { type: Object },
    lang: {},
    strings: { state: true, attribute: false },
  };

  /** The listing as one result of `/api/v1/search` (the attribute takes it as JSON). */
  result: SearchResult | null = null;

  /** `en` or `cy`: the language of the card's own words. Defaults to the page's. */
  override lang!: string;

  private strings?: Strings;
  private language?: Lang;

  override connectedCallback() {
    super.connectedCallback();
    this.useLanguage(resolveLang(this.lang, this));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    if (changed.has("lang") && this.isConnected) this.useLanguage(resolveLang(this.lang, this));
  }

  private async useLanguage(lang: Lang) {
    if (lang === this.language) return;
    this.language = lang;
    const strings = await loadStrings(lang);
    if (this.language === lang) this.strings = strings;
  }

  override render() {
    const s = this.strings;
    if (!s || !this.result) return html`<slot></slot>`;
    const base = new URL(document.baseURI);
    return html`<ul class="cards" role="list">${resultCard(this.result, s, base)}</ul>`;
  }
}

/** Defines the element once, as the widget's own script does. */
export function defineSignpostCard() {
  if (!customElements.get("signpost-card"))
    customElements.define("signpost-card", SignpostCardElement);
}

declare global {
  interface HTMLElementTagNameMap {
    "signpost-card": SignpostCardElement;
  }
}
