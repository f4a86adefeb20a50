import { css } from "lit";

/** The "Need help now?" panel and the lists of routes and helplines it shares with fallbacks. */
export const crisisStyles = css`
  .crisis {
    display: grid;
    align-content: start;
    gap: 0.75em;
    padding: var(--_space);
    background: var(--_crisis-bg);
    border: 1px solid transparent;
    border-inline-start: 0.375rem solid var(--_crisis);
    border-radius: var(--_radius);
  }
  .crisis-heading {
    font-size: 1.125em;
    line-height: 1.3;
    color: var(--_crisis);
  }
  .crisis-country {
    margin-top: -0.5em;
    font-weight: 600;
  }
  .routes {
    display: grid;
    gap: 0.875em;
  }
  .route {
    display: grid;
    gap: 0.25em;
  }
  .route-name {
    font-weight: 700;
  }
  .route-nation {
    font-weight: 400;
  }
  .route-text,
  .route-hours {
    font-size: 0.9375em;
  }
  .route-hours {
    color: var(--_muted);
  }
  .crisis .action {
    background: var(--_crisis);
    border-color: var(--_crisis);
    color: #ffffff;
  }
  .crisis .action:hover {
    filter: brightness(0.88);
  }
  .crisis .action-note {
    color: inherit;
  }
  .crisis-toggle {
    justify-self: start;
    text-align: start;
    color: inherit;
    font-weight: 600;
  }
  .crisis-toggle::after {
    content: " +";
  }
  .crisis.open .crisis-toggle::after {
    content: " −";
  }
  .routes-brief {
    display: none;
    gap: 0.5em;
  }
  .route-brief {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 0.75em;
  }
  .route-brief .route-name {
    flex: 1 1 4.5em;
  }
  .route-brief .action-note {
    display: none;
  }
  /* Brief until opened, in a narrow or compact widget. */
  @container signpost (max-width: 45.999rem) {
    .crisis:not(.open) .routes {
      display: none;
    }
    .crisis:not(.open) .routes-brief {
      display: grid;
    }
  }
  :host([compact]) .crisis:not(.open) .routes {
    display: none;
  }
  :host([compact]) .crisis:not(.open) .routes-brief {
    display: grid;
  }
  /* Beside the results there is room for everything, so there is nothing to open. */
  @container signpost (min-width: 46rem) {
    :host(:not([compact])) .crisis-toggle {
      display: none;
    }
  }
  .helplines .routes {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
`;
