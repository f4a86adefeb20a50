/** /admin/feed-review: changes from source, possible duplicates and services gone at source. */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { services } from "../../schema/tables.js";
import {
  type AdminContext,
  type AdminEnv,
  formBody,
  notFoundPage,
  render,
  requireCapability,
} from "../admin/http.js";
import { loadListing } from "../admin/listing-repo.js";
import {
  DuplicatePage,
  FeedReviewPage,
  GonePage,
  reviewHref,
  SourceChangePage,
} from "../admin/views/feed-review.js";
import type { Outcome } from "../admin/workflow.js";
import {
  acceptFromSource,
  archiveGone,
  duplicateDifferences,
  type FeedRecordRow,
  type FeedRow,
  importSeparately,
  keepGone,
  keepOurs,
  keepRecordArchiveTwin,
  loadFeedRecord,
  mergeDuplicate,
  type ReviewItem,
  reviewQueue,
  sourceChangeOf,
} from "../feeds/review.js";
import { ctxOf, tokenFrom } from "./admin-listing-pages.js";

const NOTICES: Record<string, string> = {
  "source-kept": "Kept ours. The source's version is remembered as reviewed; nothing changed.",
  "gone-kept": "The listing is kept. It is no longer flagged as gone.",
  merged: "Merged. The record now follows the listing it matched; choose what to take from it.",
};

async function itemOf(c: AdminContext, fr: FeedRecordRow, feed: FeedRow): Promise<ReviewItem> {
  const [service] = fr.serviceId
    ? await c
        .get("deps")
        .db.select({ name: services.name, status: services.status })
        .from(services)
        .where(eq(services.id, fr.serviceId))
    : [];
  return {
    feedId: fr.feedId,
    feedName: feed.name,
    remoteId: fr.remoteId,
    name: fr.name,
    state: fr.state,
    serviceId: fr.serviceId,
    serviceName: service?.name ?? null,
    serviceStatus: service?.status ?? null,
    reason: fr.reason,
    fetchedAt: fr.fetchedAt,
  };
}

/** The page for one record, in whatever state it is. */
async function recordPage(
  c: AdminContext,
  options: { problem?: Outcome; notice?: string | null; status?: 200 | 403 | 404 | 409 | 422 } = {},
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const found = await loadFeedRecord(
    deps.db,
    c.req.param("feed") ?? "",
    c.req.param("remote") ?? "",
  );
  if (!found) return notFoundPage(c, "record");
  const { record: fr, feed } = found;
  const item = await itemOf(c, fr, feed);
  const problem = options.problem && !options.problem.ok ? options.problem.message : null;
  const status = options.status ?? 200;
  const listing = fr.serviceId ? await loadListing(deps.db, fr.serviceId) : null;
  if (fr.state === "imported" && fr.pendingHash && listing) {
    const change = sourceChangeOf(fr, listing, deps.now(), await deps.geo());
    return render(
      c,
      <SourceChangePage
        user={user}
        csrf={csrfToken}
        item={item}
        feedName={feed.name}
        groups={change.ok ? change.groups : []}
        flags={change.ok ? change.flags : []}
        unreadable={change.ok ? null : change.reason}
        hash={fr.pendingHash}
        token={listing.token}
        problem={problem}
        notice={options.notice ?? null}
      />,
      status,
    );
  }
  if (fr.state === "duplicate") {
    return render(
      c,
      <DuplicatePage
        user={user}
        csrf={csrfToken}
        item={item}
        feedName={feed.name}
        differences={listing ? duplicateDifferences(fr, listing, deps.now(), await deps.geo()) : []}
        twinPublished={listing?.everPublished ?? false}
        token={listing?.token ?? null}
        problem={problem}
      />,
      status,
    );
  }
  if (fr.state === "gone" && listing) {
    return render(
      c,
      <GonePage
        user={user}
        csrf={csrfToken}
        item={item}
        feedName={feed.name}
        token={listing.token}
        problem={problem}
      />,
      status,
    );
  }
  // Dealt with (or never linked): the list says what is left.
  return c.redirect("/admin/feed-review", 303);
}

