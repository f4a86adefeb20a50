import type { Contact, CrisisRoute } from "../../schema/contract.js";
import type { Lang } from "../../schema/taxonomy.js";
import { Layout } from "./layout.js";
import { CrisisPanel } from "./service-page.js";

/**
 * The page a person sees when a public page is refused for now (429: too many requests from
 * their connection, or the print tools are busy). It reads nothing from the database, so it
 * costs little under load, and it carries the crisis routes the widget has built in: someone
 * who needs help now must never be stopped by a limit.
 */

const UK = ["England", "Wales", "Scotland", "Northern Ireland"] as CrisisRoute["countries"];

/** The crisis routes, in the widget's words (widget/strings), with one contact each. */
const ROUTES: {
  id: string;
  contact: Pick<Contact, "kind" | "value" | "href" | "keyword">;
  en: readonly [string, string];
  cy: readonly [string, string];
}[] = [
  {
    id: "emergency",
    contact: { kind: "phone", value: "999", href: "tel:999", keyword: null },
    en: ["Emergency: 999", "If you or your baby are in danger, call 999 or go to A&E."],
    cy: [
      "Argyfwng: 999",
      "Os ydych chi neu eich babi mewn perygl, ffoniwch 999 neu ewch i'r adran achosion brys.",
    ],
  },
  {
    id: "nhs111",
    contact: { kind: "phone", value: "111", href: "tel:111", keyword: null },
    en: [
      "NHS 111",
      "Call 111 for urgent mental health help. In England choose the mental health option, in Wales press 2; in Scotland NHS 24 answers.",
    ],
    cy: [
      "GIG 111",
      "Ffoniwch 111 am help brys gyda'ch iechyd meddwl. Yng Nghymru pwyswch 2; yn Lloegr dewiswch yr opsiwn iechyd meddwl; yn yr Alban mae NHS 24 yn ateb.",
    ],
  },
  {
    id: "samaritans",
    contact: { kind: "phone", value: "116 123", href: "tel:116123", keyword: null },
    en: ["Samaritans", "Free, any time, whatever you are going through."],
    cy: ["Samariaid", "Am ddim, unrhyw bryd, beth bynnag rydych chi'n mynd drwyddo."],
  },
  {
    id: "shout",
    contact: { kind: "text", value: "85258", href: "sms:85258?body=SHOUT", keyword: "SHOUT" },
    en: ["Shout", "Text support, any time."],
    cy: ["Shout", "Cymorth drwy neges destun, unrhyw bryd."],
  },
];

const TEXT = {
  en: {
    limited: "Please wait a moment",
    busy: "The print tools are busy",
    limitedBody:
      "A lot of pages have been asked for from your connection in a short time, so we have paused for a moment. Please wait a minute, then try again.",
    busyBody:
      "Many packs and posters are being made right now. Please wait a few seconds, then try again.",
  },
  cy: {
    limited: "Arhoswch am funud",
    busy: "Mae'r offer argraffu'n brysur",
    limitedBody:
      "Mae llawer o dudalennau wedi cael eu gofyn amdanynt o'ch cysylltiad mewn amser byr, felly rydym wedi oedi am funud. Arhoswch funud, yna rhowch gynnig arall arni.",
    busyBody:
      "Mae llawer o becynnau a phosteri'n cael eu gwneud ar hyn o bryd. Arhoswch ychydig eiliadau, yna rhowch gynnig arall arni.",
  },
} as const;

/** Why the page was refused: the client's own limit, or every render slot taken. */
export type BusyReason = "limited" | "busy";

/** The built-in crisis routes, for pages that show them without asking the database. */
export function builtInCrisis(lang: Lang): CrisisRoute[] {
  return ROUTES.map((r) => ({
    id: r.id,
    name: r[lang][0],
    description: r[lang][1],
    countries: UK,
    contacts: [{ ...r.contact, label: null, hours: null, needsVerification: false }],
    hours: "",
  }));
}

export function BusyPage(props: { lang: Lang; reason: BusyReason }) {
  const t = TEXT[props.lang];
  const crisis = builtInCrisis(props.lang);
  const title = props.reason === "busy" ? t.busy : t.limited;
  return (
    <Layout lang={props.lang} title={title} styles={["page.css"]}>
      <main id="main" class="page">
        <h1>{title}</h1>
        <p>{props.reason === "busy" ? t.busyBody : t.limitedBody}</p>
        <CrisisPanel routes={crisis} lang={props.lang} />
      </main>
    </Layout>
  );
}
