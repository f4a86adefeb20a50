/** CSV export of listings and CSV import into drafts. */
import { Hono } from "hono";
import { KINDS } from "../../schema/taxonomy.js";
import { importTemplate } from "../admin/csv-guide.js";
import { issueFormToken, useFormToken } from "../admin/form-tokens.js";
import { type AdminContext, type AdminEnv, field, formBody, render } from "../admin/http.js";
import { type ImportReport, importListings } from "../admin/import-listings.js";
import { listingsToCsv } from "../admin/listing-csv.js";
import { exportRows } from "../admin/listing-export.js";
import { listListings, SORTS, STATUS_FILTERS } from "../admin/listing-repo.js";
import { organisationScope } from "../admin/roles.js";
import { ImportPage } from "../admin/views/import-page.js";
import { ukToday } from "../admin/workflow.js";

const MAX_UPLOAD = 2 * 1024 * 1024;

const pick = <T extends string>(list: readonly T[], value: string | undefined) =>
  value && (list as readonly string[]).includes(value) ? (value as T) : undefined;

export const adminCsvRoutes = new Hono<AdminEnv>()
  .get("/export.csv", async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const scope = organisationScope(user);
    const q = c.req.query();
    const { rows } = await listListings(
      deps.db,
      {
        q: q.q?.slice(0, 200) || undefined,
        status: pick(STATUS_FILTERS, q.status),
        kind: pick(KINDS, q.kind),
        area: q.area?.slice(0, 40) || undefined,
        organisationId: scope === null ? q.organisation || undefined : undefined,
        due: q.due === "1",
        sort: pick(SORTS, q.sort) ?? "name",
        scope,
      },
      deps.now(),
      { limit: 10_000, offset: 0 },
    );
    const csv = listingsToCsv(
      await exportRows(
        deps.db,
        rows.map((r) => r.id),
      ),
    );
    const day = deps.now().toISOString().slice(0, 10);
    return c.body(`\uFEFF${csv}`, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="signpost-listings-${day}.csv"`,
    });
  })
  .get("/import", async (c) => importPage(c, { report: null }))
  .get("/import/template.csv", (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const csv = importTemplate(user.organisationName, ukToday(deps.now()));
    return c.body(`\uFEFF${csv}`, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="signpost-import-template.csv"',
    });
  })
  .post("/import", async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const body = await formBody(c);
    const file = body.file;
    const upload = Array.isArray(file) ? file[0] : file;
    if (!(upload instanceof File) || upload.size === 0) {
      return importPage(c, { report: null, error: "Choose a CSV file to import." }, 422);
    }
    if (upload.size > MAX_UPLOAD) {
      return importPage(c, { report: null, error: "The file is larger than 2 MB." }, 422);
    }
    // The same form sent twice (a double click, a reload) is applied once.
    if (!(await useFormToken(deps.db, user.id, "import", field(body, "_once"), deps.now()))) {
      return importPage(
        c,
        {
          report: null,
          error:
            "This form was already sent, or it is more than a day old, so nothing was imported this time. Check the listings table for what the first import did, or choose the file again to import it.",
        },
        409,
      );
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(await upload.arrayBuffer());
    const report = await importListings(deps.db, await deps.geo(), deps.now(), user, text, {
      dryRun: field(body, "dryRun") !== "",
    });
    if (report.fileProblem) return importPage(c, { report: null, error: report.fileProblem }, 422);
    return importPage(c, { report });
  });

/** The import page, with a fresh one-time token in its form. */
async function importPage(
  c: AdminContext,
  p: { report: ImportReport | null; error?: string },
  status: 200 | 409 | 422 = 200,
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const once = await issueFormToken(deps.db, user.id, "import", deps.now());
  return render(
    c,
    <ImportPage user={user} csrf={csrfToken} once={once} report={p.report} error={p.error} />,
    status,
  );
}
