import type { Country } from "../../schema/taxonomy.js";

/** Every English string the widget shows. `cy.ts` has the same shape, in Welsh. */
export const en = {
  // Dates are written out here rather than by Intl: browsers may ship without Welsh locale data.
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
  weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
  title: "Find perinatal mental health support",
  intro:
    "Groups, services and helplines for your mental health in pregnancy and after birth, near you and online.",

  crisis: {
    heading: "Need help now?",
    forCountry: (country: Country) => `Help in ${country}`,
    /** A route's nation, named when the place may be in more than one. */
    inCountry: (country: Country) => `In ${country}`,
    anywhere: "Help anywhere in the UK",
    more: "Hours and more ways to get help",
  },
  crisisRoutes: {
    emergency: {
      name: "Emergency: 999",
      description: "If you or your baby are in danger, call 999 or go to A&E.",
      hours: "24 hours",
    },
    nhs111: {
      name: "NHS 111",
      description:
        "Call 111 for urgent mental health help. In England choose the mental health option, in Wales press 2; in Scotland NHS 24 answers.",
      hours: "24 hours",
    },
    nhs111England: {
      name: "NHS 111, mental health option",
      description: "Call 111 and choose the mental health option for urgent help.",
      hours: "24 hours",
    },
    nhs111Wales: {
      name: "NHS 111, press 2",
      description: "Call 111 and press 2 for urgent mental health help. Free, even with no credit.",
      hours: "24 hours",
    },
    nhs24Scotland: {
      name: "NHS 24 Mental Health Hub",
      description: "Call 111 for urgent mental health help.",
      hours: "24 hours",
    },
    lifeline: {
      name: "Lifeline (Northern Ireland)",
      description: "Crisis support in Northern Ireland. Textphone 18001 0808 808 8000.",
      hours: "24 hours",
    },
    breathingSpace: {
      name: "Breathing Space (Scotland)",
      description: "A listening service in Scotland for anyone aged 16 or over.",
      hours: "Monday to Thursday 6pm to 2am; Friday 6pm to Monday 6am",
    },
    samaritans: {
      name: "Samaritans",
      description: "Free, any time, whatever you are going through.",
      hours: "24 hours",
    },
    shout: {
      name: "Shout",
      description: "Support by text message, at any time.",
      hours: "24 hours",
    },
  },
  helplines: {
    heading: "National support you can contact",
    pandas: {
      name: "PANDAS Foundation",
      description: "Peer support for parents from conception to after birth.",
      hours: "",
    },
    mind: {
      name: "Mind Infoline",
      description: "Information and signposting in England and Wales. Not a crisis line.",
      hours: "Monday to Friday 9am to 6pm",
    },
    app: {
      name: "Action on Postpartum Psychosis",
      description: "Peer support for women and families affected by postpartum psychosis.",
      hours: "",
    },
    tommys: {
      name: "Tommy's midwives",
      description: "Email a midwife about pregnancy, loss, or your mental health in pregnancy.",
      hours: "",
    },
  },

  postcode: {
    label: "Your postcode",
    hint: "We only use the first part and one more character, like EX4 4. Your full postcode stays here.",
    empty: "Enter your postcode, for example EX4 4PQ.",
    invalid: "Check your postcode. It should look like EX4 4PQ, or just EX4.",
    notFound:
      "We could not find that postcode. Check it, or try the first half only, for example EX4.",
    submit: "Find support",
  },

  filters: {
    stageLegend: "Show support for",
    more: "More choices",
    active: (n: number) => (n === 1 ? "1 chosen" : `${n} chosen`),
    kind: "Type of support",
    format: "How you take part",
    access: "Getting support",
    selfReferral: "I can refer myself",
    free: "Free only",
    children: "Babies and children welcome",
    welsh: "Offered in Welsh",
    when: "When",
    clear: "Clear choices",
  },

  status: {
    idle: "Enter your postcode to see peer groups, local services and helplines that are open to you.",
    loading: (place: string) => `Finding support for ${place}…`,
    results: (n: number, place: string) =>
      n === 1
        ? `1 place to find support for ${place}.`
        : `${n} places to find support for ${place}.`,
    none: (place: string) => `No services match your choices for ${place}.`,
  },
  groups: {
    nearby: "Groups and places near you",
    area: "Services covering your area",
    anywhere: "Online and phone, wherever you are",
  },
  local: {
    none: (place: string) => `We don't know of groups near ${place} yet.`,
    now: "What you can do now",
    more: (n: number) => `Show ${n} more`,
    tellUs: "Know a local group? Tell us",
  },
  empty: {
    heading: "Nothing matches all your choices",
    body: "Try fewer choices. These national helplines and online communities are open to everyone:",
  },
  failure: {
    heading: "We could not load local support just now",
    timeout: "The directory is taking too long to answer.",
    offline: "You seem to be offline.",
    network: "We could not reach the directory.",
    server: "Something went wrong on our side.",
    busy: "The directory is very busy. Please try again in a minute.",
    misconfigured: "This page has not set up the directory correctly.",
    reassure: "The helplines below are always there for you.",
    retry: "Try again",
  },

  badges: {
    selfReferral: "You can refer yourself",
    free: "Free",
    peerLed: "Peer-led",
    children: "Babies welcome",
    online: "Online",
  },
  card: {
    example: "Example listing",
    exampleNote:
      "Listings marked “Example listing” are made up to show how the directory works. They are not real services.",
    away: (distance: string) => `${distance} away`,
    miles: (miles: string) => (miles === "1" ? "1 mile" : `${miles} miles`),
    underTenthMile: "under 0.1 miles",
    inSector: (sector: string) => `In ${sector}`,
    calendar: "Add to calendar",
    next: "Next session",
    today: "Today",
    tomorrow: "Tomorrow",
    timeRange: (start: string, end: string) => `${start} to ${end}`,
    termTimeOnly: "term time only",
    lastChecked: (date: string) => `Last checked ${date}`,
    overdue: "These details are due to be checked again. Please confirm them before you go.",
    details: (name: string) => `More about ${name}`,
    newTab: "(opens in a new tab)",
  },
  contact: {
    call: (value: string) => `Call ${value}`,
    text: (value: string, keyword: string | null) =>
      keyword ? `Text ${keyword} to ${value}` : `Text ${value}`,
    email: "Email",
    web: "Website",
    whatsapp: "WhatsApp",
    about: (name: string) => ` for ${name}`,
  },

  footer: {
    print: (place: string) => `Print a resource pack for ${place}`,
    share: "Share this search",
    copied: "Link copied. It includes only the first part of your postcode.",
    copyThis: "Copy this link to share the search:",
  },
};

/** The widget's own text; taxonomy labels are added from schema/ by `loadStrings`. */
export type Text = typeof en;
