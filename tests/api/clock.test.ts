/**
 * CLOCK_START (tests and demos only): where the app's clock starts, read in api/config.ts; the
 * clock then runs at real speed. The Node server uses it as the Worker does, so a listing
 * crosses its stale date in a running server (tests/e2e/worker-stale-crossing.test.ts on Workers).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { appClock } from "../../api/clock.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { type Logger, silentLogger } from "../../api/logger.js";
import { startServer } from "../../api/node/server.js";
import { firstHiddenInstant, runStaleCrossing } from "../support/stale-crossing.js";

describe("CLOCK_START", () => {
  it("is off unless set, and the clock is then real time", () => {
    expect(readConfig({}).clockStart).toBeUndefined();
    expect(readConfig({ CLOCK_START: "" }).clockStart).toBeUndefined();
    const before = Date.now();
    const now = appClock(readConfig({}).clockStart)().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it("reads an ISO instant with its offset", () => {
    const at = (value: string) => readConfig({ CLOCK_START: value }).clockStart?.toISOString();
    expect(at("2027-10-08T23:59:45Z")).toBe("2027-10-08T23:59:45.000Z");
    expect(at("2027-10-09T00:59:45+01:00")).toBe("2027-10-08T23:59:45.000Z");
    expect(at("2027-10-08T18:29:45.250-05:30")).toBe("2027-10-08T23:59:45.250Z");
    expect(at("2028-02-29T12:00Z")).toBe("2028-02-29T12:00:00.000Z");
  });

  it.each([
    "2027-10-08T23:59:45", // no offset: Node and Workers would read different instants
    "2027-10-08",
    "2027-02-29T00:00:00Z",
    "2027-10-08T24:00:00Z",
    "2027-10-08T23:60:00Z",
    "2027-10-08T23:59:45+24:00",
    "1823039985000",
    "tomorrow",
  ])("refuses %s, saying what it needs", (value) => {
    expect(() => readConfig({ CLOCK_START: value })).toThrow(
      `CLOCK_START must be an ISO 8601 instant with its offset, such as 2027-10-08T23:59:40Z, not "${value}"`,
    );
  });

  it("runs at real speed from where it starts", () => {
    let real = 1_000_000;
    const now = appClock(new Date("2027-10-08T23:59:45Z"), () => real);
    expect(now().toISOString()).toBe("2027-10-08T23:59:45.000Z");
    real += 15_250;
    expect(now().toISOString()).toBe("2027-10-09T00:00:00.250Z");
  });

  it("moves the Node server's clock: a listing leaves search, cached answers too, as it crosses its stale date", async () => {
    const dir = mkdtempSync(join(tmpdir(), "signpost-clock-"));
    const url = `file:${join(dir, "clock.db")}`;
    const handle = openDb(url);
    await prepareDb(handle.db, { demo: true });
    const crossing = await firstHiddenInstant(handle.db);
    handle.close();
    const lead = 2_000;
    // The server says where its clock stands when it makes it: read against real time there.
    let made: { at: number; now: number } | undefined;
    const logger: Logger = {
      ...silentLogger,
      warn(message, fields) {
        if (message.startsWith("CLOCK_START"))
          made = { at: Date.now(), now: Date.parse(String(fields?.now)) };
      },
    };
    const server = await startServer({
      config: readConfig({
        PORT: "0",
        DATABASE_URL: url,
        RESPONSE_CACHE: "on",
        RATE_LIMITS: "off",
        CLOCK_START: new Date(crossing - lead).toISOString(),
      }),
      logger,
      dailyJobs: false,
    });
    try {
      if (!made) throw new Error("the server did not log that CLOCK_START is set");
      expect(made.now).toBeGreaterThanOrEqual(crossing - lead);
      // The clock's reading and real time were taken in one call, a millisecond or two apart.
      await runStaleCrossing({
        url: server.url,
        crossing,
        clockStart: made.now,
        clockMadeAfter: made.at - 2,
        clockMadeBefore: made.at + 2,
      });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
