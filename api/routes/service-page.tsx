import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import type { Context } from "hono";
import { Hono } from "hono";
import { COUNTRIES, type Lang } from "../../schema/taxonomy.js";
import { loadBundles, type ServiceBundle } from "../db/listing-bundles.js";
import type { AppEnv } from "../deps.js";
import { sessionsCalendar } from "../domain/calendar.js";
import { countriesServed } from "../domain/pack-area.js";
import { toServiceDetail } from "../domain/service-detail.js";
import { sendPage } from "../pages/layout.js";
import { ReportPage } from "../pages/report-page.js";
import { ServiceNotFoundPage, ServicePage } from "../pages/service-page.js";
import { crisisFor } from "../search.js";
import { publicCache } from "./http.js";

/**
 * `/services/:id`: the public page of a listing, where every QR code on a pack leads, and
 * `/services/:id/report`. Language from `?lang=`, else the browser's preference (a phone set
 * to Welsh gets Welsh). Drafts, listings in review and archived ones answer 404, like unknown ids.
 */

export function langOf(c: Context<AppEnv>): Lang {
  const asked = c.req.query("lang");
  if (asked === "cy" || asked === "en") return asked;
  c.header("Vary", "Accept-Language");
  const accept = c.req.header("Accept-Language") ?? "";
  // The first language named decides: "cy, en;q=0.8" is Welsh, "en-GB, cy;q=0.5" English.
  return /^\s*cy\b/i.test(accept) ? "cy" : "en";
}

export function otherLanguage(c: Context<AppEnv>, lang: Lang): string {
  const url = new URL(c.req.url);
  return `${url.pathname}?lang=${lang === "cy" ? "en" : "cy"}`;
}

async function publishedBundle(c: Context<AppEnv>): Promise<ServiceBundle | null> {
  const id = c.req.param("id") ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/i.test(id)) return null;
  const bundle = (await loadBundles(c.get("deps").db, [id], { areas: true })).get(id);
  return bundle?.service.status === "published" ? bundle : null;
}

/** Where old QR codes lead: crisis routes for anyone in the UK, and a way to search again. */
export async function notFound(c: Context<AppEnv>, lang: Lang) {
  c.header("Cache-Control", "public, max-age=60");
  const crisis = await crisisFor(c.get("deps"), COUNTRIES, lang);
  return sendPage(
    c,
    <ServiceNotFoundPage lang={lang} crisis={crisis} otherLanguageHref={otherLanguage(c, lang)} />,
    404,
  );
}

/** The absolute address of a path on this directory, for calendar files and subscriptions. */
function absolute(c: Context<AppEnv>, path: string): string {
  return new URL(path, c.get("deps").publicOrigin ?? new URL(c.req.url).origin).href;
}

/** The crisis routes for where a listing serves. */
async function crisisOf(c: Context<AppEnv>, bundle: ServiceBundle, lang: Lang) {
  const deps = c.get("deps");
  const countries = countriesServed(
    bundle.areas,
    bundle.locations.map((l) => l.postcode),
    await deps.geo(),
  );
  return crisisFor(deps, countries, lang);
}

export const servicePageRoutes = new Hono<AppEnv>()
  .get("/services/:id", async (c) => {
    const lang = langOf(c);
    const bundle = await publishedBundle(c);
    if (!bundle) return notFound(c, lang);
    const deps = c.get("deps");
    const geo = await deps.geo();
    const detail = toServiceDetail(bundle, geo, lang, deps.now());
    const crisis = await crisisOf(c, bundle, lang);
    publicCache(c);
    const ics = detail.calendarUrl ? absolute(c, detail.calendarUrl) : null;
    const page = (
      <ServicePage
        detail={detail}
        lang={lang}
        crisis={crisis}
        calendar={ics ? { file: ics, subscribe: ics.replace(/^https?:/, "webcal:") } : null}
        otherLanguageHref={otherLanguage(c, lang)}
      />
    );
    return sendPage(c, page, 200);
  })
  .get("/services/:id/sessions.ics", async (c) => {
    const lang = langOf(c);
    const bundle = await publishedBundle(c);
    if (!bundle || bundle.schedules.length === 0) return notFound(c, lang);
    const deps = c.get("deps");
    const text = sessionsCalendar(bundle, {
      now: deps.now(),
      pageUrl: absolute(c, `/services/${encodeURIComponent(bundle.service.id)}`),
      vtimezone: deps.vtimezone ?? getVtimezoneComponent,
      lang,
    });
    publicCache(c);
    c.header("Content-Type", "text/calendar; charset=utf-8");
    c.header("Content-Disposition", `inline; filename="${bundle.service.id}.ics"`);
    return c.body(text, 200);
  })
  .get("/services/:id/report", async (c) => {
    const lang = langOf(c);
    const bundle = await publishedBundle(c);
    if (!bundle) return notFound(c, lang);
    const deps = c.get("deps");
    const detail = toServiceDetail(bundle, await deps.geo(), lang, deps.now());
    const crisis = await crisisOf(c, bundle, lang);
    c.header("Cache-Control", "no-cache");
    const page = (
      <ReportPage
        detail={detail}
        crisis={crisis}
        lang={lang}
        sent={c.req.query("sent") === "1"}
        otherLanguageHref={otherLanguage(c, lang)}
      />
    );
    return sendPage(c, page, 200);
  });
