/**
 * Styles for every server-rendered page: the site header, forms, buttons and the public
 * service page. Served as /assets/page.css (a file, so a strict CSP needs no 'unsafe-inline').
 * Mobile first: the base rules are for a 320 px screen, wider layouts are added on top.
 */
export const PAGE_CSS = `
:root {
  color-scheme: light;
  --ink: #1b1f24;
  --muted: #4b5661;
  --line: #c5ccd3;
  --brand: #0b5c63;
  --brand-dark: #07454a;
  --brand-tint: #e3f0ef;
  --bg: #f5f5f0;
  --paper: #fff;
  --focus: #ffd33d;
  --alert: #a4262c;
  --example: #fff3cd;
  --example-ink: #4d3800;
  --container: 72rem;
}
body.wide { --container: 90rem; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  font-size: 1.0625rem;
  line-height: 1.5;
  color: var(--ink);
  background: var(--bg);
  overflow-wrap: break-word;
}
h1, h2, h3, h4 { line-height: 1.2; margin: 0 0 0.5rem; }
h1 { font-size: 1.75rem; }
h2 { font-size: 1.3rem; margin-top: 1.75rem; }
h3 { font-size: 1.1rem; }
p, ul, ol, dl { margin: 0 0 0.75rem; }
a { color: var(--brand); text-underline-offset: 0.15em; }
a:hover { color: var(--brand-dark); text-decoration-thickness: 2px; }
:focus-visible {
  outline: 3px solid var(--ink);
  outline-offset: 2px;
  box-shadow: 0 0 0 6px var(--focus);
}
.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 0.5rem; top: -4rem; z-index: 10; padding: 0.5rem 1rem; background: var(--focus); color: var(--ink); font-weight: 700; }
.skip-link:focus { top: 0.5rem; }

.site-header { background: var(--brand); color: #fff; }
.site-header-inner { max-width: var(--container); margin: 0 auto; padding: 0.75rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; justify-content: space-between; }
.site-brand { color: #fff; font-weight: 700; font-size: 1.125rem; text-decoration: none; }
.site-nav { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0; padding: 0; list-style: none; }
.site-nav a, .site-brand:hover { color: #fff; }
.site-nav a { display: inline-block; padding: 0.25rem 0; min-height: 1.5rem; }
.site-footer { max-width: var(--container); margin: 2rem auto 0; padding: 1.25rem 1rem 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9375rem; }
.site-footer a { color: var(--brand-dark); }

.page { max-width: var(--container); margin: 0 auto; padding: 1.25rem 1rem 2rem; }
.page > * { max-width: 44rem; }
.lede { font-size: 1.125rem; color: var(--muted); }
.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; margin: 1rem 0; }
.panel > h2:first-child { margin-top: 0; }

.button {
  display: inline-flex; align-items: center; justify-content: center;
  min-height: 2.75rem; padding: 0.5rem 1.125rem;
  border: 2px solid var(--brand); border-radius: 0.375rem;
  background: var(--brand); color: #fff;
  font: inherit; font-weight: 700; text-decoration: none; cursor: pointer;
}
.button:hover { background: var(--brand-dark); border-color: var(--brand-dark); color: #fff; }
.button-secondary { background: var(--paper); color: var(--brand); }
.button-secondary:hover { background: var(--brand-tint); color: var(--brand-dark); }
.button[hidden] { display: none; }

.field { margin: 0 0 1.25rem; }
.field label, legend { display: block; font-weight: 700; margin-bottom: 0.25rem; }
.hint { color: var(--muted); font-size: 0.9375rem; margin: 0 0 0.5rem; }
.hint[hidden] { display: none; }
input[type="text"], input[type="search"] {
  font: inherit; width: 100%; max-width: 16rem; min-height: 2.75rem;
  padding: 0.375rem 0.625rem; border: 2px solid var(--ink); border-radius: 0.25rem; background: #fff; color: var(--ink);
}
fieldset { border: 0; padding: 0; margin: 0 0 1.25rem; min-width: 0; }
.choice { display: flex; gap: 0.625rem; align-items: flex-start; padding: 0.3rem 0; }
.choice input { flex: none; width: 1.375rem; height: 1.375rem; margin: 0.1rem 0 0; accent-color: var(--brand); }
.choice label { font-weight: 400; margin: 0; }
.field-error { color: var(--alert); font-weight: 700; margin: 0 0 0.5rem; }
.has-error input[type="text"] { border-color: var(--alert); }
.error-summary { border: 4px solid var(--alert); background: var(--paper); padding: 1rem; margin: 0 0 1.5rem; }
.error-summary h2 { margin-top: 0; font-size: 1.2rem; }
.error-summary p:last-child { margin: 0; }

.tag { display: inline-block; padding: 0.1rem 0.5rem; border-radius: 0.25rem; font-size: 0.875rem; font-weight: 700; }
.tag-example { background: var(--example); color: var(--example-ink); border: 1px solid #b58900; }
.badges { display: flex; flex-wrap: wrap; gap: 0.375rem; list-style: none; padding: 0; margin: 0 0 1rem; }
.badges li { padding: 0.15rem 0.6rem; border-radius: 999px; background: var(--brand-tint); color: var(--brand-dark); font-size: 0.9375rem; font-weight: 600; }
.badges .badge-strong { background: var(--brand); color: #fff; }
.notice { border-left: 5px solid var(--brand); background: var(--paper); padding: 0.75rem 1rem; margin: 1rem 0; }
.notice-example { border-left-color: #b58900; background: var(--example); color: var(--example-ink); }
.notice-warning { border-left-color: var(--alert); }

.crisis-panel { background: var(--paper); border: 3px solid var(--alert); border-radius: 0.5rem; padding: 1rem; margin: 2rem 0 1rem; }
.crisis-panel h2 { margin-top: 0; color: var(--alert); }
.crisis-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.crisis-list p { margin: 0; }
.crisis-list .route-name { font-weight: 700; }

.service-head { margin-bottom: 1rem; }
.service-head .tag { margin-bottom: 0.5rem; }
.contact-list { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
.contact-list a { display: inline-flex; align-items: center; min-height: 2.75rem; padding: 0.375rem 0.875rem; border: 2px solid var(--brand); border-radius: 0.375rem; background: var(--paper); font-weight: 700; text-decoration: none; overflow-wrap: anywhere; }
.contact-list a:hover { background: var(--brand-tint); }
.contact-list .contact-note { display: block; color: var(--muted); font-size: 0.9375rem; margin-top: 0.125rem; }
.facts { display: grid; grid-template-columns: 1fr; gap: 0.25rem 1rem; margin: 0; }
.facts dt { font-weight: 700; }
.facts dd { margin: 0 0 0.5rem; }
.schedule-list, .area-list, .location-list { padding-left: 1.25rem; }
.location-list li { margin-bottom: 0.75rem; }
.checked { color: var(--muted); font-size: 0.9375rem; }
.report-link { margin-top: 1.5rem; }

@media (min-width: 40rem) {
  h1 { font-size: 2.125rem; }
  .page { padding-top: 2rem; }
  .facts { grid-template-columns: max-content 1fr; }
  .facts dd { margin: 0; }
  .contact-list { grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
}
@media (forced-colors: active) {
  .button, .contact-list a, .tag, .badges li { border: 2px solid ButtonText; }
}
@media (prefers-reduced-motion: reduce) {
  * { scroll-behavior: auto !important; transition: none !important; }
}
@media print {
  .site-header, .site-footer, .skip-link { display: none; }
  body { background: #fff; }
}

/* The home page and its statements */
.home .home-search { max-width: 52rem; margin: 1.5rem 0 2rem; }
.home .home-search .hint { margin-bottom: 0.75rem; }
.home > section { max-width: none; }
.ways { list-style: none; margin: 0; padding: 0; display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 17rem), 1fr)); }
.ways li { border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
.ways h3 { margin: 0 0 0.5rem; font-size: 1.125rem; }
.ways p { margin: 0 0 0.5rem; }
.way-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
.way-links a, .page-links a { display: inline-block; padding: 0.25rem 0; min-height: 24px; }
.page-links { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin-top: 2rem; }
.statement h2 { margin-top: 1.75rem; }

/* Forms for providers: "still correct", "something has changed", "add your service" */
textarea, select, input[type="email"], input[type="url"], input[type="tel"] {
  font: inherit; width: 100%; max-width: 36rem; min-height: 2.75rem;
  padding: 0.375rem 0.625rem; border: 2px solid var(--ink); border-radius: 0.25rem; background: #fff; color: var(--ink);
}
.field input[type="text"] { max-width: 36rem; }
.has-error textarea, .has-error select, .has-error input { border-color: var(--alert); }
.check-actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1.25rem 0 1.75rem; }
.preview { margin-top: 1rem; }
.preview > .hint { text-transform: uppercase; letter-spacing: 0.04em; font-weight: 700; }
.form-section { border-top: 1px solid var(--line); padding-top: 1rem; margin-top: 1.5rem; }
.trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
.ask-update { margin-top: 0.5rem; }
`;
