/**
 * The words of notifications and digests (notify.ts), in English and Welsh. Pure. Events carry
 * ids and names only; a report's text and a submitter's details never go into mail to staff.
 */
import { REPORT_REASONS, type ReportReason, type Role } from "../../schema/curation.js";
import type { NotificationEvent, NotificationKind } from "../../schema/mail.js";
import type { Lang } from "../../schema/taxonomy.js";
import { printStrings } from "../print/strings.js";
import { linkLang, longDate } from "./mail-text.js";
import { roleCan } from "./roles.js";

const reason = (code: string | undefined, lang: Lang) =>
  REPORT_REASONS.includes(code as ReportReason)
    ? printStrings(lang).service.reasons[code as ReportReason]
    : "";

/** Who a link is for: editors act on their own listing, reviewers in the queues. */
export interface LinkReader {
  editor: boolean;
  lang: Lang;
}

/**
 * Where each kind of event is acted on, from the origin: a report takes reviewers to the reports
 * queue and editors (who may not triage) to their listing's "Problem reports"; a published
 * listing opens its public page in the mail's language.
 */
export function eventLink(e: NotificationEvent, origin: string, reader: LinkReader): string {
  const id = encodeURIComponent(e.subjectId);
  const paths: Record<NotificationKind, string> = {
    "listing-submitted": `/admin/listings/${id}`,
    "listing-sent-back": `/admin/listings/${id}`,
    "listing-published": `/services/${id}${linkLang(reader.lang)}`,
    "report-created": reader.editor ? `/admin/listings/${id}#reports-title` : "/admin/reports",
    "submission-waiting": "/admin/submissions",
    "access-requested": "/admin/access-requests",
  };
  return `${origin}${paths[e.kind]}`;
}

const WORDS = {
  en: {
    subject: {
      "listing-submitted": "Submitted for review",
      "listing-sent-back": "Sent back to you",
      "listing-published": "Published",
      "report-created": "Problem reported",
      "submission-waiting": "New service offered",
      "access-requested": "Editor access asked for",
    } satisfies Record<NotificationKind, string>,
    line: (e: NotificationEvent, lang: Lang): string => {
      switch (e.kind) {
        case "listing-submitted":
          return `${e.name} was submitted for review.`;
        case "listing-sent-back":
          return `${e.name} was sent back to you, with this note: ${e.note ?? ""}`;
        case "listing-published":
          return `${e.name} was published. Parents can see it now.`;
        case "report-created":
          return `Someone reported a problem with ${e.name}: ${reason(e.note, lang)}.`;
        case "submission-waiting":
          return `A new service was offered through "Add your service": ${e.name}.`;
        case "access-requested":
          return `Someone asked to update the listings of ${e.name}.`;
      }
    },
    hello: (name: string) => `Hello${name ? ` ${name}` : ""},`,
    digestSubject: "Perinatal Signpost: your daily summary",
    waiting: (n: number, examples: number) =>
      `Listings waiting for review: ${n}${
        examples > 0 ? ` (and ${examples} example listing${examples === 1 ? "" : "s"})` : ""
      }`,
    submissions: (n: number) => `Services offered through "Add your service", waiting: ${n}`,
    accessRequests: (n: number) => `Requests for editor access, waiting: ${n}`,
    overdue: "Still not checked 14 days after their reminder:",
    reminded: (day: string) => `reminded on ${longDate(day, "en")}`,
    since: "Since the last summary:",
    choose: "Choose a mail each time or one a day:",
  },
  cy: {
    subject: {
      "listing-submitted": "Wedi’i gyflwyno i’w adolygu",
      "listing-sent-back": "Wedi’i anfon yn ôl atoch",
      "listing-published": "Wedi’i gyhoeddi",
      "report-created": "Problem wedi’i hadrodd",
      "submission-waiting": "Gwasanaeth newydd wedi’i gynnig",
      "access-requested": "Cais am fynediad golygydd",
    } satisfies Record<NotificationKind, string>,
    line: (e: NotificationEvent, lang: Lang): string => {
      switch (e.kind) {
        case "listing-submitted":
          return `Cyflwynwyd ${e.name} i’w adolygu.`;
        case "listing-sent-back":
          return `Anfonwyd ${e.name} yn ôl atoch, gyda’r nodyn hwn: ${e.note ?? ""}`;
        case "listing-published":
          return `Cyhoeddwyd ${e.name}. Gall rhieni ei weld nawr.`;
        case "report-created":
          return `Rhoddodd rhywun wybod am broblem gyda ${e.name}: ${reason(e.note, lang)}.`;
        case "submission-waiting":
          return `Cynigiwyd gwasanaeth newydd drwy “Ychwanegu eich gwasanaeth”: ${e.name}.`;
        case "access-requested":
          return `Gofynnodd rhywun am gael diweddaru rhestriadau ${e.name}.`;
      }
    },
    hello: (name: string) => `Helo${name ? ` ${name}` : ""},`,
    digestSubject: "Perinatal Signpost: eich crynodeb dyddiol",
    waiting: (n: number, examples: number) =>
      `Rhestriadau sy’n aros i gael eu hadolygu: ${n}${
        examples > 0 ? ` (a ${examples} rhestriad enghreifftiol)` : ""
      }`,
    submissions: (n: number) => `Gwasanaethau a gynigiwyd sy’n aros: ${n}`,
    accessRequests: (n: number) => `Ceisiadau am fynediad golygydd sy’n aros: ${n}`,
    overdue: "Heb eu gwirio 14 diwrnod ar ôl eu nodyn atgoffa:",
    reminded: (day: string) => `nodyn atgoffa ar ${longDate(day, "cy")}`,
    since: "Ers y crynodeb diwethaf:",
    choose: "Dewiswch e-bost bob tro neu un y dydd:",
  },
};

