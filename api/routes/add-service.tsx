/**
 * `/add-your-service`: the public form (api/pages/add-service-page.tsx) and the link that
 * confirms the submitter's address (api/admin/submissions.ts). No third-party captcha: a timed
 * token signed with the server's key (at least 3 seconds and at most 2 hours old), a honeypot
 * field, the same-site check, and the per-client limit for public forms. Personal data is
 * never logged; the form asks for no one else's.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { SubmissionFields } from "../../schema/tables.js";
import { KINDS, type Kind, type Lang } from "../../schema/taxonomy.js";
import { looksLikeToken, newLinkToken, readLink } from "../admin/email-links.js";
import { fromSameSite } from "../admin/http.js";
import { formFromBody } from "../admin/listing-form.js";
import { listingFromForm } from "../admin/listing-form-parse.js";
import { checkLoginToken, issueLoginToken } from "../admin/login-token.js";
import { adminState } from "../admin/state.js";
import {
  confirmSubmission,
  createSubmission,
  getSubmission,
  submissionName,
} from "../admin/submissions.js";
import { ukToday } from "../admin/workflow.js";
import { clientKey } from "../client-address.js";
import type { AppEnv } from "../deps.js";
import { AddServicePage, type AddServiceView } from "../pages/add-service-page.js";
import { type AddServiceStrings, addServiceStrings } from "../pages/add-service-strings.js";
import { sendPage } from "../pages/layout.js";
import { langOf, otherLanguage } from "./service-page.js";

type C = Context<AppEnv>;

/** A person takes longer than this to fill in the form; a script does not. */
const MIN_FILL_MS = 3_000;

function show(c: C, lang: Lang, view: AddServiceView, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  c.header("X-Robots-Tag", view.kind === "form" ? "all" : "noindex");
  return sendPage(
    c,
    <AddServicePage view={view} lang={lang} otherLanguageHref={otherLanguage(c, lang)} />,
    status,
  );
}

async function formToken(c: C): Promise<string> {
  const deps = c.get("deps");
  return (await issueLoginToken(await adminState(deps).loginKey, deps.now().getTime())).cookie;
}

/** "fresh", or why the form's token is refused. */
async function tokenState(c: C, value: string): Promise<"fresh" | "too-fast" | "expired"> {
  const deps = c.get("deps");
  const now = deps.now().getTime();
  const [token = "", issued = ""] = value.split(".");
  if (!(await checkLoginToken(await adminState(deps).loginKey, value, token, now)))
    return "expired";
  return now - Number(issued) < MIN_FILL_MS ? "too-fast" : "fresh";
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
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
  // The editor's checks, on the editor's field names: an accepted submission will pass them.
  const parsed = listingFromForm(formFromBody({ ...v, organisationId: "submission" }), {
    id: "submission",
    geo,
    knownIds: new Set(),
    today,
  });
  if (!parsed.ok) {
    for (const [k, message] of Object.entries(parsed.errors)) {
      errors[k in v || k.includes(".") ? k : "form"] = message;
    }
  }
  return errors;
}

/** The fields the form may send (names of the editor, the organisation, the submitter). */
function fieldsOf(body: Record<string, string | File | (string | File)[]>): SubmissionFields {
  const out: SubmissionFields = {};
  for (const [k, raw] of Object.entries(body)) {
    if (k === "_form" || k === "homepage") continue;
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
    if (!fromSameSite(c)) return again({ form: t.expired }, 403);
    const sent = typeof body._form === "string" ? body._form : "";
    const state = await tokenState(c, sent);
    if (state !== "fresh")
      return again({ form: state === "too-fast" ? t.tooFast : t.expired }, 400);
    const limiter = deps.limits?.reports;
    if (limiter && !(await limiter.limit({ key: clientKey(c) })).success) {
      return again({ form: t.limited }, 429);
    }
    const errors = problems(values, t, ukToday(deps.now()), await deps.geo());
    if (Object.keys(errors).length > 0) return again(errors, 422);
    const email = text(values, "you.email").toLowerCase();
    // A filled honeypot gets the same answer and nothing is kept.
    if (typeof body.homepage === "string" && body.homepage !== "") {
      return show(c, lang, { kind: "check", email });
    }
    const { "you.name": _n, "you.email": _e, ...fields } = values;
    const origin = (deps.publicOrigin ?? new URL(c.req.url).origin).replace(/\/$/, "");
    await createSubmission(
      deps.db,
      deps.now(),
      { fields, lang, name: text(values, "you.name"), email, origin },
      newLinkToken(),
    );
    return show(c, lang, { kind: "check", email });
  })
  .get("/add-your-service/confirm/:token", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    c.header("Referrer-Policy", "no-referrer");
    const token = c.req.param("token");
    const state = looksLikeToken(token)
      ? await readLink(deps.db, deps.now(), token, "confirm-address")
      : { kind: "unknown" as const };
    if (state.kind === "used" && c.req.query("done") === "1")
      return show(c, lang, { kind: "confirmed" });
    if (state.kind !== "usable") return show(c, lang, { kind: "link-bad" }, 410);
    const submission = await getSubmission(deps.db, state.link.subjectId);
    if (!submission) return show(c, lang, { kind: "link-bad" }, 410);
    return show(c, lang, { kind: "confirm", name: submissionName(submission), token });
  })
  .post("/add-your-service/confirm/:token", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const now = deps.now();
    const token = c.req.param("token");
    if (!fromSameSite(c)) return show(c, lang, { kind: "link-bad" }, 403);
    const state = await readLink(deps.db, now, token, "confirm-address");
    if (state.kind !== "usable") return show(c, lang, { kind: "link-bad" }, 410);
    const submission = await getSubmission(deps.db, state.link.subjectId);
    if (!submission || !(await confirmSubmission(deps.db, now, state.link, submission))) {
      return show(c, lang, { kind: "link-bad" }, 410);
    }
    const q = lang === "cy" ? "&lang=cy" : "";
    return c.redirect(`/add-your-service/confirm/${encodeURIComponent(token)}?done=1${q}`, 303);
  });
