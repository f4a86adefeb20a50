/** Styles of the coverage pages (/assets/coverage.css), on top of page.css. Mobile first. */
export const COVERAGE_CSS = `
.coverage .cov-kind { max-width: none; }
.cov-areas { list-style: none; padding: 0; margin: 0 0 1rem; display: grid; gap: 0.25rem 1.5rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); }
.cov-areas a { display: inline-block; padding: 0.2rem 0; min-height: 24px; }
.cov-areas .hint { font-size: 0.875rem; }
.cov-method { margin: 1rem 0; }
.cov-method summary, .cov-weeks summary { cursor: pointer; font-weight: 700; min-height: 24px; padding: 0.25rem 0; }
.cov-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem 1rem; margin: 1rem 0 0.5rem; }
.cov-form .field { margin: 0; flex: 1 1 16rem; }
.cov-form select { font: inherit; width: 100%; min-height: 2.75rem; padding: 0.375rem 0.5rem; border: 2px solid var(--ink); border-radius: 0.25rem; background: #fff; color: var(--ink); }
.cov-sentence { font-size: 1.2rem; font-weight: 700; }
.cov-figure { margin: 0 0 1rem; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; padding: 0.5rem; }
.cov-map { display: block; width: 100%; height: auto; max-height: 80vh; }
.cov-chart { display: block; width: 100%; height: auto; background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; margin: 0 0 0.75rem; }
.cov-legend { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; list-style: none; padding: 0.25rem 0 0; margin: 0; }
.cov-legend li { display: inline-flex; align-items: center; gap: 0.375rem; }
.cov-swatch { width: 1rem; height: 1rem; flex: none; }
.cov-scroll { overflow-x: auto; max-height: 28rem; overflow-y: auto; margin: 0 0 1rem; border: 1px solid var(--line); border-radius: 0.25rem; }
.cov-table { border-collapse: collapse; width: 100%; background: var(--paper); font-size: 0.9375rem; }
.cov-table caption { text-align: left; font-weight: 700; padding: 0.5rem; }
.cov-table th, .cov-table td { text-align: left; padding: 0.375rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.cov-table thead th { position: sticky; top: 0; background: var(--brand-tint); }
.cov-table td { font-variant-numeric: tabular-nums; }
.cov-listings { padding-left: 1.25rem; }
.cov-listings li { margin-bottom: 0.5rem; }
.cov-tag-overdue { background: #fde8e8; color: var(--alert); border: 1px solid var(--alert); }
.cov-downloads a { display: inline-block; min-height: 24px; padding: 0.2rem 0; }
@media (min-width: 64rem) {
  .coverage .cov-result { max-width: 60rem; }
}
@media (forced-colors: active) {
  .cov-map path, .cov-chart rect, .cov-swatch path { forced-color-adjust: none; }
}
`;
