/** Listings in the console: the table, the editor, one listing's page, workflow actions, history. */
import { Hono } from "hono";
import { z } from "zod";
import { KINDS } from "../../schema/taxonomy.js";
import {
  areaNamer,
  organisationChoices,
  organisationOf,
  revisionsOf,
  userNames,
} from "../admin/console-data.js";
import { diffListings } from "../admin/diff.js";
import { type AdminEnv, field, formBody, notFoundPage, render } from "../admin/http.js";
import { emptyForm, formFromBody, formFromListing } from "../admin/listing-form.js";
import { type FieldErrors, listingFromForm } from "../admin/listing-form-parse.js";
import {
  areasInUse,
  listListings,
  loadListing,
  SORTS,
  STATUS_FILTERS,
} from "../admin/listing-repo.js";
import { publish, requestPublish } from "../admin/publish.js";
import { can, canWorkOn, organisationScope } from "../admin/roles.js";
import { ConflictIntro } from "../admin/views/conflict.js";
import { type HistoryEntry, HistoryPage } from "../admin/views/history.js";
import { ListingsPage } from "../admin/views/listings.js";
import {
  archive,
  cancelRequest,
  createListing,
  discardDraft,
  markChecked,
  restoreRevision,
  saveDraft,
  sendBack,
  submit,
  ukToday,
  withdraw,
} from "../admin/workflow.js";
import {
  addRow,
  ctxOf,
  editorPage,
  knownIds,
  listingFor,
  listingPage,
  mayArchive,
  mayPublish,
  newListingId,
  previewIntro,
  tokenFrom,
  workflowAction,
} from "./admin-listing-pages.js";

const PAGE_SIZE = 50;

const NOTICES: Record<string, string> = {
  created: "The draft was created. Submit it for review when it is ready.",
  saved: "Your changes were saved as a draft. They are not public until a reviewer publishes them.",
  submitted: "Submitted for review. A reviewer will publish it or send it back.",
  withdrawn: "Withdrawn from review. It is a draft again.",
  "sent-back": "Sent back to the editor with your note.",
  published: "Published. Parents can find it now.",
  archived: "Archived. It no longer appears in search.",
  "archive-requested":
    "You asked for this crisis listing to be archived. It stays listed until a second person confirms.",
  "publish-requested":
    "You asked for this listing to be published. A second person must check it and publish it.",
  "request-cancelled": "The request was withdrawn. Nothing else changed.",
  checked: "Marked as checked today.",
  discarded: "The unpublished changes were discarded.",
  restored: "The earlier version is now the draft. Submit it for review to publish it.",
  "source-accepted":
    "The changes you took from the source are in the draft, in review. A second person publishes them.",
  merged: "Merged. The feed's record now follows this listing.",
  imported: "Imported from the feed as a draft in review.",
};

const one = z
  .string()
  .optional()
  .transform((v) => v || undefined);
