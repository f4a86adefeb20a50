import type { Context, MiddlewareHandler } from "hono";

/**
 * Sets a header on the finished response in place. `c.header` after the route has answered makes
 * Hono copy the response around its body as a stream; @hono/node-server then pipes the body in
 * chunks instead of writing the string it holds (a 24 KB search answer; docs/benchmarks.md). A
 * response with fixed headers (one fetched from elsewhere) is copied as before.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}

/**
 * CORS for public reads, open to every origin (`*`): the answer to a preflight, and
 * `Access-Control-Allow-Origin` on every other answer, errors included. Hono's `cors` sets its
 * headers on `c.res` before the route runs, which makes the route's own response be copied as a
 * stream (see `setResponseHeader`); this sets them once the route has answered.
 */
export function publicCors(allowMethods: readonly string[]): MiddlewareHandler {
  const methods = allowMethods.join(",");
  return async (c, next) => {
    if (c.req.method === "OPTIONS") {
      const headers: Record<string, string> = {
        "Access-Control-Allow-Origin": "*",
        "Access-Control-Allow-Methods": methods,
      };
      const asked = c.req.header("Access-Control-Request-Headers");
      if (asked) {
        headers["Access-Control-Allow-Headers"] = asked
          .split(",")
          .map((h) => h.trim())
          .join(",");
        headers.Vary = "Access-Control-Request-Headers";
      }
      return c.body(null, 204, headers);
    }
    await next();
    setResponseHeader(c, "Access-Control-Allow-Origin", "*");
  };
}
