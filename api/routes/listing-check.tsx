/**
 * `/check/:token` and `/check/:token/change`: what the links in a review reminder open
 * (api/admin/listing-check.ts). GET only shows; POST acts, once. The token is the credential,
 * so the pages are never cached, never indexed, and send no referrer.
 */
import { type Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Lang } from "../../schema/taxonomy.js";
import { type EmailLinkRow, type LinkState, readLink } from "../admin/email-links.js";
import { fromSameSite } from "../admin/http.js";
import {
  confirmByLink,
  linkedListing,
  SUGGESTION_MAX,
  suggestChangeByLink,
} from "../admin/listing-check.js";
import { longDate } from "../admin/mail-text.js";
import { publishedChangeHook } from "../admin/published.js";
import { loadBundles } from "../db/listing-bundles.js";
import type { AppEnv } from "../deps.js";
import { londonWallClock } from "../domain/london-time.js";
import { toServiceDetail } from "../domain/service-detail.js";
import { CheckPage, type CheckView } from "../pages/check-page.js";
import { checkStrings } from "../pages/check-strings.js";
import { sendPage } from "../pages/layout.js";
import { langOf, otherLanguage } from "./service-page.js";

type C = Context<AppEnv>;

function show(c: C, lang: Lang, view: CheckView, status: ContentfulStatusCode = 200) {
  c.header("Cache-Control", "no-store");
  c.header("Referrer-Policy", "no-referrer");
  c.header("X-Robots-Tag", "noindex");
  const page = (
    <CheckPage
      view={view}
      lang={lang}
      token={c.req.param("token") ?? ""}
      otherLanguageHref={otherLanguage(c, lang)}
    />
  );
  return sendPage(c, page, status);
}

const day = (iso: string, lang: Lang) => longDate(londonWallClock(new Date(iso)).date, lang);

/** The view for a link that cannot act: used, expired or unknown. */
function unusable(c: C, lang: Lang, state: LinkState) {
  if (state.kind === "unknown") return show(c, lang, { kind: "unknown" }, 404);
  if (state.kind === "expired") return show(c, lang, { kind: "expired" }, 410);
  if (state.kind === "used") {
    const { link } = state;
    return show(
      c,
      lang,
      { kind: "used", date: day(link.usedAt ?? "", lang), serviceId: link.subjectId },
      409,
    );
  }
  return show(c, lang, { kind: "unknown" }, 404);
}

async function publishedOf(c: C, link: EmailLinkRow) {
  const listing = await linkedListing(c.get("deps").db, link);
  return listing?.status === "published" ? listing : null;
}

async function readText(c: C): Promise<string | null> {
  try {
    const body = await c.req.parseBody();
    return typeof body.text === "string" ? body.text : "";
  } catch {
    return null;
  }
}

const token = (c: C) => c.req.param("token") ?? "";

export const listingCheckRoutes = new Hono<AppEnv>()
  .use(
    "/check/*",
    bodyLimit({ maxSize: 16 * 1024, onError: (c) => c.text("This form is too large.", 413) }),
  )
  .get("/check/:token", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const state = await readLink(deps.db, deps.now(), token(c), "confirm-listing");
    if (state.kind === "used" && c.req.query("done") === "1") {
      return show(c, lang, { kind: "confirmed", date: day(state.link.usedAt ?? "", lang) });
    }
    if (state.kind !== "usable") return unusable(c, lang, state);
    const listing = await publishedOf(c, state.link);
    if (!listing) return show(c, lang, { kind: "gone" }, 410);
    const bundle = (await loadBundles(deps.db, [listing.id], { areas: true })).get(listing.id);
    if (!bundle) return show(c, lang, { kind: "gone" }, 410);
    const detail = toServiceDetail(bundle, await deps.geo(), lang, deps.now());
    return show(c, lang, { kind: "confirm", detail, organisation: listing.organisationName });
  })
  .post("/check/:token", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const now = deps.now();
    if (!fromSameSite(c)) return show(c, lang, { kind: "unknown" }, 403);
    const state = await readLink(deps.db, now, token(c), "confirm-listing");
    if (state.kind !== "usable") return unusable(c, lang, state);
    const listing = await publishedOf(c, state.link);
    if (!listing) return show(c, lang, { kind: "gone" }, 410);
    const ctx = { db: deps.db, now, publishedChanged: publishedChangeHook(deps) };
    if (!(await confirmByLink(ctx, state.link, listing))) {
      return unusable(c, lang, await readLink(deps.db, now, token(c), "confirm-listing"));
    }
    const q = lang === "cy" ? "&lang=cy" : "";
    return c.redirect(`/check/${encodeURIComponent(token(c))}?done=1${q}`, 303);
  })
  .get("/check/:token/change", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const state = await readLink(deps.db, deps.now(), token(c), "confirm-listing");
    if (state.kind === "used" && c.req.query("sent") === "1") {
      return show(c, lang, { kind: "change-sent" });
    }
    if (state.kind !== "usable") return unusable(c, lang, state);
    const listing = await publishedOf(c, state.link);
    if (!listing) return show(c, lang, { kind: "gone" }, 410);
    return show(c, lang, {
      kind: "change",
      name: listing.name,
      text: "",
      error: null,
      max: SUGGESTION_MAX,
    });
  })
  .post("/check/:token/change", async (c) => {
    const lang = langOf(c);
    const deps = c.get("deps");
    const now = deps.now();
    const t = checkStrings(lang);
    if (!fromSameSite(c)) return show(c, lang, { kind: "unknown" }, 403);
    const state = await readLink(deps.db, now, token(c), "confirm-listing");
    if (state.kind !== "usable") return unusable(c, lang, state);
    const listing = await publishedOf(c, state.link);
    if (!listing) return show(c, lang, { kind: "gone" }, 410);
    const raw = await readText(c);
    const text = (raw ?? "").trim();
    const error =
      raw === null
        ? t.expiredForm
        : !text
          ? t.required
          : text.length > SUGGESTION_MAX
            ? t.tooLong(SUGGESTION_MAX)
            : null;
    if (error) {
      return show(
        c,
        lang,
        { kind: "change", name: listing.name, text: raw ?? "", error, max: SUGGESTION_MAX },
        422,
      );
    }
    if (!(await suggestChangeByLink(deps.db, now, state.link, listing, text))) {
      return unusable(c, lang, await readLink(deps.db, now, token(c), "confirm-listing"));
    }
    const q = lang === "cy" ? "&lang=cy" : "";
    return c.redirect(`/check/${encodeURIComponent(token(c))}/change?sent=1${q}`, 303);
  });
