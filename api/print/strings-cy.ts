import { NOTE_MAX, type PrintText } from "./strings-en.js";

/** Welsh (Cymraeg): the same shape as `strings-en.ts`, in plain, everyday Welsh. */
export const cy: PrintText = {
  locale: "cy-GB",
  brand: "Perinatal Signpost",
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
    "dydd Llun",
    "dydd Mawrth",
    "dydd Mercher",
    "dydd Iau",
    "dydd Gwener",
    "dydd Sadwrn",
    "dydd Sul",
  ],
  countries: {
    England: "Lloegr",
    Wales: "Cymru",
    Scotland: "Yr Alban",
    "Northern Ireland": "Gogledd Iwerddon",
  },
  langNames: { en: "English", cy: "Cymraeg" },

  moments: {
    booking: {
      label: "Yn ystod beichiogrwydd, wrth gofrestru gyda’r fydwraig",
      title: "Cymorth i chi yn ystod beichiogrwydd",
      opening:
        "Gall beichiogrwydd ddod â llawenydd, pryder a phopeth yn y canol. Mae llawer o bobl yn teimlo’n bryderus neu’n isel tra’u bod yn feichiog, a does dim cywilydd yn hynny.",
    },
    birth: {
      label: "Ar ôl yr enedigaeth",
      title: "Cymorth i chi ar ôl genedigaeth eich babi",
      opening:
        "Mae bywyd gyda babi newydd yn newid mawr. Mae llawer o rieni’n teimlo’n ddagreuol, yn bryderus neu’n isel, neu ddim yn teimlo fel nhw eu hunain, yn yr wythnosau a’r misoedd ar ôl yr enedigaeth.",
    },
    toddler: {
      label: "Blynyddoedd plentyn bach",
      title: "Cymorth i chi ym mlynyddoedd plentyn bach",
      opening:
        "Gall teimladau ddal i fyny â chi ymhell ar ôl yr enedigaeth. Mae gofalu am blentyn bach yn waith caled, ac mae’n gyffredin ei chael hi’n anodd. Nid methiant yw hynny.",
    },
  },

  pack: {
    subtitle: "Mae eich iechyd meddwl yn bwysig",
    forPlace: (place) => `Ar gyfer ${place}`,
    printedOn: (date) => `Argraffwyd ar ${date}`,
    pageOf: (page, pages) => `Tudalen ${page} o ${pages}`,
    opening: [
      "Dydych chi ddim ar eich pen eich hun. Mae gan hyd at 1 o bob 5 mam broblem iechyd meddwl yn ystod beichiogrwydd neu yn y flwyddyn ar ôl geni, a gall partneriaid ei chael hi’n anodd hefyd. Gyda’r cymorth iawn, gall pethau wella. Mae gofyn am help yn gryfder, nid yn wendid.",
      "Mae’r pecyn hwn yn rhestru cymorth yn agos atoch chi, gwasanaethau sy’n cwmpasu eich ardal, a llinellau cymorth y gallwch gysylltu â nhw o unrhyw le. Gallwch gysylltu â llawer ohonyn nhw eich hun, heb atgyfeiriad.",
    ],
    nothingLocal: (place) =>
      `Does dim grwpiau na gwasanaethau lleol wedi’u rhestru ar gyfer ${place} eto, ond gallwch chi gael cymorth o hyd. Dyma beth gallwch chi ei wneud nawr:`,
    note: "Gan eich ymwelydd iechyd / bydwraig",
    crisis: {
      heading: "Angen help nawr?",
      allDay: "24 awr",
      lead: "Os ydych chi’n meddwl am niweidio eich hun neu eich babi, neu’n teimlo’n sâl iawn, mynnwch help ar unwaith. Fydd neb yn eich barnu.",
    },
    explainer: {
      heading: "Gallwch ofyn am help eich hun",
      talkingTherapies: (country) =>
        country === "England"
          ? "Therapïau siarad: yn Lloegr gallwch gyfeirio eich hun at NHS Talking Therapies ar-lein neu dros y ffôn. Does dim rhaid i chi weld eich meddyg teulu yn gyntaf."
          : "Therapïau siarad: gofynnwch i’ch meddyg teulu, neu edrychwch ar y rhestriadau yn y pecyn hwn. Pan fydd rhestriad yn dweud “Gallwch gyfeirio eich hun”, gallwch gysylltu ag ef yn uniongyrchol.",
      perinatalTeam:
        "Timau iechyd meddwl amenedigol: timau arbenigol y GIG ar gyfer beichiogrwydd ac ar ôl geni. Gall eich meddyg teulu, eich bydwraig neu eich ymwelydd iechyd eich atgyfeirio. Does dim rhaid i chi fod mewn argyfwng i ofyn.",
      healthVisitor:
        "Eich bydwraig a’ch ymwelydd iechyd: mae sut rydych chi’n teimlo yn bwysig iddyn nhw, nid eich babi yn unig. Dywedwch wrthyn nhw’n onest. Gallan nhw wrando, ymweld yn amlach a’ch atgyfeirio.",
      peer: "Grwpiau cymorth cymheiriaid, elusennau a llinellau cymorth: cysylltwch â nhw. Does dim angen atgyfeiriad arnoch chi.",
    },
    sections: {
      nearby: "Grwpiau a lleoedd yn agos atoch chi",
      area: "Gwasanaethau sy’n cwmpasu eich ardal",
      anywhere: "Llinellau cymorth a chymorth ar-lein, ble bynnag rydych chi",
    },
    emptyNearby:
      "Does dim grwpiau yn agos atoch chi wedi’u rhestru eto. Mae’r llinellau cymorth a’r cymorth ar-lein isod ar gael i bawb.",
    more: (n) =>
      `Rhagor o restriadau ar gyfer yr ardal hon ar-lein: ${n}. Sganiwch y cod ar ddiwedd y pecyn hwn.`,
    footer: {
      scan: (sector) => `Sganiwch i gael y rhestr ddiweddaraf ar gyfer ${sector}`,
      printed: (date) =>
        `Argraffwyd ar ${date}. Mae gwasanaethau’n newid, felly’r rhestr ar-lein yw’r un fwyaf diweddar bob amser.`,
      checkedRange: (from, to) =>
        from === to
          ? `Gwiriwyd y wybodaeth ar ${from}.`
          : `Gwiriwyd y wybodaeth rhwng ${from} a ${to}.`,
      privacy: (sector) =>
        `Dim ond rhan gyntaf y cod post (${sector}) a ddefnyddiwyd i wneud y pecyn hwn.`,
      demo: "Mae’r rhestriadau sydd wedi’u marcio’n “Rhestriad enghreifftiol” wedi’u creu i ddangos sut mae’r cyfeiriadur hwn yn gweithio. Peidiwch â chysylltu â nhw.",
    },
  },

  card: {
    example: "Rhestriad enghreifftiol",
    howTo: "Sut i’w gael:",
    next: "Sesiwn nesaf:",
    termTimeOnly: "yn ystod y tymor yn unig",
    away: (miles) => `${miles} milltir i ffwrdd`,
    underTenthMile: "llai na 0.1 milltir i ffwrdd",
    checked: (date) => `Gwiriwyd ${date}`,
    notChecked: "Heb ei wirio eto",
    overdue: "Mae angen ei wirio eto: cadarnhewch cyn mynd",
    unconfirmed: "heb ei gadarnhau eto",
    scan: "Sganiwch am fanylion",
    badges: {
      selfReferral: "Gallwch gyfeirio eich hun",
      free: "Am ddim",
      lowCost: "Cost isel",
      peerLed: "Dan arweiniad cymheiriaid",
      children: "Croeso i fabanod",
    },
  },

  contact: {
    phone: (value) => `Ffoniwch ${value}`,
    text: (value, keyword) => (keyword ? `Tecstiwch ${keyword} i ${value}` : `Tecstiwch ${value}`),
    email: (value) => `E-bostiwch ${value}`,
    web: (value) => value,
    whatsapp: (value) => `WhatsApp ${value}`,
  },

  time: {
    range: (start, end) => `${start} i ${end}`,
    today: "Heddiw",
    tomorrow: "Yfory",
  },

  schedule: {
    weekly: (day) => `Bob ${day}`,
    // "ail" (second, every other) softens the noun after it: dydd → ddydd.
    fortnightly: (day) => `Bob yn ail ${day.replace(/^dydd/, "ddydd")}`,
    monthly: (nth, day) => {
      if (nth === 1) return `Y ${day} cyntaf bob mis`;
      if (nth === 2) return `Yr ail ${day.replace(/^dydd/, "ddydd")} bob mis`;
      if (nth === 3) return `Y trydydd ${day} bob mis`;
      if (nth === 4) return `Y pedwerydd ${day} bob mis`;
      return `Y ${day} olaf bob mis`;
    },
    termTimeOnly: "yn ystod y tymor yn unig",
  },

  page: {
    skip: "Neidio i’r prif gynnwys",
    otherLanguage: { lang: "en", label: "English" },
    findSupport: "Dod o hyd i gymorth yn agos atoch chi",
    printPack: "Argraffu pecyn adnoddau",
    makePoster: "Gwneud poster",
    navLabel: "Prif ddewislen",
    footer: "Perinatal Signpost: cyfeirio at gymorth iechyd meddwl amenedigol ledled y DU.",
  },

  form: {
    title: "Argraffu pecyn adnoddau",
    intro:
      "Gwnewch becyn printiedig o gymorth iechyd meddwl amenedigol i riant, ar gyfer eu cod post ac ar yr adeg iawn, yn Saesneg, yn Gymraeg neu yn y ddwy iaith ochr yn ochr.",
    postcode: "Cod post",
    postcodeHint:
      "Dim ond y rhan gyntaf ac un nod arall (er enghraifft CF10 1) sy’n cael eu defnyddio a’u hargraffu.",
    moment: "Pryd rydych chi’n rhoi’r pecyn hwn?",
    language: "Iaith y pecyn",
    languages: { en: "Saesneg (English)", cy: "Cymraeg", both: "Y ddwy iaith, ochr yn ochr" },
    show: "Dangos y pecyn",
    listings: "Rhestriadau yn y pecyn hwn",
    listingsHint:
      "Tynnwch y tic oddi ar unrhyw rai sydd ddim yn addas i’r rhiant hwn, yna diweddarwch y pecyn. Bydd y rhestriad nesaf yn cymryd ei le.",
    update: "Diweddaru’r pecyn",
    restore: (n) => `Rhoi’r rhestriadau a adawyd allan yn ôl (${n})`,
    didNotFit: "Dim lle ar ddwy dudalen",
    didNotFitHint:
      "Ticiwch unrhyw rai y byddai’n well gennych eu rhoi i’r rhiant hwn, yna diweddarwch y pecyn. Byddan nhw’n mynd i mewn, a bydd rhestriadau is yn gwneud lle.",
    noteLegend: "Eich nodyn",
    noteLabel: "Nodyn gennych chi, a manylion cyswllt eich tîm (dewisol)",
    noteHint:
      "Caiff ei argraffu ar y pecyn o dan “Gan eich ymwelydd iechyd / bydwraig”. Dydy e ddim yn cael ei gadw na’i gofnodi: dim ond i’r dudalen hon a’r PDF mae’n mynd. Peidiwch ag ysgrifennu enw na manylion y rhiant.",
    noteTooLong: (n) =>
      `Cadwch y nodyn i ${NOTE_MAX} nod neu lai. Mae ganddo ${n.toLocaleString("cy-GB")}.`,
    noteAdd: "Ychwanegu’r nodyn at y pecyn",
    notePdf: "Lawrlwytho’r PDF gyda’r nodyn",
    print: "Argraffu’r pecyn",
    printHint: "I argraffu, defnyddiwch orchymyn Argraffu eich porwr (Ctrl+P, neu Cmd+P ar Mac).",
    pdf: "Lawrlwytho’r pecyn fel PDF",
    preview: "Rhagolwg o’r pecyn",
    errorTitle: "Mae problem",
    invalidPostcode: "Rhowch god post, er enghraifft CF10 1AA neu CF10 1.",
    postcodeNotFound:
      "Doedden ni ddim yn gallu dod o hyd i’r cod post hwnnw. Gwiriwch ef, neu rhowch gynnig ar yr hanner cyntaf yn unig, er enghraifft CF10.",
    badLink: "Dydy’r ddolen hon ddim yn hollol gywir. Dewiswch yr opsiynau eto isod.",
    start: "Rhowch god post i weld y pecyn.",
  },

  poster: {
    title: "Gwneud poster ar gyfer hysbysfwrdd",
    intro:
      "Poster ar gyfer meddygfeydd, clinigau a chanolfannau plant, gyda chod QR mawr i’r cyfeiriadur byw.",
    area: "Ardal",
    areaHint:
      "Dosbarth cod post (CF10), cyngor (gan gynnwys Gogledd Iwerddon), bwrdd gofal integredig y GIG, neu fwrdd iechyd yng Nghymru neu’r Alban, yn ôl enw neu god.",
    size: "Maint y papur",
    language: "Iaith y poster",
    show: "Dangos y poster",
    print: "Argraffu’r poster",
    pdf: "Lawrlwytho’r poster fel PDF",
    notFound:
      "Doedden ni ddim yn gallu dod o hyd i’r ardal honno. Rhowch gynnig ar ddosbarth cod post fel CF10, neu gyngor fel Caerdydd.",
    ambiguous: (names) => `Mae hynny’n cyfateb i fwy nag un ardal: ${names}. Dewiswch un.`,
    headline: "Yn feichiog neu wedi cael babi, a ddim yn teimlo fel chi eich hun?",
    lead: "Dydych chi ddim ar eich pen eich hun, ac mae cymorth yn agos: grwpiau cymheiriaid, gwasanaethau lleol y GIG a llinellau cymorth. Gallwch gysylltu â llawer ohonyn nhw eich hun.",
    scan: "Sganiwch i ddod o hyd i gymorth yn agos atoch chi",
    scanThen: "Yna rhowch eich cod post.",
    orVisit: "Neu ewch i",
    forArea: (name) => `Ar gyfer ${name}`,
    talk: "Gallwch hefyd siarad â’ch bydwraig, eich ymwelydd iechyd neu eich meddyg teulu.",
    crisis: "Angen help nawr?",
    printed: (date) => `Argraffwyd ar ${date}`,
    leadNothingLocal:
      "Dydych chi ddim ar eich pen eich hun. Ble bynnag rydych chi’n byw, mae cymorth y gallwch ei gael nawr: gwasanaethau’r GIG y gallwch ofyn amdanyn nhw, a llinellau cymorth a grwpiau ar-lein i rieni. Gallwch gysylltu â llawer ohonyn nhw eich hun.",
    scanNational: "Sganiwch i gael llinellau cymorth a chymorth ar-lein",
    nothingLocal: (name) => `Does dim grŵp na gwasanaeth lleol wedi’i restru ar gyfer ${name} eto.`,
    steps: "Beth allwch chi ei wneud nawr",
    national: "Llinellau cymorth a chymorth ar-lein, ble bynnag rydych chi",
    tellUs: (url) => `Ydych chi’n gwybod am grŵp lleol? Dywedwch wrthym: ${url}`,
  },

  service: {
    titleSuffix: "Perinatal Signpost",
    about: "Am y gwasanaeth hwn",
    howTo: "Sut i gael y cymorth hwn",
    contact: "Cysylltu",
    when: "Pryd mae’n cael ei gynnal",
    addToCalendar: "Ychwanegu’r sesiynau at eich calendr",
    subscribe: "Tanysgrifio, fel bod newidiadau’n cyrraedd eich calendr",
    next: "Sesiwn nesaf",
    noSessions: "Does dim sesiynau wedi’u trefnu ar hyn o bryd. Cysylltwch â’r gwasanaeth i holi.",
    places: "Ble",
    access: "Hygyrchedd:",
    directions: "Map a chyfarwyddiadau",
    whoFor: "Ar gyfer pwy",
    stages: "Cyfnodau",
    audiences: "Yn arbennig ar gyfer",
    formats: "Sut rydych chi’n cymryd rhan",
    area: "Yr ardal a gwmpesir",
    cost: "Cost",
    languages: "Ieithoedd",
    organisation: "Yn cael ei redeg gan",
    website: "Gwefan y sefydliad",
    checked: (date) => `Gwiriwyd y manylion ddiwethaf ar ${date}.`,
    notChecked: "Dydy’r manylion hyn ddim wedi cael eu gwirio eto.",
    overdue: "Mae’n bryd gwirio’r manylion hyn eto. Cadarnhewch nhw cyn i chi fynd.",
    example:
      "Rhestriad enghreifftiol yw hwn. Mae’r manylion wedi’u creu i ddangos sut mae’r cyfeiriadur yn gweithio. Nid yw’n wasanaeth go iawn.",
    report: "Rhoi gwybod am broblem gyda’r rhestriad hwn",
    crisis: "Angen help nawr?",
    moderated: "Wedi’i gymedroli",
    trained: "Hwyluswyr hyfforddedig sy’n ei redeg",
    notFoundTitle: "Doedden ni ddim yn gallu dod o hyd i’r rhestriad hwnnw",
    notFoundBody:
      "Efallai ei fod wedi cael ei dynnu i lawr, neu fod y ddolen yn anghywir. Gallwch ddal i ddod o hyd i gymorth yn agos atoch chi.",
    reportTitle: "Rhoi gwybod am broblem",
    reportIntro:
      "Dywedwch wrthym beth sy’n anghywir gyda’r rhestriad hwn a bydd rhywun yn ei wirio. Peidiwch â chynnwys manylion personol.",
    reasonLegend: "Beth sy’n anghywir?",
    reasons: {
      closed: "Mae wedi cau neu wedi dod i ben",
      "wrong-contact": "Mae’r rhif ffôn, y cyfeiriad e-bost neu’r wefan yn anghywir",
      "wrong-times": "Mae’r dyddiau neu’r amseroedd yn anghywir",
      other: "Rhywbeth arall",
    },
    detailsLabel: "Dywedwch fwy wrthym (dewisol)",
    detailsHint:
      "Peidiwch â chynnwys eich enw, eich cyfeiriad, eich rhif ffôn nac unrhyw beth am eich iechyd. Hyd at 1,000 nod.",
    send: "Anfon yr adroddiad",
    sent: "Diolch. Bydd rhywun yn gwirio’r rhestriad hwn.",
    failed:
      "Doedden ni ddim yn gallu anfon eich adroddiad. Rhowch gynnig arall arni yn nes ymlaen.",
    limited:
      "Rydych chi wedi anfon sawl adroddiad. Arhoswch ychydig funudau a rhowch gynnig arall arni.",
    chooseReason: "Dewiswch beth sy’n anghywir.",
    backTo: (name) => `Yn ôl i ${name}`,
  },
};
