import type { FC } from "hono/jsx";
import { COLUMN_GUIDE } from "../csv-guide.js";
import type { ImportReport } from "../import-listings.js";
import { RESULT_LABELS, importSummary as summary } from "../import-summary.js";
import type { SessionUser } from "../roles.js";
import { Checkbox, ErrorSummary } from "./components.js";
import { DataTable } from "./data-table.js";
import { CsrfField, Page } from "./layout.js";

export const ImportPage: FC<{
  user: SessionUser;
  csrf: string;
  /** The one-time token that makes a second submit of this form do nothing. */
  once: string;
  report: ImportReport | null;
  error?: string | null;
}> = (p) => {
  return (
    <Page title="Import and export" user={p.user} csrf={p.csrf} active="import">
      <h1>Import and export</h1>
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">Export</h2>
        <p>
          Download listings as a CSV file (one row per listing). To export only some, filter the{" "}
          <a href="/admin/listings">listings table</a> and use its download link.
        </p>
        <p>
          <a class="button secondary" href="/admin/export.csv">
            Download every listing you can see
          </a>
        </p>
      </section>
      <section class="panel" aria-labelledby="import-title">
        <h2 id="import-title">Import</h2>
        <p>
          Each good row of a spreadsheet becomes a draft listing, which a reviewer publishes. Rows
          with problems are left out, whole, and listed below with what to change. Importing the
          same file twice adds nothing: a row that matches a listing of its organisation by name and
          venue postcode is reported as already imported.
        </p>
        <p>
          <a class="button secondary" href="/admin/import/template.csv">
            Download the template
          </a>
        </p>
        <p class="hint">
          The template has the usual columns and one example row: replace the example with your own
          services, one per row, and save it as CSV (in Excel: Save as, “CSV UTF-8”).
        </p>
        <details class="column-guide">
          <summary>What to write in each column</summary>
          <dl>
            {COLUMN_GUIDE.map((g) => (
              <>
                <dt>
                  <code>{g.column}</code>
                  {g.required ? " (required)" : ""}
                </dt>
                <dd>{g.what}</dd>
              </>
            ))}
          </dl>
        </details>
        {p.error ? <ErrorSummary errors={{ file: p.error }} /> : null}
        <form method="post" action="/admin/import" enctype="multipart/form-data" novalidate>
          <CsrfField token={p.csrf} />
          <input type="hidden" name="_once" value={p.once} />
          <div class={`field${p.error ? " has-error" : ""}`}>
            <label for="f-file">CSV file</label>
            <p class="hint" id="f-file-hint">
              UTF-8, comma-separated, with a header row. At most 1,000 rows and 2 MB.
            </p>
            {p.error ? (
              <p class="field-error" id="f-file-error">
                <span class="visually-hidden">Error: </span>
                {p.error}
              </p>
            ) : null}
            <input
              type="file"
              id="f-file"
              name="file"
              accept=".csv,text/csv"
              class="input wide"
              aria-describedby={p.error ? "f-file-hint f-file-error" : "f-file-hint"}
              aria-invalid={p.error ? "true" : undefined}
            />
          </div>
          <Checkbox name="dryRun" label="Only check the file; import nothing" checked={false} />
          <button type="submit" class="button primary">
            Import
          </button>
        </form>
      </section>
      {p.report ? (
        <section aria-labelledby="result-title">
          <h2 id="result-title">{p.report.dryRun ? "Check of the file" : "Import results"}</h2>
          <p role="status">{summary(p.report)}</p>
          <DataTable
            caption="Rows of the file"
            columns={["Line", "Listing", "Result", "Problems"]}
            rows={p.report.rows.map((r) => [
              r.line,
              r.id && r.result !== "rejected" && r.result !== "ok" ? (
                <a href={`/admin/listings/${encodeURIComponent(r.id)}`}>{r.name || r.id}</a>
              ) : (
                r.name || r.id || "–"
              ),
              RESULT_LABELS[r.result],
              r.problems.length ? (
                <ul>
                  {r.problems.map((x) => (
                    <li>{x}</li>
                  ))}
                </ul>
              ) : (
                "–"
              ),
            ])}
          />
        </section>
      ) : null}
    </Page>
  );
};