const toListing = (c: AdminContext, id: string, done: string) =>
  c.redirect(`/admin/listings/${encodeURIComponent(id)}?done=${done}`, 303);

const STATUS: Record<string, 403 | 409 | 422> = { "four-eyes": 403, invalid: 422 };

export const adminFeedReviewRoutes = new Hono<AdminEnv>()
  .use("/feed-review", requireCapability("publish"))
  .use("/feed-review/*", requireCapability("publish"))
  .get("/feed-review", async (c) => {
    const { user, csrfToken } = c.get("session");
    const queue = await reviewQueue(c.get("deps").db);
    return render(
      c,
      <FeedReviewPage
        user={user}
        csrf={csrfToken}
        queue={queue}
        notice={NOTICES[c.req.query("done") ?? ""] ?? null}
      />,
    );
  })
  .get("/feed-review/:feed/:remote", (c) =>
    recordPage(c, { notice: NOTICES[c.req.query("done") ?? ""] ?? null }),
  )
  .post("/feed-review/:feed/:remote", async (c) => {
    const deps = c.get("deps");
    const found = await loadFeedRecord(deps.db, c.req.param("feed"), c.req.param("remote"));
    if (!found) return notFoundPage(c, "record");
    const { record: fr, feed } = found;
    const body = await formBody(c);
    const intent = String(body.intent ?? "");
    const ctx = ctxOf(c);
    const geo = await deps.geo();
    const listing = fr.serviceId ? await loadListing(deps.db, fr.serviceId) : null;
    const token = tokenFrom(body);
    const hash = String(body.hash ?? "");
    const incomplete: Outcome = {
      ok: false,
      problem: "conflict",
      message: "The form was incomplete, or the listing is gone. Reload the page and try again.",
    };
    let outcome: Outcome & { serviceId?: string } = incomplete;
    if ((intent === "take" || intent === "all") && listing && token) {
      const change = sourceChangeOf(fr, listing, ctx.now, geo);
      const keys =
        intent === "all"
          ? change.ok
            ? change.groups.map((g) => g.key)
            : []
          : [body.take ?? []].flat().map(String);
      outcome = await acceptFromSource(ctx, geo, fr, listing, token, hash, keys);
      if (outcome.ok) return toListing(c, listing.id, "source-accepted");
    } else if (intent === "keep" && listing) {
      const change = sourceChangeOf(fr, listing, ctx.now, geo);
      outcome = await keepOurs(ctx, fr, hash, change.ok ? change.groups.map((g) => g.label) : []);
      if (outcome.ok) return c.redirect("/admin/feed-review?done=source-kept", 303);
    } else if (intent === "merge" && listing) {
      outcome = await mergeDuplicate(ctx, geo, fr, listing);
      if (outcome.ok)
        return outcome.done === "merged-differs"
          ? c.redirect(`${reviewHref(fr.feedId, fr.remoteId)}?done=merged`, 303)
          : toListing(c, listing.id, "merged");
    } else if (intent === "separate") {
      outcome = await importSeparately(ctx, geo, fr, feed);
    } else if (intent === "replace" && listing && token) {
      outcome = await keepRecordArchiveTwin(ctx, geo, fr, feed, listing, token);
    } else if (intent === "archive" && listing && token) {
      outcome = await archiveGone(ctx, fr, listing, token);
      if (outcome.ok)
        return toListing(
          c,
          listing.id,
          outcome.done === "archive-requested" ? "archive-requested" : "archived",
        );
    } else if (intent === "keep-gone") {
      outcome = await keepGone(ctx, fr);
      if (outcome.ok) return c.redirect("/admin/feed-review?done=gone-kept", 303);
    }
    if (outcome.ok && outcome.serviceId) return toListing(c, outcome.serviceId, "imported");
    return recordPage(c, {
      problem: outcome,
      status: outcome.ok ? 200 : (STATUS[outcome.problem] ?? 409),
    });
  });
