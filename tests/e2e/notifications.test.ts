/**
 * Notifications end to end (issue 11 §3): people act in real Chromium against the real Node
 * server; the real daily jobs (the `npm run jobs:run` code path, built from the same config,
 * with the clock pinned) send through a real SMTP server on loopback; the mail is parsed and its
 * links, all absolute from PUBLIC_ORIGIN, are opened in the browser, through sign-in, to the
 * page where the person acts. Each person's choice (a mail each time, or one a day) is made in
 * the browser and the mail that arrives follows it.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAccessRequest } from "../../api/admin/access-requests.js";
import { runDailyJobs } from "../../api/admin/index.js";
import { createSubmission } from "../../api/admin/submissions.js";
import { randomToken } from "../../api/admin/tokens.js";
import { createUser } from "../../api/admin/users.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { prepareDb } from "../../api/db/prepare.js";
import { memo } from "../../api/deps.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { nodeMailSender } from "../../api/node/smtp.js";
import { services } from "../../schema/tables.js";
import { addressesOf, type Smtp, startSmtp } from "../api/admin/smtp-server.js";
import { collectErrors, launchChromium, newPage } from "../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";
import { axeViolations } from "./helpers/axe.js";
import { expectInView } from "./helpers/console.js";
import { fillNewListing } from "./helpers/listing-form.js";
import { freePort } from "./helpers/server.js";

const PASSWORD = "a long enough test password";
const SHOTS = ".tmp/screenshots/notifications";
const ORG = "demo-exe-valley-parents";
const REPORTED = "demo-exeter-bumps-group";
const OVERDUE = "demo-devon-perinatal-team";
/** The label of the select on "How you hear from us". */
const CHOICE = "How often to email me";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let dir = "";
let origin = "";
let env: Record<string, string>;
let server: RunningServer;
let browser: Browser;
let smtp: Smtp;
let handle: ReturnType<typeof openDb>;
/** The clock of the daily jobs: 08:30 UTC today (after 7 am in London), and 15 days before. */
const today = new Date(`${new Date().toISOString().slice(0, 10)}T08:30:00Z`);
let clock = new Date(today.getTime() - 15 * DAY - 4.5 * HOUR);

/** The jobs as `npm run jobs:run` runs them, from the server's own configuration. */
async function runJobs() {
  const config = readConfig(env);
  return runDailyJobs({
    db: handle.db,
    logger: silentLogger,
    geo: memo(() => loadGeoIndex(handle.db)),
    now: () => clock,
    publicOrigin: config.publicOrigin,
    reportRetentionDays: config.reportRetentionDays,
    mail: nodeMailSender(config.mail),
  });
}

const mailTo = (address: string) =>
  smtp.state.arrived.filter((m) => addressesOf(m).includes(address));
const withSubject = (address: string, subject: string) => {
  const found = mailTo(address).filter((m) => m.subject === subject);
  expect(found, `${address}: "${subject}"`).toHaveLength(1);
  return found[0] as ParsedMail;
};

/** Every link in a mail, from both parts: each must be absolute, from PUBLIC_ORIGIN. */
function linksOf(mail: ParsedMail): string[] {
  const text = [...(mail.text ?? "").matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  const html = [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) =>
    (m[1] ?? "").replaceAll("&amp;", "&"),
  );
  expect(text.length).toBeGreaterThan(0);
  expect(new Set(html)).toEqual(new Set(text));
  for (const l of text) expect(l.startsWith(`${origin}/`), l).toBe(true);
  return text;
}

const linkTo = (mail: ParsedMail, path: string) => {
  const found = linksOf(mail).find((l) => l === `${origin}${path}`);
  expect(found, `${path} in "${mail.subject}"`).toBeDefined();
  return found as string;
};

