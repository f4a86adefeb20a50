import type { ErrorBody, SearchResponse } from "../schema/contract.js";
import type { Format, Kind, Stage, When } from "../schema/taxonomy.js";

/**
 * The widget's one network module. Every request is abortable, gives up after a timeout, and
 * every way it can fail comes back as a `Failure` the element can show: nothing throws.
 */

export const DEFAULT_TIMEOUT_MS = 6000;

export interface SearchParams {
  /** A postcode sector (`EX4 4`) or district (`EX4`): never a full postcode. */
  postcode: string;
  stage: Stage[];
  kind: Kind[];
  format: Format[];
  when: When[];
  selfReferral: boolean;
  free: boolean;
  children: boolean;
  lang: "en" | "cy";
  /** Only services offered in this language, e.g. `cy`. */
  language: string | null;
  radiusKm: number | null;
  limit: number | null;
  /** The embedding site's id, so use can be counted per partner site (no personal data). */
  site: string | null;
}

export type FailureCode =
  | "invalid_postcode"
  | "postcode_not_found"
  | "timeout"
  | "offline"
  | "network"
  | "server"
  | "rate_limited"
  | "misconfigured"
  | "aborted";

export interface Failure {
  code: FailureCode;
  /** A developer-facing explanation (for `signpost-error` and the console), not shown to people. */
  message: string;
  status?: number;
  requestId?: string;
}

export type Outcome<T> = { ok: true; data: T } | { ok: false; failure: Failure };

export interface ClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

/** Resolves the base URL of a Perinatal Signpost server; `null` when it is not http(s). */
export function apiBase(api: string, relativeTo: string): URL | null {
  try {
    const url = new URL(api.endsWith("/") ? api : `${api}/`, relativeTo);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The query string for a search, in a fixed order and without defaults, so caches can share it. */
export function searchQuery(params: SearchParams): URLSearchParams {
  const q = new URLSearchParams({ postcode: params.postcode });
  const lists = {
    stage: params.stage,
    kind: params.kind,
    format: params.format,
    when: params.when,
  };
  for (const [key, values] of Object.entries(lists)) {
    if (values.length) q.set(key, [...values].sort().join(","));
  }
  if (params.selfReferral) q.set("selfReferral", "true");
  if (params.free) q.set("free", "true");
  if (params.children) q.set("children", "true");
  if (params.language) q.set("language", params.language);
  if (params.radiusKm) q.set("radiusKm", String(params.radiusKm));
  if (params.limit) q.set("limit", String(params.limit));
  q.set("lang", params.lang);
  if (params.site) q.set("site", params.site);
  return q;
}

export function createClient(base: URL, options: ClientOptions = {}) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function getJson<T>(
    path: string,
    query: URLSearchParams,
    isValid: (body: unknown) => body is T,
    signal?: AbortSignal,
  ): Promise<Outcome<T>> {
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      return fail("offline", "navigator.onLine is false");
    }
    const url = new URL(path, base);
    url.search = query.toString();

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) controller.abort();

    try {
      const response = await doFetch(url, {
        signal: controller.signal,
        headers: { accept: "application/json" },
        credentials: "omit",
        referrerPolicy: "no-referrer",
      });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) return failureFromResponse(response, body);
      if (!isValid(body)) {
        return fail("server", "unexpected response body", response);
      }
      return { ok: true, data: body };
    } catch (err) {
      if (timedOut) return fail("timeout", `no answer in ${timeoutMs} ms`);
      if (signal?.aborted) return fail("aborted", "aborted");
      if (typeof navigator !== "undefined" && navigator.onLine === false) {
        return fail("offline", "connection lost");
      }
      const detail = err instanceof Error ? err.message : String(err);
      return fail("network", `${url.origin}: ${detail}`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
    }
  }

  return {
    search(params: SearchParams, signal?: AbortSignal): Promise<Outcome<SearchResponse>> {
      return getJson("api/v1/search", searchQuery(params), isSearchResponse, signal);
    },
  };
}

export type ApiClient = ReturnType<typeof createClient>;

function fail(code: FailureCode, message: string, response?: Response): Outcome<never> {
  const failure: Failure = { code, message };
  if (response) failure.status = response.status;
  return { ok: false, failure };
}

function failureFromResponse(response: Response, body: unknown): Outcome<never> {
  const error = isErrorBody(body) ? body.error : undefined;
  const known = error?.code === "invalid_postcode" || error?.code === "postcode_not_found";
  const code: FailureCode = known
    ? (error.code as FailureCode)
    : response.status === 429
      ? "rate_limited"
      : "server";
  const failure: Failure = {
    code,
    message: error?.message ?? `HTTP ${response.status}`,
    status: response.status,
  };
  const requestId = error?.requestId ?? response.headers.get("x-request-id");
  if (requestId) failure.requestId = requestId;
  return { ok: false, failure };
}

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof (body as ErrorBody | undefined)?.error?.code === "string";
}

function isSearchResponse(body: unknown): body is SearchResponse {
  const b = body as Partial<SearchResponse> | undefined;
  return (
    typeof b?.place?.query === "string" &&
    Array.isArray(b.crisis) &&
    Array.isArray(b.groups?.nearby) &&
    Array.isArray(b.groups.area) &&
    Array.isArray(b.groups.anywhere)
  );
}
