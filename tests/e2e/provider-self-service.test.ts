/**
 * Provider self-service end to end (issue 11 §4), in real Chromium against the real Node server,
 * which sends through a real SMTP server on loopback (mail parsed with mailparser):
 * - "Add your service": a public submission is confirmed by the mailed link, a reviewer accepts
 *   it in the "Offered services" queue, the invitation sets a password, and the new editor signs
 *   in and submits the listing; another is merged into an existing organisation; a third is
 *   rejected with a reason that arrives by mail.
 * - "Is this your service? Ask to update it", asked in Welsh: confirmed by mail, approved by an
 *   admin, the invitation sets a password, and the new editor sees the organisation's listing.
 * axe on the queues and on every new public page in both languages at 375 and 1280 px, no
 * sideways scrolling at 375. Screenshots: .tmp/screenshots/self-service.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDailyJobs } from "../../api/admin/index.js";
import { createUser } from "../../api/admin/users.js";
import { readConfig } from "../../api/config.js";
import { openDb } from "../../api/db/client.js";
import { loadGeoIndex } from "../../api/db/load-geo.js";
import { prepareDb } from "../../api/db/prepare.js";
import { memo } from "../../api/deps.js";
import { silentLogger } from "../../api/logger.js";
import { type RunningServer, startServer } from "../../api/node/server.js";
import { accessRequests, services, submissions, users } from "../../schema/tables.js";
import { addressesOf, type Smtp, senderFor, startSmtp } from "../api/admin/smtp-server.js";
import { collectErrors, launchChromium, newPage } from "../widget/helpers/browser.js";
import { ensureWidgetBuild } from "../widget/helpers/build.js";
import { axeViolations } from "./helpers/axe.js";
import { signedInPage } from "./helpers/console.js";

const PASSWORD = "a long enough test password";
const SHOTS = ".tmp/screenshots/self-service";
const LISTING = "demo-devon-perinatal-team";
const LISTING_NAME = "Devon Specialist Perinatal Mental Health Team (example)";
const TRUST = "South West Example NHS Foundation Trust (example)";

let dir: string;
let origin: string;
let server: RunningServer;
let browser: Browser;
let smtp: Smtp;
let handle: ReturnType<typeof openDb>;

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "signpost-self-service-"));
  const url = `file:${join(dir, "signpost.db")}`;
  handle = openDb(url);
  await prepareDb(handle.db, { demo: true });
  for (const [email, role] of [
    ["admin@example.org", "admin"],
    ["reviewer@example.org", "reviewer"],
  ] as const) {
    await createUser(handle.db, new Date(), null, {
      email,
      name: role === "admin" ? "Ada Admin" : "Rhys Reviewer",
      role,
      organisationId: null,
      password: PASSWORD,
    });
  }
  // The console's preview is the widget's own card, served from the build.
  const [port, mail] = await Promise.all([
    freePort(),
    startSmtp(),
    mkdir(SHOTS, { recursive: true }),
    ensureWidgetBuild(),
  ]);
  smtp = mail;
  origin = `http://127.0.0.1:${port}`;
  [server, browser] = await Promise.all([
    startServer({
      config: readConfig({
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_URL: url,
        RATE_LIMITS: "off",
        RESPONSE_CACHE: "off",
        PUBLIC_ORIGIN: origin,
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
  handle?.close();
  await smtp?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The sending job, as `npm run jobs:run` runs it (the server's own timer is off). */
const runJobs = () =>
  runDailyJobs({
    db: handle.db,
    logger: silentLogger,
    geo: memo(() => loadGeoIndex(handle.db)),
    now: () => new Date(),
    publicOrigin: origin,
    mail: senderFor(smtp),
  });

