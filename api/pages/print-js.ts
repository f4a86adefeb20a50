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
`;