/** A free-text filter, cut to the longest value that can match anything (never an error). */
const upTo = (max: number) => one.transform((v) => v?.slice(0, max));
const tableQuery = z.object({
  q: upTo(200),
  status: one.pipe(z.enum(STATUS_FILTERS).optional()).catch(undefined),
  kind: one.pipe(z.enum(KINDS).optional()).catch(undefined),
  area: upTo(40),
  organisation: upTo(100),
  sort: one.pipe(z.enum(SORTS).optional()).catch(undefined),
  due: one,
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export const adminListingRoutes = new Hono<AdminEnv>()
  .get("/", async (c) => {
    const deps = c.get("deps");
    const { user, csrfToken } = c.get("session");
    const q = tableQuery.parse(c.req.query());
    const now = deps.now();
    const scope = organisationScope(user);
    const page = q.page ?? 1;
    const filter = {
      q: q.q,
      status: q.status,
      kind: q.kind,
      area: q.area,
      organisationId: scope === null ? q.organisation : undefined,
      due: q.due === "1",
      sort: q.sort,
      scope,
    };
    const [result, orgs, areas, geo] = await Promise.all([
      listListings(deps.db, filter, now, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
      organisationChoices(deps.db, user),
      areasInUse(deps.db, scope),
      deps.geo(),
    ]);
    const name = areaNamer(geo);
    const query = new URLSearchParams(
      Object.entries({ ...q, page: undefined }).filter(
        (e): e is [string, string] => typeof e[1] === "string",
      ),
    ).toString();
    return render(
      c,
      <ListingsPage
        user={user}
        csrf={csrfToken}
        now={now}
        filter={{ ...filter, page }}
        rows={result.rows}
        total={result.total}
        pages={Math.max(1, Math.ceil(result.total / PAGE_SIZE))}
        organisations={orgs}
        areas={areas.map((a) => ({
          value: a.code,
          label: name({ kind: a.kind, code: a.code } as never),
        }))}
        query={query}
      />,
    );
  })
  .get("/new", (c) => {
    const { user } = c.get("session");
    return editorPage(c, {
      title: "Add a listing",
      action: "/admin/listings/new",
      values: emptyForm(user.organisationId ?? ""),
      token: null,
      organisationId: user.organisationId ?? "",
    });
  })
  .post("/new", async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const body = await formBody(c);
    const values = formFromBody(body);
    if (!can(user, "all-organisations")) values.organisationId = user.organisationId ?? "";
    const common = {
      title: "Add a listing",
      action: "/admin/listings/new",
      token: null,
      organisationId: values.organisationId,
    };
    const more = addRow(values, field(body, "intent"));
    if (more) return editorPage(c, { ...common, values: more });
    const parsed = listingFromForm(values, {
      id: newListingId(values.name),
      geo: await deps.geo(),
      knownIds: knownIds(null),
      today: ukToday(deps.now()),
    });
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (!(await organisationOf(deps.db, values.organisationId)))
      errors.organisationId ??= "Choose an organisation.";
    if (!parsed.ok || Object.keys(errors).length > 0)
      return editorPage(c, { ...common, values, errors });
    if (field(body, "intent") === "preview") {
      return editorPage(c, { ...common, values, intro: await previewIntro(c, parsed.listing) });
    }
    const id = await createListing(ctxOf(c), parsed.listing);
    return c.redirect(`/admin/listings/${encodeURIComponent(id)}?done=created`, 303);
  })
  .get("/:id", async (c) => {
    const record = await listingFor(c);
    if (record instanceof Response) return record;
    return listingPage(c, record, { notice: NOTICES[c.req.query("done") ?? ""] ?? null });
  })
  .get("/:id/edit", async (c) => {
    const record = await listingFor(c);
    if (record instanceof Response) return record;
    return editorPage(c, {
      title: `Edit ${record.working.name}`,
      action: `/admin/listings/${encodeURIComponent(record.id)}/edit`,
      values: formFromListing(record.working, await c.get("deps").geo()),
      token: record.token,
      organisationId: record.organisationId,
    });
  })
  .post("/:id/edit", async (c) => {
    const deps = c.get("deps");
    const record = await listingFor(c);
    if (record instanceof Response) return record;
    const { user } = c.get("session");
    const body = await formBody(c);
    const token = tokenFrom(body) ?? { version: -1, revision: -1 };
    const values = formFromBody(body);
    if (!can(user, "all-organisations")) values.organisationId = record.organisationId;
    const action = `/admin/listings/${encodeURIComponent(record.id)}/edit`;
    const common = {
      title: `Edit ${record.working.name}`,
      action,
      token,
      organisationId: values.organisationId,
    };
    const more = addRow(values, field(body, "intent"));
    if (more) return editorPage(c, { ...common, values: more });
    const geo = await deps.geo();
    const parsed = listingFromForm(values, {
      id: record.id,
      geo,
      knownIds: knownIds(record.working),
      today: ukToday(deps.now()),
    });
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (!(await organisationOf(deps.db, values.organisationId)))
      errors.organisationId ??= "Choose an organisation.";
    if (!parsed.ok || Object.keys(errors).length > 0)
      return editorPage(c, { ...common, values, errors });
    if (field(body, "intent") === "preview") {
      return editorPage(c, { ...common, values, intro: await previewIntro(c, parsed.listing) });
    }
    const outcome = await saveDraft(ctxOf(c), record, token, parsed.listing);
    if (outcome.ok)
      return c.redirect(`/admin/listings/${encodeURIComponent(record.id)}?done=saved`, 303);
    // Someone else saved first: show both, keep this person's work in the form, overwrite nothing.
    const fresh = (await loadListing(deps.db, record.id)) ?? record;
    const names = await userNames(deps.db);
    const changedBy = fresh.draft?.editedBy ? (names.get(fresh.draft.editedBy) ?? null) : null;
    return editorPage(c, {
      ...common,
      title: "Someone else changed this listing",
      values,
      token: fresh.token,
      status: 409,
      intro: (
        <ConflictIntro
          theirs={fresh.working}
          mine={parsed.listing}
          changedBy={changedBy}
          changedAt={fresh.draft?.editedAt ?? fresh.live.service.updatedAt}
          changes={diffListings(fresh.working, parsed.listing)}
          editHref={action}
          areaName={areaNamer(geo)}
        />
      ),
    });
  })
  .post(
    "/:id/submit",
    workflowAction((c, r, t) => submit(ctxOf(c), r, t), "submitted"),
  )
  .post(
    "/:id/withdraw",
    workflowAction((c, r, t) => withdraw(ctxOf(c), r, t), "withdrawn"),
  )
  .post(
    "/:id/send-back",
    workflowAction(
      async (c, r, t, body) => {
        const note = field(body as never, "reviewNote")
          .trim()
          .slice(0, 2000);
        if (!note)
          return {
            ok: false,
            problem: "invalid",
            message: "Say what needs changing before sending it back.",
          };
        return sendBack(ctxOf(c), r, t, note);
      },
      "sent-back",
      mayPublish,
    ),
  )
  .post(
    "/:id/publish",
    workflowAction(
      (c, r, t, body) =>
        publish(
          ctxOf(c),
          r,
          t,
          field(body as never, "note")
            .trim()
            .slice(0, 2000) || null,
          { markChecked: field(body as never, "markChecked") === "yes" },
        ),
      "published",
      mayPublish,
    ),
  )
  .post(
    "/:id/request-publish",
    workflowAction((c, r, t) => requestPublish(ctxOf(c), r, t), "publish-requested", mayPublish),
  )
  .post(
    "/:id/archive",
    workflowAction((c, r, t) => archive(ctxOf(c), r, t), "archived", mayArchive),
  )
  .post(
    "/:id/requests/:action/cancel",
    workflowAction(
      (c, r) => {
        const action = c.req.param("action");
        return action === "publish" || action === "archive"
          ? cancelRequest(ctxOf(c), r, action)
          : Promise.resolve({
              ok: false,
              problem: "state",
              message: "There is no such request.",
            } as const);
      },
      "request-cancelled",
      (c) => (c.req.param("action") === "archive" ? mayArchive(c) : mayPublish(c)),
    ),
  )
  .post(
    "/:id/check",
    workflowAction((c, r) => markChecked(ctxOf(c), r), "checked"),
  )
  .post(
    "/:id/discard",
    workflowAction((c, r, t) => discardDraft(ctxOf(c), r, t), "discarded"),
  )
  .post(
    "/:id/revisions/:version/restore",
    // Version numbers are whole numbers from 1; anything else names no version.
    (c, next) =>
      /^[1-9]\d{0,8}$/.test(c.req.param("version") ?? "") ? next() : notFoundPage(c, "version"),
    workflowAction(
      (c, r, t) => restoreRevision(ctxOf(c), r, t, Number(c.req.param("version"))),
      "restored",
    ),
  )
  .get("/:id/history", async (c) => {
    const deps = c.get("deps");
    const record = await listingFor(c);
    if (record instanceof Response) return record;
    const { user, csrfToken } = c.get("session");
    const [revs, names] = await Promise.all([revisionsOf(deps.db, record.id), userNames(deps.db)]);
    const live = record.live.service;
    const entries: HistoryEntry[] = revs.map((r, i) => ({
      version: r.version,
      createdAt: r.createdAt,
      publishedBy: r.userId ? (names.get(r.userId) ?? r.userId) : null,
      editedBy: r.editedBy ? (names.get(r.editedBy) ?? r.editedBy) : null,
      note: r.note,
      changes: diffListings(revs[i + 1]?.snapshot ?? null, r.snapshot),
      current: live.status === "published" && r.version === live.version,
    }));
    return render(
      c,
      <HistoryPage
        user={user}
        csrf={csrfToken}
        id={record.id}
        name={record.working.name}
        entries={entries}
        token={record.token}
        canRestore={canWorkOn(user, record.organisationId)}
        hasDraft={Boolean(record.draft)}
      />,
    );
  });
