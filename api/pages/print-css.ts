/**
 * Styles of the print tools (/print, /print/poster): the form beside an A4 preview on screen,
 * and on paper the pack or poster alone. The pack is set in points and millimetres so that the
 * preview is the printout; api/print/pack-layout.ts describes the same geometry in numbers.
 * Everything reads in black and white: borders and weight carry meaning, never colour alone.
 */
export const PRINT_CSS = `
@page { size: A4; margin: 12mm; }
@page pack-en {
  size: A4; margin: 12mm;
  @bottom-center { content: "Perinatal Signpost  ·  Page " counter(page) " of " counter(pages); font: 7pt Arial, "Liberation Sans", sans-serif; color: #333; }
}
@page pack-both {
  size: A4; margin: 12mm;
  @bottom-center { content: "Perinatal Signpost  ·  Tudalen " counter(page) " o " counter(pages) "  /  Page " counter(page) " of " counter(pages); font: 7pt Arial, "Liberation Sans", sans-serif; color: #333; }
}
@page pack-cy {
  size: A4; margin: 12mm;
  @bottom-center { content: "Perinatal Signpost  ·  Tudalen " counter(page) " o " counter(pages); font: 7pt Arial, "Liberation Sans", sans-serif; color: #333; }
}
@page poster-a4 { size: A4; margin: 0; }
@page poster-a3 { size: A3; margin: 0; }

.print-layout { max-width: var(--container); margin: 0 auto; padding: 1.25rem 1rem 2rem; display: grid; gap: 1.5rem; }
.controls { max-width: 36rem; }
.controls h1 { font-size: 1.75rem; }
.controls form + .hint { margin-top: 1rem; }
.controls .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; margin: 1rem 0; }
.listings-group { margin: 0.75rem 0 0.25rem; font-weight: 700; color: var(--muted); font-size: 0.9375rem; }
.listings .choice label { font-size: 0.9375rem; }
.listings .tag { font-size: 0.75rem; margin-left: 0.25rem; }
.preview { min-width: 0; overflow-x: auto; padding-bottom: 1rem; }
.sheet { width: 210mm; min-height: 297mm; margin: 0 auto; padding: 12mm; background: #fff; color: #000; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25), 0 6px 24px rgba(0, 0, 0, 0.08); }
@media (min-width: 80rem) {
  .print-layout { grid-template-columns: minmax(20rem, 26rem) auto; align-items: start; }
  .print-layout .preview { position: sticky; top: 1rem; }
}

/* The pack */
.pack { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #000; }
.pack h2, .pack h3, .pack h4 { color: #000; margin: 0; }
.pack p { margin: 0; }
.pack ul { margin: 0; padding: 0; list-style: none; }
.pack [lang] { hyphens: manual; }
.bi { display: grid; grid-template-columns: 1fr; gap: 0 6mm; }
.pack-both .bi { grid-template-columns: 1fr 1fr; }
.pack-head { display: flex; justify-content: space-between; align-items: flex-end; gap: 6mm; border-bottom: 2pt solid #000; padding-bottom: 2.5mm; margin-bottom: 3mm; }
.pack-brand { font-size: 7.5pt; font-weight: 700; letter-spacing: 0.08em; text-transform: uppercase; margin-bottom: 1mm !important; }
.pack-title { font-size: 17pt; line-height: 1.15; }
.pack-both .pack-title { font-size: 14pt; }
.pack-subtitle { font-size: 10.5pt; font-weight: 700; color: #0b5c63; margin-top: 0.5mm !important; }
.pack-meta { flex: none; text-align: right; font-size: 8.5pt; }
.pack-meta strong { display: block; font-size: 10pt; }
.opening p + p { margin-top: 1.5mm; }
.opening { font-size: 10pt; margin-bottom: 3mm; }
.pack-both .opening { font-size: 9pt; }
.next-steps { margin-top: 1.5mm !important; display: grid; gap: 1mm; }
.next-steps li { padding-left: 3.5mm; position: relative; }
.next-steps li::before { content: ""; position: absolute; left: 0; top: 1.8mm; width: 1.6mm; height: 1.6mm; background: #000; border-radius: 50%; }
.next-steps a { color: #000; overflow-wrap: anywhere; }
.pack-note { border: 1pt solid #000; border-left-width: 3pt; padding: 2mm 4mm 2.5mm; margin: 0 0 3mm; font-size: 10pt; break-inside: avoid; }
.pack-note h3 { font-size: 10.5pt; margin-bottom: 1mm; }
.pack-note p + p { margin-top: 1mm; }
.pack-both .explainer { margin-top: 4mm; }

.crisis { border: 2.5pt solid #000; border-radius: 2.5mm; padding: 3mm 4mm 3.5mm; margin: 0 0 3mm; break-inside: avoid; }
.crisis h3 { font-size: 13pt; }
.crisis-lead { margin: 0.5mm 0 2.5mm !important; }
.crisis-routes { display: grid; grid-template-columns: 1fr 1fr; gap: 2.5mm 6mm; }
.crisis-route { display: grid; grid-template-columns: 27mm 1fr; gap: 0 3mm; break-inside: avoid; }
.route-number { font-size: 13pt; font-weight: 700; line-height: 1.15; }
.route-number small { display: block; font-size: 7.5pt; font-weight: 400; }
.route-name { font-weight: 700; }
.route-desc { font-size: 8.5pt; }
.pack-both .crisis-routes { gap: 2mm 6mm; }
.pack-both .crisis-route { grid-template-columns: 22mm 1fr; }
.pack-both .crisis-route .bi { grid-template-columns: 1fr; }
.pack-both .crisis-route .route-name { font-size: 9pt; }
.pack-both .route-desc { font-size: 8pt; }

.explainer { margin: 0 0 1mm; break-inside: avoid; }
.explainer h3 { font-size: 11.5pt; margin-bottom: 1.5mm; }
.explainer ul { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5mm 6mm; }
.pack-both .explainer ul { grid-template-columns: 1fr; gap: 1mm; }
.pack-both .explainer li { font-size: 8pt; }
.explainer li { padding-left: 3.5mm; position: relative; font-size: 9pt; }
.explainer li::before { content: ""; position: absolute; left: 0; top: 1.6mm; width: 1.6mm; height: 1.6mm; background: #000; border-radius: 50%; }
.explainer b { font-weight: 700; }

.listing-section { margin-top: 3.5mm; }
.listing-section > h3 { font-size: 11.5pt; border-bottom: 1pt solid #000; padding-bottom: 1mm; margin-bottom: 2.5mm; break-after: avoid; }
.section-empty { font-style: italic; margin-bottom: 1mm; }
.cards { display: grid; grid-template-columns: 1fr; gap: 3mm; }
.card { display: grid; grid-template-columns: 1fr 20mm; gap: 0 3mm; padding: 2.5mm; border: 0.75pt solid #000; border-radius: 1.5mm; font-size: 8.5pt; line-height: 1.3; break-inside: avoid; }
.pack-both .card { grid-template-columns: 1fr 22mm; }
.card-cols { display: grid; grid-template-columns: 1fr 1fr; gap: 0 5mm; }
.pack-both .card-cols { gap: 0 6mm; }
.card h4 { font-size: 10pt; line-height: 1.2; margin-bottom: 0.5mm; }
.card p, .card li { margin: 0 0 0.8mm; }
.card-meta { color: #333; }
.card-badges { font-weight: 700; }
.card-contacts li { padding-left: 0; }
.card-checked { font-size: 7.5pt; color: #333; margin: 0 !important; }
.card-overdue { font-weight: 700; }
.card-example { display: inline-block; border: 0.75pt solid #000; padding: 0 1.5mm; margin-bottom: 1mm !important; font-size: 7pt; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; }
.qr { margin: 0; text-align: center; font-size: 6.5pt; line-height: 1.2; }
.qr svg { display: block; width: 100%; height: auto; }
.qr figcaption { margin-top: 0.5mm; }
.qr figcaption [lang] { display: block; }
.more-online { margin-top: 3mm !important; font-weight: 700; }

.pack-foot { display: grid; grid-template-columns: auto 1fr; gap: 4mm; align-items: center; border-top: 2pt solid #000; margin-top: 4mm; padding-top: 3mm; font-size: 8.5pt; break-inside: avoid; }
.pack-foot-qrs { display: flex; gap: 3mm; }
.pack-foot .qr { width: 26mm; font-size: 7pt; }
.pack-foot p + p { margin-top: 1mm; }
.pack-foot strong { font-size: 9.5pt; }
.pack-both .pack-foot { font-size: 8pt; }

/* The poster: every size in "u", 1 mm on A4 and 1.414 mm on A3, so one design fits both. */
.poster-preview { min-width: 0; overflow-x: auto; }
.poster { --u: 1mm; width: calc(210 * var(--u)); height: calc(297 * var(--u)); margin: 0 auto; padding: calc(14 * var(--u)); background: #fff; color: #000; font-family: Arial, "Liberation Sans", Helvetica, sans-serif; font-size: calc(4.4 * var(--u)); line-height: 1.3; display: flex; flex-direction: column; gap: calc(5 * var(--u)); overflow: hidden; box-shadow: 0 1px 3px rgba(0, 0, 0, 0.25), 0 6px 24px rgba(0, 0, 0, 0.08); }
.poster-a3 { --u: 1.4142mm; }
@media screen and (max-width: 110rem) { .poster-a3 { zoom: 0.7; } }
.poster p, .poster ul { margin: 0; padding: 0; list-style: none; }
.poster h2, .poster h3 { margin: 0; color: #000; }
.poster-brand { font-size: 0.75em; font-weight: 700; letter-spacing: 0.1em; text-transform: uppercase; border-bottom: calc(0.8 * var(--u)) solid #000; padding-bottom: calc(2 * var(--u)); }
.poster-headline { font-size: 2.35em; line-height: 1.08; }
.poster-both .poster-headline { font-size: 1.6em; }
.poster-both .poster-headline [lang="en"] { display: block; margin-top: calc(2 * var(--u)); }
.poster-lead { font-size: 1.1em; }
.poster-both .poster-lead { font-size: 0.9em; }
.poster-lead [lang] + [lang] { display: block; margin-top: calc(1.5 * var(--u)); }
.poster-scan { display: flex; justify-content: center; gap: calc(8 * var(--u)); flex: 1; align-items: center; }
.poster-scan .qr { width: calc(100 * var(--u)); font-size: 1em; }
.poster-both .poster-scan .qr { width: calc(78 * var(--u)); font-size: 0.85em; }
.poster-scan figcaption { margin-top: calc(2 * var(--u)); }
.poster-scan figcaption strong { display: block; font-size: 1.15em; }
.poster-url { font-size: 0.8em; overflow-wrap: anywhere; margin-top: calc(1 * var(--u)) !important; }
/* Nothing local listed: say so, then the nation's next steps and national lines; a smaller code. */
.poster .poster-none { font-size: 0.95em; border-left: calc(1.2 * var(--u)) solid #000; padding-left: calc(3 * var(--u)); }
.poster-none [lang] + [lang] { display: block; margin-top: calc(1 * var(--u)); }
.poster-now { display: grid; grid-template-columns: 1fr 1fr; gap: calc(6 * var(--u)); font-size: 0.9em; }
.poster-both .poster-now { font-size: 0.78em; }
.poster-national.poster-both { gap: calc(3.5 * var(--u)); }
.poster-national.poster-both .poster-headline { font-size: 1.4em; }
.poster-national.poster-both .poster-lead, .poster-national.poster-both .poster-none { font-size: 0.8em; }
.poster-now h3 { font-size: 1.15em; margin-bottom: calc(1.5 * var(--u)); }
.poster-now li + li { margin-top: calc(2 * var(--u)); }
.poster-now strong, .poster-step-text { display: block; }
.poster-national .poster-scan { flex: none; }
.poster-national .poster-scan .qr { width: auto; flex: 1; display: flex; align-items: center; gap: calc(4 * var(--u)); text-align: left; }
.poster-national .poster-scan svg { width: calc(48 * var(--u)); flex: none; }
.poster-national.poster-both .poster-scan svg { width: calc(40 * var(--u)); }
.poster-talk { font-size: 1em; font-weight: 700; text-align: center; }
.poster-talk [lang] + [lang] { display: block; font-weight: 400; }
.poster-crisis { border: calc(0.9 * var(--u)) solid #000; border-radius: calc(2.5 * var(--u)); padding: calc(4 * var(--u)) calc(5 * var(--u)); }
.poster-crisis h3 { font-size: 1.3em; margin-bottom: calc(2 * var(--u)); }
.poster-crisis ul { display: grid; grid-template-columns: 1fr 1fr; gap: calc(2.5 * var(--u)) calc(6 * var(--u)); }
.poster-crisis .route-number { font-size: 1.35em; display: block; }
.poster-crisis .route-name { font-size: 0.85em; }
.poster-foot { display: flex; justify-content: space-between; gap: calc(4 * var(--u)); font-size: 0.8em; border-top: calc(0.4 * var(--u)) solid #000; padding-top: calc(2 * var(--u)); }

@media print {
  html, body { background: #fff !important; }
  .no-print, .site-header, .site-footer, .skip-link { display: none !important; }
  .print-layout { display: block; max-width: none; margin: 0; padding: 0; }
  /* page.css gives .preview (the providers' check page) a top margin: not on paper. */
  .preview, .poster-preview { overflow: visible; padding: 0; margin: 0; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; zoom: 1 !important; }
  .pack-subtitle { color: #000; }
  .pack { page: pack-en; }
  .pack:lang(cy) { page: pack-cy; }
  .pack-both { page: pack-both; }
  .poster { box-shadow: none; margin: 0; height: calc(297 * var(--u) - 0.5mm); zoom: 1 !important; }
  .poster-a4 { page: poster-a4; }
  .poster-a3 { page: poster-a3; }
}
`;
