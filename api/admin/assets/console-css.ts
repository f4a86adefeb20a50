/** The console stylesheet: plain CSS, high contrast, visible focus, 24px targets at least. */
export const CONSOLE_CSS = `
:root {
  --ink: #1d1d1f;
  --muted: #4a4f57;
  --line: #b1b4b6;
  --paper: #ffffff;
  --wash: #f3f2f1;
  --brand: #5b2a86;
  --brand-dark: #3f1d5e;
  --link: #1d4f91;
  --focus: #ffdd00;
  --danger: #b0281a;
  --ok: #00703c;
  --warn: #8a4b00;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  color: var(--ink);
  background: var(--paper);
  line-height: 1.5;
}
* { box-sizing: border-box; }
body { margin: 0; font-size: 1rem; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
a { color: var(--link); text-underline-offset: 0.15em; }
a:hover { color: var(--brand-dark); }
:focus-visible { outline: 3px solid var(--ink); outline-offset: 0; box-shadow: 0 0 0 6px var(--focus); }
main:focus { outline: none; }
main { padding-top: 1rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 1.5rem 0 1rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.75rem; }
h3 { font-size: 1.15rem; margin: 1.25rem 0 0.5rem; }
p { margin: 0 0 1rem; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip-link { position: absolute; left: -9999px; top: 0; background: var(--focus); color: var(--ink); padding: 0.5rem 1rem; z-index: 10; }
.skip-link:focus { left: 0; }
.site-header { background: var(--brand); color: #fff; }
.site-header a { color: #fff; }
.site-header :focus-visible { box-shadow: 0 0 0 6px var(--focus); outline-color: var(--ink); }
.header-row { display: flex; flex-wrap: wrap; gap: 1rem; justify-content: space-between; align-items: center; padding-top: 0.75rem; padding-bottom: 0.5rem; }
.brand { font-weight: 700; font-size: 1.2rem; text-decoration: none; }
.brand-sub { font-weight: 400; opacity: 0.9; }
.who { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; font-size: 0.95rem; }
.nav { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0.25rem 0 0.75rem; }
.nav a { display: inline-block; padding: 0.25rem 0; min-height: 24px; text-decoration: none; border-bottom: 3px solid transparent; }
.nav a[aria-current="page"] { border-bottom-color: #fff; font-weight: 700; }
.nav a:hover { text-decoration: underline; }
.site-footer { margin-top: 3rem; border-top: 1px solid var(--line); background: var(--wash); color: var(--muted); padding: 1rem 0; font-size: 0.9rem; }
.inline { display: inline; }
.link-button { background: none; border: 0; padding: 0; color: inherit; text-decoration: underline; font: inherit; cursor: pointer; min-height: 24px; }
.button { display: inline-block; min-height: 2.5rem; padding: 0.5rem 1rem; border: 2px solid transparent; border-radius: 4px; font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
.button.primary { background: var(--ok); color: #fff; box-shadow: 0 2px 0 #002d18; }
.button.secondary { background: var(--wash); color: var(--ink); border-color: var(--line); }
.button.warning { background: var(--danger); color: #fff; }
.button:hover { filter: brightness(0.95); }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-start; margin: 1rem 0; }
.action-form { display: inline-flex; flex-wrap: wrap; gap: 0.5rem; align-items: flex-end; margin: 0; }
.stacked-form { margin: 0 0 1.5rem; max-width: 40rem; }
.work-list { list-style: none; padding: 0; margin: 0 0 1.5rem; }
.work-list h3 { margin-top: 0; }
blockquote.note { border-left: 4px solid var(--line); margin: 0 0 1rem; padding: 0.25rem 0.75rem; white-space: pre-wrap; overflow-wrap: anywhere; }
.report-form .actions { margin: 0; }
.stacked-form .checkbox { margin: 0 0 1.25rem; }
.stacked-form .checkbox label { flex: 1 1 0; min-width: 0; }
.field { margin: 0 0 1.25rem; }
.field label, .field legend { display: block; font-weight: 600; margin-bottom: 0.25rem; }
.optional { font-weight: 400; color: var(--muted); }
.hint { color: var(--muted); margin: 0 0 0.35rem; font-size: 0.95rem; }
.input { font: inherit; padding: 0.4rem 0.5rem; border: 2px solid var(--ink); border-radius: 0; min-height: 2.5rem; background: #fff; color: var(--ink); max-width: 100%; }
.input.narrow { width: 10rem; }
.input.medium { width: 20rem; }
.input.wide { width: 100%; }
textarea.input { min-height: 6rem; }
/* A text box in a table cell (a feed's filter rule) is never squeezed into a column of single words. */
td textarea.input { min-width: 15rem; }
.has-error { border-left: 4px solid var(--danger); padding-left: 0.75rem; }
.has-error .input { border-color: var(--danger); }
.field-error { color: var(--danger); font-weight: 700; margin: 0 0 0.35rem; }
fieldset { border: 0; padding: 0; margin: 0; min-width: 0; }
.group legend { font-weight: 600; }
.choices { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
.checkbox { display: flex; gap: 0.5rem; align-items: flex-start; margin: 0.25rem 0; flex-wrap: wrap; }
.checkbox input { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; }
.checkbox label { font-weight: 400; margin: 0; }
.checkbox .hint { flex-basis: 100%; margin-left: 2rem; }
.error-summary { border: 4px solid var(--danger); padding: 1rem; margin: 1rem 0 1.5rem; }
.error-summary h2 { margin-top: 0; }
.error-summary a { color: var(--danger); font-weight: 700; }
.notice { border-left: 6px solid var(--ok); background: #e7f4ec; padding: 0.75rem 1rem; margin: 1rem 0; }
.notice p:last-child, .warning-box p:last-child { margin-bottom: 0; }
.warning-box { border-left: 6px solid var(--warn); background: #fff4e5; padding: 0.75rem 1rem; margin: 1rem 0; }
.danger-box { border-left: 6px solid var(--danger); background: #fbeceb; padding: 0.75rem 1rem; margin: 1rem 0; }
.panel { border: 1px solid var(--line); padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.panel > legend { font-weight: 700; font-size: 1.15rem; padding: 0 0.25rem; }
.panel > h2:first-child, .panel > h3:first-child, .panel > legend + * { margin-top: 0; }
.row-card { border: 1px solid var(--line); border-left: 4px solid var(--brand); padding: 1rem; margin: 0 0 1rem; background: #fff; }
.row-card legend { font-weight: 700; font-size: 1.05rem; padding: 0 0.25rem; }
.grid { display: grid; gap: 0 1.25rem; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); }
table { border-collapse: collapse; width: 100%; margin: 0 0 1.5rem; }
caption { text-align: left; font-weight: 700; padding: 0.5rem 0; }
th, td { text-align: left; vertical-align: top; padding: 0.5rem 0.5rem; border-bottom: 1px solid var(--line); }
th { background: var(--wash); }
.table-scroll { overflow-x: auto; }
/* Tables whose rows become cards on a phone (data-table.tsx): each cell shows its column. */
@media (max-width: 40rem) {
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  table.stack tr { border: 1px solid var(--line); border-left: 4px solid var(--brand); padding: 0.5rem 0.75rem; margin: 0 0 1rem; }
  table.stack td { border: 0; padding: 0.25rem 0; overflow-wrap: anywhere; }
  table.stack td::before { content: attr(data-label) / ""; display: block; font-weight: 600; font-size: 0.9rem; color: var(--muted); }
  table.stack td:empty { display: none; }
}
table.compare { table-layout: fixed; }
.compare th, .compare td { overflow-wrap: anywhere; }
.compare.named thead th:first-child { width: 30%; }
.tags { display: inline-flex; flex-wrap: wrap; gap: 0.25rem; }
/* An organisation's id beside a name another organisation shares (Accounts). */
.org-id { font-size: 0.85rem; color: var(--muted); overflow-wrap: anywhere; }
.tag { display: inline-block; padding: 0.1rem 0.5rem; font-size: 0.85rem; font-weight: 700; border: 1px solid currentColor; }
.tag-draft { color: #383f43; background: #eeefef; }
.tag-in-review { color: #0c2d4a; background: #d2e2f1; }
.tag-published { color: #005a30; background: #cce2d8; }
.tag-archived { color: #2a2a2a; background: #e2e2e2; }
.tag-overdue { color: #6e3619; background: #fcd6c3; }
.tag-hidden { color: #fff; background: var(--danger); border-color: var(--danger); }
.tag-example { color: #3d2375; background: #dbd5e9; }
.filters { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: flex-end; background: var(--wash); padding: 1rem 1rem 0; margin: 0 0 1.5rem; }
.filters .field { margin-bottom: 1rem; }
.filters .input.medium { width: 14rem; }
.pagination { display: flex; gap: 1.5rem; align-items: center; margin: 1rem 0; }
dl.summary { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 0.25rem 1rem; margin: 0 0 1.5rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  dl.summary { grid-template-columns: 1fr; }
  dl.summary dd { margin-bottom: 0.5rem; }
}
.diff { list-style: none; padding: 0; margin: 0 0 1.5rem; }
.diff li { border-bottom: 1px solid var(--line); padding: 0.5rem 0; }
.diff .was { background: #fbeceb; padding: 0 0.25rem; text-decoration: line-through; overflow-wrap: anywhere; }
.diff .now { background: #e7f4ec; padding: 0 0.25rem; overflow-wrap: anywhere; }
.two-columns { display: grid; gap: 1.5rem; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); }
.preview-cards { display: grid; gap: 1rem; max-width: 32rem; }
.preview-card h3 { margin: 0 0 0.5rem; font-size: 1.1rem; }
.day { white-space: nowrap; }
.pre { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.9rem; background: var(--wash); padding: 0.75rem; margin: 0 0 1rem; }
.pre-label { font-weight: 700; margin: 0.5rem 0 0.25rem; }
details summary { cursor: pointer; min-height: 24px; color: var(--link); }
.stat-list { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); list-style: none; padding: 0; margin: 0 0 1.5rem; }
.stat-list li { border: 1px solid var(--line); padding: 1rem; }
.stat-list .number { display: block; font-size: 2rem; font-weight: 700; }
.form-actions { position: sticky; bottom: 0; background: #fff; border-top: 1px solid var(--line); padding: 0.75rem 0; display: flex; flex-wrap: wrap; gap: 0.75rem; }
.login { max-width: 28rem; }
.login p > a:not(.button) { display: inline-block; min-height: 24px; padding: 0.125rem 0; }
.column-guide dt { font-weight: 600; margin-top: 0.75rem; overflow-wrap: anywhere; }
.column-guide dd { margin: 0.25rem 0 0; }
svg.qr { display: block; width: 220px; height: 220px; margin: 0.5rem 0 1rem; }
code.secret { font-size: 1.1rem; letter-spacing: 0.05em; word-break: break-all; }
.recovery-codes { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: 0.5rem; }
.recovery-codes code { font-size: 1.1rem; }
@media (forced-colors: active) {
  .tag, .button { border: 1px solid CanvasText; }
  :focus-visible { outline: 3px solid Highlight; }
}
@media (prefers-reduced-motion: reduce) {
  * { scroll-behavior: auto !important; transition: none !important; }
}
@media print {
  .site-header nav, .form-actions, .skip-link { display: none; }
}
`;
