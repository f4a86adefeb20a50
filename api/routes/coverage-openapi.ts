import { CRITERIA } from "../domain/coverage/index.js";

/** The coverage API in the OpenAPI document (see docs/coverage.md for what the figures mean). */

const error = {
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
};
const summary = {
  type: "object",
  required: [
    "criterion",
    "applicable",
    "sectors",
    "sectorsCovered",
    "postcodes",
    "postcodesCovered",
    "share",
  ],
  properties: {
    criterion: { type: "string", enum: [...CRITERIA] },
    applicable: {
      type: "boolean",
      description: "False where the need is not asked (Welsh outside Wales)",
    },
    sectors: { type: "integer" },
    sectorsCovered: { type: "integer" },
    postcodes: { type: "integer", description: "Postcode units in the area's sectors" },
    postcodesCovered: { type: "integer" },
    share: { type: ["number", "null"], description: "postcodesCovered / postcodes" },
  },
};

export const COVERAGE_PATHS = {
  "/api/v1/coverage/areas": {
    get: {
      summary: "Areas with coverage figures: the UK, nations, ICBs, LHBs, Scottish boards, LADs",
      responses: { "200": { description: "OK" } },
    },
  },
  "/api/v1/coverage": {
    get: {
      summary: "One area's coverage for one need: summary, every need, listings, 26 weeks, sectors",
      parameters: [
        {
          name: "area",
          in: "query",
          required: true,
          schema: { type: "string" },
          description: "Area code from /api/v1/coverage/areas, or uk",
        },
        {
          name: "criterion",
          in: "query",
          required: false,
          schema: { type: "string", enum: [...CRITERIA], default: CRITERIA[0] },
        },
      ],
      responses: {
        "200": {
          description: "OK",
          content: {
            "application/json": { schema: { $ref: "#/components/schemas/CoverageReport" } },
          },
        },
        "400": { description: "invalid_criterion or invalid_query", ...error },
        "404": { description: "not_found: no area has that code", ...error },
      },
    },
  },
};

export const COVERAGE_SCHEMAS = {
  CoverageSummary: summary,
  CoverageReport: {
    type: "object",
    required: [
      "area",
      "criterion",
      "directoryVersion",
      "computedAt",
      "summary",
      "criteria",
      "listings",
      "calendar",
      "breakdown",
      "sectors",
    ],
    properties: {
      area: {
        type: "object",
        required: ["code", "kind", "name"],
        properties: {
          code: { type: "string" },
          kind: { type: "string", enum: ["uk", "country", "icb", "lhb", "hb", "lad"] },
          name: { type: "string" },
          nameCy: { type: "string" },
        },
      },
      criterion: { type: "string", enum: [...CRITERIA] },
      directoryVersion: { type: "integer" },
      computedAt: { type: "string", format: "date-time" },
      rules: {
        type: "object",
        properties: { reachKm: { type: "number" }, ruralReachKm: { type: "number" } },
      },
      summary: { $ref: "#/components/schemas/CoverageSummary" },
      criteria: { type: "array", items: { $ref: "#/components/schemas/CoverageSummary" } },
      listings: {
        type: "object",
        required: ["total", "overdue", "top"],
        properties: {
          total: { type: "integer" },
          overdue: {
            type: "integer",
            description: "Listings meeting the need here that are overdue for review",
          },
          top: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "name", "postcodes", "share", "overdue", "demo"],
              properties: {
                id: { type: "string" },
                name: { type: "string" },
                organisation: { type: "string" },
                postcodes: { type: "integer" },
                share: { type: "number" },
                overdue: { type: "boolean" },
                demo: { type: "boolean" },
              },
            },
          },
        },
      },
      calendar: {
        type: "array",
        items: {
          type: "object",
          required: ["weekStart", "postcodesWithout", "sectorsWithout", "shareWithout"],
          properties: {
            weekStart: { type: "string", format: "date" },
            postcodesWithout: { type: "integer" },
            sectorsWithout: { type: "integer" },
            shareWithout: { type: "number" },
          },
        },
      },
      breakdown: {
        type: "object",
        properties: { by: { type: "string", enum: ["district", "area"] }, rows: { type: "array" } },
      },
      sectors: {
        type: "array",
        items: {
          type: "object",
          required: ["sector", "latitude", "longitude", "postcodes", "rural", "covered"],
          properties: {
            sector: { type: "string" },
            latitude: { type: "number" },
            longitude: { type: "number" },
            postcodes: { type: "integer" },
            rural: { type: "boolean" },
            covered: { type: ["boolean", "null"] },
          },
        },
      },
    },
  },
};
