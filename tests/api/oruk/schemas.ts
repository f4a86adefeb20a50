/**
 * The ORUK 3.0 schemas compiled with ajv (they declare no `$schema`, so ajv's default draft-07
 * applies; they carry Frictionless keywords such as `constraints`, hence `strict: false`).
 */
import { readdirSync, readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const root = new URL("../../fixtures/oruk/", import.meta.url);
const read = (path: string) =>
  JSON.parse(readFileSync(new URL(path, root), "utf8")) as Record<string, unknown>;

const ajv = new Ajv({ strict: false, allErrors: true });
// ajv-formats is CommonJS: under ESM its function may sit on `default`.
const add = ((addFormats as unknown as { default?: typeof addFormats }).default ?? addFormats) as (
  a: Ajv,
) => void;
add(ajv);
for (const file of readdirSync(new URL("schemata/", root))) {
  ajv.addSchema({ ...read(`schemata/${file}`), $id: `https://oruk.test/schemata/${file}` });
}
for (const file of readdirSync(new URL("compiled/", root))) {
  ajv.addSchema({ ...read(`compiled/${file}`), $id: `https://oruk.test/compiled/${file}` });
}

const PAGE = {
  type: "object",
  required: [
    "total_items",
    "total_pages",
    "page_number",
    "size",
    "first_page",
    "last_page",
    "empty",
    "contents",
  ],
  properties: {
    total_items: { type: "integer" },
    total_pages: { type: "integer" },
    page_number: { type: "integer" },
    size: { type: "integer" },
    first_page: { type: "boolean" },
    last_page: { type: "boolean" },
    empty: { type: "boolean" },
    contents: { type: "array" },
  },
};
ajv.addSchema({ ...PAGE, $id: "https://oruk.test/page.json" });

export type SchemaName = `schemata/${string}.json` | `compiled/${string}.json` | "page.json";

export function validator(name: SchemaName): ValidateFunction {
  const v = ajv.getSchema(`https://oruk.test/${name}`);
  if (!v) throw new Error(`no schema ${name}`);
  return v;
}

/** The schema errors of `value` under each named schema, as readable lines (none: valid). */
export function schemaErrors(value: unknown, ...names: SchemaName[]): string[] {
  return names.flatMap((name) => {
    const v = validator(name);
    return v(value) ? [] : (v.errors ?? []).map((e) => `${name} ${e.instancePath} ${e.message}`);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Rules the schemas don't show: no nulls anywhere, every id and *_id a UUID. */
export function ruleErrors(value: unknown, path = ""): string[] {
  if (value === null) return [`${path} is null`];
  if (Array.isArray(value)) return value.flatMap((v, i) => ruleErrors(v, `${path}/${i}`));
  if (typeof value !== "object") return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
    const here = `${path}/${k}`;
    const idProblem =
      (k === "id" || k.endsWith("_id")) && !(typeof v === "string" && UUID.test(v))
        ? [`${here} is not a UUID: ${JSON.stringify(v)}`]
        : [];
    return [...idProblem, ...ruleErrors(v, here)];
  });
}

export const readFixture = read;
