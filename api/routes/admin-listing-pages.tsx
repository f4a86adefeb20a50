/** Helpers of the listing routes: finding a listing for a user, rendering its pages, actions. */
import type { Context } from "hono";
import type { Listing } from "../../schema/listing-input.js";
import { areaChoices } from "../admin/area-lookup.js";
import {
  areaNamer,
  organisationChoices,
  organisationOf,
  previewOf,
  userNames,
} from "../admin/console-data.js";
import { diffListings } from "../admin/diff.js";
import { SEED_AUTHOR } from "../admin/four-eyes.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  formBody,
  notFoundPage,
  render,
} from "../admin/http.js";
import {
  blankArea,
  blankContact,
  blankLocation,
  blankSchedule,
  type ListingFormValues,
  withSpareRows,
} from "../admin/listing-form.js";
import type { FieldErrors } from "../admin/listing-form-parse.js";
import {
  type EditToken,
  type ListingRecord,
  loadListing,
  type RequestRow,
  stageOf,
} from "../admin/listing-repo.js";
import { fourEyesCheck } from "../admin/publish.js";
import { publishedChangeHook } from "../admin/published.js";
import { listReports } from "../admin/reports.js";
import { reviewStatus } from "../admin/review-status.js";
import { can, canWorkOn } from "../admin/roles.js";
import { randomId } from "../admin/tokens.js";
import { EditorPage } from "../admin/views/editor.js";
import { ErrorPage } from "../admin/views/error-page.js";
import { ListingView } from "../admin/views/listing-view.js";
import { PreviewCards } from "../admin/views/preview.js";
import { draftState, type Outcome, type WorkflowContext } from "../admin/workflow.js";
import { waitingForListing } from "../feeds/review.js";

export function tokenFrom(body: Record<string, unknown>): EditToken | null {
  const version = Number(field(body as never, "version"));
  const revision = Number(field(body as never, "revision"));
  return Number.isInteger(version) && Number.isInteger(revision) ? { version, revision } : null;
}

/** The listing, if it exists and this user may work on it; otherwise the answer to send. */
export async function listingFor(c: AdminContext): Promise<ListingRecord | Response> {
  const { user } = c.get("session");
  const record = await loadListing(c.get("deps").db, c.req.param("id") ?? "");
  // Another organisation's listing gets the same answer as a missing one.
  if (!record || !canWorkOn(user, record.organisationId)) return notFoundPage(c, "listing");
  return record;
}

export async function listingPage(
  c: AdminContext,
  record: ListingRecord,
  options: { notice?: string | null; problem?: Outcome; status?: 200 | 403 | 409 | 422 } = {},
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const now = deps.now();
  const [org, reports, names, geo, fromSource] = await Promise.all([
    organisationOf(deps.db, record.organisationId),
    listReports(deps.db, { serviceId: record.id }),
    userNames(deps.db),
    deps.geo(),
    waitingForListing(deps.db, record.id),
  ]);
  const check = fourEyesCheck(record, user.id);
  const problem = options.problem && !options.problem.ok ? options.problem : null;
  return render(
    c,
    <ListingView
      user={user}
      csrf={csrfToken}
      record={record}
      stage={stageOf(record)}
      workflowState={draftState(record)}
      organisationName={org?.name ?? record.organisationId}
      preview={previewOf(record.working, org, now)}
      changes={
        record.draft && record.everPublished
          ? diffListings(record.liveListing, record.working)
          : null
      }
      review={reviewStatus(record.live.service, now)}
      draftReview={
        draftState(record) === "in-review"
          ? reviewStatus({ ...record.working, verifiedAt: record.working.verifiedAt ?? null }, now)
          : null
      }
      fourEyes={{
        ...check,
        authorNames: check.authors
          .filter((a) => a !== user.id)
          .map((a) => (a === SEED_AUTHOR ? "the seed files" : (names.get(a) ?? "someone"))),
      }}
      requests={{
        publish: requestView(record.requests.publish, names),
        archive: requestView(record.requests.archive, names),
      }}
      reports={reports}
      fromSource={fromSource}
      notice={options.notice ?? null}
      problem={problem ? { message: problem.message, details: problem.details } : null}
      areaName={areaNamer(geo)}
    />,
    options.status ?? 200,
  );
}

const requestView = (r: RequestRow | null, names: Map<string, string>) =>
  r
    ? { by: r.requestedBy, byName: names.get(r.requestedBy) ?? "someone", at: r.requestedAt }
    : null;

