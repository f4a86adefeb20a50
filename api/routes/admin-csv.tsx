/** CSV export of listings and CSV import into drafts. */
import { Hono } from "hono";
import { KINDS } from "../../schema/taxonomy.js";
import { type AdminEnv, field, formBody, render } from "../admin/http.js";
import { importListings } from "../admin/import-listings.js";
import { listingsToCsv } from "../admin/listing-csv.js";
import { exportRows } from "../admin/listing-export.js";
import { listListings, SORTS, STATUS_FILTERS } from "../admin/listing-repo.js";
import { organisationScope } from "../admin/roles.js";
import { ImportPage } from "../admin/views/import-page.js";

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
  .get("/import", (c) => {
    const { user, csrfToken } = c.get("session");
    return render(c, <ImportPage user={user} csrf={csrfToken} report={null} />);
  })
  .post("/import", async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const body = await formBody(c);
    const file = body.file;
    const upload = Array.isArray(file) ? file[0] : file;
    if (!(upload instanceof File) || upload.size === 0) {
      return render(
        c,
        <ImportPage
          user={user}
          csrf={csrfToken}
          report={null}
          error="Choose a CSV file to import."
        />,
        422,
      );
    }
    if (upload.size > MAX_UPLOAD) {
      return render(
        c,
        <ImportPage
          user={user}
          csrf={csrfToken}
          report={null}
          error="The file is larger than 2 MB."
        />,
        422,
      );
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(await upload.arrayBuffer());
    const report = await importListings(deps.db, await deps.geo(), deps.now(), user, text, {
      dryRun: field(body, "dryRun") !== "",
    });
    if (report.fileProblem) {
      return render(
        c,
        <ImportPage user={user} csrf={csrfToken} report={null} error={report.fileProblem} />,
        422,
      );
    }
    return render(c, <ImportPage user={user} csrf={csrfToken} report={report} />);
  });
