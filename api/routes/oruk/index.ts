/**
 * `/oruk`: the directory as an Open Referral UK 3.0 (HSDS 3.0) API base URL. Open to all, CORS
 * `*`, read only. What it publishes and how: docs/open-referral.md.
 */
import { type Handler, Hono } from "hono";
import spec from "../../../data/oruk/openapi-3.0.json";
import type { AppEnv } from "../../deps.js";
import { publicCors } from "../../public-cors.js";
import { publicCache } from "../http.js";
import { orukContext } from "./feed.js";
import { orukSalRoutes } from "./service-at-locations.js";
import { orukServiceRoutes } from "./services.js";
import { orukTaxonomyRoutes, orukTermRoutes } from "./taxonomies.js";

export const ORUK_PROFILE = "https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md";
export const LICENCE = {
  name: "Open Government Licence v3.0",
  url: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
  statement:
    "Listings written by Perinatal Signpost are published under the Open Government Licence v3.0. Listings imported from another directory keep that publisher's licence, named in x_source_url.",
};

/** Where our extension properties are described, field by field. */
const DOCS_NOTE =
  "Extension properties (x_…) are described in docs/open-referral.md of the Perinatal Signpost source.";

const HSDS_PARAMS = ["modified_after", "minimal", "full", "organization_id", "format"];

/** The ORUK 3.0 OpenAPI document, with our server and the HSDS 3.0 parameters we accept too. */
function openapi(base: string) {
  const doc = structuredClone(spec) as Record<string, unknown> & {
    paths: Record<string, { get?: { parameters?: unknown[] } }>;
  };
  for (const path of ["/services", "/service_at_locations"]) {
    const op = doc.paths[path]?.get;
    if (op) {
      op.parameters = [
        ...(op.parameters ?? []),
        ...HSDS_PARAMS.map((p) => ({ $ref: `#/components/parameters/${p}` })),
      ];
    }
  }
  return {
    ...doc,
    servers: [{ url: base, description: "Perinatal Signpost" }],
    "x-licence": LICENCE,
  };
}

const apiDetails: Handler<AppEnv> = async (c) => {
  const { base } = await orukContext(c);
  publicCache(c, 3600);
  return c.json(
    {
      version: "HSDS-UK-3.0",
      profile: ORUK_PROFILE,
      openapi_url: `${base}/openapi.json`,
      publisher: "Perinatal Signpost",
      licence: LICENCE,
      x_documentation: DOCS_NOTE,
    },
    200,
  );
};

export const orukRoutes = new Hono<AppEnv>()
  .use("*", publicCors(["GET", "HEAD", "OPTIONS"]))
  // The base URL answers with and without its trailing slash (`/oruk` and `/oruk/`).
  .get("/", apiDetails)
  .get("/:slash{/?}", apiDetails)
  .get("/openapi.json", async (c) => {
    publicCache(c, 3600);
    return c.json(openapi((await orukContext(c)).base), 200);
  })
  .route("/services", orukServiceRoutes)
  .route("/service_at_locations", orukSalRoutes)
  .route("/taxonomies", orukTaxonomyRoutes)
  .route("/taxonomy_terms", orukTermRoutes);
