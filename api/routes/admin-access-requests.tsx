/**
 * `/admin/access-requests`: admins approve or refuse requests for editor access made from a
 * listing's public page. Approving invites an editor account on the listing's organisation
 * through the invitations of account-links.ts. Admin role checked on every request.
 */
import { Hono } from "hono";
import {
  type AccessRequestView,
  decideAccessRequest,
  getAccessRequest,
  listAccessRequests,
} from "../admin/access-requests.js";
import { sendAccountLink } from "../admin/account-links.js";
import {
  type AdminContext,
  type AdminEnv,
  field,
  formBody,
  linkOrigin,
  render,
  requireCapability,
} from "../admin/http.js";
import { createUser, findUserByEmail } from "../admin/users.js";
import { AccessRequestsPage } from "../admin/views/access-requests.js";

const NOTICES: Record<string, string> = {
  approved: "Approved: they are told, and an invitation to set a password is on its way.",
  refused: "Refused: they are told why.",
  raced:
    "Approved, but an account with that address was made meanwhile, so no invitation was sent. Check it under Accounts.",
  gone: "Someone else handled that one first.",
};

async function page(
  c: AdminContext,
  extra: { errors?: Record<string, string>; reasons?: Record<string, string> } = {},
  status: 200 | 422 = 200,
) {
  const deps = c.get("deps");
  const { user, csrfToken } = c.get("session");
  return render(
    c,
    <AccessRequestsPage
      user={user}
      csrf={csrfToken}
      rows={await listAccessRequests(deps.db)}
      notice={NOTICES[c.req.query("done") ?? ""] ?? null}
      {...extra}
    />,
    status,
  );
}

const waiting = async (c: AdminContext): Promise<AccessRequestView | null> => {
  const request = await getAccessRequest(c.get("deps").db, c.req.param("id") ?? "");
  return request?.status === "waiting" && request.email ? request : null;
};

export const adminAccessRequestRoutes = new Hono<AdminEnv>()
  .use("/access-requests", requireCapability("manage-users"))
  .use("/access-requests/*", requireCapability("manage-users"))
  .get("/access-requests", (c) => page(c))
  .post("/access-requests/:id/approve", async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const { user } = c.get("session");
    const request = await waiting(c);
    if (!request?.email) return c.redirect("/admin/access-requests?done=gone", 303);
    if (await findUserByEmail(deps.db, request.email)) {
      const message = `There is already an account for ${request.email}. If it should edit the listings of ${request.organisationName}, change that account under Accounts; then refuse this request, saying so.`;
      return page(c, { errors: { [request.id]: message } }, 422);
    }
    if (!(await decideAccessRequest(deps.db, now, request, { kind: "approved" }, user.id))) {
      return c.redirect("/admin/access-requests?done=gone", 303);
    }
    let invited: Awaited<ReturnType<typeof createUser>>;
    try {
      invited = await createUser(deps.db, now, user.id, {
        email: request.email,
        name: request.name ?? "",
        role: "editor",
        organisationId: request.organisationId,
      });
    } catch {
      // Only an account made with the same address since the check above gets here.
      return c.redirect("/admin/access-requests?done=raced", 303);
    }
    await sendAccountLink(deps.db, now, {
      purpose: "invitation",
      user: invited,
      origin: linkOrigin(c),
      actorId: user.id,
      invitedBy: user.name || user.email,
      mail: deps.mail,
      // In the language they asked in, as the answer just before it.
      lang: request.lang,
    });
    return c.redirect("/admin/access-requests?done=approved", 303);
  })
  .post("/access-requests/:id/refuse", async (c) => {
    const deps = c.get("deps");
    const { user } = c.get("session");
    const request = await waiting(c);
    if (!request) return c.redirect("/admin/access-requests?done=gone", 303);
    const typed = field(await formBody(c), "reason");
    const reason = typed.trim();
    if (!reason || reason.length > 1000) {
      return page(
        c,
        {
          errors: {
            [request.id]: reason
              ? "Keep the reason to 1,000 characters."
              : "Say why, for the person who asked.",
          },
          reasons: { [request.id]: typed.slice(0, 2000) },
        },
        422,
      );
    }
    const done = await decideAccessRequest(
      deps.db,
      deps.now(),
      request,
      { kind: "refused", reason },
      user.id,
    );
    return c.redirect(`/admin/access-requests?done=${done ? "refused" : "gone"}`, 303);
  });
