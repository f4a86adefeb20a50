import { Hono } from "hono";
import { html } from "hono/html";
import { z } from "zod";
import { KINDS, STAGES } from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { parsePostcode } from "../domain/postcode.js";

/**
 * `/embed`: the widget on a page of its own, for sites whose CMS allows only an iframe. Every
 * widget option is a query parameter. The page reports its height to the parent with
 * postMessage from a small external script (no inline scripts: the page has a strict CSP).
 */

const EMBED_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  // Any site may frame the widget; this also overrides X-Frame-Options in browsers.
  "frame-ancestors *",
  "require-trusted-types-for 'script'",
  "trusted-types lit-html",
].join("; ");

/** Each option is checked here; a bad one is dropped, so a typo in a CMS never blanks the frame. */
const last = z
  .array(z.string())
  .default([])
  .transform((v) => v.at(-1));
const codes = <T extends string>(known: readonly T[]) =>
  last.transform((v) =>
    (v ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s): s is T => known.includes(s as T)),
  );
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  last.pipe(schema.optional()).catch(undefined);

const embedQuery = z.object({
  postcode: last.transform((v) => sectorOf(v ?? "")),
  stage: codes(STAGES),
  kind: codes(KINDS),
  lang: last.pipe(z.enum(["en", "cy"]).default("en")).catch("en"),
  site: optional(z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/i)),
  limit: optional(z.coerce.number<string>().int().min(1).max(50)),
  "radius-km": optional(z.coerce.number<string>().min(1).max(50)),
  compact: last.transform((v) => v === "" || v === "true" || v === "1"),
  accent: optional(z.string().regex(/^[0-9a-f]{3}([0-9a-f]{3})?$/i)),
});

type EmbedOptions = z.output<typeof embedQuery>;

/** A full postcode in a link is cut to its sector before it reaches the page. */
function sectorOf(input: string): string | undefined {
  const parsed = parsePostcode(input);
  if (!parsed.ok || parsed.kind === "area") return undefined;
  return parsed.sector ?? parsed.outcode;
}

const TEXT = {
  en: {
    title: "Find perinatal mental health support",
    fallback:
      "Need help now? If you or your baby are in danger, call 999 or go to A&E. Samaritans: call 116 123, free, any time. Shout: text SHOUT to 85258.",
  },
  cy: {
    title: "Dod o hyd i gymorth iechyd meddwl amenedigol",
    fallback:
      "Angen help nawr? Os ydych chi neu eich babi mewn perygl, ffoniwch 999 neu ewch i'r adran achosion brys. Samariaid: ffoniwch 116 123, am ddim, unrhyw bryd. Shout: tecstiwch SHOUT i 85258.",
  },
} as const;

function EmbedPage({ options }: { options: EmbedOptions }) {
  const text = TEXT[options.lang];
  const stylesheet = options.accent
    ? `/embed/embed.css?accent=${options.accent}`
    : "/embed/embed.css";
  return (
    <html lang={options.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <link rel="icon" href="data:," />
        <title>{text.title}</title>
        <link rel="stylesheet" href={stylesheet} />
        <script type="module" src="/widget/signpost.js" />
        <script type="module" src="/embed/frame.js" />
      </head>
      <body>
        <main>
          <h1 class="vh">{text.title}</h1>
          <perinatal-signpost
            postcode={options.postcode}
            stage={options.stage.join(",") || undefined}
            kind={options.kind.join(",") || undefined}
            lang={options.lang}
            site={options.site}
            limit={options.limit}
            radius-km={options["radius-km"]}
            compact={options.compact || undefined}
          >
            <p>{text.fallback}</p>
          </perinatal-signpost>
        </main>
      </body>
    </html>
  );
}

/** Runs inside the frame: tells the parent page how tall the content is, whenever it changes. */
const FRAME_JS = `// Perinatal Signpost embed: reports this page's height to the page that frames it.
(() => {
  if (window.parent === window) return;
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: "perinatal-signpost:height", height }, "*");
  };
  new ResizeObserver(report).observe(document.documentElement);
  addEventListener("load", report);
})();
`;

/** Optional, on the host page: sizes every Perinatal Signpost iframe to its content. */
const HOST_JS = `// Perinatal Signpost embed: sizes iframes from this origin to the height they report.
(() => {
  const script = document.currentScript;
  const origin = new URL(script ? script.src : location.href).origin;
  addEventListener("message", (event) => {
    const data = event.data;
    if (event.origin !== origin || !data || data.type !== "perinatal-signpost:height") return;
    const height = Math.min(Math.max(Number(data.height) || 0, 200), 20000);
    for (const frame of document.getElementsByTagName("iframe")) {
      if (frame.contentWindow === event.source) frame.style.height = height + "px";
    }
  });
})();
`;

const EMBED_CSS = `html { color-scheme: light; }
body { margin: 0; padding: 0.5rem; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.5; color: #1f2328; background: transparent; }
main { max-width: 72rem; margin: 0 auto; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
perinatal-signpost:not(:defined) { display: block; padding: 1rem; border: 1px solid #d0d7de; border-radius: 0.5rem; }
`;

const accentQuery = z.object({
  accent: optional(z.string().regex(/^[0-9a-f]{3}([0-9a-f]{3})?$/i)),
});

function asset(body: string, type: string, headers: Headers) {
  headers.set("Content-Type", type);
  headers.set("Cache-Control", "public, max-age=3600, stale-while-revalidate=86400");
  return body;
}

export const embedRoutes = new Hono<AppEnv>()
  .get("/embed", (c) => {
    const options = embedQuery.parse(c.req.queries() ?? {});
    c.header("Content-Security-Policy", EMBED_CSP);
    c.header("Cache-Control", "public, max-age=300, stale-while-revalidate=3600");
    return c.html(html`<!doctype html>${<EmbedPage options={options} />}`, 200);
  })
  .get("/embed/frame.js", (c) =>
    c.body(asset(FRAME_JS, "text/javascript; charset=utf-8", c.res.headers), 200),
  )
  .get("/embed/host.js", (c) => {
    c.header("Access-Control-Allow-Origin", "*");
    return c.body(asset(HOST_JS, "text/javascript; charset=utf-8", c.res.headers), 200);
  })
  .get("/embed/embed.css", (c) => {
    const { accent } = accentQuery.parse(c.req.queries() ?? {});
    const theme = accent ? `perinatal-signpost { --signpost-accent: #${accent}; }\n` : "";
    return c.body(asset(EMBED_CSS + theme, "text/css; charset=utf-8", c.res.headers), 200);
  });
