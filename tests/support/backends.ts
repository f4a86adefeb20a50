import { createApp } from "../../api/app.js";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { prepareDb } from "../../api/db/prepare.js";
import type { Db } from "../../api/db/types.js";
import { memo } from "../../api/deps.js";
import type { Logger } from "../../api/logger.js";
import { startSqld } from "./sqld.js";

/** A fixed "now" so next sessions and review dates are the same on every run: Thu 26 Nov 2026. */
export const FIXED_NOW = new Date("2026-11-26T09:00:00Z");

export interface CapturedLogger extends Logger {
  lines: string[];
}

/** Records every log line as the JSON a real logger would write. */
export function capturedLogger(): CapturedLogger {
  const lines: string[] = [];
  const log = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, message, ...fields }));
  };
  return { lines, info: log("info"), warn: log("warn"), error: log("error") };
}

export interface Backend {
  name: string;
  db: Db;
  app: ReturnType<typeof createApp>;
  logger: CapturedLogger;
  close(): Promise<void>;
}

export type BackendKind = "memory" | "sqld";

/** The backends the API contract suite runs against: embedded libSQL and a real sqld server. */
export const BACKENDS: BackendKind[] = ["memory", "sqld"];

export async function openBackend(
  kind: BackendKind,
  options: { now?: Date } = {},
): Promise<Backend> {
  const sqld = kind === "sqld" ? await startSqld() : null;
  const handle = openDb(sqld ? sqld.url : ":memory:");
  await prepareDb(handle.db, { demo: true });
  const logger = capturedLogger();
  const now = options.now ?? FIXED_NOW;
  const app = createApp({
    db: handle.db,
    logger,
    geo: memo(() => loadGeoIndex(handle.db)),
    now: () => now,
  });
  return {
    name: kind,
    db: handle.db,
    app,
    logger,
    close: async () => {
      handle.close();
      await sqld?.stop();
    },
  };
}
