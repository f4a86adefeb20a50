import type { Lang } from "../../schema/taxonomy.js";
import type { Criterion } from "../domain/coverage/index.js";

/** The words of the coverage pages (`/coverage`, `/coverage/:areaCode`), English and Welsh. */

const en = {
  title: "Coverage: where perinatal support is missing",
  h1: "Where support is missing",
  intro:
    "For every postcode sector in Great Britain, what a mother can reach from this directory's published listings: a peer group within reach, mental-health peer support, a talking therapy she can refer herself to, groups for working parents, in the school holidays and for toddlers' parents, support for dads and partners, and in Wales support in Welsh. No personal data is used.",
  chooseHeading: "Choose an area",
  kinds: {
    uk: "The whole UK",
    country: "Nations",
    icb: "Integrated care boards (England)",
    lhb: "Local health boards (Wales)",
    hb: "NHS health boards (Scotland)",
    lad: "Local authorities",
  },
  sectorCount: (n: number) => `${count(n)} postcode ${n === 1 ? "sector" : "sectors"}`,
  method: "How the figures are made",
  methodText:
    "A venue is within reach at 8 km from the centre of a postcode sector, or 15 km where the sector is rural (fewer than 500 postcode units within 5 km). Shares are of postcode units, not of sectors. Listings hidden as long unchecked, and crisis lines, are not counted. Northern Ireland has no sector data here.",
  allAreas: "All areas",
  showLabel: "Need shown",
  show: "Show",
  computed: (when: string, version: number) =>
    `Figures computed at ${when} from the directory as published (version ${version}). They are computed again after each change.`,
  examples:
    "Some listings counted here are examples made for the demonstration, not real services.",
  gap: {
    "peer-group": "there is no in-person peer group within reach",
    "mental-health-peer":
      "there is no mental-health peer support, in person within reach, online or by phone",
    "self-referral-therapy": "there is no talking therapy a mother can refer herself to",
    "evening-weekend": "there is no group within reach that meets in the evening or at the weekend",
    "school-holidays": "there is no group within reach that runs in the school holidays",
    toddler: "there is no group within reach open to toddlers' parents",
    "dads-partners": "there is no support made for dads and partners",
    welsh: "there is no support offered in Welsh",
  } satisfies Record<Criterion, string>,
  sentence: (without: number, sectors: number, pct: string, gap: string) =>
    `In ${count(without)} of ${count(sectors)} ${sectors === 1 ? "sector" : "sectors"} (${pct} of postcodes) ${gap}.`,
  notApplicable: "Support in Welsh is counted for sectors in Wales only, and this area has none.",
  mapHeading: "Map",
  mapTitle: (area: string) => `Postcode sectors of ${area}, each a dot at its centre`,
  legendCovered: "Covered",
  legendGap: "Not covered",
  legendNa: "Not counted here",
  tableHeading: (by: "district" | "area"): string =>
    by === "district" ? "By postcode district" : "By health area",
  tableCaption: (need: string) => `${need}: sectors and postcodes covered`,
  colArea: (by: "district" | "area"): string => (by === "district" ? "District" : "Area"),
  colSectors: "Sectors",
  colWithout: "Sectors not covered",
  colShare: "Postcodes covered",
  demandHeading: "Searched, nothing local",
  demandText: (months: number, searches: string, without: string) =>
    `Searches made with the widget on registered sites, for places in this area, over the last ${months} months: ${searches}. Of these, ${without} found nothing local (no group near and no local service covering the place).`,
  demandMethod:
    "Counts only, per postcode district and month: no sector, no day, no time, nothing about who searched. Below the whole UK, counts of 1 to 7 show as \u201cfewer than 8\u201d and others are rounded to the nearest 5.",
  fewerThan8: "fewer than 8",
  colSearches: "Searches",
  colNothingLocal: "Searched, nothing local",
  needsHeading: "Every need in this area",
  needsCaption: (area: string) =>
    `Every need in ${area}: sectors not covered and postcodes covered`,
  colNeed: "Need",
  colListings: "Listings",
  colOverdue: "Overdue for review",
  na: "Not counted",
  listingsHeading: "Listings that serve this area",
  listingsIntro: (total: number, overdue: number) =>
    `${total} published ${total === 1 ? "listing meets" : "listings meet"} this need somewhere in the area; ${overdue} ${overdue === 1 ? "is" : "are"} overdue for review, so a gap or a cover may be out of date.`,
  listingShare: (pct: string) => `serves ${pct} of the area's postcodes`,
  overdueTag: "Overdue for review",
  exampleTag: "Example",
  noListings: "No published listing meets this need anywhere in the area.",
  calendarHeading: "The next 26 weeks",
  calendarIntro:
    "For each week, the share of the area's postcodes with no in-person peer group session within reach. Term-time-only groups stop in the school holidays (the usual dates for England and Wales).",
  calendarTitle: (area: string) =>
    `Share of postcodes in ${area} with no group session within reach, week by week`,
  colWeek: "Week starting",
  colNoSession: "Postcodes with no group session",
  downloadsHeading: "Downloads",
  downloadsText:
    "Every sector's results for this area, all needs, with the date they were computed.",
  csv: "Sector results (CSV)",
  geojson: "Sector results (GeoJSON)",
  json: "This page's figures (JSON)",
  licence:
    "Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2014, 2023, 2024; Royal Mail data © Royal Mail copyright and database right 2014; National Statistics data © Crown copyright and database right 2014, 2023, 2024.",
  notFoundTitle: "Area not found",
  notFoundText: "There is no area with that code. Choose one from the list.",
};

