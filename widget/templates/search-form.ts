import { html, nothing } from "lit";
import type { Filters } from "../filters.js";
import type { Strings } from "../strings/index.js";
import { moreChoices, stageChoices } from "./filter-controls.js";

export type FieldError = "empty" | "invalid" | "notFound";

export interface SearchFormState {
  typed: string;
  fieldError: FieldError | null;
  filters: Filters;
  /** Offer "Offered in Welsh" (in Welsh, or for a place in Wales). */
  offerWelsh: boolean;
}

export interface SearchFormHandlers {
  onSubmit(e: Event): void;
  onInput(e: Event): void;
  /** Any checkbox in the form changed. */
  onChoice(e: Event): void;
}

/** The postcode field (labelled, with its hint and any error), the stage and the other choices. */
export function searchForm(state: SearchFormState, s: Strings, on: SearchFormHandlers) {
  const error = state.fieldError ? s.postcode[state.fieldError] : null;
  return html`<form
    class="search"
    part="form"
    role="search"
    novalidate
    @submit=${on.onSubmit}
    @change=${on.onChoice}
  >
    <div class="field">
      <label class="label" for="postcode">${s.postcode.label}</label>
      <p class="hint" id="postcode-hint">${s.postcode.hint}</p>
      ${error ? html`<p class="field-error" id="postcode-error">${error}</p>` : nothing}
      <div class="row">
        <input
          id="postcode"
          part="input"
          name="postcode"
          type="text"
          autocomplete="postal-code"
          autocapitalize="characters"
          spellcheck="false"
          enterkeyhint="search"
          maxlength="10"
          .value=${state.typed}
          aria-invalid=${error ? "true" : "false"}
          aria-describedby=${error ? "postcode-error postcode-hint" : "postcode-hint"}
          @input=${on.onInput}
        />
        <button class="submit" part="submit" type="submit">${s.postcode.submit}</button>
      </div>
    </div>
    ${stageChoices(state.filters, s)} ${moreChoices(state.filters, s, state.offerWelsh)}
  </form>`;
}
