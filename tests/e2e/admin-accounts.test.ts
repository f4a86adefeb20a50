/**
 * Accounts by email in real Chromium against the real Node server, which sends through a real
 * SMTP server on loopback: an invitation sets a password and the new editor signs in; a
 * password reset; two-factor enrolment and sign-in. axe checks every new page at 375 and
 * 1280 px. Screenshots go to .tmp/screenshots/accounts for a person to look at.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ParsedMail } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../../api/admin/two-factor.js";
import { createUser } from "../../api/admin/users.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { prepareDb } from "../../api/db/prepare.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { arrived, startSmtp } from "../api/admin/smtp-server.js";
import { collectErrors, launchChromium, newPage } from "../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";
import { axeViolations } from "./helpers/axe.js";
import { expectInView } from "./helpers/console.js";
import { fillNewListing } from "./helpers/listing-form.js";

const PASSWORD = "a long enough test password";
const SHOTS = ".tmp/screenshots/accounts";

let dir: string;
let server: RunningServer;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtp>>;

/** A free loopback port, so PUBLIC_ORIGIN can name the server before it starts. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-accounts-"));
  const url = `file:${join(dir, "accounts.db")}`;
  const handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  for (const [email, role] of [
    ["admin@example.org", "admin"],
    ["reviewer@example.org", "reviewer"],
  ] as const) {
    await createUser(handle.db, new Date(), null, {
      email,
      name: email.split("@")[0] ?? "",
      role,
      organisationId: null,
      password: PASSWORD,
    });
  }
  handle.close();
  const [port, mail] = await Promise.all([
    freePort(),
    startSmtp(),
    mkdir(SHOTS, { recursive: true }),
    // The listing page's preview is the widget's own card, from the built widget.
    ensureWidgetBuild(),
  ]);
  smtp = mail;
  [server, browser] = await Promise.all([
    startServer({
      config: readConfig({
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: url,
        RATE_LIMITS: "off",
        RESPONSE_CACHE: "off",
        PUBLIC_ORIGIN: `http://127.0.0.1:${port}`,
        SMTP_URL: smtp.url,
        MAIL_FROM: "Perinatal Signpost <signpost@example.org>",
      }),
      logger: silentLogger,
      dailyJobs: false,
    }),
    launchChromium(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** axe at phone and desktop widths, with a screenshot of each. */
