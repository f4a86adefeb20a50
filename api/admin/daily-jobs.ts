/**
 * The daily job: review reminders into the outbox, sending through the mail transport if there is one,
 * sweeping dead sessions and expired password links, and erasing the text of problem reports triaged more than
 * `deps.reportRetentionDays` ago, then re-importing each enabled Open Referral feed once a UK day
 * (api/feeds/daily.ts). Node runs it from an in-process timer (startDailyScheduler);
 * Workers call runDailyJobs from a `scheduled` handler on a cron trigger, `npm run jobs:run` once
 * from the shell. Safe to run often: each organisation gets at most one reminder a day, and each
 * message is claimed before it is sent, so none goes twice.
 */
import { and, eq } from "drizzle-orm";
import { organisations, services, users } from "../../schema/tables.js";
import type { Deps } from "../deps.js";
import { type FeedSyncOptions, type FeedSyncResult, syncDueFeeds } from "../feeds/daily.js";
import { errorFields } from "../logger.js";
import { purgeAccessRequests } from "./access-requests.js";
import { purgeAccountLinks } from "./account-links.js";
import { newLinkToken, purgeEmailLinks } from "./email-links.js";
import { organisationMailLanguages } from "./mail-language.js";
import { purgeNotifications, queueNotifications } from "./notify-mail.js";
import {
  deliverOutbox,
  lastReminders,
  purgeOutbox,
  queueReminders,
  type Sender,
} from "./outbox.js";
import { dueReminders } from "./reminders.js";
import { purgeReportText, REPORT_RETENTION_DAYS } from "./reports.js";
import { purgeSessions } from "./session.js";
import { purgeSubmissions } from "./submissions.js";

export interface DailyJobsOptions {
  /**
   * Delivers queued messages (default `deps.mail`); without one they wait in the outbox,
   * viewable in the console.
   */
  sender?: Sender | undefined;
  /** The daily feed sync (api/feeds/daily.ts): how many feeds a run may take, client options. */
  feeds?: FeedSyncOptions | undefined;
}

export interface DailyJobsResult extends FeedSyncResult {
  remindersQueued: number;
  /** Messages for people who hear of each event at once, and daily digests. */
  notificationsQueued: number;
  digestsQueued: number;
  sent: number;
  failed: number;
  sessionsPurged: number;
  /** Mail links used or expired more than a day ago; unconfirmed submissions and access requests past theirs. */
  linksPurged: number;
  /** Notification rows, and sent or failed messages other than reminders, past their time. */
  notificationsPurged: number;
  reportTextsPurged: number;
  /** Expired password links, and mail to people whose links can no longer work. */
  accountLinksPurged: number;
}

export async function runDailyJobs(
  deps: Deps,
  options: DailyJobsOptions = {},
): Promise<DailyJobsResult> {
  const { db } = deps;
  const now = deps.now();
  const [listings, orgs, editors, last, languages] = await Promise.all([
    db
      .select({
        id: services.id,
        name: services.name,
        organisationId: services.organisationId,
        kind: services.kind,
        verifiedAt: services.verifiedAt,
        reviewEveryDays: services.reviewEveryDays,
      })
      .from(services)
      .where(and(eq(services.status, "published"), eq(services.demo, false))),
    db
      .select({ id: organisations.id, name: organisations.name, email: organisations.email })
      .from(organisations),
    db
      .select({ email: users.email, organisationId: users.organisationId })
      .from(users)
      .where(and(eq(users.role, "editor"), eq(users.disabled, false))),
    lastReminders(db),
    organisationMailLanguages(db),
  ]);
  const reminders = dueReminders({
    listings,
    organisations: orgs,
    editors,
    lastReminders: last,
    now,
    origin: deps.publicOrigin,
    languages,
    token: newLinkToken,
  });
  const remindersQueued = await queueReminders(db, now, reminders);
  const notified = await queueNotifications(db, now, (deps.publicOrigin ?? "").replace(/\/$/, ""));
  const sender = options.sender ?? deps.mail;
  const delivery = sender ? await deliverOutbox(db, now, sender) : { sent: 0, failed: 0 };
  const sessionsPurged = await purgeSessions(db, now);
  const linksPurged =
    (await purgeEmailLinks(db, now)) +
    (await purgeSubmissions(db, now)) +
    (await purgeAccessRequests(db, now));
  const notificationsPurged = (await purgeNotifications(db, now)) + (await purgeOutbox(db, now));
  const reportTextsPurged = await purgeReportText(
    db,
    now,
    deps.reportRetentionDays ?? REPORT_RETENTION_DAYS,
  );
  const accountLinksPurged = await purgeAccountLinks(db, now);
  // Last: a council's feed can take minutes, and must not hold up the mail.
  const feedSync = await syncDueFeeds(deps, options.feeds);
  return {
    remindersQueued,
    notificationsQueued: notified.notifications,
    digestsQueued: notified.digests,
    ...delivery,
    sessionsPurged,
    linksPurged,
    notificationsPurged,
    reportTextsPurged,
    ...feedSync,
    accountLinksPurged,
  };
}

export interface SchedulerOptions extends DailyJobsOptions {
  /** How often to wake up and run (the job itself decides whether there is anything to do). */
  everyMs?: number;
  /** Delay before the first run, so a starting server is not slowed. */
  firstRunAfterMs?: number;
}

/** Runs the daily jobs now-ish and then every 10 minutes (retries of failed mail); answers a stop function. */
export function startDailyScheduler(deps: Deps, options: SchedulerOptions = {}): () => void {
  const everyMs = options.everyMs ?? 10 * 60_000;
  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    runDailyJobs(deps, options)
      .then((result) => deps.logger.info("daily jobs", { ...result }))
      .catch((err: unknown) => deps.logger.error("daily jobs failed", errorFields(err)))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, options.firstRunAfterMs ?? 5_000);
  const timer = setInterval(tick, everyMs);
  // The timers must not keep a finished process alive.
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