export function eventMail(
  e: NotificationEvent,
  lang: Lang,
  origin: string,
  to: { name: string; editor: boolean },
) {
  const w = WORDS[lang];
  return {
    subject: `Perinatal Signpost: ${w.subject[e.kind]}: ${e.name}`,
    body: [
      w.hello(to.name),
      "",
      w.line(e, lang),
      eventLink(e, origin, { editor: to.editor, lang }),
      "",
      w.choose,
      `${origin}/admin/account/notifications`,
      "",
      "Perinatal Signpost",
    ].join("\n"),
  };
}

/** What a reviewer's digest adds to their own events: the queues as they stand. */
export interface ReviewQueues {
  /** Listings waiting for review, example listings apart. */
  waiting: number;
  /**
   * Example listings waiting for review. The page the count links to lists them (labelled), so
   * the count names them; alone, they do not make a summary.
   */
  examplesWaiting: number;
  submissions: number;
  /** Confirmed requests for editor access not yet decided; 0 for reviewers, who cannot act. */
  accessRequests: number;
  overdue: { id: string; name: string; remindedOn: string }[];
}

/**
 * The queues as one person may act on them, or null when nothing in them is theirs: the queues
 * are for those who publish (reviewers and admins), requests for editor access for those who
 * manage accounts (admins), as the pages the counts link to are.
 */
export const queuesFor = (role: Role, q: ReviewQueues): ReviewQueues | null => {
  if (!roleCan(role, "publish")) return null;
  const mine = roleCan(role, "manage-users") ? q : { ...q, accessRequests: 0 };
  const empty =
    mine.waiting === 0 &&
    mine.submissions === 0 &&
    mine.accessRequests === 0 &&
    mine.overdue.length === 0;
  return empty ? null : mine;
};

export function digestMail(
  events: readonly NotificationEvent[],
  queues: ReviewQueues | null,
  lang: Lang,
  origin: string,
  to: { name: string; editor: boolean },
) {
  const w = WORDS[lang];
  const lines: string[] = [w.hello(to.name), ""];
  if (queues && queues.waiting + queues.examplesWaiting > 0) {
    lines.push(
      w.waiting(queues.waiting, queues.examplesWaiting),
      `${origin}/admin/listings?status=in-review`,
      "",
    );
  }
  if (queues && queues.submissions > 0) {
    lines.push(w.submissions(queues.submissions), `${origin}/admin/submissions`, "");
  }
  if (queues && queues.accessRequests > 0) {
    lines.push(w.accessRequests(queues.accessRequests), `${origin}/admin/access-requests`, "");
  }
  if (queues && queues.overdue.length > 0) {
    lines.push(w.overdue, "");
    for (const l of queues.overdue) {
      lines.push(
        `- ${l.name} (${w.reminded(l.remindedOn)})\n  ${origin}/admin/listings/${encodeURIComponent(l.id)}`,
      );
    }
    lines.push("");
  }
  if (events.length > 0) {
    lines.push(w.since, "");
    for (const e of events) {
      lines.push(`- ${w.line(e, lang)}\n  ${eventLink(e, origin, { editor: to.editor, lang })}`);
    }
    lines.push("");
  }
  lines.push(w.choose, `${origin}/admin/account/notifications`, "", "Perinatal Signpost");
  return { subject: w.digestSubject, body: lines.join("\n") };
}
