import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { startDailyScheduler } from "../admin/index.js";
import { createApp } from "../app.js";
import { clockFor } from "../clock.js";
import type { Config } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeoIndex } from "../db/load-geo.js";
import { prepareDb } from "../db/prepare.js";
import { type Deps, memo } from "../deps.js";
import { Directory } from "../directory.js";
import { UsageCounter } from "../embed-usage.js";
import { errorFields, jsonLogger, type Logger } from "../logger.js";
import type { LinkHosts } from "../print/index.js";
import { MemoryRateLimiter, Semaphore } from "../rate-limit.js";
import { ResponseCache } from "../response-cache.js";
import { nodeMailSender } from "./smtp.js";

/** The per-client limits of one Node process (wrangler.toml sets the same on Workers). */
export function nodeLimits(): NonNullable<Deps["limits"]> {
  return {
    public: new MemoryRateLimiter(300, 60),
    reports: new MemoryRateLimiter(5, 60),
    pages: new MemoryRateLimiter(120, 60),
    login: new MemoryRateLimiter(30, 60),
    renders: new MemoryRateLimiter(10, 60),
    // Two PDFs or posters at once on a small server, four more waiting; beyond that, 429.
    renderSlots: new Semaphore(2, 4),
  };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, prepares it and serves the app on Node until `close()`. */
export async function startServer(options: {
  config: Config;
  logger?: Logger;
  /** Start the in-process daily jobs (review reminders); tests turn them off. Default true. */
  dailyJobs?: boolean;
}): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? jsonLogger();
  const handle = openDb(config.databaseUrl, config.databaseAuthToken, {
    timeoutMs: config.databaseTimeoutMs,
  });
  await prepareDb(handle.db, { demo: config.seedDemo });
  const geo = memo(() => loadGeoIndex(handle.db));
  await geo();
  if (!config.sessionSecret) {
    logger.info("SESSION_SECRET is not set: sign-in forms are signed with a key made at start");
  }
  // Changes made through this process are seen at once; others (another process, the CLI)
  // within DIRECTORY_CHECK_SECONDS.
  const directory = new Directory(handle.db, {
    checkEveryMs: config.directoryCheckSeconds * 1_000,
    logger,
  });
  await directory.current();
  const now = clockFor(config.clockStart, logger);
  const deps: Deps = {
    db: handle.db,
    logger,
    geo,
    now,
    directory,
    publicOrigin: config.publicOrigin,
    reportRetentionDays: config.reportRetentionDays,
    mail: nodeMailSender(config.mail),
    cache: config.responseCache ? new ResponseCache() : undefined,
    // Unset: the sign-in state (api/admin/state.ts) makes a key for this process.
    sessionSecret: config.sessionSecret,
    trustProxy: config.trustProxy,
    limits: config.rateLimits ? nodeLimits() : undefined,
    usage: new UsageCounter(handle.db, now),
  };
  const flushUsage = () =>
    deps.usage
      ?.flush()
      .catch((err: unknown) => logger.warn("embed usage not saved", errorFields(err)));
  const usageTimer = setInterval(flushUsage, 60_000);
  usageTimer.unref();
  const app = createApp(deps);
  // Review reminders, sending mail, session sweeping: every 10 minutes in process (the same
  // runDailyJobs as the Workers cron and `npm run jobs:run`; reminders go once a day).
  const stopJobs = options.dailyJobs === false ? () => {} : startDailyScheduler(deps);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  deps.linkHosts = linkHostsFor(config, host, port);
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        stopJobs();
        clearInterval(usageTimer);
        server.close(async (err) => {
          await flushUsage();
          handle.close();
          if (err) reject(err);
          else resolve();
        });
        // Keep-alive connections would hold close() open for their idle timeout.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}

/**
 * Without PUBLIC_ORIGIN, a request's Host header may shape printed links (QR codes, PDF links)
 * only when it names the listen address, localhost or an ALLOWED_HOSTS entry; any other host
 * gets links to the listen address (localhost when listening on every interface).
 */
function linkHostsFor(config: Config, host: string, port: number): LinkHosts {
  const everywhere = host === "0.0.0.0" || host === "[::]";
  return {
    allowed: [host, "localhost", "127.0.0.1", "[::1]", ...config.allowedHosts],
    fallback: `http://${everywhere ? "localhost" : host}:${port}`,
  };
}
