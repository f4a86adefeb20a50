import type { ImportReport } from "./sync.js";

/** The summary the CLI prints: pages, services seen, kept, new, changed, unchanged, gone, rejected with reasons. */
export function summaryLines(r: ImportReport): string[] {
  const lines = [
    `${r.dryRun ? "Dry run (nothing written)" : "Imported"}: ${r.version} feed, ${r.pages} pages${r.complete ? "" : " (listing incomplete: services missing from it are not marked gone)"}`,
    `  services seen      ${r.seen}`,
    `  kept by the filter ${r.kept}`,
    `  new                ${r.new}${r.dryRun ? " (would be drafts in review)" : " (drafts in review)"}`,
    `  changed            ${r.changed} (waiting for a reviewer)`,
    `  unchanged          ${r.unchanged}`,
    `  gone               ${r.gone} (flagged for review, nothing deleted)`,
    `  rejected           ${r.rejected}`,
  ];
  for (const x of r.records.filter((x) => x.result === "rejected")) {
    lines.push(`    - ${x.name || x.remoteId}: ${x.reason}`);
  }
  const duplicates = r.records.filter((x) => x.result === "duplicate");
  if (duplicates.length)
    lines.push(`  possible duplicates ${duplicates.length} (offered as merges)`);
  for (const x of duplicates) lines.push(`    - ${x.name}: ${x.reason}`);
  for (const p of r.problems) lines.push(`  note: ${p}`);
  if (r.new + r.changed + r.gone === 0) lines.push("Nothing changed at source: nothing to review.");
  return lines;
}
