/** `/admin/submissions`: reviewers accept, merge or reject services offered by the public. */
import { Hono } from "hono";
import { sendAccountLink } from "../admin/account-links.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  formBody,
  render,
  requireCapability,
} from "../admin/http.js";
import { formFromBody } from "../admin/listing-form.js";
import { listingFromForm } from "../admin/listing-form-parse.js";
import { getSubmission, handleSubmission, listSubmissions } from "../admin/submissions.js";
import {
  createOrganisation,
  createUser,
  findUserByEmail,
  listOrganisations,
  newOrganisation,
} from "../admin/users.js";
import { SubmissionsPage } from "../admin/views/submissions.js";
import { createListing, ukToday } from "../admin/workflow.js";
import { newListingId } from "./admin-listing-pages.js";

const NOTICES: Record<string, string> = {
  accepted: "Accepted: the draft listing is made, and the sender is told.",
  rejected: "Rejected: the sender is told why.",
  gone: "Someone else handled that one first.",
};

async function page(c: AdminContext, errors: Record<string, string> = {}, status: 200 | 422 = 200) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  const [rows, organisations] = await Promise.all([
    listSubmissions(deps.db),
    listOrganisations(deps.db),
  ]);
  return render(
    c,
    <SubmissionsPage
      user={user}
      csrf={csrfToken}
      rows={rows}
      organisations={organisations}
      notice={NOTICES[c.req.query("done") ?? ""] ?? null}
      errors={errors}
    />,
    status,
  );
}

const text = (v: Record<string, string | string[]>, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? (x[0] ?? "") : (x ?? "")).trim() || null;
};

export const adminSubmissionRoutes = new Hono<AdminEnv>()
  .use("/submissions/*", requireCapability("publish"))
  .get("/submissions", requireCapability("publish"), (c) => page(c))
  .post("/submissions/:id/accept", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const { user } = c.get("session");
    const submission = await getSubmission(deps.db, c.req.param("id"));
    if (submission?.status !== "waiting") return c.redirect("/admin/submissions?done=gone", 303);
    const chosen = field(await formBody(c), "organisation");
    const organisations = await listOrganisations(deps.db);
    const v = submission.fields;
    let organisationId = chosen;
    if (chosen === "new") {
      const org = newOrganisation.safeParse({
        name: text(v, "org.name"),
        website: text(v, "org.website"),
        email: text(v, "org.email"),
        phone: text(v, "org.phone"),
      });
      if (!org.success) {
        const which = org.error.issues.map((i) => String(i.path[0])).join(", ");
        return page(
          c,
          {
            [submission.id]: `The organisation's ${which} cannot be used as sent. Merge it into an organisation, or reject it saying what to fix.`,
          },
          422,
        );
      }
      organisationId = (await createOrganisation(deps.db, now, user.id, org.data)).id;
    } else if (!organisations.some((o) => o.id === chosen)) {
      return page(c, { [submission.id]: "Choose an organisation." }, 422);
    }
    const parsed = listingFromForm(formFromBody({ ...v, organisationId }), {
      id: newListingId(text(v, "name") ?? "service"),
      geo: await deps.geo(),
      knownIds: new Set(),
      today: ukToday(now),
    });
    if (!parsed.ok) {
      return page(
        c,
        {
          [submission.id]: `The listing does not pass the editor's checks: ${Object.values(parsed.errors).join(" ")}`,
        },
        422,
      );
    }
    const serviceId = await createListing({ db: deps.db, now, actor: user }, parsed.listing);
    // The sender is invited to become the organisation's editor (issue 11 §5's invitations),
    // unless they have an account already.
    const email = submission.contactEmail;
    if (email && !(await findUserByEmail(deps.db, email))) {
      const invited = await createUser(deps.db, now, user.id, {
        email,
        name: submission.contactName ?? "",
        role: "editor",
        organisationId,
      });
      await sendAccountLink(deps.db, now, {
        purpose: "invitation",
        user: invited,
        origin: deps.publicOrigin ?? new URL(c.req.url).origin,
        actorId: user.id,
        invitedBy: user.name || user.email,
        mail: deps.mail,
        // In the language they offered the service in, as the answer that goes with it.
        lang: submission.lang,
      });
    }
    const kind = chosen === "new" ? "accepted" : "merged";
    const done = await handleSubmission(
      deps.db,
      now,
      submission,
      { kind, organisationId, serviceId },
      user.id,
    );
    return c.redirect(`/admin/submissions?done=${done ? "accepted" : "gone"}`, 303);
  })
  .post("/submissions/:id/reject", async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const submission = await getSubmission(deps.db, c.req.param("id"));
    if (submission?.status !== "waiting") return c.redirect("/admin/submissions?done=gone", 303);
    const reason = field(await formBody(c), "reason")
      .trim()
      .slice(0, 1000);
    if (!reason) return page(c, { [submission.id]: "Say why, for the sender." }, 422);
    const done = await handleSubmission(
      deps.db,
      deps.now(),
      submission,
      { kind: "rejected", reason },
      user.id,
    );
    return c.redirect(`/admin/submissions?done=${done ? "rejected" : "gone"}`, 303);
  });
