import { parseTrustProxy, type TrustedProxies } from "./client-address.js";
import { parseInstant } from "./clock.js";

/** Every setting the server reads from its environment, read here and passed down. */
export interface Config {
  host: string;
  port: number;
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  /** Public origin used in absolute links (QR codes, share links); defaults to the server's. */
  publicOrigin: string | undefined;
  /**
   * Without a public origin, the Host headers (names or `name:port`) that may shape links
   * (`ALLOWED_HOSTS`, comma-separated); links for any other host use the listen address.
   * The listen address and localhost are always allowed.
   */
  allowedHosts: string[];
  seedDemo: boolean;
  /** Keep recent public answers in memory (`RESPONSE_CACHE=off` answers every request afresh). */
  responseCache: boolean;
  /** Per-client request limits (`RATE_LIMITS=off` for load tests on loopback). */
  rateLimits: boolean;
  /** How long a query to a remote database may take before the answer is 503. */
  databaseTimeoutMs: number;
  /** Days the text of a resolved or dismissed problem report is kept before the daily job erases it. */
  reportRetentionDays: number;
  /** How often search reads `directory_version` to see whether listings changed elsewhere. */
  directoryCheckSeconds: number;
  /**
   * Proxies in front of the server whose X-Forwarded-For / CF-Connecting-IP is believed
   * (`TRUST_PROXY`: addresses, CIDRs, `cloudflare`); off by default.
   */
  trustProxy: TrustedProxies | undefined;
  /** Signs the sign-in form's cookie (`SESSION_SECRET`); unset, one is made at each start. */
  sessionSecret: string | undefined;
  /** How mail leaves (`SMTP_URL`, or `MAIL_API_URL` + `MAIL_API_TOKEN`, with `MAIL_FROM`); unset, it waits in the outbox. */
  mail: MailConfig | undefined;
  /**
   * Tests and demos only, never production: where the app's clock starts (`CLOCK_START`, an
   * ISO instant with its offset); it then runs at real speed (api/clock.ts). Unset: real time.
   */
  clockStart: Date | undefined;
}

export type MailConfig =
  | { transport: "smtp"; from: string; url: string }
  | { transport: "http"; from: string; url: string; token: string };

type Env = Record<string, string | undefined>;

export function readConfig(env: Env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  }
  return {
    host: env.HOST ?? "127.0.0.1",
    port,
    databaseUrl: env.DATABASE_URL ?? "file:data/signpost.db",
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    publicOrigin: env.PUBLIC_ORIGIN || undefined,
    allowedHosts: (env.ALLOWED_HOSTS ?? "")
      .split(",")
      .map((h) => h.trim())
      .filter(Boolean),
    seedDemo: env.SEED_DEMO !== "false",
    responseCache: env.RESPONSE_CACHE !== "off",
    rateLimits: env.RATE_LIMITS !== "off",
    databaseTimeoutMs: positive("DATABASE_TIMEOUT_MS", env.DATABASE_TIMEOUT_MS, 5_000),
    reportRetentionDays: positive("REPORT_RETENTION_DAYS", env.REPORT_RETENTION_DAYS, 90),
    directoryCheckSeconds: positive("DIRECTORY_CHECK_SECONDS", env.DIRECTORY_CHECK_SECONDS, 1),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    sessionSecret: secret(env.SESSION_SECRET),
    mail: mailConfig(env),
    clockStart: parseInstant("CLOCK_START", env.CLOCK_START),
  };
}

/** SMTP wins when both are set; either needs MAIL_FROM and PUBLIC_ORIGIN (links in mail are absolute). */
export function mailConfig(env: Env): MailConfig | undefined {
  const smtp = env.SMTP_URL || undefined;
  const api = env.MAIL_API_URL || undefined;
  if (!smtp && !api) return undefined;
  const name = smtp ? "SMTP_URL" : "MAIL_API_URL";
  const from = env.MAIL_FROM?.trim();
  if (!from || !/^[^\s@<>]+@[^\s@<>]+$|<[^\s@<>]+@[^\s@<>]+>$/.test(from)) {
    throw new Error(`${name} needs MAIL_FROM, e.g. "Perinatal Signpost <signpost@example.org>"`);
  }
  if (!env.PUBLIC_ORIGIN || !/^https?:\/\/[^/]+/.test(env.PUBLIC_ORIGIN)) {
    throw new Error(
      `${name} needs PUBLIC_ORIGIN (e.g. https://signpost.example.org) for links in mail`,
    );
  }
  if (smtp) {
    let url: URL | undefined;
    try {
      url = new URL(smtp);
    } catch {}
    // Never echo the URL: it holds the password.
    if (!url || !["smtp:", "smtps:"].includes(url.protocol) || !url.hostname) {
      throw new Error("SMTP_URL must look like smtp://user:password@host:587 or smtps://…:465");
    }
    return { transport: "smtp", from, url: smtp };
  }
  if (!/^https?:\/\//.test(api ?? "") || !env.MAIL_API_TOKEN) {
    throw new Error("MAIL_API_URL must be an http(s) URL and needs MAIL_API_TOKEN");
  }
  return { transport: "http", from, url: api as string, token: env.MAIL_API_TOKEN };
}

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0)
    throw new Error(`${name} must be a positive number, not "${value}"`);
  return n;
}

/** A secret worth the name: at least 32 characters (`openssl rand -base64 32` gives 44). */
export function secret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new Error("SESSION_SECRET must be at least 32 characters long");
  return value;
}
