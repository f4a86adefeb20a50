import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../api/admin/index.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { prepareDb } from "../../api/db/prepare.js";
import { memo } from "../../api/deps.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { services, submissions } from "../../schema/tables.js";
import { addressesOf, type Smtp, senderFor, startSmtp } from "../api/admin/smtp-server.js";
import { launchChromium, newPage } from "../widget/helpers/browser.js";
import { axeViolations } from "./helpers/axe.js";

/**
 * The pages providers reach from mail and from the home page, in Chromium with axe: the "still
 * correct" page a real reminder (sent over real SMTP) links to, and `/add-your-service` in both
 * languages, before and after a failed submit, at 375 and 1280 px.
 */

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe("provider pages in Chromium", () => {
  let dir = "";
  let server: RunningServer;
  let browser: Browser;
  let smtp: Smtp;
  let handle: ReturnType<typeof openDb>;
  let stillCorrect = "";

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "signpost-provider-"));
    const url = `file:${join(dir, "signpost.db")}`;
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    handle = openDb(url);
    await prepareDb(handle.db, { demo: true });
    // A real listing long overdue: its organisation gets a reminder with a "still correct" link.
    await handle.db
      .update(services)
      .set({ demo: false, verifiedAt: "2020-01-01" })
      .where(eq(services.id, "demo-exeter-bumps-group"));
    [smtp, browser] = await Promise.all([startSmtp(), launchChromium()]);
    server = await startServer({
      config: readConfig({
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: url,
        RATE_LIMITS: "off",
        PUBLIC_ORIGIN: origin,
      }),
      logger: silentLogger,
      dailyJobs: false,
    });
    await runDailyJobs({
      db: handle.db,
      logger: silentLogger,
      geo: memo(() => loadGeoIndex(handle.db)),
      now: () => new Date(),
      publicOrigin: origin,
      mail: senderFor(smtp),
    });
    const mail = smtp.state.arrived.find((m) =>
      addressesOf(m).includes("exe-valley-parents@example.org"),
    );
    stillCorrect = /Still correct: (http:\/\/\S+)/.exec(mail?.text ?? "")?.[1] ?? "";
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    handle?.close();
    await smtp?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const open = async (width: number, url: string): Promise<{ page: Page; csp: string[] }> => {
    const page = await newPage(browser, { viewport: { width, height: 900 } });
    const csp: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(url);
    return { page, csp };
  };
  const checkPage = async (page: Page, csp: string[]) => {
    expect(await axeViolations(page)).toEqual([]);
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      ),
    ).toBe(false);
    expect(csp).toEqual([]);
  };

  for (const width of [375, 1280]) {
    it(`shows the 'still correct' page at ${width} px, axe clean`, {
      timeout: 60_000,
    }, async () => {
      expect(stillCorrect).toMatch(/\/check\/[\w-]{43}$/);
      const { page, csp } = await open(width, `${stillCorrect}${width === 375 ? "?lang=cy" : ""}`);
      await checkPage(page, csp);
      expect(await page.locator("h1").innerText()).toBe(
        width === 375 ? "Ydy’r rhestriad hwn yn dal yn gywir?" : "Is this listing still correct?",
      );
      await page.screenshot({ path: `.tmp/check-${width}.png`, fullPage: true });
      await page.close();
    });

    for (const lang of ["", "?lang=cy"]) {
      it(`shows /add-your-service${lang} at ${width} px, and after a failed submit, axe clean`, {
        timeout: 60_000,
      }, async () => {
        const { page, csp } = await open(width, `${server.url}/add-your-service${lang}`);
        await checkPage(page, csp);
        await page.screenshot({
          path: `.tmp/add-service-${width}${lang ? "-cy" : ""}.png`,
          fullPage: true,
        });
        await page.fill("#f-name", "Kingsbridge Bumps and Babies");
        await page.check("#f-stages-postnatal");
        // A person takes a few seconds; the form refuses anything faster.
        await page.waitForTimeout(3_100);
        await page.click("button[type=submit]");
        await page.waitForSelector(".error-summary");
        await checkPage(page, csp);
        expect(await page.inputValue("#f-name")).toBe("Kingsbridge Bumps and Babies");
        expect(await page.isChecked("#f-stages-postnatal")).toBe(true);
        if (width === 375) {
          await page.screenshot({
            path: `.tmp/add-service-error-${width}${lang ? "-cy" : ""}.png`,
            fullPage: true,
          });
        }
        await page.close();
      });
    }
  }

  it("confirms the listing by the button, once", { timeout: 60_000 }, async () => {
    const { page, csp } = await open(1280, stillCorrect);
    await page.click("text=Yes, it is still correct");
    await page.waitForSelector("text=The listing is marked as checked on");
    await checkPage(page, csp);
    const [row] = await handle.db
      .select({ verifiedAt: services.verifiedAt })
      .from(services)
      .where(eq(services.id, "demo-exeter-bumps-group"));
    expect(row?.verifiedAt).not.toBe("2020-01-01");
    await page.goto(stillCorrect);
    expect(await page.locator("h1").innerText()).toBe("This link has been used");
    await page.close();
  });

  it("sends a filled-in form for review", { timeout: 60_000 }, async () => {
    const { page } = await open(375, `${server.url}/add-your-service`);
    await page.fill("#f-org-name", "Kingsbridge Mums Together");
    await page.fill("#f-name", "Kingsbridge Bumps and Babies");
    await page.selectOption("#f-kind", "peer-group");
    await page.fill("#f-summary", "A weekly peer support group for parents in Kingsbridge.");
    await page.check("#f-stages-pregnancy");
    await page.check("#f-formats-in-person");
    await page.check("#f-referral-self");
    await page.fill("#f-contacts-0-value", "01632 960123");
    await page.fill("#f-you-name", "Sam Carter");
    await page.fill("#f-you-email", "sam@example.org");
    await page.waitForTimeout(3_100);
    await page.click("button[type=submit]");
    await page.waitForSelector("text=We sent a link to sam@example.org");
    await page.screenshot({ path: ".tmp/add-service-sent-375.png", fullPage: true });
    expect(await handle.db.select().from(submissions)).toHaveLength(1);
    await page.close();
  });
});
