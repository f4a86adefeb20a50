/**
 * `npm run jobs:run`: runs every due job once (review reminders, sending queued mail, purges, the
 * daily sync of Open Referral feeds),
 * the same runDailyJobs the Node scheduler and the Workers cron call, and prints what it did.
 */
import { runDailyJobs } from "../admin/index.js";
import { readConfig } from "../config.js";
import { openDb } from "../db/client.js";
import { loadGeoIndex } from "../db/load-geo.js";
import { memo } from "../deps.js";
import { jsonLogger } from "../logger.js";
import { nodeMailSender } from "./smtp.js";

let config: ReturnType<typeof readConfig>;
try {
  config = readConfig(process.env);
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
const handle = openDb(config.databaseUrl, config.databaseAuthToken, {
  timeoutMs: config.databaseTimeoutMs,
});
try {
  const r = await runDailyJobs({
    db: handle.db,
    logger: jsonLogger(),
    geo: memo(() => loadGeoIndex(handle.db)),
    now: () => new Date(),
    publicOrigin: config.publicOrigin,
    reportRetentionDays: config.reportRetentionDays,
    mail: nodeMailSender(config.mail),
  });
  const transport = config.mail ? config.mail.transport.toUpperCase() : "none";
  console.log(
    [
      `Review reminders queued: ${r.remindersQueued}`,
      `Notifications queued: ${r.notificationsQueued} at once, ${r.digestsQueued} daily digests`,
      `Mail sent: ${r.sent}, failed (to be retried or given up): ${r.failed} (transport: ${transport}${config.mail ? "" : "; set SMTP_URL or MAIL_API_URL to send, meanwhile mail waits in the outbox"})`,
      `Expired sessions removed: ${r.sessionsPurged}`,
      `Used or expired mail links removed: ${r.linksPurged}; old notifications and mail removed: ${r.notificationsPurged}`,
      `Problem-report texts erased: ${r.reportTextsPurged}`,
      `Expired password links and their mail removed: ${r.accountLinksPurged}`,
      `Open Referral feeds synced: ${r.feedsSynced}, failed: ${r.feedsFailed} (each enabled feed once a day; see /admin/feeds)`,
    ].join("\n"),
  );
} finally {
  handle.close();
}
