/**
 * Sign-in throttling under parallel requests, over real HTTP on loopback: every attempt counts
 * against the limit before its password is checked, so requests already in flight cannot slip
 * past it (audit finding 1).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN_LIMITS } from "../../../api/admin/state.js";
import { PASSWORD } from "./helpers.js";
import { ADMIN_EMAIL, type ConsoleServer, startConsoleServer } from "./server.js";

describe("sign-in throttling under parallel requests", () => {
  let server: ConsoleServer;
  beforeAll(async () => {
    server = await startConsoleServer();
  }, 30_000);
  afterAll(() => server?.close());

  it("counts attempts in flight: of 30 at once, the right password late, only the account's limit is checked", async () => {
    const form = await server.loginForm();
    const attempts = Array.from({ length: 30 }, (_, i) =>
      server.postLogin(form, ADMIN_EMAIL, i === 25 ? PASSWORD : `wrong guess ${i}`),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    const count = (s: number) => statuses.filter((x) => x === s).length;
    const { limit } = LOGIN_LIMITS.perAccount;
    // The order in which parallel requests reach the check is the server's: the right password
    // may succeed only if it was among the first `limit` to arrive, never after them.
    expect(count(429)).toBe(30 - limit);
    expect(count(401) + count(303)).toBe(limit);
    expect(count(303)).toBeLessThanOrEqual(1);
    expect(statuses.every((s) => [303, 401, 429].includes(s))).toBe(true);
  }, 120_000);
});