async function checkPage(page: Page, name: string) {
  const found: string[] = [];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...(await axeViolations(page)).map((v) => `${width}px ${v}`));
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  expect(found).toEqual([]);
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/admin/login`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

const linkIn = (mail: ParsedMail | undefined) => {
  const m = /http:\/\/127\.0\.0\.1:\d+\/admin\/set-password\?token=[A-Za-z0-9_-]{43}/.exec(
    mail?.text ?? "",
  );
  if (!m) throw new Error("no link in the mail");
  return m[0];
};

describe("accounts by email, in Chromium", () => {
  it("an invitation sets a password, and the new editor signs in and submits a listing", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await signIn(page, "admin@example.org", PASSWORD);
    await page.waitForURL(`${server.url}/admin`);
    await page.goto(`${server.url}/admin/users/new`);
    await page.getByLabel("Email address").fill("nia@example.org");
    await page.getByLabel("Name").fill("Nia Evans");
    await page.getByLabel("Role").selectOption("editor");
    await page.getByLabel("Organisation").selectOption("demo-exe-valley-parents");
    await page.getByRole("button", { name: "Add account" }).click();
    await page.waitForURL(/done=invited/);
    expect(await page.getByRole("status").textContent()).toContain("invitation");
    const [mail] = await arrived(smtp.state, 1);
    expect(mail?.subject).toContain("set your password");
    const link = linkIn(mail);
    // The outbox shows the message was sent, never the link.
    await page.goto(`${server.url}/admin/outbox`);
    const outbox = (await page.locator("main").textContent()) ?? "";
    expect(outbox).toContain("Invitation");
    expect(outbox).not.toContain(link.split("token=")[1] ?? "none");
    await page.close();

    const invitee = await newPage(browser, { viewport: { width: 375, height: 900 } });
    const inviteeErrors = collectErrors(invitee);
    await invitee.goto(link);
    expect(await invitee.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Choose your password",
    );
    await checkPage(invitee, "set-password");
    await invitee.getByLabel("New password", { exact: true }).fill("short");
    await invitee.getByLabel("New password again").fill("short");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.waitForSelector(".error-summary");
    await checkPage(invitee, "set-password-error");
    await invitee.getByLabel("New password", { exact: true }).fill("rain over the estuary");
    await invitee.getByLabel("New password again").fill("rain over the estuary");
    await invitee.getByRole("button", { name: "Set password" }).click();
    await invitee.waitForURL(/\/admin\/login\?password=set/);
    expect(await invitee.getByRole("status").textContent()).toContain("Your password is set");
    await checkPage(invitee, "login-password-set");
    await signIn(invitee, "nia@example.org", "rain over the estuary");
    await invitee.waitForURL(`${server.url}/admin`);

    // The new editor writes a listing and sends it for review.
    await invitee.goto(`${server.url}/admin/listings/new`);
    await fillNewListing(invitee, "Teign Valley baby group");
    await invitee.getByRole("button", { name: "Save draft" }).first().click();
    await invitee.waitForURL(/done=created/);
    await invitee.getByRole("button", { name: "Submit for review" }).click();
    await invitee.waitForURL(/done=submitted/);
    await expect(invitee.locator(".tag-in-review").first().textContent()).resolves.toBe(
      "In review",
    );

    // The link was single-use.
    await invitee.goto(link);
    expect(await invitee.getByRole("heading", { level: 1 }).textContent()).toBe(
      "This link no longer works",
    );
    await checkPage(invitee, "link-unusable");
    expect(errors).toEqual([]);
    expect(inviteeErrors.filter((e) => !/\b(410|422)\b/.test(e))).toEqual([]);
    await invitee.close();
  }, 120_000);

  it("has no axe violations on the pages these parts changed: account, accounts, import, audit", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await signIn(page, "admin@example.org", PASSWORD);
    await page.waitForURL(`${server.url}/admin`);
    await page.goto(`${server.url}/admin/account`);
    await page.getByRole("link", { name: "Set up two-factor sign-in" }).waitFor();
    await checkPage(page, "account");
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole("link", { name: "reviewer@example.org" }).click();
    await page.getByRole("button", { name: "Email a link to set a password" }).waitFor();
    await checkPage(page, "user-page");
    await page.goto(`${server.url}/admin/users/new`);
    await checkPage(page, "user-new");
    await page.goto(`${server.url}/admin/import`);
    await page.getByText("What to write in each column").click();
    await page.getByText("venue_name, venue_address, venue_postcode").waitFor();
    await checkPage(page, "import");
    await page.goto(`${server.url}/admin/audit`);
    await page.evaluate(() => {
      for (const d of document.querySelectorAll("details")) d.open = true;
    });
    expect(await page.locator("main").textContent()).toContain("Account added");
    await checkPage(page, "audit");
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it("resets a forgotten password by email", async () => {
    smtp.state.arrived.length = 0;
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/admin/login`);
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await page.waitForURL(/\/admin\/password-reset$/);
    await checkPage(page, "password-reset");
    await page.getByLabel("Email address").fill("reviewer@example.org");
    await page.getByRole("button", { name: "Send me a link" }).click();
    await page.waitForSelector("text=If there is an account for");
    await checkPage(page, "password-reset-sent");
    const link = linkIn((await arrived(smtp.state, 1))[0]);
    await page.goto(link);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(
      "Choose a new password",
    );
    await page.getByLabel("New password", { exact: true }).fill("a brand new reviewer password");
    await page.getByLabel("New password again").fill("a brand new reviewer password");
    await page.getByRole("button", { name: "Set password" }).click();
    await page.waitForURL(/password=set/);
    await signIn(page, "reviewer@example.org", PASSWORD);
    await page.waitForSelector(".error-summary");
    await signIn(page, "reviewer@example.org", "a brand new reviewer password");
    await page.waitForURL(`${server.url}/admin`);
    await page.close();
  }, 60_000);

  it("a reviewer turns on two-factor sign-in from their account page and signs in with a code", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await signIn(page, "reviewer@example.org", "a brand new reviewer password");
    await page.waitForURL(`${server.url}/admin`);
    await page.goto(`${server.url}/admin/account`);
    await page.getByRole("link", { name: "Set up two-factor sign-in" }).click();
    await page.waitForURL(/\/admin\/account\/two-factor$/);
    await expect(page.getByRole("img", { name: /QR code/ }).isVisible()).resolves.toBe(true);
    await checkPage(page, "two-factor-setup");
    const secret = (await page.locator("code.secret").textContent())?.replaceAll(" ", "") ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await page.getByLabel("Six-digit code").fill("000000");
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.waitForSelector(".error-summary");
    await checkPage(page, "two-factor-setup-error");
    await page.getByLabel("Six-digit code").fill(totpCode(secret, Date.now()));
    await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
    await page.waitForSelector("ul.recovery-codes");
    const codes = await page.locator("ul.recovery-codes code").allTextContents();
    expect(codes).toHaveLength(10);
    await checkPage(page, "two-factor-codes");
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/signedout=1/);

    // Signed out, a link to a place on a page goes through both steps and ends at that place.
    const place = `${server.url}/admin/listings/demo-exeter-bumps-group#reports-title`;
    await page.goto(place);
    await page.waitForURL(/\/admin\/login\?next=/);
    await checkPage(page, "login-with-place");
    await page.getByLabel("Email address").fill("reviewer@example.org");
    await page.getByLabel("Password", { exact: true }).fill("a brand new reviewer password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForSelector("text=Enter your sign-in code");
    await checkPage(page, "two-factor-login");
    await page.getByLabel("Code from your authenticator app").fill("123456");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForSelector(".error-summary");
    await checkPage(page, "two-factor-login-error");
    // The enrolment code's step is spent: the next step's code is the one that works.
    await page.setViewportSize({ width: 375, height: 900 });
    await page
      .getByLabel("Code from your authenticator app")
      .fill(totpCode(secret, Date.now() + 30_000));
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/admin\/listings\//);
    expect(page.url()).toBe(place);
    await expectInView(page, "#reports-title");
    await page.goto(`${server.url}/admin/account/two-factor`);
    expect((await page.locator("main").textContent()) ?? "").toContain("10 unused recovery codes");
    await checkPage(page, "two-factor-on");
    expect(errors.filter((e) => !/\b(401|422)\b/.test(e))).toEqual([]);
    await page.close();
  }, 90_000);
});