const cy: typeof en = {
  title: "Darpariaeth: lle mae cymorth amenedigol ar goll",
  h1: "Lle mae cymorth ar goll",
  intro:
    "Ar gyfer pob sector cod post ym Mhrydain Fawr, beth y gall mam ei gyrraedd o restriadau cyhoeddedig y cyfeiriadur hwn: grŵp cymheiriaid o fewn cyrraedd, cymorth cymheiriaid iechyd meddwl, therapi siarad y gall gyfeirio ei hun ato, grwpiau i rieni sy'n gweithio, yng ngwyliau'r ysgol ac i rieni plant bach, cymorth i dadau a phartneriaid, ac yng Nghymru cymorth yn Gymraeg. Ni ddefnyddir unrhyw ddata personol.",
  chooseHeading: "Dewis ardal",
  kinds: {
    uk: "Y Deyrnas Unedig gyfan",
    country: "Gwledydd",
    icb: "Byrddau gofal integredig (Lloegr)",
    lhb: "Byrddau iechyd lleol (Cymru)",
    hb: "Byrddau iechyd y GIG (Yr Alban)",
    lad: "Awdurdodau lleol",
  },
  sectorCount: (n: number) => `${count(n)} sector cod post`,
  method: "Sut y caiff y ffigurau eu gwneud",
  methodText:
    "Mae lleoliad o fewn cyrraedd ar 8 km o ganol sector cod post, neu 15 km lle mae'r sector yn wledig (llai na 500 o unedau cod post o fewn 5 km). Cyfrannau o unedau cod post yw'r rhain, nid o sectorau. Nid yw rhestriadau a guddiwyd am nad ydynt wedi'u gwirio ers amser, na llinellau argyfwng, yn cael eu cyfrif. Nid oes data sector ar gyfer Gogledd Iwerddon yma.",
  allAreas: "Pob ardal",
  showLabel: "Yr angen a ddangosir",
  show: "Dangos",
  computed: (when: string, version: number) =>
    `Cyfrifwyd y ffigurau am ${when} o'r cyfeiriadur fel y'i cyhoeddwyd (fersiwn ${version}). Cânt eu cyfrif eto ar ôl pob newid.`,
  examples:
    "Mae rhai rhestriadau a gyfrifir yma yn enghreifftiau a wnaed ar gyfer yr arddangosiad, nid gwasanaethau go iawn.",
  gap: {
    "peer-group": "does dim grŵp cymheiriaid wyneb yn wyneb o fewn cyrraedd",
    "mental-health-peer":
      "does dim cymorth cymheiriaid iechyd meddwl, wyneb yn wyneb o fewn cyrraedd, ar-lein na dros y ffôn",
    "self-referral-therapy": "does dim therapi siarad y gall mam gyfeirio ei hun ato",
    "evening-weekend": "does dim grŵp o fewn cyrraedd sy'n cwrdd gyda'r nos nac ar y penwythnos",
    "school-holidays": "does dim grŵp o fewn cyrraedd sy'n cwrdd yng ngwyliau'r ysgol",
    toddler: "does dim grŵp o fewn cyrraedd sy'n agored i rieni plant bach",
    "dads-partners": "does dim cymorth wedi'i wneud ar gyfer tadau a phartneriaid",
    welsh: "does dim cymorth yn Gymraeg",
  },
  sentence: (without: number, sectors: number, pct: string, gap: string) =>
    `Mewn ${count(without)} o ${count(sectors)} sector (${pct} o godau post) ${gap}.`,
  notApplicable:
    "Caiff cymorth yn Gymraeg ei gyfrif ar gyfer sectorau yng Nghymru yn unig, ac nid oes gan yr ardal hon yr un.",
  mapHeading: "Map",
  mapTitle: (area: string) => `Sectorau cod post ${area}, pob un yn ddot yn ei ganol`,
  legendCovered: "Darpariaeth",
  legendGap: "Dim darpariaeth",
  legendNa: "Heb ei gyfrif yma",
  tableHeading: (by: "district" | "area") =>
    by === "district" ? "Fesul dosbarth cod post" : "Fesul ardal iechyd",
  tableCaption: (need: string) => `${need}: sectorau a chodau post â darpariaeth`,
  colArea: (by: "district" | "area") => (by === "district" ? "Dosbarth" : "Ardal"),
  colSectors: "Sectorau",
  colWithout: "Sectorau heb ddarpariaeth",
  colShare: "Codau post â darpariaeth",
  demandHeading: "Chwilio, dim byd lleol",
  demandText: (months: number, searches: string, without: string) =>
    `Chwiliadau a wnaed gyda'r teclyn ar safleoedd cofrestredig, am leoedd yn yr ardal hon, dros y ${months} mis diwethaf: ${searches}. O'r rhain, ni chafodd ${without} ddim byd lleol (dim grŵp yn agos a dim gwasanaeth lleol yn cwmpasu'r lle).`,
  demandMethod:
    "Cyfrifon yn unig, fesul dosbarth cod post a mis: dim sector, dim diwrnod, dim amser, dim byd am bwy a chwiliodd. O dan lefel y Deyrnas Unedig gyfan, dangosir cyfrifon o 1 i 7 fel \u201cllai nag 8\u201d a chaiff eraill eu talgrynnu i'r 5 agosaf.",
  fewerThan8: "llai nag 8",
  colSearches: "Chwiliadau",
  colNothingLocal: "Chwilio, dim byd lleol",
  needsHeading: "Pob angen yn yr ardal hon",
  needsCaption: (area: string) =>
    `Pob angen yn ${area}: sectorau heb ddarpariaeth a chodau post â darpariaeth`,
  colNeed: "Angen",
  colListings: "Rhestriadau",
  colOverdue: "Yn hwyr i'w hadolygu",
  na: "Heb ei gyfrif",
  listingsHeading: "Rhestriadau sy'n gwasanaethu'r ardal hon",
  listingsIntro: (total: number, overdue: number) =>
    `Mae ${total} o restriadau cyhoeddedig yn diwallu'r angen hwn rywle yn yr ardal; mae ${overdue} yn hwyr i'w hadolygu, felly gall bwlch neu ddarpariaeth fod yn hen.`,
  listingShare: (pct: string) => `yn gwasanaethu ${pct} o godau post yr ardal`,
  overdueTag: "Yn hwyr i'w adolygu",
  exampleTag: "Enghraifft",
  noListings: "Nid oes unrhyw restriad cyhoeddedig yn diwallu'r angen hwn yn unman yn yr ardal.",
  calendarHeading: "Y 26 wythnos nesaf",
  calendarIntro:
    "Ar gyfer pob wythnos, cyfran codau post yr ardal heb sesiwn grŵp cymheiriaid wyneb yn wyneb o fewn cyrraedd. Mae grwpiau yn ystod y tymor yn unig yn peidio yng ngwyliau'r ysgol (y dyddiadau arferol yng Nghymru a Lloegr).",
  calendarTitle: (area: string) =>
    `Cyfran y codau post yn ${area} heb sesiwn grŵp o fewn cyrraedd, wythnos wrth wythnos`,
  colWeek: "Wythnos yn dechrau",
  colNoSession: "Codau post heb sesiwn grŵp",
  downloadsHeading: "Lawrlwythiadau",
  downloadsText:
    "Canlyniadau pob sector ar gyfer yr ardal hon, pob angen, gyda'r dyddiad y'u cyfrifwyd.",
  csv: "Canlyniadau sectorau (CSV)",
  geojson: "Canlyniadau sectorau (GeoJSON)",
  json: "Ffigurau'r dudalen hon (JSON)",
  licence:
    "Trwydded Llywodraeth Agored v3.0. Yn cynnwys data OS © Hawlfraint y Goron a hawl cronfa ddata 2014, 2023, 2024; data'r Post Brenhinol © hawlfraint a hawl cronfa ddata'r Post Brenhinol 2014; data Ystadegau Gwladol © Hawlfraint y Goron a hawl cronfa ddata 2014, 2023, 2024.",
  notFoundTitle: "Ardal heb ei chanfod",
  notFoundText: "Nid oes ardal â'r cod hwnnw. Dewiswch un o'r rhestr.",
};

export type CoverageText = typeof en;
export const coverageStrings = (lang: Lang): CoverageText => (lang === "cy" ? cy : en);

/** "10,519": digits grouped as both languages write them here. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "18%", and "<1%" or ">99%" rather than a 0% or 100% that is not quite true. */
export function percent(share: number): string {
  if (share > 0 && share < 0.005) return "<1%";
  if (share < 1 && share > 0.995) return ">99%";
  return `${Math.round(share * 100)}%`;
}
