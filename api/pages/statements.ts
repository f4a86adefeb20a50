import type { Lang } from "../../schema/taxonomy.js";

/**
 * The accessibility statement (in the shape UK public-sector sites use) and the privacy notice,
 * in English and Welsh, as headed sections of paragraphs and lists. Keep them true: the
 * retention period is REPORT_RETENTION_DAYS' default, the cookies those of api/admin/http.tsx.
 */
export interface Statement {
  title: string;
  sections: { heading: string; paragraphs?: string[]; list?: string[] }[];
}

const accessibility: Record<Lang, Statement> = {
  en: {
    title: "Accessibility statement for Perinatal Signpost",
    sections: [
      {
        heading: "How accessible this service is",
        paragraphs: [
          "This statement covers the directory’s own pages (this home page, listing pages, the search page, the print pack and poster pages) and the search widget that GP surgeries and charities put on their sites. We want as many people as possible to be able to use it. You should be able to:",
        ],
        list: [
          "use it on a phone from 320 pixels wide, and zoom to 400% without losing content",
          "use it with a keyboard alone, with a visible focus",
          "use it with a screen reader (tested with the structure, names and live messages the search announces)",
          "use it in English or Welsh, and in Windows high contrast mode",
          "see the crisis numbers at all times, even when the directory cannot be reached",
        ],
      },
      {
        heading: "Known limits",
        list: [
          "The PDF packs and posters are not tagged PDFs: a screen reader reads their text, but not their headings and reading order. The same pack is an accessible web page at /print.",
          "Printed QR codes need a phone camera; each pack and poster also prints a short web address to type.",
          "Map and directions links open other sites, whose accessibility we do not control.",
          "Listing text is written by the organisations that run the services; some of it may be hard to read.",
        ],
      },
      {
        heading: "Reporting accessibility problems",
        paragraphs: [
          "If you find a problem, or need information in another format, open any listing, choose “Report a problem with this listing”, pick “Something else” and tell us what happened and on which page. Please do not include personal details. Someone checks every report.",
        ],
      },
      {
        heading: "Enforcement procedure",
        paragraphs: [
          "The Equality and Human Rights Commission (EHRC) enforces the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 in Great Britain, and the Equality Commission for Northern Ireland (ECNI) in Northern Ireland. If you are not happy with how we respond to your complaint, contact the Equality Advisory and Support Service (EASS), or in Northern Ireland the ECNI.",
        ],
      },
      {
        heading: "Technical information and compliance status",
        paragraphs: [
          "This service aims to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. It is partially compliant, because of the limits listed above. Every page and the widget are checked automatically with axe in Chromium at 320, 375 and 1280 pixels wide, in English and Welsh, on every change; keyboard use, focus order and tap targets of at least 24 by 24 pixels are tested too.",
        ],
      },
      {
        heading: "Preparation of this statement",
        paragraphs: [
          "This statement was prepared on 1 December 2026, from the project’s automated checks and a review of each page. It is reviewed when the pages change.",
        ],
      },
    ],
  },
  cy: {
    title: "Datganiad hygyrchedd ar gyfer Perinatal Signpost",
    sections: [
      {
        heading: "Pa mor hygyrch yw’r gwasanaeth hwn",
        paragraphs: [
          "Mae’r datganiad hwn yn cwmpasu tudalennau’r cyfeiriadur ei hun (yr hafan hon, tudalennau rhestriadau, y dudalen chwilio, y tudalennau pecynnau a phosteri) a’r teclyn chwilio y mae meddygfeydd ac elusennau’n ei roi ar eu gwefannau. Rydyn ni eisiau i gymaint o bobl â phosibl allu ei ddefnyddio. Dylech chi allu:",
        ],
        list: [
          "ei ddefnyddio ar ffôn o 320 picsel o led, a chwyddo i 400% heb golli cynnwys",
          "ei ddefnyddio gyda bysellfwrdd yn unig, gyda ffocws gweladwy",
          "ei ddefnyddio gyda darllenydd sgrin",
          "ei ddefnyddio yn Gymraeg neu yn Saesneg, ac yn y modd cyferbyniad uchel",
          "gweld y rhifau argyfwng bob amser, hyd yn oed pan na ellir cyrraedd y cyfeiriadur",
        ],
      },
      {
        heading: "Cyfyngiadau hysbys",
        list: [
          "Dydy’r pecynnau a’r posteri PDF ddim yn PDFs wedi’u tagio: mae darllenydd sgrin yn darllen eu testun, ond nid eu penawdau na’u trefn ddarllen. Mae’r un pecyn yn dudalen we hygyrch yn /print.",
          "Mae angen camera ffôn ar godau QR printiedig; mae pob pecyn a phoster hefyd yn argraffu cyfeiriad gwe byr i’w deipio.",
          "Mae dolenni mapiau a chyfarwyddiadau yn agor gwefannau eraill, nad ydyn ni’n rheoli eu hygyrchedd.",
          "Mae testun y rhestriadau wedi’i ysgrifennu gan y sefydliadau sy’n rhedeg y gwasanaethau; gall rhywfaint ohono fod yn anodd ei ddarllen.",
        ],
      },
      {
        heading: "Rhoi gwybod am broblemau hygyrchedd",
        paragraphs: [
          "Os ydych chi’n dod o hyd i broblem, neu angen gwybodaeth mewn fformat arall, agorwch unrhyw restriad, dewiswch “Rhoi gwybod am broblem gyda’r rhestriad hwn”, dewiswch “Rhywbeth arall” a dywedwch wrthon ni beth ddigwyddodd ac ar ba dudalen. Peidiwch â chynnwys manylion personol. Mae rhywun yn gwirio pob adroddiad.",
        ],
      },
      {
        heading: "Gweithdrefn orfodi",
        paragraphs: [
          "Y Comisiwn Cydraddoldeb a Hawliau Dynol (EHRC) sy’n gorfodi Rheoliadau Hygyrchedd Cyrff y Sector Cyhoeddus (Gwefannau a Rhaglenni Symudol) (Rhif 2) 2018 ym Mhrydain Fawr, a Chomisiwn Cydraddoldeb Gogledd Iwerddon (ECNI) yng Ngogledd Iwerddon. Os nad ydych chi’n hapus â’r ffordd rydyn ni’n ymateb i’ch cwyn, cysylltwch â’r Gwasanaeth Cynghori a Chymorth Cydraddoldeb (EASS), neu’r ECNI yng Ngogledd Iwerddon.",
        ],
      },
      {
        heading: "Gwybodaeth dechnegol a statws cydymffurfio",
        paragraphs: [
          "Nod y gwasanaeth hwn yw bodloni Canllawiau Hygyrchedd Cynnwys y We (WCAG) fersiwn 2.2 ar lefel AA. Mae’n cydymffurfio’n rhannol, oherwydd y cyfyngiadau uchod. Mae pob tudalen a’r teclyn yn cael eu gwirio’n awtomatig gydag axe yn Chromium ar 320, 375 a 1280 picsel o led, yn Gymraeg ac yn Saesneg, ar bob newid.",
        ],
      },
      {
        heading: "Paratoi’r datganiad hwn",
        paragraphs: [
          "Paratowyd y datganiad hwn ar 1 Rhagfyr 2026, o wiriadau awtomatig y prosiect ac adolygiad o bob tudalen. Caiff ei adolygu pan fydd y tudalennau’n newid.",
        ],
      },
    ],
  },
};

