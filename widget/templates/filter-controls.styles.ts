import { css } from "lit";

/** The postcode field, the stage choice and the "More choices" disclosure. */
export const formStyles = css`
  .search {
    display: grid;
    gap: var(--_space);
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  .label,
  legend {
    font-weight: 700;
  }
  .hint {
    font-size: 0.9375em;
    color: var(--_muted);
  }
  .field-error {
    padding-inline-start: 0.625em;
    border-inline-start: 0.25rem solid #b3261e;
    color: #b3261e;
    font-weight: 700;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.25em;
  }
  #postcode {
    flex: 1 1 9rem;
    max-width: 16rem;
    min-height: var(--_target);
    padding: 0.375em 0.75em;
    font: inherit;
    font-size: 1.125em;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--_color);
    background: var(--_background);
    border: 2px solid var(--_color);
    border-radius: var(--_radius);
  }
  #postcode[aria-invalid="true"] {
    border-color: #b3261e;
  }
  .submit {
    flex: 0 0 auto;
  }
  @container signpost (max-width: 22rem) {
    #postcode,
    .submit {
      flex: 1 1 100%;
      max-width: none;
    }
  }
  fieldset {
    min-width: 0;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.375em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: var(--_target);
    padding: 0.25em 0.875em 0.25em 0.625em;
    border: 1px solid var(--_border);
    /* Half the minimum height: a pill on one line, a rounded box when a label wraps. */
    border-radius: calc(var(--_target) / 2);
    background: var(--_background);
    cursor: pointer;
  }
  /* A chosen filter is tinted with the site's accent, whatever the badges' colour. */
  .choice:has(input:checked) {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 12%, #fff);
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    flex: none;
    accent-color: var(--_accent);
  }
  .more {
    border-top: 1px solid var(--_border);
    border-bottom: 1px solid var(--_border);
  }
  .more summary {
    display: flex;
    align-items: center;
    gap: 0.375em;
    min-height: var(--_target);
    color: var(--_accent);
    font-weight: 700;
    cursor: pointer;
  }
  /* The disclosure says it opens: the flex summary has no marker of its own. */
  .more summary::after {
    content: "+" / "";
    font-size: 1.25em;
  }
  .more[open] summary::after {
    content: "−" / "";
  }
  .more summary .count {
    color: var(--_color);
    font-weight: 400;
  }
  .more-body {
    display: grid;
    gap: var(--_space);
    padding-bottom: var(--_space);
    justify-items: start;
  }
`;
