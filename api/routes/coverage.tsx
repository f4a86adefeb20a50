import type { Context } from "hono";
import { Hono } from "hono";
import type { Lang } from "../../schema/taxonomy.js";
import { toCsv } from "../admin/csv.js";
import { type CoverageModel, currentCoverage } from "../coverage.js";
import { readDemand } from "../db/demand.js";
import type { AppEnv } from "../deps.js";
import {
  type AreaReport,
  areaDemand,
  areaReport,
  type CoverageArea,
  CRITERIA,
  type Criterion,
  isCriterion,
  sectorCsvRows,
  sectorGeoJson,
  UK_CODE,
} from "../domain/coverage/index.js";
import { londonWallClock } from "../domain/london-time.js";
import { ApiError } from "../errors.js";
import { AreaNotFoundPage, AreaPage, ChooseAreaPage } from "../pages/coverage-page.js";
import { sendPage } from "../pages/layout.js";
import { publicCache } from "./http.js";

/**
 * Coverage for commissioners (docs/coverage.md): the pages `/coverage` and `/coverage/:areaCode`,
 * the downloads beside them, and the JSON API `/api/v1/coverage` and `/api/v1/coverage/areas`.
 * Figures follow the published directory; they are cached briefly, as other public answers are.
 */

const CACHE_SECONDS = 60;
const AREA_CODE = /^[A-Za-z0-9]{2,12}$/;

function langOf(c: Context<AppEnv>): Lang {
  return c.req.query("lang") === "cy" ? "cy" : "en";
}

function criterionOf(c: Context<AppEnv>): Criterion {
  const asked = c.req.query("criterion");
  if (asked === undefined || asked === "") return CRITERIA[0];
  if (isCriterion(asked)) return asked;
  throw new ApiError(
    400,
    "invalid_criterion",
    `Unknown criterion. Use one of: ${CRITERIA.join(", ")}.`,
  );
}

function areaOf(model: CoverageModel, code: string | undefined): CoverageArea | undefined {
  if (!code || !AREA_CODE.test(code)) return undefined;
  return model.geography.byCode.get(code) ?? model.geography.byCode.get(code.toUpperCase());
}

/** Months of demand shown: this one and the eleven before it. */
const DEMAND_MONTHS = 12;

function firstMonth(now: Date): string {
  const [y, m] = londonWallClock(now).date.split("-").map(Number) as [number, number];
  const back = y * 12 + (m - 1) - (DEMAND_MONTHS - 1);
  return `${Math.floor(back / 12)}-${String((back % 12) + 1).padStart(2, "0")}`;
}

export async function reportFor(
  c: Context<AppEnv>,
  model: CoverageModel,
  area: CoverageArea,
  criterion: Criterion,
) {
  const deps = c.get("deps");
  const counts = await readDemand(deps.db, firstMonth(deps.now()));
  const districts = Array.from(area.sectors, (i) => model.coverage.reach.sectors[i]!.outcode);
  return areaReport({
    demand: areaDemand(districts, counts, area.code === UK_CODE, DEMAND_MONTHS),
    coverage: model.coverage,
    area,
    areas: model.geography.areas,
    criterion,
    listings: model.listings(area)[criterion],
    directoryVersion: model.version,
    computedAt: model.computedAt,
  });
}

function hasExamples(report: AreaReport): boolean {
  return report.listings.top.some((l) => l.demo);
}

/** The area of a download, with its headers set: a file named for the area and the date. */
async function download(c: Context<AppEnv>, type: string, ext: string) {
  const model = await currentCoverage(c.get("deps"));
  const area = areaOf(model, c.req.param("areaCode"));
  if (!area) throw new ApiError(404, "not_found", "No area has that code.");
  publicCache(c, CACHE_SECONDS);
  const name = `coverage-${area.code}-${model.computedAt.toISOString().slice(0, 10)}.${ext}`;
  c.header("Content-Type", type);
  c.header("Content-Disposition", `attachment; filename="${name}"`);
  const meta = { area, directoryVersion: model.version, computedAt: model.computedAt };
  return { model, meta };
}

export const coverageRoutes = new Hono<AppEnv>()
  .get("/coverage", async (c) => {
    const model = await currentCoverage(c.get("deps"));
    publicCache(c, CACHE_SECONDS);
    return sendPage(c, <ChooseAreaPage lang={langOf(c)} areas={model.geography.areas} />, 200);
  })
  .get("/coverage/:areaCode/sectors.csv", async (c) => {
    const { model, meta } = await download(c, "text/csv; charset=utf-8", "csv");
    return c.body(toCsv(sectorCsvRows(model.coverage, meta), false), 200);
  })
  .get("/coverage/:areaCode/sectors.geojson", async (c) => {
    const { model, meta } = await download(c, "application/geo+json", "geojson");
    return c.body(JSON.stringify(sectorGeoJson(model.coverage, meta)), 200);
  })
  .get("/coverage/:areaCode", async (c) => {
    const lang = langOf(c);
    const criterion = criterionOf(c);
    const model = await currentCoverage(c.get("deps"));
    const area = areaOf(model, c.req.param("areaCode"));
    if (!area) return sendPage(c, <AreaNotFoundPage lang={lang} />, 404);
    const report = await reportFor(c, model, area, criterion);
    publicCache(c, CACHE_SECONDS);
    return sendPage(
      c,
      <AreaPage lang={lang} report={report} hasExamples={hasExamples(report)} />,
      200,
    );
  })
  .get("/api/v1/coverage/areas", async (c) => {
    const model = await currentCoverage(c.get("deps"));
    publicCache(c, CACHE_SECONDS);
    return c.json(
      {
        directoryVersion: model.version,
        computedAt: model.computedAt.toISOString(),
        criteria: CRITERIA,
        areas: model.geography.areas.map((a) => ({
          code: a.code,
          kind: a.kind,
          name: a.name,
          nameCy: a.nameCy,
          sectors: a.sectors.length,
        })),
      },
      200,
    );
  })
  .get("/api/v1/coverage", async (c) => {
    const criterion = criterionOf(c);
    const code = c.req.query("area");
    if (!code) throw new ApiError(400, "invalid_query", "Check the request: area: required.");
    const model = await currentCoverage(c.get("deps"));
    const area = areaOf(model, code);
    if (!area) throw new ApiError(404, "not_found", "No area has that code.");
    publicCache(c, CACHE_SECONDS);
    return c.json(await reportFor(c, model, area, criterion), 200);
  });
