import { sql } from "drizzle-orm";
import type { OrukPage } from "../../../api/domain/oruk/page.js";
import { type Backend, openBackend } from "../../support/backends.js";

export type Json = Record<string, unknown> & { id: string };
export type Page = OrukPage<Json>;

/**
 * An instance whose feed holds the seed listings, the examples included: demo listings never
 * leave the site, so the test marks them as real to have venues, sessions and local areas to feed.
 */
export async function feedBackend(): Promise<Backend> {
  const backend = await openBackend("memory");
  await backend.db.run(sql`update services set demo = 0`);
  return backend;
}

export async function getJson<T = Json>(b: Backend, path: string, status = 200): Promise<T> {
  const res = await b.app.request(path);
  if (res.status !== status) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Every line of an ndjson answer. */
export async function ndjson(b: Backend, path: string): Promise<Json[]> {
  const res = await b.app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Json);
}
