/**
 * `/add-your-service`: the public form (api/pages/add-service-page.tsx) and the link that
 * confirms the submitter's address (api/admin/submissions.ts). The protections every public form
 * shares are in public-form.ts (timed token, same-site check, per-client limit, honeypot).
 * Personal data is never logged; the form asks for no one else's.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SubmissionFields } from "../../schema/tables.js";
import { KINDS, type Kind, type Lang } from "../../schema/taxonomy.js";
import { newLinkToken } from "../admin/email-links.js";
import { formFromBody } from "../admin/listing-form.js";
import { listingFromForm } from "../admin/listing-form-parse.js";
import {
  confirmSubmission,
  createSubmission,
  getSubmission,
  submissionName,
} from "../admin/submissions.js";
import { newOrganisation } from "../admin/users.js";
import { ukToday } from "../admin/workflow.js";
import type { AppEnv } from "../deps.js";
import { AddServicePage, type AddServiceView } from "../pages/add-service-page.js";
import { type AddServiceStrings, addServiceStrings } from "../pages/add-service-strings.js";
import { sendPage } from "../pages/layout.js";
import { addressLinkRoutes } from "./address-link.js";
import { EMAIL, filledHoneypot, formToken, HONEYPOT, mailOrigin, refusal } from "./public-form.js";
import { langOf, otherLanguage } from "./service-page.js";

type C = Context<AppEnv>;

function show(c: C, lang: Lang, view: AddServiceView, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", view.kind === "form" ? "all" : "noindex");
  return sendPage(
    c,
    <AddServicePage view={view} lang={lang} otherLanguageHref={otherLanguage(c, lang)} />,
    status,
  );
}

const text = (v: SubmissionFields, k: string) => {
  const x = v[k];
  return (Array.isArray(x) ? (x[0] ?? "") : (x ?? "")).trim();
};

/** The form's own checks, in the page's language, then the console editor's. */
function problems(
  v: SubmissionFields,
  t: AddServiceStrings,
  today: string,
  geo: Parameters<typeof listingFromForm>[1]["geo"],
) {
  const errors: Record<string, string> = {};
  const need = (k: string, label: string) => {
    if (!text(v, k)) errors[k] = t.required(label);
  };
  need("org.name", t.orgName);
  need("name", t.name);
  if (!KINDS.includes(text(v, "kind") as Kind)) errors.kind = t.chooseOne(t.kind);
  need("summary", t.summary);
  for (const [k, label] of [
    ["stages", t.stages],
    ["formats", t.formats],
    ["referral", t.referral],
  ] as const) {
    if (!v[k] || (Array.isArray(v[k]) && v[k].length === 0)) errors[k] = t.chooseOne(label);
  }
  for (const k of ["org.email", "contacts.1.value"]) {
    if (text(v, k) && !EMAIL.test(text(v, k))) errors[k] = t.badEmail;
  }
  if (!["contacts.0.value", "contacts.1.value", "contacts.2.value"].some((k) => text(v, k))) {
    errors["contacts.0.value"] = t.oneContact;
  }
  need("you.name", t.youName);
  if (!EMAIL.test(text(v, "you.email"))) errors["you.email"] = t.badEmail;
  if (Object.keys(errors).length > 0) return errors;
  // The checks a reviewer's "accept" makes, the organisation's and the editor's, so that an
  // accepted submission passes them; their messages are the console's, in English, so the
  // public form says the same in its own words, field by field.
  const org = newOrganisation.safeParse({
    name: text(v, "org.name"),
    website: text(v, "org.website") || null,
    email: text(v, "org.email") || null,
    phone: text(v, "org.phone") || null,
  });
  for (const issue of org.success ? [] : org.error.issues) {
    const k = `org.${String(issue.path[0])}`;
    errors[k] = t.fieldCheck(k);
  }
  const parsed = listingFromForm(formFromBody({ ...v, organisationId: "submission" }), {
    id: "submission",
    geo,
    knownIds: new Set(),
    today,
  });
  if (!parsed.ok) {
    for (const k of Object.keys(parsed.errors)) {
      const key = k in v || k.includes(".") ? k : "form";
      errors[key] ??= t.fieldCheck(key);
    }
  }
  return errors;
}

/** The fields the form may send (names of the editor, the organisation, the submitter). */
function fieldsOf(body: Record<string, string | File | (string | File)[]>): SubmissionFields {
  const out: SubmissionFields = {};
  for (const [k, raw] of Object.entries(body)) {
    if (k === "_form" || k === HONEYPOT) continue;
    if (!/^(org\.|you\.|contacts\.[0-2]\.|locations\.0\.)?[A-Za-z]{1,20}$/.test(k)) continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter(
      (x): x is string => typeof x === "string",
    );
    out[k] =
      values.length === 1 ? (values[0] ?? "").slice(0, 2000) : values.map((x) => x.slice(0, 200));
  }
  return out;
}

const blank = (): SubmissionFields => ({
  "locations.0.id": `loc-${newLinkToken()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "")
    .slice(0, 10)}`,
});

export const addServiceRoutes = new Hono<AppEnv>()
  .use(
    "/add-your-service/*",
    bodyLimit({ maxSize: 64 * 1024, onError: (c) => c.text("This form is too large.", 413) }),
  )
  .get("/add-your-service", async (c) => {
    const lang = langOf(c);
    return show(c, lang, {
      kind: "form",
      values: blank(),
      errors: {},
      formToken: await formToken(c),
    });
  })
  .post("/add-your-service", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const t = addServiceStrings(lang);
    let body: Awaited<ReturnType<typeof c.req.parseBody>>;
    try {
      body = await c.req.parseBody({ all: true });
    } catch {
      return show(
        c,
        lang,
        {
          kind: "form",
          values: blank(),
          errors: { form: t.expired },
          formToken: await formToken(c),
        },
        400,
      );
    }
    const values = fieldsOf(body);
    const again = async (errors: Record<string, string>, status: ContentfulStatusCode) =>
      show(c, lang, { kind: "form", values, errors, formToken: await formToken(c) }, status);
    const refused = await refusal(c, body._form);
    if (refused) return again({ form: t[refused.problem] }, refused.status);
    const errors = problems(values, t, ukToday(deps.now()), await deps.geo());
    if (Object.keys(errors).length > 0) return again(errors, 422);
    const email = text(values, "you.email").toLowerCase();
    // A filled honeypot gets the same answer and nothing is kept.
    if (filledHoneypot(body)) return show(c, lang, { kind: "check", email });
    const { "you.name": _n, "you.email": _e, ...fields } = values;
    await createSubmission(
      deps.db,
      deps.now(),
      { fields, lang, name: text(values, "you.name"), email, origin: mailOrigin(c) },
      newLinkToken(),
    );
    return show(c, lang, { kind: "check", email });
  })
  .route(
    "/",
    addressLinkRoutes("/add-your-service/confirm", {
      load: async (db, id) => {
        const submission = await getSubmission(db, id);
        return submission?.status === "unconfirmed" ? submission : null;
      },
      confirm: confirmSubmission,
      show: (c, lang, view, status) =>
        show(
          c,
          lang,
          view.kind === "confirm"
            ? { kind: "confirm", name: submissionName(view.subject), token: view.token }
            : view,
          status,
        ),
    }),
  );
