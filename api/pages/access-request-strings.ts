/** The words of "Is this your service? Ask to update it", in English and Welsh. */
import type { Lang } from "../../schema/taxonomy.js";

const en = {
  /** The link on the service page. */
  link: "Is this your service? Ask to update it",
  title: "Ask to update this listing",
  intro: (service: string, org: string) =>
    `If you work for ${org}, you can ask for an editor account to keep “${service}” and the organisation’s other listings up to date. An admin checks every request, and we will email you first to confirm your address.`,
  youLegend: "About you",
  youHint:
    "We keep these only until an admin has handled your request, and show them to nobody else.",
  name: "Your name",
  email: "Your email",
  emailHint: "Your work address, if you have one: it helps us see that you work there.",
  role: "Your role at the organisation",
  roleHint: "For example: group coordinator, or service manager.",
  trap: "Leave this empty",
  send: "Send request",
  back: "Back to the listing",
  errorTitle: "There is a problem",
  required: (label: string) => `Enter ${label.toLowerCase()}.`,
  tooLong: (label: string, n: number) => `${label}: use at most ${n} characters.`,
  badEmail: "Enter an email address like name@example.org.",
  tooFast: "Please check the form and send it again.",
  expired: "This form has expired. Please check it and send it again.",
  limited: "You have sent several forms. Please wait a few minutes and try again.",
  checkTitle: "Check your email",
  check: (email: string) =>
    `We sent a link to ${email}. Open it within 7 days to confirm your address; then an admin looks at your request.`,
  confirmTitle: "Confirm your email address",
  confirmIntro: (org: string) =>
    `Confirm your address to send your request to update the listings of ${org} to our admins.`,
  confirm: "Confirm my address",
  confirmedTitle: "Thank you",
  confirmed:
    "Your address is confirmed and your request is with our admins. We will email you when they have looked at it.",
  linkBadTitle: "This link does not work",
  linkBad:
    "This link has been used, has expired, or is not complete. You can ask again from the listing’s page.",
};

export type AccessRequestStrings = typeof en;

const cy: AccessRequestStrings = {
  link: "Ai eich gwasanaeth chi yw hwn? Gofynnwch am gael ei ddiweddaru",
  title: "Gofyn am gael diweddaru’r rhestriad hwn",
  intro: (service: string, org: string) =>
    `Os ydych yn gweithio i ${org}, gallwch ofyn am gyfrif golygydd i gadw “${service}” a rhestriadau eraill y sefydliad yn gyfredol. Mae gweinyddwr yn gwirio pob cais, a byddwn yn anfon e-bost atoch yn gyntaf i gadarnhau eich cyfeiriad.`,
  youLegend: "Amdanoch chi",
  youHint:
    "Rydym yn cadw’r rhain dim ond nes bod gweinyddwr wedi delio â’ch cais, ac nid ydym yn eu dangos i neb arall.",
  name: "Eich enw",
  email: "Eich e-bost",
  emailHint:
    "Eich cyfeiriad gwaith, os oes gennych un: mae’n ein helpu i weld eich bod yn gweithio yno.",
  role: "Eich rôl yn y sefydliad",
  roleHint: "Er enghraifft: cydlynydd y grŵp, neu reolwr y gwasanaeth.",
  trap: "Gadewch hwn yn wag",
  send: "Anfon y cais",
  back: "Yn ôl i’r rhestriad",
  errorTitle: "Mae problem",
  required: (label: string) => `Rhowch: ${label}.`,
  tooLong: (label: string, n: number) => `${label}: defnyddiwch ${n} nod ar y mwyaf.`,
  badEmail: "Rhowch gyfeiriad e-bost fel enw@example.org.",
  tooFast: "Gwiriwch y ffurflen a’i hanfon eto.",
  expired: "Mae’r ffurflen hon wedi dod i ben. Gwiriwch hi a’i hanfon eto.",
  limited: "Rydych wedi anfon sawl ffurflen. Arhoswch ychydig funudau a rhowch gynnig arall arni.",
  checkTitle: "Edrychwch ar eich e-bost",
  check: (email: string) =>
    `Rydym wedi anfon dolen at ${email}. Agorwch hi o fewn 7 diwrnod i gadarnhau eich cyfeiriad; yna bydd gweinyddwr yn edrych ar eich cais.`,
  confirmTitle: "Cadarnhewch eich cyfeiriad e-bost",
  confirmIntro: (org: string) =>
    `Cadarnhewch eich cyfeiriad i anfon eich cais i ddiweddaru rhestriadau ${org} at ein gweinyddwyr.`,
  confirm: "Cadarnhau fy nghyfeiriad",
  confirmedTitle: "Diolch",
  confirmed:
    "Mae eich cyfeiriad wedi’i gadarnhau ac mae eich cais gyda’n gweinyddwyr. Byddwn yn anfon e-bost atoch pan fyddant wedi edrych arno.",
  linkBadTitle: "Nid yw’r ddolen hon yn gweithio",
  linkBad:
    "Mae’r ddolen hon wedi’i defnyddio, wedi dod i ben, neu nid yw’n gyflawn. Gallwch ofyn eto o dudalen y rhestriad.",
};

export const accessRequestStrings = (lang: Lang): AccessRequestStrings => (lang === "cy" ? cy : en);
