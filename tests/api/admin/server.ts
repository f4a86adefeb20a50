/**
 * The real Node server on a free loopback port, over a libSQL file in a temporary folder that
 * holds the demo seed and one admin account: for the checks that only real parallel HTTP shows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createUser } from "../../../api/admin/users.js";
import { readConfig } from "../../../api/config.js";
import { openDb } from "../../../api/db/client.js";
import { prepareDb } from "../../../api/db/prepare.js";
import { silentLogger } from "../../../api/logger.js";
import { type RunningServer, startServer } from "../../../api/node/server.js";
import { formBody, PASSWORD } from "./helpers.js";

export const ADMIN_EMAIL = "admin@example.org";

export interface ConsoleServer extends RunningServer {
  /** A fresh sign-in form: its login cookie and token, as a browser holds them. */
  loginForm(headers?: Record<string, string>): Promise<{ cookie: string; token: string }>;
  /** Posts the sign-in form with a form from `loginForm`. */
  postLogin(
    form: { cookie: string; token: string },
    email: string,
    password: string,
    headers?: Record<string, string>,
  ): Promise<Response>;
}

export async function startConsoleServer(env: Record<string, string> = {}): Promise<ConsoleServer> {
  const dir = mkdtempSync(join(tmpdir(), "signpost-console-"));
  const url = `file:${join(dir, "signpost.db")}`;
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  await createUser(handle.db, new Date(), null, {
    email: ADMIN_EMAIL,
    name: "admin",
    role: "admin",
    organisationId: null,
    password: PASSWORD,
  });
  handle.close();
  const server = await startServer({
    config: readConfig({ PORT: "0", HOST: "127.0.0.1", DATABASE_URL: url, ...env }),
    logger: silentLogger,
    dailyJobs: false,
  });
  return {
    url: server.url,
    async loginForm(headers = {}) {
      const page = await fetch(`${server.url}/admin/login`, { headers });
      const token = /name="_login" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
      const cookie = (page.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      return { cookie, token };
    },
    postLogin(form, email, password, headers = {}) {
      return fetch(`${server.url}/admin/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          ...headers,
          cookie: form.cookie,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: formBody({ _login: form.token, email, password, next: "/admin" }),
      });
    },
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
