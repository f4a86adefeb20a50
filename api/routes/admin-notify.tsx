/** `/admin/account/notifications`: each person chooses how they hear about events (notify.ts). */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { NOTIFY_CHOICES, type NotifyChoice, users } from "../../schema/curation.js";
import { type AdminContext, type AdminEnv, field, formBody, render } from "../admin/http.js";
import { notifyChoiceOf } from "../admin/notify.js";
import { NotifyPage } from "../admin/views/notify.js";

async function choiceOf(c: AdminContext) {
  const { user } = c.get("session");
  const [row] = await c
    .get("deps")
    .db.select({ notify: users.notify })
    .from(users)
    .where(eq(users.id, user.id));
  return notifyChoiceOf({ role: user.role, notify: row?.notify ?? null });
}

export const adminNotifyRoutes = new Hono<AdminEnv>()
  .get("/account/notifications", async (c) => {
    const { user, csrfToken } = c.get("session");
    const notice = c.req.query("done") === "1" ? "Saved." : null;
    return render(
      c,
      <NotifyPage user={user} csrf={csrfToken} choice={await choiceOf(c)} notice={notice} />,
    );
  })
  .post("/account/notifications", async (c) => {
    const { user, csrfToken } = c.get("session");
    const sent = field(await formBody(c), "notify");
    if (!NOTIFY_CHOICES.includes(sent as NotifyChoice)) {
      // The page again, saying what to do, with the choice as it was (nothing is changed).
      const page = (
        <NotifyPage
          user={user}
          csrf={csrfToken}
          choice={await choiceOf(c)}
          error="Choose a mail each time or one summary a day."
        />
      );
      return render(c, page, 400);
    }
    await c
      .get("deps")
      .db.update(users)
      .set({ notify: sent as NotifyChoice, updatedAt: c.get("deps").now().toISOString() })
      .where(eq(users.id, user.id));
    return c.redirect("/admin/account/notifications?done=1", 303);
  });
