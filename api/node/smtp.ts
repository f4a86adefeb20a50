/**
 * The SMTP transport (Node only: it needs sockets). `SMTP_URL` is nodemailer's connection URL:
 * `smtp://user:pass@host:587` (STARTTLS when the server offers it), `smtps://…:465` (TLS from
 * the start). One connection per message; the outbox job sends at most a batch at a time.
 */
import { createTransport } from "nodemailer";
import { httpMailSender, type Sender, safeError } from "../admin/mail.js";
import type { MailConfig } from "../config.js";

export function smtpMailSender(options: { url: string; from: string }): Sender {
  const transport = createTransport(options.url);
  const password = new URL(options.url).password;
  const domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? "signpost.invalid";
  return async (m) => {
    try {
      await transport.sendMail({
        from: options.from,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: `<${m.id}@${domain}>`,
      });
    } catch (err) {
      // nodemailer's messages can quote the server's answer and the rejected recipients.
      throw new Error(safeError(err, [password]));
    }
  };
}

/** The transport the settings ask for on Node: SMTP, or the HTTP mail API; none, mail waits. */
export function nodeMailSender(config: MailConfig | undefined): Sender | undefined {
  if (!config) return undefined;
  return config.transport === "smtp"
    ? smtpMailSender(config)
    : httpMailSender({ url: config.url, token: config.token, from: config.from });
}
