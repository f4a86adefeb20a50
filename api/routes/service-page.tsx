import type { Context } from "hono";
import { Hono } from "hono";
import type { Lang } from "../../schema/taxonomy.js";
import { loadBundles, type ServiceBundle } from "../db/listing-bundles.js";
import type { AppEnv } from "../deps.js";
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

function langOf(c: Context<AppEnv>): Lang {
  const asked = c.req.query("lang");
  if (asked === "cy" || asked === "en") return asked;
  c.header("Vary", "Accept-Language");
  const accept = c.req.header("Accept-Language") ?? "";
  // The first language named decides: "cy, en;q=0.8" is Welsh, "en-GB, cy;q=0.5" English.
  return /^\s*cy\b/i.test(accept) ? "cy" : "en";
}

function otherLanguage(c: Context<AppEnv>, lang: Lang): string {
  const url = new URL(c.req.url);
  return `${url.pathname}?lang=${lang === "cy" ? "en" : "cy"}`;
}

async function publishedBundle(c: Context<AppEnv>): Promise<ServiceBundle | null> {
  const id = c.req.param("id") ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/i.test(id)) return null;
  const bundle = (await loadBundles(c.get("deps").db, [id], { areas: true })).get(id);
  return bundle?.service.status === "published" ? bundle : null;
}

function notFound(c: Context<AppEnv>, lang: Lang) {
  c.header("Cache-Control", "public, max-age=60");
  return sendPage(
    c,
    <ServiceNotFoundPage lang={lang} otherLanguageHref={otherLanguage(c, lang)} />,
    404,
  );
}

export const servicePageRoutes = new Hono<AppEnv>()
  .get("/services/:id", async (c) => {
    const lang = langOf(c);
    const bundle = await publishedBundle(c);
    if (!bundle) return notFound(c, lang);
    const deps = c.get("deps");
    const geo = await deps.geo();
    const detail = toServiceDetail(bundle, geo, lang, deps.now());
    const countries = countriesServed(
      bundle.areas,
      bundle.locations.map((l) => l.postcode),
      geo,
    );
    const crisis = await crisisFor(deps, countries, lang);
    publicCache(c);
    const page = (
      <ServicePage
        detail={detail}
        lang={lang}
        crisis={crisis}
        otherLanguageHref={otherLanguage(c, lang)}
      />
    );
    return sendPage(c, page, 200);
  })
  .get("/services/:id/report", async (c) => {
    const lang = langOf(c);
    const bundle = await publishedBundle(c);
    if (!bundle) return notFound(c, lang);
    const deps = c.get("deps");
    const detail = toServiceDetail(bundle, await deps.geo(), lang, deps.now());
    c.header("Cache-Control", "no-cache");
    const page = (
      <ReportPage
        detail={detail}
        lang={lang}
        sent={c.req.query("sent") === "1"}
        otherLanguageHref={otherLanguage(c, lang)}
      />
    );
    return sendPage(c, page, 200);
  });
