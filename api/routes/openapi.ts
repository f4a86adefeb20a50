import { Hono } from "hono";
import { FORMATS, KINDS, STAGES, WHENS } from "../../schema/taxonomy.js";
import type { AppEnv } from "../deps.js";
import { COVERAGE_PATHS, COVERAGE_SCHEMAS } from "./coverage-openapi.js";
import { publicCache } from "./http.js";

const list = (values: readonly string[], description: string) => ({
  in: "query",
  required: false,
  description: `${description} Repeat the parameter or use a comma list.`,
  schema: { type: "array", items: { type: "string", enum: values } },
  style: "form",
  explode: true,
});
const flag = (name: string, description: string) => ({
  name,
  in: "query",
  required: false,
  description,
  schema: { type: "boolean" },
});
const error = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});
const json = (ref: string) => ({
  description: "OK",
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

const document = {
  openapi: "3.1.0",
  info: {
    title: "Perinatal Signpost API",
    version: "1",
    description:
      "Perinatal mental health support open to a UK postcode. Send the postcode sector (EX4 4), not the full postcode.",
  },
  paths: {
    "/api/v1/services/{id}/reports": {
      post: {
        summary: "Report a problem with a listing (closed, wrong contact, wrong times, other)",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["reason"],
                properties: {
                  reason: {
                    type: "string",
                    enum: ["closed", "wrong-contact", "wrong-times", "other"],
                  },
                  text: { type: "string", maxLength: 1000 },
                },
              },
            },
          },
        },
        responses: {
          "201": { description: "Received" },
          "400": error("invalid_report"),
          "404": error("not_found"),
          "429": error("rate_limited"),
        },
      },
    },
    "/api/v1/search": {
      get: {
        summary: "Support open to a place, in three ranked groups, with crisis routes",
        parameters: [
          {
            name: "postcode",
            in: "query",
            required: true,
            description: "A postcode sector (EX4 4), district (EX4) or area (EX).",
            schema: { type: "string" },
          },
          { name: "stage", ...list(STAGES, "Stages.") },
          { name: "kind", ...list(KINDS, "Kinds of support.") },
          { name: "format", ...list(FORMATS, "Formats.") },
          { name: "when", ...list(WHENS, "Times that suit.") },
          flag("selfReferral", "Only services people can refer themselves to."),
          flag("free", "Only free services."),
          flag("children", "Only services where babies and children are welcome."),
          { name: "lang", in: "query", schema: { type: "string", enum: ["en", "cy"] } },
          { name: "language", in: "query", schema: { type: "string", example: "cy" } },
          { name: "radiusKm", in: "query", schema: { type: "number", minimum: 1, maximum: 50 } },
          { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 50 } },
        ],
        responses: {
          "200": json("SearchResponse"),
          "400": error("invalid_postcode or invalid_query"),
          "404": error("postcode_not_found"),
          "429": error("rate_limited (see Retry-After)"),
          "503": error("service_unavailable: the database did not answer in time"),
        },
      },
    },
    "/api/v1/places/{query}": {
      get: {
        summary: "Resolve a postcode to a place",
        parameters: [{ name: "query", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": json("PlaceResponse"),
          "400": error("invalid_postcode"),
          "404": error("postcode_not_found"),
        },
      },
    },
    "/api/v1/services/{id}": {
      get: {
        summary: "One published listing",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: { "200": json("ServiceDetail"), "404": error("not_found") },
      },
    },
    "/services/{id}/sessions.ics": {
      get: {
        summary: "A listing's sessions as an iCalendar file (RFC 5545), for calendars and webcal:",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: {
          "200": { description: "text/calendar", content: { "text/calendar": {} } },
          "404": { description: "No such published listing, or one without sessions" },
        },
      },
    },
    "/api/v1/crisis": {
      get: {
        summary: "Crisis routes for a country (all countries when omitted)",
        parameters: [
          {
            name: "country",
            in: "query",
            schema: { type: "string", enum: ["England", "Wales", "Scotland", "Northern Ireland"] },
          },
        ],
        responses: { "200": { description: "OK" }, "400": error("invalid_query") },
      },
    },
    "/api/v1/taxonomy": {
      get: {
        summary: "Kinds, stages, formats and more, with English and Welsh labels",
        responses: { "200": { description: "OK" } },
      },
    },
    "/health": { get: { summary: "Liveness", responses: { "200": { description: "OK" } } } },
    ...COVERAGE_PATHS,
  },
  components: {
    schemas: {
      ...COVERAGE_SCHEMAS,
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message", "requestId"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              requestId: { type: "string" },
            },
          },
        },
      },
      Place: {
        type: "object",
        properties: {
          query: { type: "string" },
          precision: { type: "string", enum: ["sector", "district", "parent-district", "area"] },
          label: { type: "string" },
          country: { type: "string" },
          countries: { type: "array", items: { type: "string" } },
          lad: { type: ["string", "null"] },
          icb: { type: ["string", "null"] },
          lhb: { type: ["string", "null"] },
          hb: { type: ["string", "null"], description: "Scottish health board (S08…)" },
          latitude: { type: "number" },
          longitude: { type: "number" },
          approximate: { type: "boolean" },
        },
      },
      PlaceResponse: {
        type: "object",
        properties: { place: { $ref: "#/components/schemas/Place" } },
      },
      Result: {
        type: "object",
        description: "See schema/contract.ts (SearchResult) for every field.",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          organisation: { type: "string" },
          summary: { type: "string" },
          kind: { type: "string", enum: KINDS },
          selfReferral: { type: "boolean" },
          perinatalSpecific: {
            type: "boolean",
            description:
              "For pregnancy and the early years, not open to anyone; ranks first in anywhere",
          },
          distanceKm: { type: ["number", "null"] },
          venueSector: {
            type: ["string", "null"],
            description:
              "Set when the nearest venue is placed only at its sector's centre: say 'in EX4 4'",
          },
          nextSession: { type: ["object", "null"] },
          calendarUrl: {
            type: ["string", "null"],
            description: "/services/:id/sessions.ics when the listing has sessions",
          },
          lang: { type: "string", enum: ["en", "cy"], description: "Language of name and summary" },
          reviewOverdue: { type: "boolean" },
          demo: { type: "boolean" },
          url: { type: "string" },
        },
      },
      ServiceDetail: { allOf: [{ $ref: "#/components/schemas/Result" }] },
      NextStep: {
        type: "object",
        description:
          "Something she can do now for her nation, whatever is listed near her (api/domain/next-steps.ts).",
        required: ["id", "country", "action", "title", "text", "link", "serviceId"],
        properties: {
          id: { type: "string" },
          country: { type: "string", enum: ["England", "Wales", "Scotland", "Northern Ireland"] },
          action: { type: "string", enum: ["refer-yourself", "ask", "information"] },
          title: { type: "string" },
          text: { type: "string" },
          link: {
            type: ["object", "null"],
            properties: { label: { type: "string" }, href: { type: "string" } },
          },
          serviceId: { type: ["string", "null"], description: "Its listing: /services/{id}" },
        },
      },
      SearchResponse: {
        type: "object",
        properties: {
          place: { $ref: "#/components/schemas/Place" },
          crisis: { type: "array", items: { type: "object" } },
          nextSteps: {
            type: "array",
            description:
              "What she can do now for the place's countries, primary first; shown first when nearby and area are empty",
            items: { $ref: "#/components/schemas/NextStep" },
          },
          groups: {
            type: "object",
            properties: {
              nearby: { type: "array", items: { $ref: "#/components/schemas/Result" } },
              area: { type: "array", items: { $ref: "#/components/schemas/Result" } },
              anywhere: { type: "array", items: { $ref: "#/components/schemas/Result" } },
            },
          },
          totals: {
            type: "object",
            description:
              "How many results each group holds, counted up to `limit` (each group returns at most `limit`)",
            properties: {
              nearby: { type: "integer" },
              area: { type: "integer" },
              anywhere: { type: "integer" },
            },
          },
          total: { type: "integer" },
        },
      },
    },
  },
};

export const openapiRoutes = new Hono<AppEnv>().get("/", (c) => {
  publicCache(c, 3600);
  return c.json(document, 200);
});