/** Waits (up to 20 s) for a message to `address` whose text matches `pattern`. */
async function mailTo(address: string, pattern: RegExp): Promise<ParsedMail> {
  const until = Date.now() + 20_000;
  for (;;) {
    const found = smtp.state.arrived.find(
      (m) => addressesOf(m).includes(address) && pattern.test(m.text ?? ""),
    );
    if (found) return found;
    if (Date.now() > until) throw new Error(`no mail to ${address} matching ${pattern}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const linkIn = (mail: ParsedMail, path: RegExp) => {
  const m = new RegExp(`http://127\\.0\\.0\\.1:\\d+${path.source}`).exec(mail.text ?? "");
  if (!m) throw new Error(`no ${path} link in "${mail.subject}"`);
  return m[0];
};
const CONFIRM_SUBMISSION = /\/add-your-service\/confirm\/[\w-]{43}(?:\?lang=cy)?/;
const CONFIRM_REQUEST = /\/ask-to-update\/confirm\/[\w-]{43}(?:\?lang=cy)?/;
const SET_PASSWORD = /\/admin\/set-password\?token=[\w-]{43}/;

/** axe at 375 and 1280 px, no sideways scrolling at 375, a screenshot of each. */
async function checkPage(page: Page, name: string) {
  const found: string[] = [];
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    found.push(...(await axeViolations(page)).map((v) => `${width}px ${v}`));
    if (width === 375) {
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      if (sideways) found.push("375px: the page scrolls sideways");
    }
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  expect(found).toEqual([]);
}

/** A person takes a few seconds; the public forms refuse anything faster. */
const likeAPerson = (page: Page) => page.waitForTimeout(3_100);

async function offerService(
  page: Page,
  s: { org: string; name: string; you: string; email: string },
) {
  await page.goto(`${server.url}/add-your-service`);
  await page.fill("#f-org-name", s.org);
  await page.fill("#f-org-email", `hello@${s.email.split("@")[1]}`);
  await page.fill("#f-name", s.name);
  await page.selectOption("#f-kind", "peer-group");
  await page.fill("#f-summary", `A weekly peer support group for parents: ${s.name}.`);
  await page.check("#f-stages-pregnancy");
  await page.check("#f-stages-postnatal");
  await page.check("#f-formats-in-person");
  await page.check("#f-referral-self");
  await page.fill("#f-contacts-0-value", "01632 960123");
  await page.fill("#f-locations-0-name", "Heavitree Community Hall");
  await page.fill("#f-locations-0-address", "Fore Street, Heavitree, Exeter");
  await page.fill("#f-locations-0-postcode", "EX1 2QX");
  await page.fill("#f-you-name", s.you);
  await page.fill("#f-you-email", s.email);
  await likeAPerson(page);
  await page.getByRole("button", { name: "Send for review" }).click();
  await page.getByText(`We sent a link to ${s.email}`).waitFor();
}

/** Opens the mailed link and presses its button; answers the link. */
async function confirmByMail(page: Page, email: string, path: RegExp, button: string) {
  await runJobs();
  const link = linkIn(await mailTo(email, path), path);
  await page.goto(link);
  await page.getByRole("button", { name: button }).click();
  await page.waitForURL(/done=1/);
  return link;
}

/** The invitation's link sets a password; the new editor signs in and lands on the overview. */
async function acceptInvitation(page: Page, email: string, password: string) {
  const link = linkIn(await mailTo(email, SET_PASSWORD), SET_PASSWORD);
  await page.goto(link);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("New password again").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await page.waitForURL(/\/admin\/login\?password=set/);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${server.url}/admin`);
}

const queueItem = (page: Page, heading: string) =>
  page.locator("section.panel", { has: page.getByRole("heading", { name: heading }) });

describe("provider self-service in Chromium, over real SMTP", () => {
  it("a public submission is confirmed by email, accepted by a reviewer, and the invitation sets a password; the new editor signs in and submits the listing", async () => {
    const sender = await newPage(browser, { viewport: { width: 375, height: 900 } });
    const senderErrors = collectErrors(sender);
    await offerService(sender, {
      org: "Kingsbridge Mums Together",
      name: "Kingsbridge Bumps and Babies",
      you: "Sam Carter",
      email: "sam@example.org",
    });
    const [waiting] = await handle.db.select().from(submissions);
    expect(waiting?.status).toBe("unconfirmed");
    await confirmByMail(sender, "sam@example.org", CONFIRM_SUBMISSION, "Confirm my address");
    await sender.getByText("Your address is confirmed").waitFor();

    const { page: reviewer, errors } = await signedInPage(browser, server, {
      email: "reviewer@example.org",
      password: PASSWORD,
    });
    await reviewer
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Offered services" })
      .click();
    const item = queueItem(reviewer, "Kingsbridge Bumps and Babies (Kingsbridge Mums Together)");
    await item.waitFor();
    const offered = (await item.textContent()) ?? "";
    expect(offered).toContain("EX1 2QX");
    // Codes in words, as the editor shows them.
    expect(offered).toContain("Pregnant, Baby under 1");
    expect(offered).not.toContain("peer-group");
    await checkPage(reviewer, "offered-services");
    await item.getByLabel("Organisation").selectOption("new");
    await item.getByRole("button", { name: "Accept as a draft listing" }).click();
    await reviewer.waitForURL(/done=accepted/);
    expect(await reviewer.getByRole("status").textContent()).toContain("Accepted");
    await checkPage(reviewer, "offered-services-handled");
    const [accepted] = await handle.db.select().from(submissions);
    expect(accepted).toMatchObject({ status: "accepted", contactName: null, contactEmail: null });

    // The sender hears the answer, and the invitation makes them the organisation's editor.
    await runJobs();
    await mailTo("sam@example.org", /a reviewer accepted Kingsbridge Bumps and Babies/);
    await acceptInvitation(sender, "sam@example.org", "kingsbridge estuary mornings");
    await sender
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Listings" })
      .click();
    await sender.getByRole("link", { name: "Kingsbridge Bumps and Babies" }).first().click();
    await sender.getByRole("button", { name: "Submit for review" }).click();
    await sender.waitForURL(/done=submitted/);
    expect(await sender.locator(".tag-in-review").first().textContent()).toBe("In review");
    const [listing] = await handle.db
      .select()
      .from(services)
      .where(eq(services.id, accepted?.serviceId ?? ""));
    expect(listing?.organisationId).toBe(accepted?.organisationId);
    expect(errors).toEqual([]);
    expect(senderErrors.filter((e) => !/\b(410|422)\b/.test(e))).toEqual([]);
    await sender.close();
    await reviewer.close();
  }, 180_000);

  it("a reviewer merges one into an existing organisation, and rejects another with a reason that arrives by mail", async () => {
    const sender = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await offerService(sender, {
      org: "Exe Valley Parents",
      name: "Topsham Baby Cafe",
      you: "Jo Price",
      email: "jo@example.org",
    });
    await confirmByMail(sender, "jo@example.org", CONFIRM_SUBMISSION, "Confirm my address");
    await offerService(sender, {
      org: "Exeter Social Club",
      name: "Friday Quiz Night",
      you: "Kim Lee",
      email: "kim@example.org",
    });
    await confirmByMail(sender, "kim@example.org", CONFIRM_SUBMISSION, "Confirm my address");
    await sender.close();

    const { page: reviewer, errors } = await signedInPage(browser, server, {
      email: "reviewer@example.org",
      password: PASSWORD,
    });
    await reviewer.goto(`${server.url}/admin/submissions`);
    await checkPage(reviewer, "offered-services-two");
    const merge = queueItem(reviewer, "Topsham Baby Cafe (Exe Valley Parents)");
    await merge
      .getByLabel("Organisation")
      .selectOption({ label: "Merge into Exe Valley Parents Together (example)" });
    await merge.getByRole("button", { name: "Accept as a draft listing" }).click();
    await reviewer.waitForURL(/done=accepted/);
    const merged = (await handle.db.select().from(submissions)).find((s) => s.status === "merged");
    expect(merged?.organisationId).toBe("demo-exe-valley-parents");
    const [jo] = await handle.db.select().from(users).where(eq(users.email, "jo@example.org"));
    expect(jo).toMatchObject({ role: "editor", organisationId: "demo-exe-valley-parents" });
    await mailTo("jo@example.org", SET_PASSWORD);

    const reject = queueItem(reviewer, "Friday Quiz Night (Exeter Social Club)");
    const reason = reject.getByLabel("Reason for rejecting (emailed to the sender)");
    // An empty reason is held back by the browser's own check (and the server's: the API test).
    expect(await reason.evaluate((el) => (el as HTMLTextAreaElement).validity.valueMissing)).toBe(
      true,
    );
    await reason.fill("A quiz night is not perinatal mental health support.");
    await reject.getByRole("button", { name: "Reject" }).click();
    await reviewer.waitForURL(/done=rejected/);
    await runJobs();
    const answer = await mailTo("kim@example.org", /not perinatal mental health support/);
    expect(answer.subject).toBe("Perinatal Signpost: about Friday Quiz Night");
    expect(await handle.db.select().from(users).where(eq(users.email, "kim@example.org"))).toEqual(
      [],
    );
    expect(errors).toEqual([]);
    await reviewer.close();
  }, 180_000);

  it("asked in Welsh from the service page: confirmed by mail, approved by an admin, and the new editor sees the listing", async () => {
    const person = await newPage(browser, { viewport: { width: 375, height: 900 } });
    const personErrors = collectErrors(person);
    await person.goto(`${server.url}/services/${LISTING}?lang=cy`);
    await checkPage(person, "service-page-cy");
    await person
      .getByRole("link", { name: "Ai eich gwasanaeth chi yw hwn? Gofynnwch am gael ei ddiweddaru" })
      .click();
    await person.waitForURL(/\/ask-to-update\?lang=cy$/);
    expect(await person.locator("h1").textContent()).toBe(
      "Gofyn am gael diweddaru’r rhestriad hwn",
    );
    await checkPage(person, "ask-form-cy");
    await person.getByLabel("Eich e-bost").fill("rhian@example.org");
    await likeAPerson(person);
    await person.getByRole("button", { name: "Anfon y cais" }).click();
    await person.locator(".error-summary").waitFor();
    expect(await person.locator(".error-summary").textContent()).toContain("Rhowch: Eich enw.");
    expect(await person.getByLabel("Eich e-bost").inputValue()).toBe("rhian@example.org");
    await checkPage(person, "ask-form-error-cy");
    await person.getByLabel("Eich enw").fill("Rhian Morgan");
    await person.getByLabel("Eich rôl yn y sefydliad").fill("Arweinydd tîm");
    await likeAPerson(person);
    await person.getByRole("button", { name: "Anfon y cais" }).click();
    await person.getByText("Rydym wedi anfon dolen at rhian@example.org").waitFor();
    await checkPage(person, "ask-sent-cy");

    await runJobs();
    const mail = await mailTo("rhian@example.org", CONFIRM_REQUEST);
    expect(mail.subject).toBe("Perinatal Signpost: cadarnhewch eich cyfeiriad e-bost");
    const link = linkIn(mail, CONFIRM_REQUEST);
    expect(link).toMatch(/\?lang=cy$/);
    await person.goto(link);
    await checkPage(person, "ask-confirm-cy");
    await person.goto(link.replace("?lang=cy", "?lang=en"));
    expect(await person.locator("h1").textContent()).toBe("Confirm your email address");
    await checkPage(person, "ask-confirm-en");
    await person.goto(link);
    await person.getByRole("button", { name: "Cadarnhau fy nghyfeiriad" }).click();
    await person.waitForURL(/done=1&lang=cy/);
    expect(await person.getByRole("status").textContent()).toContain(
      "Mae eich cyfeiriad wedi’i gadarnhau",
    );
    await checkPage(person, "ask-confirmed-cy");
    await person.goto(person.url().replace("lang=cy", "lang=en"));
    await checkPage(person, "ask-confirmed-en");
    // Used, the link says so in both languages.
    for (const lang of ["cy", "en"]) {
      await person.goto(link.replace("?lang=cy", `?lang=${lang}`));
      expect(await person.locator("h1").textContent()).toBe(
        lang === "cy" ? "Nid yw’r ddolen hon yn gweithio" : "This link does not work",
      );
      await checkPage(person, `ask-link-bad-${lang}`);
    }

    const { page: admin, errors } = await signedInPage(browser, server, {
      email: "admin@example.org",
      password: PASSWORD,
    });
    await admin
      .getByRole("navigation", { name: "Console" })
      .getByRole("link", { name: "Editor access" })
      .click();
    const item = queueItem(admin, TRUST);
    await item.waitFor();
    const shown = (await item.textContent()) ?? "";
    expect(shown).toContain("Rhian Morgan");
    expect(shown).toContain("Arweinydd tîm");
    expect(shown).toContain("asked in Welsh");
    await checkPage(admin, "editor-access");
    await item.getByRole("button", { name: `Approve: invite as an editor of ${TRUST}` }).click();
    await admin.waitForURL(/done=approved/);
    await checkPage(admin, "editor-access-handled");
    const [request] = await handle.db.select().from(accessRequests);
    expect(request).toMatchObject({ status: "approved", name: null, email: null, role: null });

    await runJobs();
    const told = await mailTo("rhian@example.org", /Cymeradwyodd gweinyddwr eich cais/);
    expect(told.subject).toBe(`Perinatal Signpost: gallwch ddiweddaru rhestriadau ${TRUST}`);
    await acceptInvitation(person, "rhian@example.org", "bore da o lannau afon");
    await person.goto(`${server.url}/admin/listings`);
    await person.getByRole("link", { name: LISTING_NAME }).first().waitFor();
    const [rhian] = await handle.db
      .select()
      .from(users)
      .where(eq(users.email, "rhian@example.org"));
    expect(rhian).toMatchObject({ role: "editor", organisationId: "demo-south-west-trust" });
    expect(errors).toEqual([]);
    expect(personErrors.filter((e) => !/\b(410|422)\b/.test(e))).toEqual([]);
    await person.close();
    await admin.close();
  }, 240_000);

  it("shows the English request form, before and after an error, axe clean", async () => {
    const page = await newPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}/services/${LISTING}`);
    await page.getByRole("link", { name: "Is this your service? Ask to update it" }).click();
    expect(await page.locator("h1").textContent()).toBe("Ask to update this listing");
    await checkPage(page, "ask-form-en");
    await page.getByLabel("Your name").fill("Owen Hughes");
    await page.getByLabel("Your email").fill("owen@example");
    await likeAPerson(page);
    await page.getByRole("button", { name: "Send request" }).click();
    await page.locator(".error-summary").waitFor();
    expect(await page.getByLabel("Your name").inputValue()).toBe("Owen Hughes");
    await checkPage(page, "ask-form-error-en");
    await page.getByLabel("Your email").fill("owen@example.org");
    await page.getByLabel("Your role at the organisation").fill("Volunteer coordinator");
    await likeAPerson(page);
    await page.getByRole("button", { name: "Send request" }).click();
    await page.getByText("We sent a link to owen@example.org").waitFor();
    await checkPage(page, "ask-sent-en");
    await page.close();
  }, 120_000);
});
