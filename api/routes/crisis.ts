import { Hono } from "hono";
import { z } from "zod";
import { COUNTRIES, LANGS } from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { crisisFor } from "../search.js";
import { cachedJson, validQuery } from "./http.js";

const last = z
  .array(z.string())
  .default([])
  .transform((v) => v.at(-1));
const crisisQuery = z.object({
  country: last.pipe(z.enum(COUNTRIES).optional()),
  lang: last.pipe(z.enum(LANGS).default("en")),
});

export const crisisRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const q = validQuery(c, crisisQuery);
  const countries = q.country ? [q.country] : [...COUNTRIES];
  return cachedJson(c, `crisis:${q.country ?? "all"}?lang=${q.lang}`, async () => ({
    country: q.country ?? null,
    crisis: await crisisFor(c.get("deps"), countries, q.lang),
  }));
});
