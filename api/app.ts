import { Hono, type MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { routePath } from "hono/route";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv, Deps } from "./deps.js";
import { searchDemand } from "./embed-usage.js";
import { errorResponse, notFoundResponse } from "./error-response.js";
import { errorFields } from "./logger.js";
import { publicCors, setResponseHeader } from "./public-cors.js";
import { concurrencyCap, rateLimit } from "./rate-limit.js";
import { accessRequestRoutes } from "./routes/access-request.js";
import { addServiceRoutes } from "./routes/add-service.js";
import { adminRoutes } from "./routes/admin.js";
import { coverageRoutes } from "./routes/coverage.js";
import { crisisRoutes } from "./routes/crisis.js";
import { embedRoutes } from "./routes/embed.js";
import { healthRoutes } from "./routes/health.js";
import { homeRoutes } from "./routes/home.js";
import { listingCheckRoutes } from "./routes/listing-check.js";
import { openapiRoutes } from "./routes/openapi.js";
import { orukRoutes } from "./routes/oruk/index.js";
import { pageAssetRoutes } from "./routes/page-assets.js";
import { placeRoutes } from "./routes/places.js";
import { printRoutes } from "./routes/print.js";
import { reportRoutes } from "./routes/reports.js";
import { searchRoutes } from "./routes/search.js";
import { servicePageRoutes } from "./routes/service-page.js";
import { serviceRoutes } from "./routes/services.js";
import { staticRoutes } from "./routes/static.js";
import { taxonomyRoutes } from "./routes/taxonomy.js";

/** Counts a successful search for the registered embed site named by `site`, if any. */
const countEmbedUse: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const usage = c.get("deps").usage;
  const site = c.req.query("site");
  if (!usage || !site || c.res.status >= 400) return;
  const answer =
    c.res.status === 200
      ? c.res
          .clone()
          .json()
          .catch(() => null)
      : Promise.resolve(null);
  const counted = usage
    .record(site, c.req.header("origin"))
    .then(async (ok) => {
      const demand = ok ? searchDemand(await answer) : null;
      if (demand) usage.recordDemand(demand.district, demand.local);
    })
    .then(() => usage.flushIfDue())
    .catch((err: unknown) =>
      c.get("deps").logger.warn("embed usage not counted", errorFields(err)),
    );
  // On Workers the count finishes after the answer is sent; on Node it simply runs on.
  try {
    c.executionCtx.waitUntil(counted);
  } catch {
    void counted;
  }
};

export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.use("*", async (c, next) => {
    const requestId = crypto.randomUUID();
    c.set("requestId", requestId);
    c.set("deps", deps);
    const started = performance.now();
    await next();
    setResponseHeader(c, "X-Request-Id", requestId);
    // The matched route pattern, never the path or query: both can hold a postcode.
    deps.logger.info("request", {
      requestId,
      method: c.req.method,
      route: routePath(c, -1),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  });
  const headers = {
    crossOriginResourcePolicy: "cross-origin",
    referrerPolicy: "strict-origin-when-cross-origin",
  } as const;
  const pageHeaders = secureHeaders(headers);
  // The iframe embed is meant to be framed by any site: no X-Frame-Options there (its CSP says
  // `frame-ancestors *`). Everything else, the console above all, refuses to be framed.
  const embedHeaders = secureHeaders({ ...headers, xFrameOptions: false });
  // The console sends no referrer to other sites at all (its URLs name listings and people).
  // This middleware runs its header step after the console's own, so it must say so itself.
  const consoleHeaders = secureHeaders({ ...headers, referrerPolicy: "same-origin" });
  // Pages reached by a link with a credential in its path (mail links) send no referrer at all.
  const linkHeaders = secureHeaders({ ...headers, referrerPolicy: "no-referrer" });
  const headersFor = (path: string) => {
    if (
      path.startsWith("/check/") ||
      path.startsWith("/add-your-service/confirm/") ||
      path.startsWith("/ask-to-update/confirm/")
    ) {
      return linkHeaders;
    }
    if (path === "/embed" || path.startsWith("/embed/")) return embedHeaders;
    return path === "/admin" || path.startsWith("/admin/") ? consoleHeaders : pageHeaders;
  };
  app.use("*", (c, next) => headersFor(c.req.path)(c, next));
  app.use(
    "/api/v1/services/:id/reports",
    cors({ origin: "*", allowMethods: ["POST", "OPTIONS"], allowHeaders: ["Content-Type"] }),
  );
  app.use("/api/*", publicCors(["GET", "HEAD", "OPTIONS"]));
  // The JSON API and the Open Referral feed share the per-client allowance for public reads.
  for (const path of ["/api/*", "/oruk/*"]) {
    app.use(
      path,
      rateLimit((c) => c.get("deps").limits?.public),
    );
  }
  app.use("/api/v1/search", countEmbedUse);
  app.post(
    "/api/v1/services/:id/reports",
    rateLimit((c) => c.get("deps").limits?.reports),
  );
  // Public pages and print tools: per client, refused with an HTML page; PDFs and posters also
  // wait for one of a few turns. ("/print/*" covers /print too; sign-in posts are limited in
  // the sign-in route itself.)
  for (const path of [
    "/print/*",
    "/services/*",
    "/embed",
    "/check/*",
    "/coverage",
    "/coverage/*",
  ]) {
    app.use(
      path,
      rateLimit((c) => c.get("deps").limits?.pages, "page"),
    );
  }
  for (const path of ["/print/pack.pdf", "/print/poster", "/print/poster.pdf"]) {
    app.use(
      path,
      rateLimit((c) => c.get("deps").limits?.renders, "page"),
      concurrencyCap((c) => c.get("deps").limits?.renderSlots),
    );
  }

  app.route("/", healthRoutes);
  app.route("/api/v1/search", searchRoutes);
  app.route("/api/v1/services", serviceRoutes);
  app.route("/api/v1/services", reportRoutes);
  app.route("/api/v1/places", placeRoutes);
  app.route("/api/v1/crisis", crisisRoutes);
  app.route("/api/v1/taxonomy", taxonomyRoutes);
  app.route("/api/v1/openapi.json", openapiRoutes);
  app.route("/", embedRoutes);
  app.route("/", staticRoutes);
  app.route("/", pageAssetRoutes);
  app.route("/", printRoutes);
  app.route("/", homeRoutes);
  app.route("/", servicePageRoutes);
  app.route("/", listingCheckRoutes);
  app.route("/", addServiceRoutes);
  app.route("/", accessRequestRoutes);
  app.route("/", coverageRoutes);
  app.route("/admin", adminRoutes);
  app.route("/oruk", orukRoutes);

  app.notFound(notFoundResponse);
  app.onError(errorResponse);
  return app;
}

export type App = ReturnType<typeof createApp>;
