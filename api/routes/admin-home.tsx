import { eq, sql } from "drizzle-orm";
import { Hono } from "hono";
import { outbox } from "../../schema/tables.js";
import { openReportsOf, sentBackListings } from "../admin/home-data.js";
import { type AdminEnv, render } from "../admin/http.js";
import { dueForReview, listListings } from "../admin/listing-repo.js";
import { countOpenReports } from "../admin/reports.js";
import { can, organisationScope } from "../admin/roles.js";
import { HomePage } from "../admin/views/home.js";

export const adminHomeRoutes = new Hono<AdminEnv>().get("/", async (c) => {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const now = deps.now();
  const scope = organisationScope(user);
  const page = { limit: 50, offset: 0 };
  const own = scope === null ? null : user.organisationId;
  const [inReview, drafts, due, openReports, queued, sentBack, reports] = await Promise.all([
    listListings(deps.db, { status: "in-review", sort: "edited", scope }, now, page),
    listListings(deps.db, { status: "draft", sort: "edited", scope }, now, page),
    dueForReview(deps.db, now, scope),
    can(user, "triage-reports") ? countOpenReports(deps.db) : Promise.resolve(0),
    can(user, "read-outbox")
      ? deps.db
          .select({ n: sql<number>`count(*)` })
          .from(outbox)
          .where(eq(outbox.status, "queued"))
          .then((r) => r[0]?.n ?? 0)
      : Promise.resolve(0),
    own ? sentBackListings(deps.db, own) : Promise.resolve([]),
    own ? openReportsOf(deps.db, own) : Promise.resolve([]),
  ]);
  return render(
    c,
    <HomePage
      user={user}
      csrf={csrfToken}
      now={now}
      inReview={inReview.rows}
      drafts={drafts.rows}
      dueCount={due.length}
      openReports={openReports}
      queuedMessages={queued}
      work={own ? { sentBack, reports, due } : null}
    />,
  );
});
