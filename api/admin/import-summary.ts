/** An import's outcome in words, for the console's import page and `npm run import:csv`. */
import type { ImportOutcome, ImportReport } from "./import-listings.js";

/** What happened to one row. */
export const RESULT_LABELS: Record<ImportOutcome["result"], string> = {
  created: "New draft",
  updated: "Draft of changes",
  ok: "Ready to import",
  "already-imported": "Already imported",
  rejected: "Not imported",
};

export function importSummary(report: ImportReport): string {
  const count = (result: ImportOutcome["result"]) =>
    report.rows.filter((r) => r.result === result).length;
  const rejected = count("rejected");
  const already = count("already-imported");
  const accepted = report.rows.length - rejected - already;
  const rows = (n: number) => `${n} ${n === 1 ? "row" : "rows"}`;
  return `${[
    report.dryRun
      ? `${rows(accepted)} would be imported`
      : `${rows(accepted)} imported ${accepted === 1 ? "as a draft" : "as drafts"}`,
    ...(already ? [`${already} already imported`] : []),
    rejected ? `${rows(rejected)} turned away` : "no rows turned away",
  ].join("; ")}.`;
}