const privacy: Record<Lang, Statement> = {
  en: {
    title: "Privacy notice",
    sections: [
      {
        heading: "What the search sends",
        paragraphs: [
          "Only the postcode sector: the first part of your postcode and one more character (EX4 4, not EX4 4PQ). The widget cuts a full postcode down in your browser before anything is sent. The directory never stores or logs a full postcode.",
        ],
      },
      {
        heading: "Cookies and storage",
        list: [
          "The search widget, on this site or any other, sets no cookies and uses no local storage, and makes no request to anyone but this directory.",
          "Only the sign-in pages for staff and partner organisations set cookies: signpost_login (for the sign-in form’s security check, while you sign in) and signpost_session (keeps you signed in; it ends when you sign out or after a set time). Both are strictly necessary, so we do not ask for consent.",
        ],
      },
      {
        heading: "Reports about a listing",
        paragraphs: [
          "When you report a problem with a listing, we keep what you wrote so that someone can check the listing. Any full postcode in it is cut to its sector before it is stored. The text is kept for 90 days after the report has been dealt with, then deleted; the record that a report was made stays, without its text. Please do not include personal details.",
        ],
      },
      {
        heading: "Sites that show the search",
        paragraphs: [
          "For a GP surgery or charity that has registered its site, we count searches made from that site: one number per site per day, and for those searches one number per postcode district (such as EX4) per month, with how many found nothing local. Nothing else is kept: no address, full postcode, time of day or anything about you.",
        ],
      },
      {
        heading: "Printed packs",
        paragraphs: [
          "A pack uses the postcode sector only. A note a health visitor or midwife adds is printed on the pack and is not stored or logged.",
        ],
      },
      {
        heading: "Server logs",
        paragraphs: [
          "Our logs record which kind of page was asked for (for example “search”), the answer’s status and how long it took. They do not record the address you asked for, your postcode or what you typed.",
        ],
      },
    ],
  },
  cy: {
    title: "Hysbysiad preifatrwydd",
    sections: [
      {
        heading: "Beth mae’r chwiliad yn ei anfon",
        paragraphs: [
          "Dim ond sector y cod post: rhan gyntaf eich cod post ac un nod arall (CF10 1, nid CF10 1AA). Mae’r teclyn yn torri cod post llawn i lawr yn eich porwr cyn anfon dim. Dydy’r cyfeiriadur byth yn cadw nac yn cofnodi cod post llawn.",
        ],
      },
      {
        heading: "Cwcis a storio",
        list: [
          "Dydy’r teclyn chwilio, ar y wefan hon nac ar unrhyw wefan arall, ddim yn gosod cwcis nac yn defnyddio storfa leol, a dydy e ddim yn gwneud cais i neb heblaw’r cyfeiriadur hwn.",
          "Dim ond y tudalennau mewngofnodi ar gyfer staff a sefydliadau partner sy’n gosod cwcis: signpost_login (ar gyfer gwiriad diogelwch y ffurflen fewngofnodi, tra byddwch chi’n mewngofnodi) a signpost_session (yn eich cadw wedi mewngofnodi; mae’n dod i ben pan fyddwch chi’n allgofnodi neu ar ôl amser penodol). Mae’r ddau yn gwbl angenrheidiol, felly dydyn ni ddim yn gofyn am ganiatâd.",
        ],
      },
      {
        heading: "Adroddiadau am restriad",
        paragraphs: [
          "Pan fyddwch chi’n rhoi gwybod am broblem gyda rhestriad, rydyn ni’n cadw’r hyn a ysgrifennoch chi er mwyn i rywun allu gwirio’r rhestriad. Caiff unrhyw god post llawn ynddo ei dorri i’w sector cyn ei gadw. Caiff y testun ei gadw am 90 diwrnod ar ôl delio â’r adroddiad, ac yna ei ddileu; mae’r cofnod bod adroddiad wedi’i wneud yn aros, heb ei destun. Peidiwch â chynnwys manylion personol.",
        ],
      },
      {
        heading: "Gwefannau sy’n dangos y chwiliad",
        paragraphs: [
          "Ar gyfer meddygfa neu elusen sydd wedi cofrestru ei gwefan, rydyn ni’n cyfrif y chwiliadau o’r wefan honno: un rhif i bob gwefan bob dydd, ac ar gyfer y chwiliadau hynny un rhif i bob dosbarth cod post (fel CF10) bob mis, gyda faint na chafodd ddim byd lleol. Does dim byd arall yn cael ei gadw: dim cyfeiriad, cod post llawn, amser o’r dydd na dim amdanoch chi.",
        ],
      },
      {
        heading: "Pecynnau printiedig",
        paragraphs: [
          "Dim ond sector y cod post mae pecyn yn ei ddefnyddio. Mae nodyn y mae ymwelydd iechyd neu fydwraig yn ei ychwanegu yn cael ei argraffu ar y pecyn, a dydy e ddim yn cael ei gadw na’i gofnodi.",
        ],
      },
      {
        heading: "Cofnodion y gweinydd",
        paragraphs: [
          "Mae ein cofnodion yn nodi pa fath o dudalen y gofynnwyd amdani (er enghraifft “chwilio”), statws yr ateb a pha mor hir gymerodd. Dydyn nhw ddim yn cofnodi’r cyfeiriad y gofynnoch chi amdano, eich cod post na’r hyn a deipioch chi.",
        ],
      },
    ],
  },
};

export const accessibilityStatement = (lang: Lang) => accessibility[lang];
export const privacyNotice = (lang: Lang) => privacy[lang];
