import type { Country, Lang } from "../../schema/taxonomy.js";

/** The longest note a health visitor or midwife can add to a pack, in characters. */
export const NOTE_MAX = 600;

/**
 * Every word printed on packs and posters and shown on the print and service pages, in English.
 * `strings-cy.ts` has the same shape in Welsh. Listing text comes from the data, not from here.
 */
export const en = {
  locale: "en-GB",
  brand: "Perinatal Signpost",
  months: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  /** ISO order: Monday first. */
  weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
  countries: {
    England: "England",
    Wales: "Wales",
    Scotland: "Scotland",
    "Northern Ireland": "Northern Ireland",
  } satisfies Record<Country, string>,
  langNames: { en: "English", cy: "Cymraeg" } satisfies Record<Lang, string>,

  moments: {
    booking: {
      label: "At booking, in pregnancy",
      title: "Support for you in pregnancy",
      opening:
        "Pregnancy can bring joy, worry and everything in between. Lots of people feel anxious or low while they are pregnant, and there is no shame in it.",
    },
    birth: {
      label: "After the birth",
      title: "Support for you after your baby’s birth",
      opening:
        "Life with a new baby is a huge change. Many parents feel tearful, anxious or low, or just not themselves, in the weeks and months after the birth.",
    },
    toddler: {
      label: "Toddler years",
      title: "Support for you in the toddler years",
      opening:
        "Feelings can catch up with you long after the birth. Looking after a toddler is hard work, and finding it hard is common. It is not a failure.",
    },
  },

  pack: {
    subtitle: "Your mental health matters",
    forPlace: (place: string) => `For ${place}`,
    printedOn: (date: string) => `Printed on ${date}`,
    pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
    opening: [
      "You are not alone. Up to 1 in 5 mothers have a mental health problem in pregnancy or in the year after birth, and partners can struggle too. With the right support, things can get better. Asking for help is a strength, not a weakness.",
      "This pack lists support near you, services that cover your area, and helplines you can contact from anywhere. You can contact many of them yourself, without a referral.",
    ],
    crisis: {
      heading: "Need help now?",
      allDay: "24 hours",
      lead: "If you are thinking about harming yourself or your baby, or you feel very unwell, get help straight away. No one will judge you.",
    },
    explainer: {
      heading: "You can ask for help yourself",
      talkingTherapies: (country: Country): string =>
        country === "England"
          ? "Talking therapies: in England you can refer yourself to NHS Talking Therapies online or by phone. You do not need to see your GP first."
          : "Talking therapies: ask your GP, or look at the listings in this pack. Where a listing says “You can refer yourself”, you can contact it directly.",
      perinatalTeam:
        "Perinatal mental health teams: specialist NHS teams for pregnancy and after birth. Your GP, midwife or health visitor can refer you. You do not have to be in crisis to ask.",
      healthVisitor:
        "Your midwife and health visitor: how you are feeling matters to them, not just your baby. Tell them honestly. They can listen, visit more often and refer you.",
      peer: "Peer support groups, charities and helplines: just get in touch. You do not need a referral.",
    },
    sections: {
      nearby: "Groups and places near you",
      area: "Services covering your area",
      anywhere: "Helplines and online support, wherever you are",
    },
    nothingLocal: (place: string) =>
      `No groups or local services are listed for ${place} yet, but you can still get support. Here is what you can do now:`,
    note: "From your health visitor / midwife",
    emptyNearby:
      "No groups near you are listed yet. The helplines and online support below are open to everyone.",
    more: (n: number) =>
      n === 1
        ? "1 more listing for this area is online. Scan the code at the end of this pack."
        : `${n} more listings for this area are online. Scan the code at the end of this pack.`,
    footer: {
      scan: (sector: string) => `Scan for the latest list for ${sector}`,
      printed: (date: string) =>
        `Printed on ${date}. Services change, so the list online is always the most up to date.`,
      checkedRange: (from: string, to: string) =>
        from === to
          ? `Information checked on ${from}.`
          : `Information checked between ${from} and ${to}.`,
      privacy: (sector: string) =>
        `Only the first part of the postcode (${sector}) was used to make this pack.`,
      demo: "Listings marked “Example listing” are made up to show how this directory works. Do not contact them.",
    },
  },

  card: {
    example: "Example listing",
    howTo: "How to get it:",
    next: "Next session:",
    termTimeOnly: "term time only",
    away: (miles: string) => (miles === "1" ? "1 mile away" : `${miles} miles away`),
    underTenthMile: "under 0.1 miles away",
    checked: (date: string) => `Checked ${date}`,
    notChecked: "Not checked yet",
    overdue: "Due to be checked again: confirm before you go",
    unconfirmed: "not yet confirmed",
    scan: "Scan for details",
    badges: {
      selfReferral: "You can refer yourself",
      free: "Free",
      lowCost: "Low cost",
      peerLed: "Peer-led",
      children: "Babies welcome",
    },
  },

  contact: {
    phone: (value: string) => `Call ${value}`,
    text: (value: string, keyword: string | null) =>
      keyword ? `Text ${keyword} to ${value}` : `Text ${value}`,
    email: (value: string) => `Email ${value}`,
    web: (value: string) => value,
    whatsapp: (value: string) => `WhatsApp ${value}`,
  },

  time: {
    range: (start: string, end: string) => `${start} to ${end}`,
    today: "Today",
    tomorrow: "Tomorrow",
  },

  schedule: {
    weekly: (day: string) => `Every ${day}`,
    fortnightly: (day: string) => `Every other ${day}`,
    monthly: (nth: number, day: string) => {
      const which = nth === -1 ? "last" : (["first", "second", "third", "fourth"][nth - 1] ?? "");
      return `The ${which} ${day} of each month`;
    },
    termTimeOnly: "in term time only",
  },

  page: {
    skip: "Skip to main content",
    otherLanguage: { lang: "cy", label: "Cymraeg" },
    findSupport: "Find support near you",
    printPack: "Print a resource pack",
    makePoster: "Make a poster",
    navLabel: "Main menu",
    footer: "Perinatal Signpost: signposting to perinatal mental health support across the UK.",
  },

  form: {
    title: "Print a resource pack",
    intro:
      "Make a printed pack of perinatal mental health support for a parent, for their postcode and the right moment, in English, Welsh or both side by side.",
    postcode: "Postcode",
    postcodeHint:
      "Only the first part and one more character (for example EX4 4) is used and printed.",
    moment: "When are you giving this pack?",
    language: "Language of the pack",
    languages: { en: "English", cy: "Cymraeg (Welsh)", both: "Both, side by side" },
    show: "Show the pack",
    listings: "Listings in this pack",
    listingsHint:
      "Untick any that do not suit this parent, then update the pack. The next listing takes its place.",
    update: "Update the pack",
    restore: (n: number) =>
      n === 1 ? "Put back the listing you left out" : `Put back the ${n} listings you left out`,
    didNotFit: "Did not fit on two pages",
    didNotFitHint:
      "Tick any you would rather give this parent, then update the pack. They go in, and lower-ranked listings make room.",
    noteLegend: "Your note",
    noteLabel: "A note from you, and your team’s contact details (optional)",
    noteHint:
      "Printed on the pack under “From your health visitor / midwife”. It is not saved or logged: it goes only into this page and the PDF. Do not write the parent’s name or details.",
    noteTooLong: (n: number) =>
      `Keep the note to ${NOTE_MAX} characters or fewer. It has ${n.toLocaleString("en-GB")}.`,
    noteAdd: "Add the note to the pack",
    notePdf: "Download the PDF with the note",
    print: "Print the pack",
    printHint: "To print, use your browser’s Print command (Ctrl+P, or Cmd+P on a Mac).",
    pdf: "Download the pack as a PDF",
    preview: "Preview of the pack",
    errorTitle: "There is a problem",
    invalidPostcode: "Enter a postcode, for example EX4 4PQ or EX4 4.",
    postcodeNotFound:
      "We could not find that postcode. Check it, or try the first half only, for example EX4.",
    badLink: "This link is not quite right. Choose the options again below.",
    start: "Enter a postcode to see the pack.",
  },

  poster: {
    title: "Make a poster for a noticeboard",
    intro:
      "A poster for GP surgeries, clinics and children’s centres, with a large QR code to the live directory.",
    area: "Area",
    areaHint:
      "A postcode district (EX4), council (Northern Ireland’s too), NHS integrated care board, or Welsh or Scottish health board, by name or code.",
    size: "Paper size",
    language: "Language of the poster",
    show: "Show the poster",
    print: "Print the poster",
    pdf: "Download the poster as a PDF",
    notFound:
      "We could not find that area. Try a postcode district such as EX4, or a council such as Exeter.",
    ambiguous: (names: string) => `That matches more than one area: ${names}. Choose one.`,
    headline: "Pregnant or had a baby, and not feeling yourself?",
    lead: "You are not alone, and support is close by: peer groups, local NHS services and helplines. You can contact many of them yourself.",
    scan: "Scan to find support near you",
    scanThen: "Then enter your postcode.",
    orVisit: "Or visit",
    forArea: (name: string) => `For ${name}`,
    talk: "You can also talk to your midwife, health visitor or GP.",
    crisis: "Need help now?",
    printed: (date: string) => `Printed on ${date}`,
    leadNothingLocal:
      "You are not alone. Wherever you live, there is support you can reach now: NHS services you can ask for, and helplines and online groups for parents. You can contact many of them yourself.",
    scanNational: "Scan for helplines and online support",
    nothingLocal: (name: string) => `No local group or service is listed for ${name} yet.`,
    steps: "What you can do now",
    national: "Helplines and online support, wherever you are",
    tellUs: (url: string) => `Know a local group? Tell us: ${url}`,
  },

  service: {
    titleSuffix: "Perinatal Signpost",
    about: "About this service",
    howTo: "How to get this support",
    contact: "Contact",
    when: "When it runs",
    addToCalendar: "Add the sessions to your calendar",
    subscribe: "Subscribe, so changes reach your calendar",
    next: "Next session",
    noSessions: "No sessions are planned at the moment. Contact the service to ask.",
    places: "Where",
    access: "Access:",
    directions: "Map and directions",
    whoFor: "Who it is for",
    stages: "Stages",
    audiences: "Especially for",
    formats: "How you take part",
    area: "Area covered",
    cost: "Cost",
    languages: "Languages",
    organisation: "Run by",
    website: "Organisation website",
    checked: (date: string) => `Details last checked on ${date}.`,
    notChecked: "These details have not been checked yet.",
    overdue: "These details are due to be checked again. Please confirm them before you go.",
    example:
      "This is an example listing. The details are made up to show how the directory works. It is not a real service.",
    report: "Report a problem with this listing",
    crisis: "Need help now?",
    moderated: "Moderated",
    trained: "Run by trained facilitators",
    notFoundTitle: "We could not find that listing",
    notFoundBody:
      "It may have been taken down, or the link may be wrong. You can still find support near you.",
    reportTitle: "Report a problem",
    reportIntro:
      "Tell us what is wrong with this listing and someone will check it. Please do not include personal details.",
    reasonLegend: "What is wrong?",
    reasons: {
      closed: "It has closed or stopped running",
      "wrong-contact": "The phone number, email or website is wrong",
      "wrong-times": "The days or times are wrong",
      other: "Something else",
    },
    detailsLabel: "Tell us more (optional)",
    detailsHint:
      "Please do not include your name, address, phone number or anything about your health. Up to 1,000 characters.",
    send: "Send the report",
    sent: "Thank you. Someone will check this listing.",
    failed: "We could not send your report. Please try again later.",
    limited: "You have sent several reports. Please wait a few minutes and try again.",
    chooseReason: "Choose what is wrong.",
    backTo: (name: string) => `Back to ${name}`,
  },
};

/** The shape every language's strings share. */
export type PrintText = typeof en;
