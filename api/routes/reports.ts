/**
 * Public "report a problem" with a listing: POST /api/v1/services/:id/reports with
 * `{ "reason": "closed" | "wrong-contact" | "wrong-times" | "other", "text"?: string }`
 * (JSON, or a plain form post: a browser that sent the service page's form without JavaScript is
 * sent back to that page with `?sent=1`). Rate-limited per client address by `deps.limits.reports`
 * (registered for this path in api/app.ts: in process on Node, a rate-limit binding on Workers).
 */
import { eq } from "drizzle-orm";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { services } from "../../schema/tables.js";
import { createReport, REPORT_TEXT_MAX, reportInput } from "../admin/reports.js";
import type { AppEnv } from "../deps.js";
import { ApiError, notFound } from "../errors.js";

const invalid = (detail: string) =>
  new ApiError(400, "invalid_report", `Check the report: ${detail}`);

async function readBody(req: Request): Promise<unknown> {
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("application/json")) {
    try {
      return await req.json();
    } catch {
      throw invalid("the body is not valid JSON.");
    }
  }
  if (
    type.startsWith("application/x-www-form-urlencoded") ||
    type.startsWith("multipart/form-data")
  ) {
    let form: FormData;
    try {
      form = await req.formData();
    } catch {
      // A multipart body without its boundary, or cut short, cannot be read: the sender's fault.
      throw invalid("the form could not be read.");
    }
    const out: Record<string, string> = {};
    for (const [key, value] of form) if (typeof value === "string") out[key] = value;
    return out;
  }
  throw new ApiError(415, "unsupported_media_type", "Send the report as JSON or as a form.");
}

export const reportRoutes = new Hono<AppEnv>().post(
  "/:id/reports",
  bodyLimit({
    maxSize: 16 * 1024,
    onError: () => {
      throw new ApiError(413, "payload_too_large", "The report is too large.");
    },
  }),
  async (c) => {
    const deps = c.get("deps");
    const now = deps.now();
    const parsed = reportInput.safeParse(await readBody(c.req.raw));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => {
        const where = String(i.path[0] ?? "body");
        if (where === "reason") return "reason must be closed, wrong-contact, wrong-times or other";
        if (where === "text")
          return `text must be plain text of at most ${REPORT_TEXT_MAX} characters`;
        return i.code === "unrecognized_keys"
          ? `unknown field ${i.keys.join(", ")}`
          : `${where}: ${i.message}`;
      });
      throw invalid(`${[...new Set(problems)].join("; ")}.`);
    }
    const id = c.req.param("id");
    const [service] = await deps.db
      .select({ status: services.status })
      .from(services)
      .where(eq(services.id, id));
    if (service?.status !== "published") throw notFound("That listing");
    const report = await createReport(deps.db, now, id, parsed.data);
    // A browser posting the service page's form without JavaScript goes back to that page.
    const fromForm = !(c.req.header("content-type") ?? "").startsWith("application/json");
    if (fromForm && (c.req.header("accept") ?? "").includes("text/html")) {
      return c.redirect(`/services/${encodeURIComponent(id)}/report?sent=1`, 303);
    }
    return c.json(
      {
        report: { id: report.id, serviceId: id, reason: report.reason, status: report.status },
        message: "Thank you. Someone will check this listing.",
      },
      201,
    );
  },
);
