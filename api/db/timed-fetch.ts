/** `fetch` that aborts after `ms`, for the libSQL HTTP client (Node and Workers alike). */
export function timedFetch(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    return fetch(input, { ...init, signal });
  };
}

/**
 * Whether an error means the database could not be reached or did not answer in time (a remote
 * timeout, or a local file another process kept locked past the busy timeout), as opposed to a
 * bug: those are answered 503 so clients (and the widget) retry or fall back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const { name, code, message } = e as { name?: string; code?: string; message?: string };
    if (name === "TimeoutError" || name === "AbortError") return true;
    if (
      code &&
      /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|UND_ERR|SERVER_ERROR|HRANA_WEBSOCKET|STREAM_EXPIRED|SQLITE_BUSY|SQLITE_LOCKED/.test(
        code,
      )
    )
      return true;
    if (
      message &&
      /fetch failed|ECONNREFUSED|socket hang up|other side closed|timed out|aborted/i.test(message)
    )
      return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
