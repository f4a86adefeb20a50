/**
 * The curation console at /admin: sign-out here, sign-in and password links in
 * admin-sign-in.tsx, the rest in the other admin-*.tsx route files. Every page is
 * server-rendered, works without JavaScript, and checks the session, the CSRF token (on writes)
 * and the user's role on every request.
 */
import { Hono, type MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ASSETS, CONSOLE_CSP } from "../admin/assets.js";
import { audit } from "../admin/audit.js";
import { type AdminEnv, clearSessionCookie, requireCsrf, requireSession } from "../admin/http.js";
import { endSession } from "../admin/session.js";
import { adminAccessRequestRoutes } from "./admin-access-requests.js";
import { adminAccountRoutes } from "./admin-accounts.js";
import { adminAuditRoutes } from "./admin-audit.js";
import { adminCsvRoutes } from "./admin-csv.js";
import { adminFeedReviewRoutes } from "./admin-feed-review.js";
import { adminFeedRoutes } from "./admin-feeds.js";
import { adminHomeRoutes } from "./admin-home.js";
import { adminListingRoutes } from "./admin-listings.js";
import { adminNotifyRoutes } from "./admin-notify.js";
import { adminQueueRoutes } from "./admin-queues.js";
import { signInRoutes } from "./admin-sign-in.js";
import { adminSubmissionRoutes } from "./admin-submissions.js";

/** Console pages are private, never cached, never framed, and run only our own files. */
const consoleHeaders: MiddlewareHandler<AdminEnv> = async (c, next) => {
  await next();
  c.header("Content-Security-Policy", CONSOLE_CSP);
  c.header("Referrer-Policy", "same-origin");
  if (!c.req.path.startsWith("/admin/assets/")) c.header("Cache-Control", "no-store");
};

/** Forms are small; an import file is at most 2 MB. Larger bodies are refused before parsing. */
const MAX_BODY = 3 * 1024 * 1024;

export const adminRoutes = new Hono<AdminEnv>()
  .use("*", consoleHeaders)
  .use(
    "*",
    bodyLimit({
      maxSize: MAX_BODY,
      onError: (c) => c.text("This request is too large. Import files may be at most 2 MB.", 413),
    }),
  )
  .get("/assets/:file", (c) => {
    const asset = ASSETS[c.req.param("file")];
    if (!asset) return c.notFound();
    c.header("Cache-Control", "public, max-age=300");
    return c.body(asset.body, 200, { "Content-Type": asset.type });
  })
  .route("/", signInRoutes)
  .use("*", requireSession, requireCsrf)
  .post("/logout", async (c) => {
    const deps = c.get("deps");
    const { id, user } = c.get("session");
    await endSession(deps.db, id);
    await audit(deps.db, deps.now(), {
      userId: user.id,
      action: "session.logout",
      entity: "user",
      entityId: user.id,
    });
    clearSessionCookie(c);
    return c.redirect("/admin/login?signedout=1", 303);
  })
  .route("/", adminHomeRoutes)
  .route("/listings", adminListingRoutes)
  .route("/", adminQueueRoutes)
  .route("/", adminAccountRoutes)
  .route("/", adminNotifyRoutes)
  .route("/", adminSubmissionRoutes)
  .route("/", adminAccessRequestRoutes)
  .route("/", adminAuditRoutes)
  .route("/", adminCsvRoutes)
  .route("/", adminFeedRoutes)
  .route("/", adminFeedReviewRoutes);
