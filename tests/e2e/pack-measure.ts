/**
 * The measurement docs/print.md describes, run over the fixture packs: each card's height as
 * Chromium lays it out for print (703 px wide, the printable 186 mm), against
 * `estimateCardMm`, and the fixed parts above the first listing section against the budget's
 * `beforeMm`. Not a test: run `npx tsx tests/e2e/pack-measure.ts [langs] [moments]`, e.g.
 * `npx tsx tests/e2e/pack-measure.ts en,cy,both booking,birth,toddler` (the default).
 */
import { serve } from "@hono/node-server";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { type Deps, memo } from "../../api/deps.js";
import type { Moment, PackLang } from "../../api/domain/pack.js";
import { estimateCardMm } from "../../api/domain/pack-measure.js";
import { loadPack } from "../../api/print/load-pack.js";
import { cardText } from "../../api/print/pack-cards.js";
import { cardMeasure, openingExtraMm, packBudget } from "../../api/print/pack-layout.js";
import { FIXED_NOW, openBackend } from "../support/backends.js";
import { launchChromium } from "../widget/helpers/browser.js";

const AREAS = ["EX4 4", "PL1 2", "BS1 4", "CF10 1", "SA1 1", "HR3 5", "G1 1", "BT1", "M1 1"];
const langs = (process.argv[2] ?? "en,cy,both").split(",") as PackLang[];
const moments = (process.argv[3] ?? "booking,birth,toddler").split(",") as Moment[];

// Run in the page as text: the bundler's helpers for named functions do not exist there.
const MEASURE = `(() => {
  const k = 25.4 / 96;
  const top = document.querySelector(".pack").getBoundingClientRect().top;
  const first = document.querySelector(".listing-section");
  return {
    cards: [...document.querySelectorAll(".card")].map((c) => ({ id: c.id, mm: c.getBoundingClientRect().height * k })),
    before: first ? (first.getBoundingClientRect().top - top) * k - 3.5 : null,
  };
})()`;

const backend = await openBackend("memory");
const deps: Deps = {
  db: backend.db,
  logger: backend.logger,
  geo: memo(() => loadGeoIndex(backend.db)),
  now: () => FIXED_NOW,
};
const server = serve({ fetch: backend.app.fetch, port: 0, hostname: "127.0.0.1" });
await new Promise((resolve) => server.once("listening", resolve));
const address = server.address();
const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
const browser = await launchChromium();
const cards: { lang: PackLang; diff: number }[] = [];
const befores: { lang: PackLang; at: string; measured: number; budget: number }[] = [];
try {
  const page = await browser.newPage({ viewport: { width: 703, height: 1000 } });
  await page.emulateMedia({ media: "print" });
  for (const lang of langs) {
    for (const postcode of AREAS) {
      for (const moment of moments) {
        const view = await loadPack(deps, { postcode, moment, lang, omit: [] }, origin);
        await page.goto(`${origin}/print?${new URLSearchParams({ postcode, moment, lang })}`);
        const m = (await page.evaluate(MEASURE)) as {
          cards: { id: string; mm: number }[];
          before: number | null;
        };
        const shown = view.sections.flatMap((s) => s.cards);
        for (const c of m.cards) {
          const card = shown.find((x) => c.id.endsWith(x.id));
          if (card) {
            const estimate = estimateCardMm(cardText(card, view.langs), cardMeasure(lang));
            cards.push({ lang, diff: estimate - c.mm });
          }
        }
        if (m.before === null) continue;
        // The first section's top: "no groups near you" lies below it, so it is left out.
        const budget = packBudget(lang, {
          country: view.country,
          crisisRoutes: view.crisis.length,
          nearbyEmpty: false,
          extraBeforeMm: openingExtraMm(lang, { note: null, steps: view.nextSteps }),
          demo: view.hasDemo,
        });
        befores.push({
          lang,
          at: `${postcode} ${moment}`,
          measured: m.before,
          budget: budget.beforeMm,
        });
      }
    }
  }
} finally {
  await browser.close();
  server.close();
  await backend.close();
}

const mm = (n: number | undefined) => (n === undefined ? "-" : n.toFixed(1));
for (const lang of langs) {
  const d = cards.filter((r) => r.lang === lang).map((r) => r.diff);
  d.sort((a, b) => a - b);
  const at = (p: number) => d[Math.min(d.length - 1, Math.floor(p * d.length))];
  console.log(
    `${lang}: ${d.length} cards, estimate − measured (mm): min ${mm(at(0))}, p10 ${mm(at(0.1))}, median ${mm(at(0.5))}, p90 ${mm(at(0.9))}, max ${mm(at(1))}; ${d.filter((x) => x < 0).length} short`,
  );
  const rows = befores.filter((r) => r.lang === lang);
  const diffs = rows.map((r) => r.budget - r.measured).sort((a, b) => a - b);
  console.log(
    `${lang}: fixed parts, beforeMm − measured (mm): min ${mm(diffs[0])}, median ${mm(diffs[Math.floor(diffs.length / 2)])}, max ${mm(diffs.at(-1))}`,
  );
  const seen = new Set<string>();
  for (const r of rows) {
    const line = `measured ${mm(r.measured)}, beforeMm ${mm(r.budget)}`;
    if (!seen.has(line)) console.log(`  ${r.at}: ${line}`);
    seen.add(line);
  }
}
