/**
 * Sign-in limits behind a TLS proxy (audit finding 3): with TRUST_PROXY naming the proxy, each
 * client has its own per-address count, so one client's made-up emails lock out that client
 * only, never the staff signing in through the same proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../../api/admin/state.js";
import { createApp } from "../../../api/app.js";
import { parseTrustProxy } from "../../../api/client-address.js";
import { type Console, login, openConsole, PASSWORD } from "./helpers.js";

/** As @hono/node-server passes it: the socket the request came in on. */
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe("sign-in limits behind a proxy", () => {
  let con: Console;
  beforeAll(async () => {
    con = await openConsole();
  });
  afterAll(() => con?.close());

  /** Signs in through the proxy at 10.0.0.2 for the client `client`. */
  const viaProxy = (
    app: ReturnType<typeof createApp>,
    email: string,
    password: string,
    client: string,
  ) => {
    const request: typeof app.request = (input, init) =>
      app.request(input, init, fromSocket("10.0.0.2"));
    return login({ request } as typeof app, email, password, { "x-forwarded-for": client });
  };

  it("counts each client behind a trusted proxy apart: made-up emails lock out their sender only", async () => {
    const app = createApp({ ...con.deps, trustProxy: parseTrustProxy("10.0.0.0/8") });
    const attacker = "203.0.113.50";
    for (let i = 0; i < LOGIN_LIMITS.perIp.limit; i++) {
      expect((await viaProxy(app, `made-up-${i}@example.org`, "guess", attacker)).status).toBe(401);
    }
    expect((await viaProxy(app, "admin@example.org", PASSWORD, attacker)).status).toBe(429);
    // The staff behind the same proxy sign in, the account the attacker could not reach too.
    expect((await viaProxy(app, "admin@example.org", PASSWORD, "203.0.113.51")).status).toBe(303);
    expect((await viaProxy(app, "editor@example.org", PASSWORD, "198.51.100.77")).status).toBe(303);
  }, 120_000);

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy, as before", async () => {
    const app = createApp({ ...con.deps, trustProxy: parseTrustProxy("10.0.0.0/8") });
    const direct: typeof app.request = (input, init) =>
      app.request(input, init, fromSocket("192.0.2.99"));
    for (let i = 0; i < LOGIN_LIMITS.perIp.limit; i++) {
      const res = await login(
        { request: direct } as typeof app,
        `nobody-${i}@example.org`,
        "guess",
        {
          "x-forwarded-for": `203.0.113.${100 + i}`,
        },
      );
      expect(res.status).toBe(401);
    }
    const spoofed = await login({ request: direct } as typeof app, "admin@example.org", PASSWORD, {
      "x-forwarded-for": "203.0.113.200",
    });
    expect(spoofed.status).toBe(429);
  }, 120_000);
});
