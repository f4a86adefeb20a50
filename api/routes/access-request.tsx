/**
 * "Is this your service? Ask to update it": `/services/:id/ask-to-update` (the form, for
 * published listings only, so a draft's existence is not given away) and
 * `/ask-to-update/confirm/:token` (the link that confirms the address). The protections are
 * those of every public form (public-form.ts); the logic is api/admin/access-requests.ts.
 * Nothing typed is logged.
 */
import { and, eq } from "drizzle-orm";
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { organisations, services } from "../../schema/tables.js";
import type { Lang } from "../../schema/taxonomy.js";
import {
  confirmAccessRequest,
  createAccessRequest,
  getAccessRequest,
} from "../admin/access-requests.js";
import { newLinkToken } from "../admin/email-links.js";
import type { AppEnv } from "../deps.js";
import { AccessRequestPage, type AccessRequestView } from "../pages/access-request-page.js";
import {
  type AccessRequestStrings,
  accessRequestStrings,
} from "../pages/access-request-strings.js";
import type { FormValues } from "../pages/form-field.js";
import { sendPage } from "../pages/layout.js";
import { addressLinkRoutes } from "./address-link.js";
import { EMAIL, filledHoneypot, formToken, mailOrigin, refusal } from "./public-form.js";
import { langOf, notFound, otherLanguage } from "./service-page.js";

type C = Context<AppEnv>;

function show(c: C, lang: Lang, view: AccessRequestView, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", "noindex");
  return sendPage(
    c,
    <AccessRequestPage view={view} lang={lang} otherLanguageHref={otherLanguage(c, lang)} />,
    status,
  );
}

/** The published listing the form is about, with its organisation's name. */
async function listingOf(c: C, lang: Lang) {
  const id = c.req.param("id") ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/i.test(id)) return null;
  const [row] = await c
    .get("deps")
    .db.select({
      id: services.id,
      name: services.name,
      nameCy: services.nameCy,
      organisationId: services.organisationId,
      organisationName: organisations.name,
    })
    .from(services)
    .innerJoin(organisations, eq(organisations.id, services.organisationId))
    .where(and(eq(services.id, id), eq(services.status, "published")));
  if (!row) return null;
  return { ...row, name: (lang === "cy" && row.nameCy) || row.name };
}

const LIMITS = { "you.name": 120, "you.email": 254, "you.role": 120 } as const;
type FieldName = keyof typeof LIMITS;

/** The three fields as typed, cut to a little over their limits (so "too long" is still said). */
function valuesOf(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const k of Object.keys(LIMITS) as FieldName[]) {
    const v = body[k];
    out[k] = typeof v === "string" ? v.slice(0, LIMITS[k] + 50) : "";
  }
  return out;
}

function problems(v: FormValues, t: AccessRequestStrings): Record<string, string> {
  const errors: Record<string, string> = {};
  const labels: Record<FieldName, string> = {
    "you.name": t.name,
    "you.email": t.email,
    "you.role": t.role,
  };
  for (const k of Object.keys(LIMITS) as FieldName[]) {
    const value = String(v[k] ?? "").trim();
    if (k === "you.email") {
      if (!EMAIL.test(value) || value.length > LIMITS[k]) errors[k] = t.badEmail;
    } else if (!value) errors[k] = t.required(labels[k]);
    else if (value.length > LIMITS[k]) errors[k] = t.tooLong(labels[k], LIMITS[k]);
  }
  return errors;
}

const text = (v: FormValues, k: FieldName) => String(v[k] ?? "").trim();

export const accessRequestRoutes = new Hono<AppEnv>()
  .use(
    "/services/:id/ask-to-update",
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text("This form is too large.", 413) }),
  )
  .use(
    "/ask-to-update/*",
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text("This form is too large.", 413) }),
  )
  .get("/services/:id/ask-to-update", async (c) => {
    const lang = langOf(c);
    const service = await listingOf(c, lang);
    if (!service) return notFound(c, lang);
    return show(c, lang, {
      kind: "form",
      service,
      values: {},
      errors: {},
      formToken: await formToken(c),
    });
  })
  .post("/services/:id/ask-to-update", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const t = accessRequestStrings(lang);
    const service = await listingOf(c, lang);
    if (!service) return notFound(c, lang);
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      body = {};
    }
    const values = valuesOf(body);
    const again = async (errors: Record<string, string>, status: ContentfulStatusCode) =>
      show(
        c,
        lang,
        { kind: "form", service, values, errors, formToken: await formToken(c) },
        status,
      );
    const refused = await refusal(c, body._form);
    if (refused) return again({ form: t[refused.problem] }, refused.status);
    const errors = problems(values, t);
    if (Object.keys(errors).length > 0) return again(errors, 422);
    const email = text(values, "you.email").toLowerCase();
    const check = { kind: "check" as const, email, serviceId: service.id };
    // A filled honeypot gets the same answer and nothing is kept.
    if (filledHoneypot(body)) return show(c, lang, check);
    await createAccessRequest(
      deps.db,
      deps.now(),
      {
        service,
        lang,
        name: text(values, "you.name"),
        email,
        role: text(values, "you.role"),
        origin: mailOrigin(c),
      },
      newLinkToken(),
    );
    return show(c, lang, check);
  })
  .route(
    "/",
    addressLinkRoutes("/ask-to-update/confirm", {
      load: async (db, id) => {
        const request = await getAccessRequest(db, id);
        return request?.status === "unconfirmed" ? request : null;
      },
      confirm: confirmAccessRequest,
      show: (c, lang, view, status) =>
        show(
          c,
          lang,
          view.kind === "confirm"
            ? {
                kind: "confirm",
                organisationName: view.subject.organisationName,
                token: view.token,
              }
            : view,
          status,
        ),
    }),
  );
