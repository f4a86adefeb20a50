import type { Lang } from "../../schema/taxonomy.js";
import { printStrings } from "../print/strings.js";
import { builtInCrisis } from "./busy-page.js";
import { Layout } from "./layout.js";
import { CrisisPanel } from "./service-page.js";

/** Titles by status, and what the person can do next, in English and Welsh. */
const TEXT: Record<Lang, { titles: Record<number, string>; fallback: string; back: string }> = {
  en: {
    titles: {
      400: "Something in that request was not right",
      404: "We could not find that page",
      413: "That was too large to send",
      415: "That could not be read",
      429: "Too many requests",
      503: "The directory is briefly unavailable",
    },
    fallback: "Something went wrong on our side",
    back: "Go back and try again, or find support near you.",
  },
  cy: {
    titles: {
      400: "Roedd rhywbeth o’i le yn y cais hwnnw",
      404: "Doedden ni ddim yn gallu dod o hyd i’r dudalen honno",
      413: "Roedd hynny’n rhy fawr i’w anfon",
      415: "Doedd dim modd darllen hynny",
      429: "Gormod o geisiadau",
      503: "Nid yw’r cyfeiriadur ar gael am ychydig",
    },
    fallback: "Aeth rhywbeth o’i le ar ein hochr ni",
    back: "Ewch yn ôl a rhowch gynnig arall arni, neu dewch o hyd i gymorth yn agos atoch chi.",
  },
};

/**
 * The page a person sees when a public page, link or plain form post fails: the status in
 * words, the error's own message (written for people, never echoing input), a way on, and the
 * built-in crisis routes (it reads nothing from the database, which may be what failed).
 */
export function PublicErrorPage(props: {
  lang: Lang;
  status: number;
  message: string;
  requestId: string;
}) {
  const t = TEXT[props.lang];
  const title = t.titles[props.status] ?? t.fallback;
  const strings = printStrings(props.lang);
  return (
    <Layout lang={props.lang} title={`${title} | ${strings.brand}`} styles={["page.css"]}>
      <main id="main" class="page">
        <h1>{title}</h1>
        <p>{props.message}</p>
        <p>{t.back}</p>
        <p>
          <a class="button" href={`/embed?lang=${props.lang}`}>
            {strings.page.findSupport}
          </a>
        </p>
        <CrisisPanel routes={builtInCrisis(props.lang)} lang={props.lang} />
        <p class="hint">Ref: {props.requestId}</p>
      </main>
    </Layout>
  );
}
