import { nextSteps } from "../../../api/domain/next-steps.js";
import type { CrisisRoute, Place, SearchResponse, SearchResult } from "../../../schema/contract.js";

/** Contract-shaped answers for the fake directory, one per scenario the widget must handle. */

export const exeter: Place = {
  query: "EX4 4",
  precision: "sector",
  label: "EX4 4, Exeter",
  country: "England",
  countries: ["England"],
  lad: "E07000041",
  ladName: "Exeter",
  icb: "E54000037",
  icbName: "NHS Devon Integrated Care Board",
  lhb: null,
  lhbName: null,
  hb: null,
  hbName: null,
  latitude: 50.7319,
  longitude: -3.53637,
  approximate: false,
};

export const cardiff: Place = {
  ...exeter,
  query: "CF10 3",
  label: "CF10 3, Caerdydd",
  country: "Wales",
  countries: ["Wales"],
  lad: "W06000015",
  ladName: "Cardiff",
  icb: null,
  icbName: null,
  lhb: "W11000029",
  lhbName: "Cardiff and Vale University Health Board",
};

export const englandCrisis: CrisisRoute[] = [
  {
    id: "emergency-999",
    name: "Emergency services: call 999 or go to A&E",
    description: "If a life is at risk, call 999 or go to A&E.",
    countries: ["England", "Wales", "Scotland", "Northern Ireland"],
    contacts: [
      {
        kind: "phone",
        value: "999",
        href: "tel:999",
        label: "Call 999",
        hours: "24 hours a day, every day",
        keyword: null,
        needsVerification: false,
      },
    ],
    hours: "24 hours a day, every day",
  },
  {
    id: "samaritans",
    name: "Samaritans",
    description: "Call 116 123 free, any time.",
    countries: ["England", "Wales", "Scotland", "Northern Ireland"],
    contacts: [
      {
        kind: "phone",
        value: "116 123",
        href: "tel:116123",
        label: "Call free",
        hours: null,
        keyword: null,
        needsVerification: false,
      },
    ],
    hours: "24 hours a day, every day",
  },
];

export function result(
  overrides: Partial<SearchResult> & { id: string; name: string },
): SearchResult {
  return {
    organisation: "Exe Valley Parents Together (example)",
    summary: "A relaxed weekly peer support group, run by parents who have been there.",
    kind: "peer-group",
    stages: ["pregnancy", "postnatal"],
    formats: ["in-person"],
    referral: ["self"],
    selfReferral: true,
    cost: "free",
    childrenWelcome: true,
    peerLed: true,
    mentalHealthSpecific: true,
    perinatalSpecific: true,
    distanceKm: 1.8,
    nextSession: null,
    contacts: [],
    verifiedAt: "2026-10-14",
    reviewOverdue: false,
    needsVerification: false,
    demo: true,
    url: `/services/${overrides.id}`,
    venueSector: null,
    calendarUrl: null,
    lang: "en",
    ...overrides,
  };
}

type Answer = Pick<SearchResponse, "place" | "crisis" | "groups"> & {
  totals?: SearchResponse["totals"];
  lang?: "en" | "cy";
};

/** A whole answer: totals that match the groups unless given, and the place's next steps. */
export function answer({ lang = "en", ...a }: Answer): SearchResponse {
  const { nearby, area, anywhere } = a.groups;
  const { totals = { nearby: nearby.length, area: area.length, anywhere: anywhere.length } } = a;
  return {
    ...a,
    nextSteps: nextSteps(a.place.countries, lang),
    totals,
    total: nearby.length + area.length + anywhere.length,
  };
}

export const exeterResults: SearchResponse = answer({
  place: exeter,
  crisis: englandCrisis,
  groups: {
    nearby: [
      result({
        id: "bumps-group",
        name: "Exeter Bumps & Babies Peer Group (example)",
        distanceKm: 0.8,
        nextSession: {
          start: "2026-12-01T10:00:00+00:00",
          end: "2026-12-01T11:30:00+00:00",
          date: "2026-12-01",
          startTime: "10:00",
          endTime: "11:30",
          locationName: "Sidwell Street Community Room (example)",
          termTimeOnly: true,
        },
        contacts: [
          {
            kind: "phone",
            value: "01632 960101",
            href: "tel:01632960101",
            label: null,
            hours: "Monday to Friday, 9am to 5pm",
            keyword: null,
            needsVerification: false,
          },
          {
            kind: "email",
            value: "bumps@example.org",
            href: "mailto:bumps@example.org",
            label: null,
            hours: null,
            keyword: null,
            needsVerification: false,
          },
        ],
      }),
      result({
        id: "counselling",
        name: "Perinatal Counselling, Exeter (example)",
        kind: "counselling",
        cost: "low-cost",
        peerLed: false,
        childrenWelcome: false,
        formats: ["in-person", "online"],
        distanceKm: 2.4,
        verifiedAt: "2025-01-10",
        reviewOverdue: true,
        contacts: [
          {
            kind: "web",
            value: "https://counselling.example.org/",
            href: "https://counselling.example.org/",
            label: null,
            hours: null,
            keyword: null,
            needsVerification: false,
          },
        ],
      }),
    ],
    area: [
      result({
        id: "talking-therapies",
        name: "Devon Talking Therapies (example)",
        kind: "talking-therapy",
        peerLed: false,
        distanceKm: null,
        contacts: [
          {
            kind: "phone",
            value: "01632 960202",
            href: "tel:01632960202",
            label: null,
            hours: null,
            keyword: null,
            needsVerification: false,
          },
        ],
      }),
    ],
    anywhere: [
      result({
        id: "pandas",
        name: "PANDAS peer support",
        organisation: "PANDAS Foundation",
        kind: "helpline",
        formats: ["phone", "text", "online"],
        distanceKm: null,
        demo: false,
        contacts: [
          {
            kind: "text",
            value: "85258",
            href: "sms:85258?body=PANDAS",
            label: null,
            hours: null,
            keyword: "PANDAS",
            needsVerification: false,
          },
        ],
      }),
    ],
  },
});

