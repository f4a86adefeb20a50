import type { Text } from "./en.js";

// Numbers come after a colon ("Canlyniadau: 3") so that no mutation depends on the count.
const inCountry = {
  England: "yn Lloegr",
  Wales: "yng Nghymru",
  Scotland: "yn yr Alban",
  "Northern Ireland": "yng Ngogledd Iwerddon",
} as const;

/** Every string the widget shows, in Welsh (Cymraeg). Loaded only when the widget is in Welsh. */
export const cy: Text = {
  months: [
    "Ionawr",
    "Chwefror",
    "Mawrth",
    "Ebrill",
    "Mai",
    "Mehefin",
    "Gorffennaf",
    "Awst",
    "Medi",
    "Hydref",
    "Tachwedd",
    "Rhagfyr",
  ],
  weekdays: [
    "Dydd Sul",
    "Dydd Llun",
    "Dydd Mawrth",
    "Dydd Mercher",
    "Dydd Iau",
    "Dydd Gwener",
    "Dydd Sadwrn",
  ],
  title: "Dod o hyd i gymorth iechyd meddwl amenedigol",
  intro:
    "Grwpiau, gwasanaethau a llinellau cymorth ar gyfer eich iechyd meddwl yn ystod beichiogrwydd ac ar ôl geni, yn agos atoch chi ac ar-lein.",

  crisis: {
    heading: "Angen help nawr?",
    forCountry: (country) => `Help ${inCountry[country]}`,
    inCountry: (country) => `Y${inCountry[country].slice(1)}`,
    anywhere: "Help unrhyw le yn y DU",
    more: "Oriau a rhagor o ffyrdd o gael help",
  },
  crisisRoutes: {
    emergency: {
      name: "Argyfwng: 999",
      description:
        "Os ydych chi neu eich babi mewn perygl, ffoniwch 999 neu ewch i'r adran achosion brys.",
      hours: "24 awr",
    },
    nhs111: {
      name: "GIG 111",
      description:
        "Ffoniwch 111 am help brys gyda'ch iechyd meddwl. Yng Nghymru pwyswch 2; yn Lloegr dewiswch yr opsiwn iechyd meddwl; yn yr Alban mae NHS 24 yn ateb.",
      hours: "24 awr",
    },
    nhs111England: {
      name: "GIG 111, yr opsiwn iechyd meddwl",
      description: "Ffoniwch 111 a dewiswch yr opsiwn iechyd meddwl am help brys.",
      hours: "24 awr",
    },
    nhs111Wales: {
      name: "GIG 111, pwyso 2",
      description:
        "Ffoniwch 111 a phwyso 2 am help brys gyda'ch iechyd meddwl. Am ddim, hyd yn oed heb gredyd.",
      hours: "24 awr",
    },
    nhs24Scotland: {
      name: "Hyb Iechyd Meddwl NHS 24",
      description: "Ffoniwch 111 am help brys gyda'ch iechyd meddwl.",
      hours: "24 awr",
    },
    lifeline: {
      name: "Lifeline (Gogledd Iwerddon)",
      description: "Cymorth mewn argyfwng yng Ngogledd Iwerddon. Ffôn testun 18001 0808 808 8000.",
      hours: "24 awr",
    },
    breathingSpace: {
      name: "Breathing Space (yr Alban)",
      description: "Gwasanaeth gwrando yn yr Alban i unrhyw un sy'n 16 oed neu'n hŷn.",
      hours: "Dydd Llun i ddydd Iau 6pm i 2am; dydd Gwener 6pm i ddydd Llun 6am",
    },
    samaritans: {
      name: "Samariaid",
      description: "Am ddim, unrhyw bryd, beth bynnag rydych chi'n mynd drwyddo.",
      hours: "24 awr",
    },
    shout: {
      name: "Shout",
      description: "Cymorth drwy neges destun, unrhyw bryd.",
      hours: "24 awr",
    },
  },
  helplines: {
    heading: "Cymorth cenedlaethol y gallwch gysylltu ag ef",
    pandas: {
      name: "Sefydliad PANDAS",
      description: "Cymorth gan gymheiriaid i rieni, o'r beichiogi hyd at ar ôl geni.",
      hours: "",
    },
    mind: {
      name: "Llinell Wybodaeth Mind",
      description: "Gwybodaeth a chyfeirio yng Nghymru a Lloegr. Nid llinell argyfwng.",
      hours: "Dydd Llun i ddydd Gwener 9am i 6pm",
    },
    app: {
      name: "Action on Postpartum Psychosis",
      description:
        "Cymorth gan gymheiriaid i fenywod a theuluoedd y mae seicosis ôl-enedigol wedi effeithio arnynt.",
      hours: "",
    },
    tommys: {
      name: "Bydwragedd Tommy's",
      description:
        "Anfonwch e-bost at fydwraig am feichiogrwydd, colled, neu eich iechyd meddwl yn ystod beichiogrwydd.",
      hours: "",
    },
  },

  postcode: {
    label: "Eich cod post",
    hint: "Dim ond y rhan gyntaf ac un nod arall, fel CF10 3, rydyn ni'n eu defnyddio. Mae eich cod post llawn yn aros yma.",
    empty: "Rhowch eich cod post, er enghraifft CF10 3NQ.",
    invalid: "Gwiriwch eich cod post. Dylai edrych fel CF10 3NQ, neu CF10 yn unig.",
    notFound:
      "Doedden ni ddim yn gallu dod o hyd i'r cod post hwnnw. Gwiriwch ef, neu rhowch gynnig ar yr hanner cyntaf yn unig, er enghraifft CF10.",
    submit: "Dod o hyd i gymorth",
  },

  filters: {
    stageLegend: "Dangos cymorth ar gyfer",
    more: "Rhagor o ddewisiadau",
    active: (n) => `Wedi dewis: ${n}`,
    kind: "Math o gymorth",
    format: "Sut rydych chi'n cymryd rhan",
    access: "Cael cymorth",
    selfReferral: "Gallaf gyfeirio fy hun",
    free: "Am ddim yn unig",
    children: "Croeso i fabanod a phlant",
    welsh: "Ar gael yn Gymraeg",
    when: "Pryd",
    clear: "Clirio'r dewisiadau",
  },

  status: {
    idle: "Rhowch eich cod post i weld grwpiau cymheiriaid, gwasanaethau lleol a llinellau cymorth sydd ar gael i chi.",
    loading: (place) => `Yn chwilio am gymorth ar gyfer ${place}…`,
    results: (n, place) => `Lleoedd i gael cymorth ar gyfer ${place}: ${n}.`,
    none: (place) => `Does dim gwasanaethau sy'n cyfateb i'ch dewisiadau ar gyfer ${place}.`,
  },
  groups: {
    nearby: "Grwpiau a lleoedd yn agos atoch chi",
    area: "Gwasanaethau sy'n cwmpasu eich ardal",
    anywhere: "Ar-lein a dros y ffôn, ble bynnag rydych chi",
  },
  local: {
    none: (place) => `Dydyn ni ddim yn gwybod am grwpiau yn agos at ${place} eto.`,
    now: "Beth allwch chi ei wneud nawr",
    more: (n) => `Dangos ${n} arall`,
    tellUs: "Ydych chi'n gwybod am grŵp lleol? Dywedwch wrthym",
  },
  empty: {
    heading: "Does dim byd yn cyfateb i'ch holl ddewisiadau",
    body: "Rhowch gynnig ar lai o ddewisiadau. Mae'r llinellau cymorth a'r cymunedau ar-lein cenedlaethol hyn ar agor i bawb:",
  },
  failure: {
    heading: "Doedden ni ddim yn gallu llwytho cymorth lleol ar hyn o bryd",
    timeout: "Mae'r cyfeiriadur yn cymryd gormod o amser i ateb.",
    offline: "Mae'n ymddangos eich bod all-lein.",
    network: "Doedden ni ddim yn gallu cyrraedd y cyfeiriadur.",
    server: "Aeth rhywbeth o'i le ar ein hochr ni.",
    busy: "Mae'r cyfeiriadur yn brysur iawn. Rhowch gynnig arall arni mewn munud.",
    misconfigured: "Nid yw'r dudalen hon wedi gosod y cyfeiriadur yn gywir.",
    reassure: "Mae'r llinellau cymorth isod yno i chi bob amser.",
    retry: "Rhoi cynnig arall arni",
  },

  badges: {
    selfReferral: "Gallwch gyfeirio eich hun",
    free: "Am ddim",
    peerLed: "Dan arweiniad cymheiriaid",
    children: "Croeso i fabanod",
    online: "Ar-lein",
  },
  card: {
    example: "Rhestriad enghreifftiol",
    exampleNote:
      "Mae rhestriadau sydd wedi'u marcio'n “Rhestriad enghreifftiol” wedi'u creu i ddangos sut mae'r cyfeiriadur yn gweithio. Nid ydyn nhw'n wasanaethau go iawn.",
    away: (distance) => `${distance} i ffwrdd`,
    miles: (miles) => `${miles} milltir`,
    underTenthMile: "llai na 0.1 milltir",
    inSector: (sector) => `Yn ${sector}`,
    calendar: "Ychwanegu at y calendr",
    next: "Sesiwn nesaf",
    today: "Heddiw",
    tomorrow: "Yfory",
    timeRange: (start, end) => `${start} i ${end}`,
    termTimeOnly: "yn ystod y tymor yn unig",
    lastChecked: (date) => `Gwiriwyd ddiwethaf ${date}`,
    overdue: "Mae'n bryd gwirio'r manylion hyn eto. Cadarnhewch nhw cyn i chi fynd.",
    details: (name) => `Rhagor am ${name}`,
    newTab: "(yn agor mewn tab newydd)",
  },
  contact: {
    call: (value) => `Ffoniwch ${value}`,
    text: (value, keyword) => (keyword ? `Tecstiwch ${keyword} i ${value}` : `Tecstiwch ${value}`),
    email: "E-bost",
    web: "Gwefan",
    whatsapp: "WhatsApp",
    about: (name) => ` ar gyfer ${name}`,
  },

  footer: {
    print: (place) => `Argraffu pecyn adnoddau ar gyfer ${place}`,
    share: "Rhannu'r chwiliad hwn",
    copied: "Wedi copïo'r ddolen. Dim ond rhan gyntaf eich cod post sydd ynddi.",
    copyThis: "Copïwch y ddolen hon i rannu'r chwiliad:",
  },
};
