/**
 * "How parents will see it": the widget's own card. `<signpost-card>` (widget/card-element.ts,
 * built as /widget/preview-card.js) draws the search result with the template the widget uses,
 * so there is one card, not a console copy of it. The result is the one the search API would
 * return (api/domain/present.ts), passed as JSON in an attribute: no inline script, so the
 * console's CSP holds.
 */
import type { FC } from "hono/jsx";
import type { SearchResult } from "../../../schema/contract.js";

export const PREVIEW_CARD_PATH = "/widget/preview-card.js";

/** The listing as the widget would show it, in English and, if it has Welsh text, in Welsh. */
export interface ListingPreview {
  en: SearchResult;
  cy: SearchResult | null;
  /** Contacts left off the card until a reviewer checks them. */
  unchecked: number;
}

const LANGUAGES = [
  { lang: "en", label: "In English" },
  { lang: "cy", label: "In Welsh (Cymraeg)" },
] as const;

export const PreviewCards: FC<{ preview: ListingPreview }> = ({ preview }) => (
  <div class="preview-cards">
    <script type="module" src={PREVIEW_CARD_PATH}></script>
    {preview.en.contacts.length ? null : (
      <p class="warning-box">
        Parents will not see this listing yet: it has no checked way to get in touch. Add a contact
        (or check one) before publishing.
      </p>
    )}
    {preview.unchecked ? (
      <p class="hint">
        {preview.unchecked === 1
          ? "1 contact is left off the card until it is checked."
          : `${preview.unchecked} contacts are left off the card until they are checked.`}
      </p>
    ) : null}
    {LANGUAGES.map(({ lang, label }) => {
      const result = preview[lang];
      if (!result) return null;
      return (
        <div class="preview-card">
          <h3>{label}</h3>
          {result.lang !== lang ? (
            <p class="hint">
              The name and summary stay in English until both have Welsh text; the rest of the card
              is in Welsh.
            </p>
          ) : null}
          <signpost-card lang={lang} result={JSON.stringify(result)}>
            <p>The card needs JavaScript to show. The listing in full is below.</p>
          </signpost-card>
        </div>
      );
    })}
  </div>
);
