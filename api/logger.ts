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
