import type { Lang } from "../../schema/taxonomy.js";

/**
 * The words of the public home page (`/`), its accessibility statement and privacy notice,
 * in English and Welsh. Figures here (90 days, the cookie names) are the code's own: keep them
 * true when it changes (api/admin/http.tsx, REPORT_RETENTION_DAYS in api/config.ts).
 */
const en = {
  title: "Perinatal Signpost: mental health support in pregnancy and after birth",
  h1: "Find mental health support in pregnancy and after birth",
  intro:
    "Perinatal Signpost lists the support open to you where you live: peer groups near you with their next session, NHS and local services that cover your area, and helplines and online support you can use from anywhere. Many you can contact yourself, without a referral.",
  searchHeading: "Search near you",
  searchHint:
    "Only the first part of your postcode and one more character (for example EX4 4) is sent.",
  fallback:
    "Need help now? If you or your baby are in danger, call 999 or go to A&E. Samaritans: call 116 123, free, any time. Shout: text SHOUT to 85258.",
  waysHeading: "Ways in",
  ways: [
    {
      heading: "Mothers, fathers and partners",
      text: "Type your postcode in the search above. You will see what you can do now, and the numbers to call in a crisis.",
      links: [{ href: "#search", label: "Search for support" }],
    },
    {
      heading: "Health visitors and midwives",
      text: "Print an A4 pack for a parent’s postcode at booking or after the birth, in English, Welsh or both, with your own note. Make a poster for your noticeboard.",
      links: [
        { href: "/print", label: "Print a resource pack" },
        { href: "/print/poster", label: "Make a poster" },
      ],
    },
    {
      heading: "GP practice and charity web managers",
      text: "Put the search on your own site with one snippet, themed to your colours. The configurator writes the code; the example pages show it on a GP surgery, a charity and a strict security policy.",
      links: [
        { href: "/demo/configurator.html", label: "Open the configurator" },
        { href: "/demo/", label: "See the example pages" },
      ],
    },
    {
      // A link target for partner organisations: /#partners.
      id: "partners",
      heading: "Partner organisations",
      text: "Not listed yet? Add your service: a reviewer checks it before parents see it. Already a partner? Sign in to keep your listings up to date.",
      links: [
        { href: "/add-your-service", label: "Add your service" },
        { href: "/admin/login", label: "Sign in" },
      ],
    },
    {
      heading: "Commissioners",
      text: "See where support is missing: for every area, the share of postcodes with no peer group within reach, no self-referral route, no group in the school holidays, and more, week by week, with downloads.",
      links: [{ href: "/coverage", label: "Coverage by area" }],
    },
  ],
  footerLinks: { accessibility: "Accessibility statement", privacy: "Privacy notice" },
  otherLanguage: "Cymraeg",
};

const cy: typeof en = {
  title: "Perinatal Signpost: cymorth iechyd meddwl yn ystod beichiogrwydd ac ar ôl geni",
  h1: "Dod o hyd i gymorth iechyd meddwl yn ystod beichiogrwydd ac ar ôl geni",
  intro:
    "Mae Perinatal Signpost yn rhestru’r cymorth sydd ar gael i chi lle rydych chi’n byw: grwpiau cymheiriaid yn agos atoch chi gyda’u sesiwn nesaf, gwasanaethau’r GIG a gwasanaethau lleol sy’n cwmpasu eich ardal, a llinellau cymorth a chymorth ar-lein y gallwch eu defnyddio o unrhyw le. Gallwch gysylltu â llawer ohonyn nhw eich hun, heb atgyfeiriad.",
  searchHeading: "Chwilio yn agos atoch chi",
  searchHint:
    "Dim ond rhan gyntaf eich cod post ac un nod arall (er enghraifft CF10 1) sy’n cael eu hanfon.",
  fallback:
    "Angen help nawr? Os ydych chi neu eich babi mewn perygl, ffoniwch 999 neu ewch i’r adran achosion brys. Samariaid: ffoniwch 116 123, am ddim, unrhyw bryd. Shout: tecstiwch SHOUT i 85258.",
  waysHeading: "Ffyrdd i mewn",
  ways: [
    {
      heading: "Mamau, tadau a phartneriaid",
      text: "Teipiwch eich cod post yn y chwiliad uchod. Byddwch chi’n gweld beth gallwch chi ei wneud nawr, a’r rhifau i’w ffonio mewn argyfwng.",
      links: [{ href: "#search", label: "Chwilio am gymorth" }],
    },
    {
      heading: "Ymwelwyr iechyd a bydwragedd",
      text: "Argraffwch becyn A4 ar gyfer cod post rhiant wrth drefnu gofal neu ar ôl geni, yn Saesneg, yn Gymraeg neu yn y ddwy iaith, gyda’ch nodyn eich hun. Gwnewch boster ar gyfer eich hysbysfwrdd.",
      links: [
        { href: "/print?lang=cy", label: "Argraffu pecyn adnoddau" },
        { href: "/print/poster?lang=cy", label: "Gwneud poster" },
      ],
    },
    {
      heading: "Rheolwyr gwefannau meddygfeydd ac elusennau",
      text: "Rhowch y chwiliad ar eich gwefan eich hun gydag un darn o god, yn eich lliwiau chi. Mae’r ffurfweddwr yn ysgrifennu’r cod; mae’r tudalennau enghreifftiol yn ei ddangos ar feddygfa, elusen a pholisi diogelwch caeth.",
      links: [
        { href: "/demo/configurator.html", label: "Agor y ffurfweddwr (Saesneg)" },
        { href: "/demo/", label: "Gweld y tudalennau enghreifftiol (Saesneg)" },
      ],
    },
    {
      id: "partners",
      heading: "Sefydliadau partner",
      text: "Heb eich rhestru eto? Ychwanegwch eich gwasanaeth: mae adolygydd yn ei wirio cyn i rieni ei weld. Eisoes yn bartner? Mewngofnodwch i gadw’ch rhestriadau’n gyfredol.",
      links: [
        { href: "/add-your-service?lang=cy", label: "Ychwanegu eich gwasanaeth" },
        { href: "/admin/login", label: "Mewngofnodi (Saesneg)" },
      ],
    },
    {
      heading: "Comisiynwyr",
      text: "Gweld lle mae cymorth ar goll: ar gyfer pob ardal, cyfran y codau post heb grŵp cymheiriaid o fewn cyrraedd, heb ffordd i gyfeirio eich hun, heb grŵp yng ngwyliau’r ysgol, a mwy, wythnos wrth wythnos, gyda lawrlwythiadau.",
      links: [{ href: "/coverage?lang=cy", label: "Darpariaeth fesul ardal" }],
    },
  ],
  footerLinks: { accessibility: "Datganiad hygyrchedd", privacy: "Hysbysiad preifatrwydd" },
  otherLanguage: "English",
};

export type HomeText = typeof en;
export const homeStrings = (lang: Lang): HomeText => (lang === "cy" ? cy : en);
