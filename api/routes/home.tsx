import { Hono } from "hono";
import { z } from "zod";
import type { Lang } from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { parsePostcode } from "../domain/postcode.js";
import { homeStrings } from "../pages/home-strings.js";
import { Layout, sendPage } from "../pages/layout.js";
import { accessibilityStatement, privacyNotice, type Statement } from "../pages/statements.js";

/**
 * The public front door: `/` (what this is, the search with the widget, a way in for each
 * audience), `/accessibility` and `/privacy`. `/?postcode=EX4+4&lang=cy` is where the widget's
 * "Share this search" leads: the widget starts on that search. A full postcode is cut to its
 * sector and the browser sent on, so only the sector stays in the address.
 */

const query = z.object({
  postcode: z.string().max(16).optional().catch(undefined),
  lang: z.enum(["en", "cy"]).default("en").catch("en"),
});

const readQuery = (raw: Record<string, string>) => query.parse(raw);

const withLang = (path: string, lang: Lang) => (lang === "cy" ? `${path}?lang=cy` : path);

function FooterLinks({ lang }: { lang: Lang }) {
  const s = homeStrings(lang).footerLinks;
  return (
    <nav class="page-links" aria-label={lang === "cy" ? "Amdanom ni" : "About this service"}>
      <a href={withLang("/accessibility", lang)}>{s.accessibility}</a>
      <a href={withLang("/privacy", lang)}>{s.privacy}</a>
    </nav>
  );
}

function HomePage({ lang, sector }: { lang: Lang; sector: string | undefined }) {
  const s = homeStrings(lang);
  const other: Lang = lang === "cy" ? "en" : "cy";
  const otherQuery = new URLSearchParams();
  if (sector) otherQuery.set("postcode", sector);
  if (other === "cy") otherQuery.set("lang", "cy");
  const otherHref = otherQuery.size > 0 ? `/?${otherQuery}` : "/";
  return (
    <Layout
      lang={lang}
      title={s.title}
      styles={["page.css"]}
      widget
      tools
      otherLanguageHref={otherHref}
    >
      <main id="main" class="page home">
        <h1>{s.h1}</h1>
        <p class="lede">{s.intro}</p>
        <section id="search" aria-labelledby="search-title" class="home-search">
          <h2 id="search-title">{s.searchHeading}</h2>
          <p class="hint">{s.searchHint}</p>
          <perinatal-signpost postcode={sector} lang={lang}>
            <p>{s.fallback}</p>
          </perinatal-signpost>
        </section>
        <section aria-labelledby="ways-title">
          <h2 id="ways-title">{s.waysHeading}</h2>
          <ul class="ways">
            {s.ways.map((way) => (
              <li id={"id" in way ? way.id : undefined}>
                <h3>{way.heading}</h3>
                <p>{way.text}</p>
                {way.links.length > 0 ? (
                  <p class="way-links">
                    {way.links.map((link) => (
                      <a href={link.href}>{link.label}</a>
                    ))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
        <FooterLinks lang={lang} />
      </main>
    </Layout>
  );
}

function StatementPage(props: { lang: Lang; path: string; statement: Statement }) {
  const { lang, statement } = props;
  return (
    <Layout
      lang={lang}
      title={statement.title}
      styles={["page.css"]}
      tools
      otherLanguageHref={withLang(props.path, lang === "cy" ? "en" : "cy")}
    >
      <main id="main" class="page statement">
        <p>
          <a href={withLang("/", lang)}>{lang === "cy" ? "Hafan" : "Home"}</a>
        </p>
        <h1>{statement.title}</h1>
        {statement.sections.map((section) => (
          <section>
            <h2>{section.heading}</h2>
            {(section.paragraphs ?? []).map((p) => (
              <p>{p}</p>
            ))}
            {section.list ? (
              <ul>
                {section.list.map((item) => (
                  <li>{item}</li>
                ))}
              </ul>
            ) : null}
          </section>
        ))}
        <FooterLinks lang={lang} />
      </main>
    </Layout>
  );
}

export const homeRoutes = new Hono<AppEnv>()
  .get("/", (c) => {
    c.header("Cache-Control", "no-cache");
    const q = readQuery(c.req.query());
    const parsed = q.postcode ? parsePostcode(q.postcode) : null;
    if (parsed?.ok && parsed.kind === "full") {
      const next = new URLSearchParams({ postcode: parsed.sector });
      if (q.lang === "cy") next.set("lang", "cy");
      return c.redirect(`/?${next}`, 303);
    }
    // Anything but a sector, district or area is dropped: the search starts empty.
    const sector = parsed?.ok ? (parsed.sector ?? parsed.outcode ?? parsed.area) : undefined;
    return sendPage(c, <HomePage lang={q.lang} sector={sector} />, 200);
  })
  .get("/accessibility", (c) => {
    const { lang } = readQuery(c.req.query());
    const page = (
      <StatementPage lang={lang} path="/accessibility" statement={accessibilityStatement(lang)} />
    );
    return sendPage(c, page, 200);
  })
  .get("/privacy", (c) => {
    const { lang } = readQuery(c.req.query());
    return sendPage(
      c,
      <StatementPage lang={lang} path="/privacy" statement={privacyNotice(lang)} />,
      200,
    );
  });
