import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "../app.js";
import type { Config } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeoIndex } from "../db/load-geo.js";
import { prepareDb } from "../db/prepare.js";
import { memo } from "../deps.js";
import { jsonLogger, type Logger } from "../logger.js";
import { MemoryRateLimiter } from "../rate-limit.js";
import { ResponseCache } from "../response-cache.js";

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Opens the database, prepares it and serves the app on Node until `close()`. */
export async function startServer(options: {
  config: Config;
  logger?: Logger;
}): Promise<RunningServer> {
  const { config } = options;
  const logger = options.logger ?? jsonLogger();
  const handle = openDb(config.databaseUrl, config.databaseAuthToken, {
    timeoutMs: config.databaseTimeoutMs,
  });
  await prepareDb(handle.db, { demo: config.seedDemo });
  const geo = memo(() => loadGeoIndex(handle.db));
  await geo();
  const app = createApp({
    db: handle.db,
    logger,
    geo,
    now: () => new Date(),
    publicOrigin: config.publicOrigin,
    cache: config.responseCache ? new ResponseCache() : undefined,
    limits: config.rateLimits
      ? { public: new MemoryRateLimiter(300, 60), reports: new MemoryRateLimiter(5, 60) }
      : undefined,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () =>
      resolve(s),
    );
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => {
          handle.close();
          if (err) reject(err);
          else resolve();
        });
        // Keep-alive connections would hold close() open for their idle timeout.
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
