/**
 * The only script of the print tools, served as /assets/print.js. Without it everything still
 * works: the page tells people to use their browser's Print command instead of a button.
 */
export const PRINT_JS = `// Perinatal Signpost print tools: a Print button where scripts run.
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
for (const hint of document.querySelectorAll("[data-print-hint]")) hint.hidden = true;
// An A4 or A3 sheet is wider than a phone: the preview is scaled to fit (print is unaffected).
const fit = () => {
  for (const sheet of document.querySelectorAll(".preview .sheet, .poster-preview .poster")) {
    sheet.style.zoom = "";
    const room = sheet.parentElement.clientWidth;
    const width = sheet.offsetWidth * (parseFloat(getComputedStyle(sheet).zoom) || 1);
    if (width > room) sheet.style.zoom = String(room / sheet.offsetWidth);
  }
};
fit();
addEventListener("resize", fit);
`;
