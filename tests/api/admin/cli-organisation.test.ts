/**
 * The import command lines take an organisation by name as well as by id, and say so clearly
 * when a name matches none or several; run as `npm run` runs them, against a real libSQL file.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb } from "../../../api/db/client.js";
import { prepareDb } from "../../../api/db/prepare.js";
import { feeds, listingDrafts, organisations, services, users } from "../../../schema/tables.js";
import { councilRecord, mutableFeed, type TestServer } from "../feeds/support.js";
import { runCli } from "./cli.js";

const EXE = "demo-exe-valley-parents";
const EXE_NAME = "exe valley parents together (example)";
let dir: string;
let url: string;
let csv: string;
let feed: TestServer;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-cli-org-"));
  url = `file:${join(dir, "cli.db")}`;
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  // Two charities of one name, in two towns.
  const at = new Date().toISOString();
  await handle.db.insert(organisations).values(
    ["exeter", "plymouth"].map((town) => ({
      id: `bumps-together-${town}`,
      name: "Bumps Together",
      createdAt: at,
      updatedAt: at,
    })),
  );
  handle.close();
  // A partner's file that names no organisation: the command line says whose it is.
  csv = join(dir, "listings.csv");
  await writeFile(
    csv,
    [
      "name,summary,kind,stages,formats,referral,contacts",
      'Teign Baby Chat,A friendly online chat for new parents in Teignbridge.,online-community,postnatal,online,self,"[{""kind"":""web"",""value"":""https://example.org/chat""}]"',
    ].join("\n"),
  );
  feed = await mutableFeed(new Map([["r1", councilRecord("r1")]]));
}, 60_000);
afterAll(async () => {
  await feed?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const env = () => ({ DATABASE_URL: url });

async function count<T>(read: (db: ReturnType<typeof openDb>["db"]) => Promise<T[]>) {
  const handle = openDb(url);
  try {
    return (await read(handle.db)).length;
  } finally {
    handle.close();
  }
}

describe("npm run import:csv --organisation", () => {
  it("files the rows under the organisation named, and a second run imports nothing", async () => {
    const first = await runCli("cli-import-csv.ts", [csv, "--organisation", EXE_NAME], env());
    expect(first.out).toContain("line 2: New draft, Teign Baby Chat");
    expect(first.out).toContain("1 row imported as a draft; no rows turned away.");
    expect(first.code).toBe(0);
    const handle = openDb(url);
    try {
      const [row] = await handle.db
        .select({ organisationId: services.organisationId, status: services.status })
        .from(services)
        .where(eq(services.name, "Teign Baby Chat"));
      expect(row).toEqual({ organisationId: EXE, status: "draft" });
    } finally {
      handle.close();
    }
    const again = await runCli("cli-import-csv.ts", [csv, "--organisation", EXE], env());
    expect(again.out).toContain("line 2: Already imported, Teign Baby Chat");
    expect(again.code).toBe(0);
    expect(
      await count((db) => db.select().from(services).where(eq(services.name, "Teign Baby Chat"))),
    ).toBe(1);
  }, 60_000);

  it("refuses a name that matches none or several, importing nothing", async () => {
    const before = await count((db) => db.select().from(listingDrafts));
    const none = await runCli("cli-import-csv.ts", [csv, "--organisation", "Nobody"], env());
    expect(none.code).toBe(1);
    expect(none.out).toContain('There is no organisation called "Nobody" (by name or id).');
    expect(none.out).toContain("Nothing was imported.");
    const several = await runCli(
      "cli-import-csv.ts",
      [csv, "--organisation", "bumps together"],
      env(),
    );
    expect(several.code).toBe(1);
    expect(several.out).toContain(
      '2 organisations are called "bumps together": Bumps Together (bumps-together-exeter); Bumps Together (bumps-together-plymouth). Give the id of the one you mean.',
    );
    expect(await count((db) => db.select().from(listingDrafts))).toBe(before);
  }, 60_000);
});

describe("npm run import:oruk --organisation", () => {
  it("refuses an unknown name before it fetches anything", async () => {
    const hits = feed.hits.length;
    const none = await runCli("cli-import-oruk.ts", [feed.url, "--organisation", "Nobody"], env());
    expect(none.code).toBe(1);
    expect(none.out).toContain('There is no organisation called "Nobody"');
    expect(feed.hits.length).toBe(hits);
    expect(await count((db) => db.select().from(feeds))).toBe(0);
  }, 60_000);

  it("files every record of a new feed under the organisation named", async () => {
    const done = await runCli(
      "cli-import-oruk.ts",
      [feed.url, "--name", "Exeter hub", "--organisation", EXE_NAME],
      env(),
    );
    expect(done.code).toBe(0);
    const handle = openDb(url);
    try {
      const [registered] = await handle.db.select().from(feeds);
      expect(registered?.organisationId).toBe(EXE);
      const [imported] = await handle.db
        .select({ organisationId: services.organisationId })
        .from(services)
        .where(eq(services.name, "Bumps and Babies Exeter"));
      expect(imported?.organisationId).toBe(EXE);
    } finally {
      handle.close();
    }
    // The feed keeps the organisation it was registered with.
    const other = await runCli(
      "cli-import-oruk.ts",
      [feed.url, "--organisation", "bumps-together-exeter"],
      env(),
    );
    expect(other.code).toBe(1);
    expect(other.out).toContain(`This feed is already registered, filing under ${EXE}`);
  }, 60_000);
});

describe("npm run user:create --organisation", () => {
  it("names each organisation a name matches when it matches several", async () => {
    const several = await runCli(
      "cli-user-create.ts",
      ["--email", "bea@example.org", "--role", "editor", "--organisation", "Bumps Together"],
      env(),
      "a long enough test password\n",
    );
    expect(several.code).toBe(1);
    expect(several.out).toContain("bumps-together-exeter");
    expect(several.out).toContain("bumps-together-plymouth");
    expect(
      await count((db) => db.select().from(users).where(eq(users.email, "bea@example.org"))),
    ).toBe(0);
    const byId = await runCli(
      "cli-user-create.ts",
      [
        "--email",
        "bea@example.org",
        "--role",
        "editor",
        "--organisation",
        "bumps-together-plymouth",
      ],
      env(),
      "a long enough test password\n",
    );
    expect(byId.code).toBe(0);
  }, 60_000);
});