export const emptyResults: SearchResponse = answer({
  place: { ...exeter, query: "TR1 1", label: "TR1 1, Truro" },
  crisis: englandCrisis,
  groups: { nearby: [], area: [], anywhere: [] },
});

/** Listing text is data from outside: it must render as text, and unsafe links not at all. */
export const hostileResults: SearchResponse = answer({
  place: exeter,
  crisis: englandCrisis,
  groups: {
    nearby: [
      result({
        id: "hostile",
        name: '<img src=x onerror="window.__pwned=1">Group',
        summary: "<script>window.__pwned=2</script>",
        contacts: [
          {
            kind: "web",
            value: "javascript:window.__pwned=3",
            href: "javascript:window.__pwned=3",
            label: null,
            hours: null,
            keyword: null,
            needsVerification: false,
          },
        ],
      }),
    ],
    area: [],
    anywhere: [],
  },
});

export function welshResults(): SearchResponse {
  return answer({
    lang: "cy",
    place: cardiff,
    crisis: [
      {
        ...englandCrisis[0]!,
        name: "Gwasanaethau brys: ffoniwch 999",
        description: "Os oes bywyd mewn perygl, ffoniwch 999.",
        contacts: [{ ...englandCrisis[0]!.contacts[0]!, label: "Ffoniwch 999", hours: null }],
        hours: "24 awr y dydd, bob dydd",
      },
    ],
    groups: {
      nearby: [
        result({
          id: "cardiff-welsh-group",
          name: "Grŵp Rhieni a Babanod Cymraeg Caerdydd (enghraifft)",
          summary: "Cymorth cymheiriaid anffurfiol yn Gymraeg.",
          distanceKm: 2.7,
          nextSession: {
            start: "2026-12-02T10:00:00+00:00",
            end: "2026-12-02T11:30:00+00:00",
            date: "2026-12-02",
            startTime: "10:00",
            endTime: "11:30",
            locationName: null,
            termTimeOnly: false,
          },
        }),
      ],
      area: [],
      anywhere: [],
    },
  });
}

export const glasgow: Place = {
  ...exeter,
  query: "G2 1",
  label: "G2 1, Glasgow City",
  country: "Scotland",
  countries: ["Scotland"],
  lad: "S12000049",
  ladName: "Glasgow City",
  icb: null,
  icbName: null,
  hb: "S08000031",
  hbName: "NHS Greater Glasgow and Clyde",
};

/** Nothing local listed (the usual case today): twelve national listings, ten shown at first. */
export function nothingLocal(place: Place = glasgow, lang: "en" | "cy" = "en"): SearchResponse {
  const anywhere = Array.from({ length: 12 }, (_, i) =>
    result({
      id: `national-${i + 1}`,
      name: `National support ${i + 1}`,
      organisation: "A UK charity",
      kind: "helpline",
      formats: ["phone"],
      distanceKm: null,
      demo: false,
      mentalHealthSpecific: i < 6,
      contacts: [
        {
          kind: "phone",
          value: `0808 000 ${String(1000 + i)}`,
          href: `tel:0808000${1000 + i}`,
          label: null,
          hours: null,
          keyword: null,
          needsVerification: false,
        },
      ],
    }),
  );
  return answer({
    place,
    crisis: englandCrisis,
    groups: { nearby: [], area: [], anywhere },
    lang,
  });
}

export const hayOnWye: Place = {
  ...exeter,
  query: "HR3 5",
  label: "HR3 5, Powys",
  country: "Wales",
  countries: ["Wales", "England"],
  lad: "W06000023",
  ladName: "Powys",
  icb: null,
  icbName: null,
  lhb: "W11000024",
  lhbName: "Powys Teaching Health Board",
};

/** A cross-border place: two "Call 111" routes, each of its own nation; a venue known only by sector. */
export function borderResults(): SearchResponse {
  const route = (id: string, name: string, country: "England" | "Wales") => ({
    ...englandCrisis[0]!,
    id,
    name,
    description: "Call 111 for urgent mental health help.",
    countries: [country],
    contacts: [{ ...englandCrisis[0]!.contacts[0]!, value: "111", href: "tel:111", label: null }],
  });
  return answer({
    place: hayOnWye,
    crisis: [
      englandCrisis[0]!,
      route("nhs-111-press-2-wales", "NHS 111 Wales: press 2", "Wales"),
      route("nhs-111-england", "NHS 111, mental health option", "England"),
    ],
    groups: {
      nearby: [
        result({
          id: "hay-bumps",
          name: "Hay Bumps and Babies (example)",
          distanceKm: 0,
          venueSector: "HR3 5",
          calendarUrl: "/services/hay-bumps/sessions.ics",
          nextSession: {
            start: "2026-12-03T10:00:00+00:00",
            end: "2026-12-03T11:30:00+00:00",
            date: "2026-12-03",
            startTime: "10:00",
            endTime: "11:30",
            locationName: null,
            termTimeOnly: false,
          },
          contacts: [
            {
              kind: "email",
              value: "hay@example.org",
              href: "mailto:hay@example.org",
              label: null,
              hours: null,
              keyword: null,
              needsVerification: false,
            },
          ],
        }),
      ],
      area: [],
      anywhere: [],
    },
  });
}