async function signIn(page: Page, email: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Opens a link from a mail in a browser that is not signed in; signs in where asked. */
async function follow(link: string, email: string | null): Promise<Page> {
  const page = await newPage(browser, { viewport: { width: 375, height: 900 } });
  await page.goto(link);
  if (email) {
    await page.waitForURL(/\/admin\/login\?next=/);
    await signIn(page, email);
    const target = new URL(link);
    await page.waitForURL((u) => u.pathname === target.pathname && u.search === target.search);
    // The place on the page (#reports-title) too, which the browser never sends to the server.
    expect(page.url()).toBe(link);
  }
  if (new URL(link).hash) await expectInView(page, new URL(link).hash);
  return page;
}

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

async function shoot(page: Page, name: string) {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-notify-"));
  const url = `file:${join(dir, "signpost.db")}`;
  handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  for (const [email, name, role, organisationId] of [
    ["admin@example.org", "Ada", "admin", null],
    ["reviewer@example.org", "Rhys", "reviewer", null],
    ["editor@example.org", "Nia", "editor", ORG],
  ] as const) {
    await createUser(handle.db, new Date(), null, {
      email,
      name,
      role,
      organisationId,
      password: PASSWORD,
    });
  }
  // A real listing (not an example) that was last checked long ago.
  await handle.db
    .update(services)
    .set({ demo: false, verifiedAt: "2020-01-01" })
    .where(eq(services.id, OVERDUE));
  // The console's "How parents will see it" is the built widget's card.
  const [port, mail] = await Promise.all([
    freePort(),
    startSmtp(),
    mkdir(SHOTS, { recursive: true }),
    ensureWidgetBuild(),
  ]);
  smtp = mail;
  origin = `http://127.0.0.1:${port}`;
  env = {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: url,
    RATE_LIMITS: "off",
    RESPONSE_CACHE: "off",
    PUBLIC_ORIGIN: origin,
    SMTP_URL: smtp.url,
    MAIL_FROM: "Perinatal Signpost <signpost@example.org>",
  };
  [server, browser] = await Promise.all([
    startServer({ config: readConfig(env), logger: silentLogger, dailyJobs: false }),
    launchChromium(),
  ]);
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await smtp?.close();
  handle?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("notifications end to end, in Chromium", () => {
  let sentBack = "";
  let waiting = "";
  let submissionToken = "";

  it("15 days ago: the overdue listing's organisation got its reminder", async () => {
    const run = await runJobs();
    expect(run.remindersQueued).toBe(1);
    expect(run.digestsQueued).toBe(0);
    expect(run.sent).toBe(1);
    const [reminder] = smtp.state.arrived;
    expect(reminder?.subject).toContain("due for checking");
    expect(reminder?.text).toContain("Devon");
  });

  it("each person chooses on their account page, and people act in the console", async () => {
    // The reviewer asks for a mail each time, from their account page.
    const reviewer = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(reviewer);
    await reviewer.goto(`${server.url}/admin/login`);
    await signIn(reviewer, "reviewer@example.org");
    await reviewer.waitForURL(`${server.url}/admin`);
    await reviewer.goto(`${server.url}/admin/account`);
    await reviewer.getByRole("link", { name: "How you hear from us" }).click();
    await reviewer.waitForURL(/\/admin\/account\/notifications$/);
    // The select's accessible name says what the choice is (no "(optional)": it always has one).
    const choice = reviewer.getByRole("combobox", { name: CHOICE, exact: true });
    expect(await choice.inputValue()).toBe("daily");
    for (const width of [375, 1280]) {
      await reviewer.setViewportSize({ width, height: 900 });
      expect(await axeViolations(reviewer), `${width} px`).toEqual([]);
      // Save and the way back do not touch (they did, at both widths).
      const save = await reviewer.getByRole("button", { name: "Save" }).boundingBox();
      const back = await reviewer.getByRole("link", { name: "Back to your account" }).boundingBox();
      expect(
        (back?.y ?? 0) - ((save?.y ?? 0) + (save?.height ?? 0)),
        `${width} px`,
      ).toBeGreaterThan(12);
    }
    await shoot(reviewer, "choice");
    await reviewer.getByLabel(CHOICE, { exact: true }).selectOption("immediate");
    await reviewer.getByRole("button", { name: "Save" }).click();
    await reviewer.waitForURL(/done=1/);
    expect(await reviewer.getByRole("status").first().textContent()).toContain("Saved.");
    expect(await reviewer.getByLabel(CHOICE, { exact: true }).inputValue()).toBe("immediate");

    // The editor writes two listings and sends both for review.
    const editor = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    const editorErrors = collectErrors(editor);
    await editor.goto(`${server.url}/admin/login`);
    await signIn(editor, "editor@example.org");
    await editor.waitForURL(`${server.url}/admin`);
    const ids: string[] = [];
    for (const name of ["Riverside walk and talk", "Harbour baby massage"]) {
      await editor.goto(`${server.url}/admin/listings/new`);
      await fillNewListing(editor, name);
      await editor
        .getByLabel("Last checked with the service")
        .fill(new Date().toISOString().slice(0, 10));
      await editor.getByRole("button", { name: "Save draft" }).first().click();
      await editor.waitForURL(/done=created/);
      ids.push(new URL(editor.url()).pathname.split("/").at(-1) ?? "");
      await editor.getByRole("button", { name: "Submit for review" }).click();
      await editor.waitForURL(/done=submitted/);
    }
    [sentBack = "", waiting = ""] = ids;

    // The reviewer sends the first back with a note.
    await reviewer.goto(`${server.url}/admin/listings/${sentBack}`);
    await reviewer
      .getByLabel("What needs changing")
      .fill("Please add the hall's step-free entrance.");
    await reviewer.getByRole("button", { name: "Send back to the editor" }).click();
    await reviewer.waitForURL(/done=/);

    // A parent reports a problem with one of the editor's published listings.
    const parent = await newPage(browser, { viewport: { width: 375, height: 900 } });
    await parent.goto(`${server.url}/services/${REPORTED}/report`);
    await parent.locator("#reason-wrong-times").check();
    await parent.locator("#report-text").fill("The Tuesday group has moved to Wednesdays.");
    await parent.locator("form[data-report] button[type=submit]").click();
    await parent.locator("#report-status").waitFor({ state: "visible" });

    // A service is offered through "Add your service" and its address confirmed by its link.
    submissionToken = randomToken();
    await createSubmission(
      handle.db,
      new Date(),
      {
        fields: { name: "Moorland mums", "org.name": "Moorland Trust" },
        lang: "en",
        name: "Sam",
        email: "sam@example.org",
        origin,
      },
      submissionToken,
    );
    await parent.goto(`${server.url}/add-your-service/confirm/${submissionToken}`);
    await parent.locator("main form button[type=submit]").click();
    await parent.waitForURL(/done=1/);

    // Someone at the organisation asks to update its listings, and confirms their address.
    const requestToken = randomToken();
    await createAccessRequest(
      handle.db,
      new Date(),
      {
        service: {
          id: REPORTED,
          organisationId: ORG,
          organisationName: "Exe Valley Parents Together (example)",
        },
        lang: "en",
        name: "Rhian",
        email: "rhian@example.org",
        role: "Group lead",
        origin,
      },
      requestToken,
    );
    await parent.goto(`${server.url}/ask-to-update/confirm/${requestToken}`);
    await parent.locator("main form button[type=submit]").click();
    await parent.waitForURL(/done=1/);
    expect(errors).toEqual([]);
    expect(editorErrors).toEqual([]);
    await Promise.all([reviewer.close(), editor.close(), parent.close()]);
  }, 180_000);

  it("today after 7 am: editors hear at once; the reviewer (immediate) hears of each event; the admin gets one digest", async () => {
    clock = today;
    smtp.state.arrived.length = 0;
    const run = await runJobs();
    // Editor: sent back, report. Reviewer: 2 submitted, report, offered service (a request for
    // editor access is for admins). Digests: reviewer and admin (the queues); nobody else.
    // Besides: the overdue listing's second reminder (a week on), and the address checks of the
    // offered service and of the request.
    expect(run).toMatchObject({
      notificationsQueued: 6,
      digestsQueued: 2,
      remindersQueued: 1,
      failed: 0,
    });
    expect(run.sent).toBe(11);
    expect((await runJobs()).sent).toBe(0);

    // The editor: "sent back, with the note", opened through sign-in on the listing.
    const back = withSubject(
      "editor@example.org",
      "Perinatal Signpost: Sent back to you: Riverside walk and talk",
    );
    expect(back.text).toContain(
      "Riverside walk and talk was sent back to you, with this note: Please add the hall's step-free entrance.",
    );
    expect(back.html).toContain("Please add the hall&#39;s step-free entrance.");
    let page = await follow(linkTo(back, `/admin/listings/${sentBack}`), "editor@example.org");
    expect(await page.locator(".warning-box").textContent()).toContain(
      "Please add the hall's step-free entrance.",
    );
    expect(await page.getByRole("button", { name: "Submit for review" }).count()).toBe(1);
    await shoot(page, "editor-sent-back");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    // The editor: "problem reported on your listing", opened on the listing's reports, which
    // editors can read (the reports queue is for reviewers).
    const report = withSubject(
      "editor@example.org",
      "Perinatal Signpost: Problem reported: Exeter Bumps & Babies Peer Group (example)",
    );
    expect(report.text).not.toContain("Wednesdays");
    page = await follow(
      linkTo(report, `/admin/listings/${REPORTED}#reports-title`),
      "editor@example.org",
    );
    const reports = page.locator("section", { has: page.locator("#reports-title") });
    expect(await reports.textContent()).toContain("(Open)");
    await shoot(page, "editor-report");
    await page.close();
    expect(mailTo("editor@example.org")).toHaveLength(2);

    // The reviewer chose a mail each time.
    const submitted = withSubject(
      "reviewer@example.org",
      "Perinatal Signpost: Submitted for review: Harbour baby massage",
    );
    page = await follow(linkTo(submitted, `/admin/listings/${waiting}`), "reviewer@example.org");
    expect(await page.getByRole("button", { name: "Publish", exact: true }).count()).toBe(1);
    await page.close();
    withSubject(
      "reviewer@example.org",
      "Perinatal Signpost: Problem reported: Exeter Bumps & Babies Peer Group (example)",
    );
    withSubject(
      "reviewer@example.org",
      "Perinatal Signpost: New service offered: Moorland mums (Moorland Trust)",
    );
    // Their summary holds the queues only: each event came on its own.
    const reviewerDigest = withSubject(
      "reviewer@example.org",
      "Perinatal Signpost: your daily summary",
    );
    expect(reviewerDigest.text).not.toContain("Since the last summary:");
    // The seed's APNI listing and Harbour baby massage, and apart the seed's example listing,
    // which the page the count links to lists too.
    expect(reviewerDigest.text).toContain(
      "Listings waiting for review: 2 (and 1 example listing)\n",
    );
    // Reviewers cannot open Editor access, so their summary does not count its requests.
    expect(reviewerDigest.text).not.toContain("editor access");
    expect(linksOf(reviewerDigest)).not.toContain(`${origin}/admin/access-requests`);

    // The admin chose nothing: one summary a day, with the queues and what happened.
    const [digest, ...more] = mailTo("admin@example.org");
    expect(more).toHaveLength(0);
    expect(digest?.subject).toBe("Perinatal Signpost: your daily summary");
    const text = digest?.text ?? "";
    expect(text).toMatch(/^Hello Ada,/);
    expect(text).toContain("Listings waiting for review: 2 (and 1 example listing)\n");
    expect(text).toContain('Services offered through "Add your service", waiting: 1');
    expect(text).toContain("Requests for editor access, waiting: 1\n");
    expect(text).toContain(
      "Someone asked to update the listings of Exe Valley Parents Together (example).",
    );
    expect(text).toContain("Still not checked 14 days after their reminder:");
    const remindedOn = new Date(today.getTime() - 15 * DAY).toLocaleDateString("en-GB", {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "Europe/London",
    });
    expect(text).toMatch(new RegExp(`- Devon[^\\n]*\\(reminded on ${remindedOn}\\)`));
    expect(text).toContain("Since the last summary:");
    expect(text).toContain("Riverside walk and talk was submitted for review.");
    expect(text).toContain("Harbour baby massage was submitted for review.");
    expect(text).toContain("Someone reported a problem with Exeter Bumps & Babies Peer Group");
    expect(text).toContain('A new service was offered through "Add your service": Moorland mums');
    expect(text).not.toContain("sent back");
    const d = digest as ParsedMail;
    expect(String(d.html)).toContain("<ul><li>");

    page = await follow(linkTo(d, "/admin/listings?status=in-review"), "admin@example.org");
    const inReview = await mainText(page);
    expect(inReview).toContain("Harbour baby massage");
    expect(inReview).toContain("APNI");
    expect(inReview).not.toContain("Riverside walk and talk");
    // The page lists what the summary counted: 2 listings and the 1 example.
    expect(inReview).toContain("3 listings");
    expect(inReview).toContain("Cardiff Bay Buggy Walk (example, awaiting review)");
    await shoot(page, "admin-waiting");
    await page.goto(linkTo(d, "/admin/access-requests"));
    const access = page.locator("main section", { hasText: "Rhian" });
    expect(await access.count()).toBe(1);
    expect(await access.getByRole("button", { name: /^Approve/ }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await shoot(page, "admin-access-requests");
    await page.goto(linkTo(d, "/admin/submissions"));
    expect(await mainText(page)).toContain("Moorland mums");
    await page.goto(linkTo(d, "/admin/reports"));
    expect(await mainText(page)).toContain("Exeter Bumps & Babies Peer Group");
    await page.goto(linkTo(d, `/admin/listings/${OVERDUE}`));
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Devon");
    expect(await page.getByRole("button", { name: /checked/i }).count()).toBeGreaterThan(0);
    await shoot(page, "admin-overdue");
    await page.close();
  }, 180_000);

  it("an editor who chooses one mail a day hears of the publishing in their summary, not at once", async () => {
    const editor = await newPage(browser, { viewport: { width: 375, height: 900 } });
    await editor.goto(`${server.url}/admin/login`);
    await signIn(editor, "editor@example.org");
    await editor.waitForURL(`${server.url}/admin`);
    await editor.goto(`${server.url}/admin/account`);
    await editor.getByRole("link", { name: "How you hear from us" }).click();
    expect(await editor.getByLabel(CHOICE, { exact: true }).inputValue()).toBe("immediate");
    await editor.getByLabel(CHOICE, { exact: true }).selectOption("daily");
    await editor.getByRole("button", { name: "Save" }).click();
    await editor.waitForURL(/done=1/);
    await shoot(editor, "editor-choice");
    await editor.close();

    const reviewer = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await reviewer.goto(`${server.url}/admin/listings/${waiting}`);
    await signIn(reviewer, "reviewer@example.org");
    await reviewer.waitForURL(new RegExp(`/admin/listings/${waiting}$`));
    await reviewer.getByRole("button", { name: "Publish", exact: true }).click();
    await reviewer.waitForURL(/done=/);
    await reviewer.close();

    clock = new Date(today.getTime() + HOUR);
    smtp.state.arrived.length = 0;
    const run = await runJobs();
    expect(run).toMatchObject({ notificationsQueued: 0, digestsQueued: 1, sent: 1 });
    const [summary, ...more] = mailTo("editor@example.org");
    expect(more).toHaveLength(0);
    expect(summary?.subject).toBe("Perinatal Signpost: your daily summary");
    expect(summary?.text).toMatch(/^Hello Nia,/);
    expect(summary?.text).toContain("Harbour baby massage was published. Parents can see it now.");
    // An editor's summary has no queues.
    expect(summary?.text).not.toContain("waiting for review");
    const page = await follow(linkTo(summary as ParsedMail, `/services/${waiting}`), null);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain(
      "Harbour baby massage",
    );
    await page.close();
    // One summary a day: a later run the same day sends nothing more.
    clock = new Date(today.getTime() + 2 * HOUR);
    expect((await runJobs()).sent).toBe(0);
  }, 120_000);
});
