import { css } from "lit";

/** A listing card: heading, badges, facts, contact actions, freshness. */
export const cardStyles = css`
  .cards {
    display: grid;
    gap: 0.75em;
  }
  .card article,
  .step {
    display: grid;
    gap: 0.5em;
    padding: var(--_space);
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .card-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0.25em 0.75em;
  }
  .card-title {
    font-size: 1.125em;
    line-height: 1.3;
  }
  .card-org,
  .card-foot {
    font-size: 0.9375em;
    color: var(--_muted);
  }
  .tag-demo {
    padding: 0.125em 0.5em;
    border: 1px dashed #7a5c00;
    border-radius: 0.25em;
    background: #fff6d6;
    color: #5c4400;
    font-size: 0.875em;
    font-weight: 700;
    white-space: nowrap;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  .badge {
    padding: 0.125em 0.625em;
    border: 1px solid transparent;
    border-radius: 999px;
    background: var(--_badge-bg);
    font-size: 0.875em;
  }
  .badge-self {
    background: #e3f3e8;
    color: #14532d;
    font-weight: 700;
  }
  .badge-self::before {
    content: "✓ ";
  }
  .fact {
    font-size: 0.9375em;
  }
  .distance {
    font-weight: 600;
  }
  .card-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
  }
  /* Links that stand alone on their line keep a 24px target (WCAG 2.5.8). */
  .details,
  .calendar,
  .tell-us a {
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }
  .card-overdue {
    padding: 0.5em 0.75em;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    background: #fff6d6;
    font-size: 0.9375em;
  }
`;
