/** The words of the "still correct" and "something has changed" pages, in English and Welsh. */
import type { Lang } from "../../schema/taxonomy.js";

export interface CheckStrings {
  title: string;
  intro: (organisation: string) => string;
  confirm: string;
  changed: string;
  preview: string;
  usedTitle: string;
  used: (date: string) => string;
  confirmedTitle: string;
  confirmed: (date: string) => string;
  expiredTitle: string;
  expired: string;
  unknownTitle: string;
  unknown: string;
  goneTitle: string;
  gone: string;
  changeTitle: string;
  changeIntro: string;
  changeLabel: string;
  changeHint: (max: number) => string;
  send: string;
  changeSentTitle: string;
  changeSent: string;
  required: string;
  tooLong: (max: number) => string;
  errorTitle: string;
  back: string;
  expiredForm: string;
}

const en: CheckStrings = {
  title: "Is this listing still correct?",
  intro: (org) =>
    `This is how parents see a listing of ${org}. If every detail is still right, confirm it, and the listing will show today's date as the day it was last checked.`,
  confirm: "Yes, it is still correct",
  changed: "Something has changed",
  preview: "How parents see it",
  usedTitle: "This link has been used",
  used: (date) =>
    `The link in your reminder was used on ${date}, and works only once. If something has changed since, report it from the listing's page.`,
  confirmedTitle: "Thank you",
  confirmed: (date) => `The listing is marked as checked on ${date}.`,
  expiredTitle: "This link has expired",
  expired:
    "Links in review reminders work for 30 days. The next reminder brings a new one; an editor can also sign in and choose “Mark as checked”.",
  unknownTitle: "This link does not work",
  unknown:
    "Check that the whole link was copied from the email. Links in review reminders work once each.",
  goneTitle: "This listing is not published",
  gone: "There is nothing to confirm: the listing is no longer shown to parents.",
  changeTitle: "What has changed?",
  changeIntro:
    "Tell us what is different: numbers, times, venues, or that the service has stopped. A reviewer will update the listing. Please do not include anyone's personal details.",
  changeLabel: "What has changed",
  changeHint: (max) => `At most ${max} characters.`,
  send: "Send to the reviewers",
  changeSentTitle: "Thank you",
  changeSent: "A reviewer will update the listing.",
  required: "Tell us what has changed.",
  tooLong: (max) => `Use ${max} characters or fewer.`,
  errorTitle: "There is a problem",
  back: "The listing's page",
  expiredForm: "This form has expired. Please send it again.",
};

const cy: CheckStrings = {
  title: "Ydy’r rhestriad hwn yn dal yn gywir?",
  intro: (org) =>
    `Dyma sut mae rhieni’n gweld un o restriadau ${org}. Os yw pob manylyn yn dal yn gywir, cadarnhewch hynny, a bydd y rhestriad yn dangos dyddiad heddiw fel y dyddiad y cafodd ei wirio ddiwethaf.`,
  confirm: "Ydy, mae’n dal yn gywir",
  changed: "Rhywbeth wedi newid",
  preview: "Sut mae rhieni’n ei weld",
  usedTitle: "Mae’r ddolen hon wedi’i defnyddio",
  used: (date) =>
    `Defnyddiwyd y ddolen yn eich nodyn atgoffa ar ${date}, a dim ond unwaith y mae’n gweithio. Os oes rhywbeth wedi newid ers hynny, rhowch wybod o dudalen y rhestriad.`,
  confirmedTitle: "Diolch",
  confirmed: (date) => `Mae’r rhestriad wedi’i nodi fel un a wiriwyd ar ${date}.`,
  expiredTitle: "Mae’r ddolen hon wedi dod i ben",
  expired:
    "Mae dolenni mewn nodiadau atgoffa yn gweithio am 30 diwrnod. Bydd y nodyn atgoffa nesaf yn dod ag un newydd; gall golygydd hefyd fewngofnodi a dewis “Mark as checked”.",
  unknownTitle: "Nid yw’r ddolen hon yn gweithio",
  unknown:
    "Gwiriwch fod y ddolen gyfan wedi’i chopïo o’r e-bost. Mae pob dolen mewn nodyn atgoffa yn gweithio unwaith.",
  goneTitle: "Nid yw’r rhestriad hwn wedi’i gyhoeddi",
  gone: "Does dim i’w gadarnhau: nid yw’r rhestriad yn cael ei ddangos i rieni mwyach.",
  changeTitle: "Beth sydd wedi newid?",
  changeIntro:
    "Dywedwch wrthym beth sy’n wahanol: rhifau, amseroedd, lleoliadau, neu fod y gwasanaeth wedi dod i ben. Bydd adolygydd yn diweddaru’r rhestriad. Peidiwch â chynnwys manylion personol neb.",
  changeLabel: "Beth sydd wedi newid",
  changeHint: (max) => `Dim mwy na ${max} nod.`,
  send: "Anfon at yr adolygwyr",
  changeSentTitle: "Diolch",
  changeSent: "Bydd adolygydd yn diweddaru’r rhestriad.",
  required: "Dywedwch wrthym beth sydd wedi newid.",
  tooLong: (max) => `Defnyddiwch ${max} nod neu lai.`,
  errorTitle: "Mae problem",
  back: "Tudalen y rhestriad",
  expiredForm: "Mae’r ffurflen hon wedi dod i ben. Anfonwch hi eto.",
};

export const checkStrings = (lang: Lang): CheckStrings => (lang === "cy" ? cy : en);
