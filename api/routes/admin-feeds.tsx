/** /admin/feeds: register an Open Referral feed, edit its filter rule, preview and sync it. */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { feeds, organisations } from "../../schema/tables.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  formBody,
  render,
  requireCapability,
} from "../admin/http.js";
import { type FeedForm, FeedsPage } from "../admin/views/feeds-page.js";
import { DEFAULT_FILTER_RULE } from "../domain/oruk/import-map.js";
import { reviewQueue } from "../feeds/review.js";
import { type ImportReport, importFeed, normalBaseUrl } from "../feeds/sync.js";

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 100)
    .map((l) => l.slice(0, 120));

const EMPTY_FORM: FeedForm = {
  name: "",
  baseUrl: "",
  licence: "Open Government Licence v3.0",
  organisationId: "",
  reviewEveryDays: "180",
  terms: DEFAULT_FILTER_RULE.terms.join("\n"),
  keywords: DEFAULT_FILTER_RULE.keywords.join("\n"),
};

async function page(
  c: AdminContext,
  p: {
    form?: FeedForm;
    errors?: Record<string, string>;
    report?: ImportReport | null;
    notice?: string;
  },
  status: 200 | 404 | 422 | 502 = 200,
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const [list, orgs, waiting] = await Promise.all([
    deps.db.select().from(feeds).orderBy(feeds.name),
    deps.db
      .select({ id: organisations.id, name: organisations.name })
      .from(organisations)
      .orderBy(organisations.name),
    reviewQueue(deps.db),
  ]);
  return render(
    c,
    <FeedsPage
      user={user}
      csrf={csrfToken}
      feeds={list}
      organisations={orgs}
      form={p.form ?? EMPTY_FORM}
      errors={p.errors ?? {}}
      report={p.report ?? null}
      notice={p.notice ?? null}
      waiting={{
        changed: waiting.changed.length,
        duplicates: waiting.duplicates.length,
        gone: waiting.gone.length,
      }}
    />,
    status,
  );
}

/** Runs an import (or a dry run), answering the page with its report or what went wrong. */
async function run(
  c: AdminContext,
  options: Omit<Parameters<typeof importFeed>[1], "now" | "geo">,
  form?: FeedForm,
) {
  const deps = c.get("deps");
  try {
    const report = await importFeed(deps.db, {
      ...options,
      by: "console",
      now: deps.now(),
      geo: await deps.geo(),
    });
    return page(c, { report, ...(form ? { form } : {}) });
  } catch (err) {
    const message = `The feed could not be read: ${(err as Error).message}`;
    return page(c, { errors: { baseUrl: message }, ...(form ? { form } : {}) }, 502);
  }
}

export const adminFeedRoutes = new Hono<AdminEnv>()
  .use("/feeds", requireCapability("manage-users"))
  .use("/feeds/*", requireCapability("manage-users"))
  .get("/feeds", (c) => page(c, {}))
  .post("/feeds", async (c) => {
    const deps = c.get("deps");
    const body = await formBody(c);
    const form: FeedForm = {
      name: field(body, "name").trim().slice(0, 120),
      baseUrl: normalBaseUrl(field(body, "baseUrl")).slice(0, 500),
      licence: field(body, "licence").trim().slice(0, 200),
      organisationId: field(body, "organisationId"),
      reviewEveryDays: field(body, "reviewEveryDays").trim(),
      terms: field(body, "terms").slice(0, 10_000),
      keywords: field(body, "keywords").slice(0, 10_000),
    };
    const errors: Record<string, string> = {};
    if (form.name.length < 2) errors.name = "Enter a name for the feed.";
    if (!/^https?:\/\/[^\s/]+\.?[^\s]*$/i.test(form.baseUrl))
      errors.baseUrl = "Enter the feed's address, starting https://.";
    if (!form.licence) errors.licence = "Enter the licence the feed is published under.";
    const days = Number(form.reviewEveryDays);
    if (!Number.isInteger(days) || days < 7 || days > 730)
      errors.reviewEveryDays = "Enter a whole number of days from 7 to 730.";
    if (form.organisationId) {
      const [org] = await deps.db
        .select({ id: organisations.id })
        .from(organisations)
        .where(eq(organisations.id, form.organisationId));
      if (!org) errors.organisationId = "Choose an organisation from the list.";
    }
    const rule = { terms: lines(form.terms), keywords: lines(form.keywords) };
    if (rule.terms.length + rule.keywords.length === 0)
      errors.keywords = "Give at least one term or keyword, or nothing will be kept.";
    const [known] = errors.baseUrl
      ? []
      : await deps.db.select({ id: feeds.id }).from(feeds).where(eq(feeds.baseUrl, form.baseUrl));
    if (known) errors.baseUrl = "This feed is already registered: use Sync now in the list.";
    if (Object.keys(errors).length) return page(c, { form, errors }, 422);
    return run(
      c,
      {
        baseUrl: form.baseUrl,
        name: form.name,
        dryRun: field(body, "intent") !== "import",
        filterRule: rule,
        organisationId: form.organisationId || null,
        licence: form.licence,
        reviewEveryDays: days,
      },
      form,
    );
  })
  .post("/feeds/:id/rule", async (c) => {
    const deps = c.get("deps");
    const id = c.req.param("id");
    const body = await formBody(c);
    const rule = {
      terms: lines(field(body, `terms-${id}`)),
      keywords: lines(field(body, `keywords-${id}`)),
    };
    const [updated] = await deps.db
      .update(feeds)
      .set({ filterRule: rule, updatedAt: deps.now().toISOString() })
      .where(eq(feeds.id, id))
      .returning({ name: feeds.name });
    if (!updated) return page(c, { notice: "That feed is not registered." }, 404);
    return page(c, {
      notice: `Saved the filter rule of ${updated.name}. Preview it to see what it keeps.`,
    });
  })
  .post("/feeds/:id/daily", async (c) => {
    const deps = c.get("deps");
    const body = await formBody(c);
    const enabled = field(body, "enabled") === "on";
    const [updated] = await deps.db
      .update(feeds)
      .set({ enabled, updatedAt: deps.now().toISOString() })
      .where(eq(feeds.id, c.req.param("id")))
      .returning({ name: feeds.name });
    if (!updated) return page(c, { notice: "That feed is not registered." }, 404);
    return page(c, {
      notice: enabled
        ? `${updated.name} is synced once a day from now on.`
        : `${updated.name} is no longer synced daily. Sync now still works.`,
    });
  })
  .post("/feeds/:id/:action{preview|sync}", async (c) => {
    const deps = c.get("deps");
    const [feed] = await deps.db
      .select()
      .from(feeds)
      .where(eq(feeds.id, c.req.param("id")));
    if (!feed) return page(c, { notice: "That feed is not registered." }, 404);
    return run(c, { baseUrl: feed.baseUrl, dryRun: c.req.param("action") === "preview" });
  });
