/**
 * A structured logger. Fields are the only place data goes: messages are fixed strings, so a
 * postcode can never be interpolated into one by accident. Callers pass sectors, never postcodes.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

type Level = "info" | "warn" | "error";

export function jsonLogger(write: (line: string) => void = (l) => console.log(l)): Logger {
  const log = (level: Level) => (message: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }));
  return { info: log("info"), warn: log("warn"), error: log("error") };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/**
 * What may be logged about an error: its name and the first code in its cause chain (libSQL's
 * `SQLITE_BUSY`, Node's `ECONNREFUSED`). Never the message: a failed query's message carries
 * its SQL and parameters, which can hold tokens and what people typed.
 */
export function errorFields(err: unknown): { error: string; code?: string } {
  const error = err instanceof Error ? err.name : "unknown";
  for (let e: unknown = err, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code } = e as { code?: unknown };
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]{1,63}$/.test(code)) return { error, code };
    e = (e as { cause?: unknown }).cause;
  }
  return { error };
}
