/** `npm run user:create` takes an organisation by name (or id), against a real libSQL file. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../../api/db/client.js";
import { prepareDb } from "../../../api/db/prepare.js";
import { users } from "../../../schema/tables.js";
import { runCli } from "./cli.js";

let dir: string;
let url: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-cli-"));
  url = `file:${join(dir, "cli.db")}`;
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  handle.close();
}, 60_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

const run = (args: string[]) =>
  runCli("cli-user-create.ts", args, { DATABASE_URL: url }, "a long enough test password\n");

describe("npm run user:create", () => {
  it("finds the organisation by its name, any case, and refuses one that does not exist", async () => {
    const made = await run([
      "--email",
      "ed@example.org",
      "--role",
      "editor",
      "--organisation",
      "exe valley parents together (example)",
    ]);
    expect(made.out).toContain("Created editor ed@example.org");
    expect(made.code).toBe(0);
    const handle = openDb(url);
    try {
      const [row] = await handle.db.select().from(users).where(eq(users.email, "ed@example.org"));
      expect(row?.organisationId).toBe("demo-exe-valley-parents");
    } finally {
      handle.close();
    }
    const refused = await run([
      "--email",
      "no@example.org",
      "--role",
      "editor",
      "--organisation",
      "Nobody's Charity",
    ]);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain('There is no organisation called "Nobody\'s Charity"');
    expect(refused.out).toContain(
      "Exe Valley Parents Together (example) (demo-exe-valley-parents)",
    );
  }, 90_000);
});
