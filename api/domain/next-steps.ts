/**
 * What a mother can do now, for her nation, whatever is listed near her. The routes are the
 * area-wide NHS ones seeded in data/seed/routes.json (facts and their status in
 * ../shared/data/nhs-and-charity-routes.md); each step names its listing. Links here are only
 * ones marked `verified` there: a step never leads to an address we have not seen checked.
 * Pure: the widget (through the search answer), the printed packs and the pages share it.
 */
import type { NextStep } from "../../schema/contract.js";
import type { Country, Label, Lang } from "../../schema/taxonomy.js";

interface StepSource {
  id: string;
  country: Country;
  action: NextStep["action"];
  title: Label;
  text: Label;
  link: { label: Label; href: string } | null;
  serviceId: string | null;
}

const ASK_PROFESSIONAL = {
  en: "Ask your midwife, health visitor or GP about the perinatal mental health team",
  cy: "Gofynnwch i'ch bydwraig, eich ymwelydd iechyd neu'ch meddyg teulu am y tîm iechyd meddwl amenedigol",
} as const satisfies Label;

const STEPS: readonly StepSource[] = [
  {
    id: "england-talking-therapies",
    country: "England",
    action: "refer-yourself",
    title: {
      en: "Refer yourself to NHS Talking Therapies",
      cy: "Cyfeirio eich hun at NHS Talking Therapies",
    },
    text: {
      en: "Free NHS talking therapy for anxiety and depression. You do not need to see your GP first, and many services give priority to pregnant women and new parents.",
      cy: "Therapi siarad am ddim gan y GIG ar gyfer gorbryder ac iselder. Does dim rhaid i chi weld eich meddyg teulu yn gyntaf, ac mae llawer o wasanaethau'n rhoi blaenoriaeth i fenywod beichiog a rhieni newydd.",
    },
    link: {
      label: { en: "How to refer yourself (nhs.uk)", cy: "Sut i gyfeirio eich hun (nhs.uk)" },
      href: "https://www.nhs.uk/mental-health/social-care-and-your-rights/how-to-access-mental-health-services/",
    },
    serviceId: "nhs-talking-therapies",
  },
  {
    id: "england-perinatal-team",
    country: "England",
    action: "ask",
    title: ASK_PROFESSIONAL,
    text: {
      en: "Every area of England has a specialist NHS team for mental health in pregnancy and the year after birth. Your midwife, health visitor or GP can refer you. You do not have to be in crisis to ask.",
      cy: "Mae gan bob ardal yn Lloegr dîm arbenigol y GIG ar gyfer iechyd meddwl yn ystod beichiogrwydd a'r flwyddyn ar ôl geni. Gall eich bydwraig, eich ymwelydd iechyd neu'ch meddyg teulu eich cyfeirio. Does dim rhaid i chi fod mewn argyfwng i ofyn.",
    },
    link: null,
    serviceId: "england-perinatal-mental-health-team",
  },
  {
    id: "wales-online-cbt",
    country: "Wales",
    action: "refer-yourself",
    title: {
      en: "Sign up yourself to NHS Wales Online CBT",
      cy: "Cofrestru eich hun ar gyfer CBT Ar-lein GIG Cymru",
    },
    text: {
      en: "Free online cognitive behavioural therapy for anyone in Wales over 16, without seeing a GP.",
      cy: "Therapi ymddygiad gwybyddol ar-lein am ddim i unrhyw un yng Nghymru dros 16 oed, heb weld meddyg teulu.",
    },
    link: {
      label: { en: "Sign up (NHS Wales)", cy: "Cofrestru (GIG Cymru)" },
      href: "https://nhswales.silvercloudhealth.com/signup/nhswales/start/88",
    },
    serviceId: "nhs-wales-online-cbt",
  },
  {
    id: "wales-perinatal-service",
    country: "Wales",
    action: "ask",
    title: ASK_PROFESSIONAL,
    text: {
      en: "Health boards in Wales have perinatal mental health services for pregnancy and the year after birth. Your midwife, health visitor or GP can refer you.",
      cy: "Mae gan fyrddau iechyd yng Nghymru wasanaethau iechyd meddwl amenedigol ar gyfer beichiogrwydd a'r flwyddyn ar ôl geni. Gall eich bydwraig, eich ymwelydd iechyd neu'ch meddyg teulu eich cyfeirio.",
    },
    link: null,
    serviceId: "wales-perinatal-mental-health-services",
  },
  {
    id: "scotland-perinatal",
    country: "Scotland",
    action: "ask",
    title: ASK_PROFESSIONAL,
    text: {
      en: "They can refer you to your health board's specialist perinatal mental health care, for pregnancy and the year after birth.",
      cy: "Gallant eich cyfeirio at ofal iechyd meddwl amenedigol arbenigol eich bwrdd iechyd, ar gyfer beichiogrwydd a'r flwyddyn ar ôl geni.",
    },
    link: {
      label: {
        en: "Mental health in pregnancy and after birth (NHS Scotland)",
        cy: "Iechyd meddwl yn ystod beichiogrwydd ac ar ôl geni (GIG yr Alban)",
      },
      href: "https://rightdecisions.scot.nhs.uk/mental-health-in-pregnancy-and-after-birth-sign/",
    },
    serviceId: "scotland-perinatal-route",
  },
  {
    id: "northern-ireland-perinatal",
    country: "Northern Ireland",
    action: "ask",
    title: ASK_PROFESSIONAL,
    text: {
      en: "All five health and social care trusts have a community perinatal mental health team, from 12 weeks of pregnancy until your baby is one. You cannot refer yourself, but they can refer you.",
      cy: "Mae gan bob un o'r pum ymddiriedolaeth iechyd a gofal cymdeithasol dîm iechyd meddwl amenedigol cymunedol, o 12 wythnos o feichiogrwydd nes bod eich babi'n flwydd oed. Allwch chi ddim cyfeirio eich hun, ond gallant hwy eich cyfeirio.",
    },
    link: null,
    serviceId: "ni-community-perinatal-teams",
  },
  {
    id: "northern-ireland-minding-your-head",
    country: "Northern Ireland",
    action: "information",
    title: {
      en: "Look after your mental health with Minding Your Head",
      cy: "Gofalu am eich iechyd meddwl gyda Minding Your Head",
    },
    text: {
      en: "The Public Health Agency's site on mental health and wellbeing in Northern Ireland.",
      cy: "Gwefan yr Asiantaeth Iechyd Cyhoeddus am iechyd meddwl a lles yng Ngogledd Iwerddon.",
    },
    link: {
      label: { en: "Minding Your Head", cy: "Minding Your Head" },
      href: "https://www.mindingyourhead.info/",
    },
    serviceId: "minding-your-head",
  },
];

/** The listings the steps name, for checks that the seed still holds each of them. */
export const NEXT_STEP_SERVICE_IDS: readonly string[] = STEPS.flatMap((s) =>
  s.serviceId ? [s.serviceId] : [],
);

/**
 * The steps for a place, in the order of its countries (primary first), then as listed:
 * what she can do herself before what goes through a professional. A step whose listing is not
 * published (when `published` is given) keeps its advice and link but loses the listing.
 */
export function nextSteps(
  countries: readonly Country[],
  lang: Lang,
  published?: ReadonlySet<string>,
): NextStep[] {
  return countries.flatMap((country) =>
    STEPS.filter((s) => s.country === country).map((s) => ({
      id: s.id,
      country: s.country,
      action: s.action,
      title: s.title[lang],
      text: s.text[lang],
      link: s.link ? { label: s.link.label[lang], href: s.link.href } : null,
      serviceId: s.serviceId && (!published || published.has(s.serviceId)) ? s.serviceId : null,
    })),
  );
}
