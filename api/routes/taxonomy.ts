import { Hono } from "hono";
import {
  audienceLabels,
  costLabels,
  formatLabels,
  kindLabels,
  type Label,
  referralLabels,
  stageLabels,
  whenLabels,
} from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { publicCache } from "./http.js";

const entries = (labels: Record<string, Label>) =>
  Object.entries(labels).map(([code, label]) => ({ code, en: label.en, cy: label.cy }));

const taxonomy = {
  kinds: entries(kindLabels),
  stages: entries(stageLabels),
  formats: entries(formatLabels),
  referral: entries(referralLabels),
  audiences: entries(audienceLabels),
  costs: entries(costLabels),
  when: entries(whenLabels),
};

export const taxonomyRoutes = new Hono<AppEnv>().get("/", (c) => {
  publicCache(c, 3600);
  return c.json(taxonomy, 200);
});
