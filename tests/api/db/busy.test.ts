/**
 * A write while another process holds the database file (the documented CLIs, `npm run db:seed`
 * or `npm run user:create`, run beside the server) waits for the lock, and answers 503 with
 * Retry-After when the lock is held past the timeout. Logs name the error code and request id,
 * never the SQL or its parameters.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../../api/admin/session.js";
import { createUser } from "../../../api/admin/users.js";
import { createApp } from "../../../api/app.js";
import { openDb } from "../../../api/db/client.js";
import { loadGeoIndex } from "../../../api/db/load-geo.js";
import { prepareDb } from "../../../api/db/prepare.js";
import { memo } from "../../../api/deps.js";
import { capturedLogger, FIXED_NOW } from "../../support/backends.js";
import { errorOf } from "../../support/client.js";

const BUSY_MS = 1_500;

const HOLDER = fileURLToPath(new URL("../../support/lock-holder.mjs", import.meta.url));

describe("a database file locked by another process", () => {
  let dir: string;
  let url: string;
  let handle: ReturnType<typeof openDb>;
  const logger = capturedLogger();
  let app: ReturnType<typeof createApp>;
  let session: { token: string; csrfToken: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "signpost-busy-"));
    url = `file:${join(dir, "signpost.db")}`;
    handle = openDb(url, undefined, { timeoutMs: BUSY_MS });
    await prepareDb(handle.db, { demo: true });
    const reviewer = await createUser(handle.db, FIXED_NOW, null, {
      email: "reviewer@example.org",
      name: "Reviewer",
      role: "reviewer",
      organisationId: null,
      password: "a long enough test password",
    });
    session = await createSession(handle.db, reviewer.id, FIXED_NOW);
    app = createApp({
      db: handle.db,
      logger,
      geo: memo(() => loadGeoIndex(handle.db)),
      now: () => FIXED_NOW,
    });
  });
  afterAll(async () => {
    handle?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /**
   * Another process, as a CLI run beside the server would be, holding the write lock for
   * `ms`. (The wait for a lock is synchronous in libSQL, so the holder cannot live in this one.)
   */
  async function holdWriteLock(ms: number) {
    const child = spawn(process.execPath, [HOLDER, url, String(ms)], {
      cwd: process.cwd(),
      stdio: ["ignore", "pipe", "inherit"],
    });
    const released = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("locked")) resolve();
      });
      child.once("exit", (code) => reject(new Error(`lock holder exited early (${code})`)));
    });
    return {
      released,
      stop: async () => {
        if (child.exitCode === null) child.kill();
        await released;
      },
    };
  }

  const report = (text: string) =>
    app.request("/api/v1/services/samaritans/reports", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ reason: "other", text }),
    });

  it("waits for a lock released within the busy timeout, and the write succeeds", async () => {
    const lock = await holdWriteLock(BUSY_MS / 3);
    try {
      expect((await report("Written after the lock was released.")).status).toBe(201);
    } finally {
      await lock.stop();
    }
  });

  it("answers 503 with Retry-After and the envelope when the lock is held past the timeout", async () => {
    const lock = await holdWriteLock(30_000);
    try {
      const res = await report("A secret sentence that must not be logged.");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("5");
      const error = await errorOf(res);
      expect(error.code).toBe("service_unavailable");
      const logged = logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      const busy = logged.find((l) => l.requestId === error.requestId && l.level === "warn");
      expect(busy).toMatchObject({ message: "database unavailable", code: "SQLITE_BUSY" });
    } finally {
      await lock.stop();
    }
  });

  it("never logs SQL, parameters or tokens when a console write fails on the lock", async () => {
    const lock = await holdWriteLock(30_000);
    try {
      const res = await app.request("/admin/reports/r-none", {
        method: "POST",
        headers: {
          cookie: `signpost_session=${session.token}`,
          "content-type": "application/x-www-form-urlencoded",
          accept: "text/html",
        },
        // Resolving takes a note (issue 11), so the form is complete and reaches the write.
        body: new URLSearchParams({
          _csrf: session.csrfToken,
          outcome: "resolved",
          note: "Called the group: the new day is right",
        }).toString(),
      });
      expect(res.status).toBe(503);
      expect(res.headers.get("content-type")).toContain("text/html");
      expect(await res.text()).toContain("briefly unavailable");
    } finally {
      await lock.stop();
    }
    const all = logger.lines.join("\n");
    expect(all).toContain("SQLITE_BUSY");
    for (const secret of [
      session.csrfToken,
      session.token,
      "A secret sentence",
      "Called the group",
      "insert into",
      "update ",
      "params",
    ]) {
      expect(all.toLowerCase()).not.toContain(secret.toLowerCase());
    }
  });
});
