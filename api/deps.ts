import type { Sender } from "./admin/mail.js";
import type { TrustedProxies } from "./client-address.js";
import type { Db } from "./db/types.js";
import type { Directory } from "./directory.js";
import type { GeoIndex } from "./domain/geo-index.js";
import type { UsageCounter } from "./embed-usage.js";
import type { Logger } from "./logger.js";
import type { LinkHosts } from "./print/index.js";
import type { RateLimiter, Semaphore } from "./rate-limit.js";
import type { AnswerCache } from "./response-cache.js";

/** What the routes need from the outside world, injected once per process or request. */
export interface Deps {
  db: Db;
  logger: Logger;
  /** The postcode geography, loaded once and kept in memory (about 14,000 small rows). */
  geo: () => Promise<GeoIndex>;
  now: () => Date;
  /**
   * The published directory in memory, which search answers from. Absent: one per database
   * handle that reads `directory_version` before every search (tests, scripts).
   */
  directory?: Directory | undefined;
  /** Absolute origin for links that leave the page (QR codes, share links), if known. */
  publicOrigin?: string | undefined;
  /** Without a public origin, the hosts a request may name in links (absent: any, as on Workers). */
  linkHosts?: LinkHosts | undefined;
  /** Days the text of a resolved or dismissed problem report is kept (absent: 90). */
  reportRetentionDays?: number | undefined;
  /** Sends queued mail (SMTP on Node, the HTTP mail API on Workers); absent, mail waits. */
  mail?: Sender | undefined;
  /** Public JSON answers by normalised query; absent, every request is answered afresh. */
  cache?: AnswerCache | undefined;
  /** Searches counted per registered embed site (absent: nothing counted). */
  usage?: UsageCounter | undefined;
  /** Signs the sign-in form's cookie; absent, a key is made per process (or Worker isolate). */
  sessionSecret?: string | undefined;
  /** Proxies whose X-Forwarded-For / CF-Connecting-IP is believed (Node; see client-address). */
  trustProxy?: TrustedProxies | undefined;
  /**
   * The VTIMEZONE component of a zone, for calendar files; defaults to @touch4it/ical-timezones
   * reading its files (the Worker bundles Europe/London as text instead).
   */
  vtimezone?: ((zone: string) => string | null) | undefined;
  /**
   * Per-client limits (public API reads, problem reports, public pages and print tools, sign-in
   * posts) and the cap on PDFs and posters made at once.
   */
  limits?:
    | {
        public?: RateLimiter | undefined;
        reports?: RateLimiter | undefined;
        pages?: RateLimiter | undefined;
        login?: RateLimiter | undefined;
        /** PDFs and posters per client; beyond `pages`, since each takes a core for a while. */
        renders?: RateLimiter | undefined;
        renderSlots?: Semaphore | undefined;
      }
    | undefined;
}

export type AppEnv = {
  Variables: { deps: Deps; requestId: string };
};

/** Caches a loader's promise; a failed load is retried on the next call. */
export function memo<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((err: unknown) => {
      pending = undefined;
      throw err;
    });
    return pending;
  };
}
