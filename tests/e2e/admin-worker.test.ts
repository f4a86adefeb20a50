/**
 * The console on Cloudflare Workers (wrangler dev, on sqld): sign-in hashes with argon2id in
 * WebAssembly, sessions and CSRF work, and a page renders. Run as on Node, same app.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUser } from "../../api/admin/users.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { type Sqld, startSqld } from "../support/sqld.js";
import { startWranglerDev, type WranglerDev } from "../support/wrangler.js";

const PASSWORD = "a long enough test password";
let sqld: Sqld;
let worker: WranglerDev;

beforeAll(async () => {
  sqld = await startSqld();
  const handle = openDb(sqld.url);
  await prepareDb(handle.db, { demo: true });
  await createUser(handle.db, new Date(), null, {
    email: "admin@example.org",
    name: "Admin",
    role: "admin",
    organisationId: null,
    password: PASSWORD,
  });
  handle.close();
  worker = await startWranglerDev({ DATABASE_URL: sqld.url, RATE_LIMITS: "off" });
}, 180_000);
afterAll(async () => {
  await worker?.stop();
  await sqld?.stop();
});

describe("console on Workers", () => {
  it("signs in, shows a page, and accepts a form with the CSRF token", async () => {
    const login = await fetch(`${worker.url}/admin/login`);
    expect(login.status).toBe(200);
    const token = /name="_login" value="([^"]+)"/.exec(await login.text())?.[1] ?? "";
    const res = await fetch(`${worker.url}/admin/login`, {
      method: "POST",
      redirect: "manual",
      headers: {
        cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: new URLSearchParams({
        _login: token,
        email: "admin@example.org",
        password: PASSWORD,
        next: "/admin",
      }),
    });
    expect(res.status, await res.clone().text()).toBe(303);
    const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/^signpost_session=/);
    const page = await fetch(`${worker.url}/admin/organisations`, { headers: { cookie } });
    expect(page.status).toBe(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
    const created = await fetch(`${worker.url}/admin/organisations`, {
      method: "POST",
      redirect: "manual",
      headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrf, name: "Worker Parents Network" }),
    });
    expect(created.status).toBe(303);
  });
});
