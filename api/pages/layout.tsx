import type { Context } from "hono";
import { html } from "hono/html";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Lang } from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { printStrings } from "../print/strings.js";
import { type AssetName, assetUrl } from "./assets.js";

/**
 * The frame of every server-rendered page: language, stylesheets, the site header with a
 * link to the same page in the other language, and the footer. No inline script or style
 * anywhere, so the pages run under the strict policy below.
 */

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export interface LayoutProps {
  lang: Lang;
  title: string;
  styles: readonly AssetName[];
  /** Scripts from /assets, each deferred. */
  scripts?: readonly ("print.js" | "report.js")[];
  /** Loads the widget (`<perinatal-signpost>`) from /widget/. */
  widget?: boolean;
  /** The same page in the other language. */
  otherLanguageHref?: string | undefined;
  /** The print tools link each other; a parent's page links only the directory. */
  tools?: boolean;
  /** A wider frame, for a form beside an A4 preview. */
  wide?: boolean;
  children?: Child;
}

export function Layout(props: LayoutProps) {
  const s = printStrings(props.lang).page;
  const other = s.otherLanguage;
  return (
    <html lang={props.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{props.title}</title>
        {props.styles.map((name) => (
          <link rel="stylesheet" href={assetUrl(name)} />
        ))}
        {(props.scripts ?? []).map((name) => (
          <script src={assetUrl(name)} defer />
        ))}
        {props.widget ? <script type="module" src="/widget/signpost.js" /> : null}
      </head>
      <body class={props.wide ? "wide" : undefined}>
        <a class="skip-link" href="#main">
          {s.skip}
        </a>
        <header class="site-header">
          <div class="site-header-inner">
            <a class="site-brand" href={`/embed?lang=${props.lang}`}>
              {printStrings(props.lang).brand}
            </a>
            <nav aria-label={s.navLabel}>
              <ul class="site-nav">
                <li>
                  <a href={`/embed?lang=${props.lang}`}>{s.findSupport}</a>
                </li>
                {props.tools ? (
                  <>
                    <li>
                      <a href={props.lang === "cy" ? "/print?lang=cy" : "/print"}>{s.printPack}</a>
                    </li>
                    <li>
                      <a href={props.lang === "cy" ? "/print/poster?lang=cy" : "/print/poster"}>
                        {s.makePoster}
                      </a>
                    </li>
                  </>
                ) : null}
                {props.otherLanguageHref ? (
                  <li>
                    <a href={props.otherLanguageHref} lang={other.lang} hreflang={other.lang}>
                      {other.label}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          </div>
        </header>
        {props.children}
        <footer class="site-footer">
          <p>{s.footer}</p>
        </footer>
      </body>
    </html>
  );
}

/** Sends a page with its status and the strict content security policy. */
export function sendPage(c: Context<AppEnv>, page: Child, status: ContentfulStatusCode) {
  c.header("Content-Security-Policy", PAGE_CSP);
  return c.html(html`<!doctype html>${page}`, status);
}
