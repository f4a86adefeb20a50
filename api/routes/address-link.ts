/**
 * The pages of a "confirm your email address" link (api/admin/address-check.ts), for every public
 * form that sends one. GET only shows a button (mail scanners follow links); the POST, from the
 * same site, uses the link; afterwards `?done=1` says thank you. Mounted under each form's path.
 */
import { type Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Lang } from "../../schema/taxonomy.js";
import { type EmailLinkRow, looksLikeToken, readLink } from "../admin/email-links.js";
import { fromSameSite } from "../admin/http.js";
import type { Db } from "../db/types.js";
import type { AppEnv } from "../deps.js";
import { langOf } from "./service-page.js";

export type AddressLinkView<T> =
  | { kind: "confirm"; subject: T; token: string }
  | { kind: "confirmed" }
  | { kind: "link-bad" };

export interface AddressLinkPages<T> {
  /** What the link confirms, if it still waits for its confirmation. */
  load(db: Db, id: string): Promise<T | null>;
  /** Uses the link; false if it was used meanwhile. */
  confirm(db: Db, now: Date, link: EmailLinkRow, subject: T): Promise<boolean>;
  show(
    c: Context<AppEnv>,
    lang: Lang,
    view: AddressLinkView<T>,
    status?: ContentfulStatusCode,
  ): Response | Promise<Response>;
}

/** `GET` and `POST` `<path>/:token`. */
export function addressLinkRoutes<T>(path: string, pages: AddressLinkPages<T>) {
  return new Hono<AppEnv>()
    .get(`${path}/:token`, async (c) => {
      const lang = langOf(c);
      const deps = c.get("deps");
      c.header("Referrer-Policy", "no-referrer");
      const token = c.req.param("token");
      const state = looksLikeToken(token)
        ? await readLink(deps.db, deps.now(), token, "confirm-address")
        : { kind: "unknown" as const };
      if (state.kind === "used" && c.req.query("done") === "1")
        return pages.show(c, lang, { kind: "confirmed" });
      if (state.kind !== "usable") return pages.show(c, lang, { kind: "link-bad" }, 410);
      const subject = await pages.load(deps.db, state.link.subjectId);
      if (!subject) return pages.show(c, lang, { kind: "link-bad" }, 410);
      return pages.show(c, lang, { kind: "confirm", subject, token });
    })
    .post(`${path}/:token`, async (c) => {
      const lang = langOf(c);
      const deps = c.get("deps");
      const now = deps.now();
      const token = c.req.param("token");
      if (!fromSameSite(c)) return pages.show(c, lang, { kind: "link-bad" }, 403);
      const state = await readLink(deps.db, now, token, "confirm-address");
      if (state.kind !== "usable") return pages.show(c, lang, { kind: "link-bad" }, 410);
      const subject = await pages.load(deps.db, state.link.subjectId);
      if (!subject || !(await pages.confirm(deps.db, now, state.link, subject))) {
        return pages.show(c, lang, { kind: "link-bad" }, 410);
      }
      const q = lang === "cy" ? "&lang=cy" : "";
      return c.redirect(`${path}/${encodeURIComponent(token)}?done=1${q}`, 303);
    });
}
