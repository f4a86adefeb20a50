/** A real SMTP server on loopback (npm smtp-server) whose arrivals are parsed (mailparser). */
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { smtpMailSender } from "../../../api/node/smtp.js";
import { type Console, openConsole } from "./helpers.js";

export const PASSWORD = "s3cret-p@ss";

/** A real SMTP server on loopback that needs a password and can be told to refuse mail. */
export async function startSmtp() {
  const state = { refuse: false, attempts: 0, arrived: [] as ParsedMail[] };
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, cb) {
      if (auth.username === "signpost" && auth.password === PASSWORD)
        cb(null, { user: "signpost" });
      else cb(new Error("bad login"));
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        state.attempts++;
        if (state.refuse) {
          const to = session.envelope.rcptTo.map((r) => r.address).join(", ");
          const err = Object.assign(new Error(`Mailbox busy for ${to}, try later`), {
            responseCode: 451,
          });
          cb(err);
          return;
        }
        state.arrived.push(await simpleParser(Buffer.concat(chunks)));
        cb();
      });
    },
    logger: false,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    state,
    url: `smtp://signpost:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type Smtp = Awaited<ReturnType<typeof startSmtp>>;

/** The SMTP transport pointed at a test server. */
export const senderFor = (smtp: Smtp) =>
  smtpMailSender({ url: smtp.url, from: "Perinatal Signpost <signpost@example.org>" });

/** The addresses a parsed mail went to. */
export function addressesOf(mail: ParsedMail): string[] {
  const to = Array.isArray(mail.to) ? mail.to : [mail.to];
  return to.flatMap((a) => a?.value ?? []).map((a) => a.address ?? "");
}

/** Waits (up to 20 s, for a busy machine) until `count` messages have arrived; answers them. */
export async function arrived(state: Smtp["state"], count: number): Promise<ParsedMail[]> {
  const until = Date.now() + 20_000;
  while (state.arrived.length < count) {
    if (Date.now() > until) throw new Error(`${state.arrived.length} of ${count} messages arrived`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return state.arrived;
}

/**
 * The console with mail sent through a real SMTP server, links from `origin`, and the clock at
 * 05:30 in London (notifications go at once; digests wait for 7 am).
 */
export async function openMailConsole(origin: string): Promise<{ con: Console; smtp: Smtp }> {
  const [con, smtp] = await Promise.all([openConsole(), startSmtp()]);
  con.deps.publicOrigin = origin;
  con.deps.mail = senderFor(smtp);
  con.clock.now = new Date("2026-11-26T05:30:00Z");
  return { con, smtp };
}
