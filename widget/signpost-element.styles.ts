import { css } from "lit";
import { crisisStyles } from "./templates/crisis-panel.styles.js";
import { formStyles } from "./templates/filter-controls.styles.js";
import { cardStyles } from "./templates/result-card.styles.js";

/** Tokens, layout and the shared pieces (buttons, links, focus, notices, placeholders). */
export const baseStyles = css`
  :host {
    --_color: var(--signpost-color, #1f2328);
    --_background: var(--signpost-background, #ffffff);
    --_muted: var(--signpost-muted, #57606a);
    --_border: var(--signpost-border, #d0d7de);
    --_accent: var(--signpost-accent, #005eb8);
    --_on-accent: var(--signpost-accent-contrast, #ffffff);
    --_crisis-bg: var(--signpost-crisis-background, #fdf1f3);
    --_crisis: var(--signpost-crisis-accent, #9b1a43);
    --_badge-bg: var(--signpost-badge-background, #e8f1fb);
    --_focus: var(--signpost-focus, #1f2328);
    --_radius: var(--signpost-radius, 0.5rem);
    --_space: var(--signpost-spacing, 1rem);
    --_target: 2.75rem;

    display: block;
    color: var(--_color);
    font-family: var(--signpost-font, inherit);
    font-size: var(--signpost-font-size, 1rem);
    line-height: 1.5;
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2,
  h3,
  h4,
  p,
  ul,
  fieldset {
    margin: 0;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .frame {
    container: signpost / inline-size;
  }
  .signpost {
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
    overflow-wrap: break-word;
  }
  .title {
    font-size: 1.375em;
    line-height: 1.25;
  }
  .intro {
    margin-top: 0.25em;
    color: var(--_muted);
  }
  .layout,
  .main {
    display: grid;
    gap: var(--_space);
    align-items: start;
    min-width: 0;
  }
  @container signpost (max-width: 30rem) {
    .signpost {
      padding: 0.75rem;
    }
    /* On a phone the first crisis button and the postcode field share the first screen. */
    .intro {
      display: none;
    }
  }
  @container signpost (min-width: 46rem) {
    :host(:not([compact])) .layout {
      grid-template-columns: minmax(0, 1fr) minmax(14rem, 18rem);
    }
    /* Beside the results, the panel stays in view as the page scrolls. */
    :host(:not([compact])) .crisis {
      order: 2;
      position: sticky;
      top: 0.5rem;
    }
  }

  a {
    color: var(--_accent);
    text-underline-offset: 0.15em;
  }
  button {
    font: inherit;
    cursor: pointer;
  }
  .submit,
  .secondary {
    min-height: var(--_target);
    padding: 0.5em 1.25em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    font-weight: 700;
  }
  .submit {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .secondary {
    background: var(--_background);
    color: var(--_accent);
  }
  .link-button {
    min-height: 1.5rem;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  .action {
    display: inline-flex;
    align-items: center;
    min-height: var(--_target);
    padding: 0.375em 0.875em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    font-weight: 600;
    text-decoration: none;
  }
  .action:hover,
  .secondary:hover {
    background: var(--_badge-bg);
  }
  .submit:hover {
    filter: brightness(0.9);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: 0.5em 0.75em;
  }
  .actions li {
    display: grid;
    justify-items: start;
    gap: 0.125em;
    max-width: 100%;
  }
  .action-note {
    font-size: 0.875em;
    color: var(--_muted);
  }
  a:focus-visible,
  button:focus-visible,
  summary:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  .status {
    font-weight: 600;
  }
  /* Two lines are kept for the count once a search starts, so results do not nudge it. */
  .status:empty {
    display: none;
  }
  .status.kept {
    min-height: 1.5em;
  }
  @container signpost (max-width: 36rem) {
    .status.kept {
      min-height: 3em;
    }
  }
  .results {
    display: grid;
    gap: calc(var(--_space) * 1.25);
    align-content: start;
  }
  .results:focus {
    outline: none;
  }
  .results.reserve {
    min-height: var(--signpost-results-min-height, 24rem);
  }
  .idle,
  .demo-note {
    color: var(--_muted);
  }
  .notice {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    padding: var(--_space);
    border: 1px solid transparent;
    border-inline-start: 0.375rem solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_badge-bg);
  }
  .notice h3,
  .helplines h3,
  .group h3 {
    font-size: 1.125em;
    line-height: 1.3;
  }
  .helplines,
  .group {
    display: grid;
    gap: 0.75em;
  }
  .more-button {
    justify-self: start;
  }
  .group-count {
    color: var(--_muted);
    font-weight: 400;
  }
  .placeholders {
    display: grid;
    gap: var(--_space);
  }
  .placeholder {
    display: grid;
    gap: 0.75em;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    animation: pulse 1.6s ease-in-out infinite;
  }
  .placeholder span {
    height: 0.875em;
    border-radius: 0.25em;
    background: var(--_border);
  }
  .placeholder span:first-child {
    width: 55%;
    height: 1.125em;
  }
  .placeholder span:last-child {
    width: 35%;
  }
  @keyframes pulse {
    50% {
      opacity: 0.45;
    }
  }
  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1.5em;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .footer-link {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }
  .share-note {
    flex-basis: 100%;
    display: grid;
    gap: 0.25em;
  }
  .share-link {
    font: inherit;
    min-height: var(--_target);
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    width: 100%;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    .signpost,
    .placeholder {
      border-color: CanvasText;
    }
    .placeholder span {
      background: GrayText;
    }
    a:focus-visible,
    button:focus-visible,
    summary:focus-visible,
    input:focus-visible {
      outline-color: Highlight;
    }
  }
`;

export const styles = [baseStyles, crisisStyles, formStyles, cardStyles];