export async function editorPage(
  c: AdminContext,
  p: {
    title: string;
    action: string;
    values: ListingFormValues;
    errors?: FieldErrors;
    token: EditToken | null;
    organisationId: string;
    intro?: unknown;
    status?: 200 | 409 | 422;
  },
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const [orgs, org, geo] = await Promise.all([
    organisationChoices(deps.db, user),
    organisationOf(deps.db, p.organisationId),
    deps.geo(),
  ]);
  const names = areaChoices(geo);
  return render(
    c,
    <EditorPage
      user={user}
      csrf={csrfToken}
      title={p.title}
      action={p.action}
      values={withSpareRows(p.values)}
      errors={p.errors ?? {}}
      token={p.token}
      organisations={orgs}
      organisationName={org?.name ?? p.organisationId}
      areaNames={[...names.country, ...names.icb, ...names.lhb, ...names.lad]}
      intro={p.intro}
    />,
    p.status ?? (p.errors && Object.keys(p.errors).length ? 422 : 200),
  );
}

/** "Preview": the form's values as the widget would show them, nothing saved. */
export async function previewIntro(c: AdminContext, listing: Listing) {
  const deps = c.get("deps");
  const org = await organisationOf(deps.db, listing.organisationId);
  return (
    <section class="panel" aria-labelledby="preview-heading">
      <h2 id="preview-heading">Preview: how parents will see it</h2>
      <p>Nothing has been saved yet. Check the preview, then save the draft below.</p>
      <PreviewCards preview={previewOf(listing, org, deps.now())} />
    </section>
  );
}

/** "Add another …" buttons: the same form back with one more empty row, nothing saved. */
export function addRow(values: ListingFormValues, intent: string): ListingFormValues | null {
  switch (intent) {
    case "add-contact":
      return { ...values, contacts: [...values.contacts, blankContact()] };
    case "add-location":
      return { ...values, locations: [...values.locations, blankLocation()] };
    case "add-schedule":
      return { ...values, schedules: [...values.schedules, blankSchedule()] };
    case "add-area":
      return { ...values, areas: [...values.areas, blankArea()] };
    default:
      return null;
  }
}

export function newListingId(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "listing"}-${randomId(6)}`;
}

/** Ids of the rows a listing already has, which a posted form may keep. */
export const knownIds = (l: Listing | null) =>
  new Set(l ? [l.contacts, l.locations, l.schedules, l.areas].flat().map((x) => x.id) : []);

export function workflowAction(
  run: (
    c: AdminContext,
    record: ListingRecord,
    token: EditToken,
    body: Record<string, unknown>,
  ) => Promise<Outcome>,
  done: string,
  allowed: (c: AdminContext, record: ListingRecord) => boolean = () => true,
) {
  return async (c: Context<AdminEnv>) => {
    const record = await listingFor(c);
    if (record instanceof Response) return record;
    if (!allowed(c, record)) {
      const { user, csrfToken } = c.get("session");
      return render(
        c,
        <ErrorPage
          title="You cannot do this"
          user={user}
          csrf={csrfToken}
          message="Your account does not have permission for this action. Reviewers and admins publish and archive listings."
        />,
        403,
      );
    }
    const body = await formBody(c);
    const token = tokenFrom(body);
    const outcome: Outcome = token
      ? await run(c, record, token, body)
      : {
          ok: false,
          problem: "conflict",
          message: "The form was incomplete. Reload the page and try again.",
        };
    if (outcome.ok)
      return c.redirect(
        `/admin/listings/${encodeURIComponent(record.id)}?done=${outcome.done ?? done}`,
        303,
      );
    const fresh = (await loadListing(c.get("deps").db, record.id)) ?? record;
    const status =
      outcome.problem === "four-eyes" ? 403 : outcome.problem === "invalid" ? 422 : 409;
    return listingPage(c, fresh, { problem: outcome, status });
  };
}

export const ctxOf = (c: AdminContext): WorkflowContext => ({
  db: c.get("deps").db,
  now: c.get("deps").now(),
  actor: c.get("session").user,
  publishedChanged: publishedChangeHook(c.get("deps")),
});

export const mayPublish = (c: AdminContext) => can(c.get("session").user, "publish");
export const mayArchive = (c: AdminContext) => can(c.get("session").user, "archive");
