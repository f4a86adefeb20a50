/**
 * A remote HSDS service as one of our listings: the exact inverse of publish.ts where the record
 * carries our terms and `x_` extensions (our own feed, or one that copied them), and otherwise a
 * best guess with a "check this" flag for the reviewer. Nothing here is ever published as is:
 * the listing becomes a draft in review.
 */
import type { CheckFlag, FeedFilterRule } from "../../../schema/feeds.js";
import { type Listing, type ListingInput, listingInput } from "../../../schema/listing-input.js";
import {
  AUDIENCES,
  COSTS,
  type Cost,
  FORMATS,
  type Format,
  KINDS,
  type Kind,
  REFERRALS,
  STAGES,
  type Stage,
} from "../../../schema/taxonomy.js";
import { fromHsdsArea } from "./area-map.js";
import { fromHsdsSchedule } from "./schedule-map.js";
import { TERM_TIME_ONLY } from "./taxonomy.js";
import {
  arr,
  bool,
  email,
  httpsUrl,
  inUk,
  isoDate,
  num,
  obj,
  type Raw,
  str,
  ukPhone,
  ukPostcode,
} from "./tolerant.js";

type ContactIn = NonNullable<ListingInput["contacts"]>[number];
type LocationIn = NonNullable<ListingInput["locations"]>[number];
type ScheduleIn = NonNullable<ListingInput["schedules"]>[number];
type AreaIn = NonNullable<ListingInput["areas"]>[number];

export type { CheckFlag };

export interface ImportContext {
  serviceId: string;
  organisationId: string;
  /** Today's UK date: a "last checked" date after it is not kept. */
  today: string;
  reviewEveryDays: number;
  /** The centre of a postcode's sector, for venues whose coordinates cannot be right. */
  sectorCentre: (postcode: string) => { latitude: number; longitude: number } | null;
}

export type Mapped =
  | { ok: true; listing: Listing; flags: CheckFlag[] }
  | { ok: false; reason: string };

/** The remote organisation a record names, for filing it and for deduplication. */
export interface RemoteOrganisation {
  remoteId: string | null;
  name: string;
  website: string | null;
  charityNumber: string | null;
}

export function remoteOrganisation(raw: Raw): RemoteOrganisation | null {
  const o = obj(raw.organization);
  const name = str(o?.name);
  if (!o || !name) return null;
  const charity = arr(o.organization_identifiers).find((i) =>
    /charit|GB-CHC|GB-SC|GB-NIC/i.test(`${str(i.identifier_type)} ${str(i.identifier_scheme)}`),
  );
  const number = str(charity?.identifier);
  return {
    remoteId: str(o.id),
    name,
    website: httpsUrl(o.website)?.url ?? null,
    charityNumber: number && /^(?:\d{6,7}(?:-\d+)?|SC\d{6}|NIC\d{6})$/.test(number) ? number : null,
  };
}

/** The terms a record carries: code, name and id of each, lower-cased, with its taxonomy's name. */
export function termsOfRecord(
  raw: Raw,
): { code: string; name: string; id: string; taxonomy: string }[] {
  return arr(raw.attributes).flatMap((a) => {
    const t = obj(a.taxonomy_term);
    if (!t) return [];
    return [
      {
        code: (str(t.code) ?? "").toLowerCase(),
        name: (str(t.name) ?? str(t.term) ?? "").toLowerCase(),
        id: (str(t.id) ?? str(a.taxonomy_term_id) ?? "").toLowerCase(),
        taxonomy: (str(t.taxonomy) ?? str(obj(t.taxonomy_detail)?.name) ?? "").toLowerCase(),
      },
    ];
  });
}

export const DEFAULT_FILTER_RULE: FeedFilterRule = {
  terms: [
    "Perinatal mental health support (pregnancy to one year post birth)",
    "Parent, baby and toddler groups",
    "1310",
    "1312",
    "20043",
    "Perinatal Signpost",
  ],
  keywords: [
    "perinatal",
    "postnatal",
    "post-natal",
    "antenatal",
    "ante-natal",
    "pregnancy",
    "pregnant",
    "new mum",
    "new mothers",
    "new parents",
    "bumps",
    "postpartum",
    "maternal mental health",
    "mother and baby",
  ],
};

/** Whether the feed's rule keeps a record, and by what (for the dry run and the summary). */
export function keptBy(raw: Raw, rule: FeedFilterRule): string | null {
  const terms = termsOfRecord(raw);
  for (const wanted of rule.terms.map((t) => t.trim().toLowerCase()).filter(Boolean)) {
    if (terms.some((t) => [t.code, t.name, t.id, t.taxonomy].includes(wanted)))
      return `term "${wanted}"`;
  }
  const text = [raw.name, raw.description, raw.x_summary].map(str).join(" ").toLowerCase();
  for (const word of rule.keywords.map((k) => k.trim().toLowerCase()).filter(Boolean)) {
    if (text.includes(word)) return `keyword "${word}"`;
  }
  return null;
}

function ourCodes(raw: Raw, facet: string): string[] {
  return termsOfRecord(raw)
    .filter((t) => t.code.startsWith(`${facet}:`))
    .map((t) => t.code.slice(facet.length + 1));
}

const KIND_WORDS: [RegExp, Kind][] = [
  [/crisis/, "crisis"],
  [/text (?:us|line|support)/, "text-line"],
  [/helpline|help line|phone line/, "helpline"],
  [/perinatal mental health (?:team|service)/, "specialist-perinatal"],
  [/health visit/, "health-visiting"],
  [/talking therap|\biapt\b|\bcbt\b/, "talking-therapy"],
  [/counsel/, "counselling"],
  [/forum|online communit/, "online-community"],
  [/one[- ]to[- ]one|befriend|buddy/, "one-to-one-peer"],
  [/group|caf[eé]|circle|meet ?up|drop[- ]in|stay and play/, "peer-group"],
];

const STAGE_WORDS: [RegExp, Stage][] = [
  [/pregnan|antenatal|ante-natal|bump|expecting/, "pregnancy"],
  [
    /postnatal|post-natal|new (?:mum|mother|parent)|baby|babies|after birth|postpartum/,
    "postnatal",
  ],
  [/toddler/, "toddler"],
];

function pick<T extends string>(
  values: readonly T[],
  found: string[],
  guess: () => T[],
  field: string,
  flags: CheckFlag[],
  what: string,
): T[] {
  const exact = found.filter((v): v is T => (values as readonly string[]).includes(v));
  if (exact.length > 0) return [...new Set(exact)];
  const guessed = guess();
  flags.push({ field, message: `Guessed ${what}: ${guessed.join(", ")}. Check it.` });
  return guessed;
}

/** Maps one full remote record; `flags` say what a reviewer must check. */
export function fromHsdsService(raw: Raw, ctx: ImportContext): Mapped {
  const name = str(raw.name);
  if (!name) return { ok: false, reason: "The record has no name." };
  if (name.length < 2 || name.length > 160)
    return { ok: false, reason: "The name is too short or too long." };
  const flags: CheckFlag[] = [];
  const flag = (field: string, message: string) => flags.push({ field, message });
  const exact = typeof raw.x_summary === "string";
  const description = str(raw.description) ?? "";
  const text = `${name} ${description}`.toLowerCase();

  let summary = str(raw.x_summary);
  if (!summary && !description) return { ok: false, reason: "The record has no description." };
  if (!summary) {
    const first = /^(.{10,}?[.!?])(?:\s|$)/.exec(description)?.[1] ?? description;
    summary = first.length > 300 ? `${first.slice(0, 297)}…` : first;
    if (summary.length < 10) summary = `${name}: ${description}`.slice(0, 300);
    if (summary.length < 10)
      return { ok: false, reason: "The record has no description to summarise." };
    flag("summary", "Written from the start of the description. Check it reads well on its own.");
  }

  const kinds = ourCodes(raw, "kind");
  const kind = (KINDS as readonly string[]).includes(kinds[0] ?? "")
    ? (kinds[0] as Kind)
    : (() => {
        const guessed = KIND_WORDS.find(([re]) => re.test(text))?.[1] ?? "information";
        flag("kind", `Guessed the kind of support: ${guessed}. Check it.`);
        return guessed;
      })();

  const phones = [
    ...arr(raw.phones),
    ...arr(raw.service_at_locations).flatMap((s) => arr(obj(s.location)?.phones)),
  ];
  const sals = arr(raw.service_at_locations);

  const stages = pick(
    STAGES,
    ourCodes(raw, "stage"),
    () => {
      const found = STAGE_WORDS.filter(([re]) => re.test(text)).map(([, s]) => s);
      return found.length ? found : ["postnatal"];
    },
    "stages",
    flags,
    "who it is for",
  );
  const formats = pick(
    FORMATS,
    ourCodes(raw, "format"),
    () => {
      const out: Format[] = [];
      if (sals.length > 0) out.push("in-person");
      if (phones.length > 0) out.push("phone");
      if (/online|virtual|zoom|video/.test(text)) out.push("online");
      return out.length ? out : ["in-person"];
    },
    "formats",
    flags,
    "how it is given",
  );
  const referral = pick(
    REFERRALS,
    ourCodes(raw, "referral"),
    () => (/gp|doctor/.test(text) && !/self[- ]refer/.test(text) ? ["gp"] : ["self"]),
    "referral",
    flags,
    "how people get to it",
  );
  const audiences = ourCodes(raw, "audience").filter((a): a is (typeof AUDIENCES)[number] =>
    (AUDIENCES as readonly string[]).includes(a),
  );
  const costs = ourCodes(raw, "cost");
  const costOption = arr(raw.cost_options)[0];
  let cost: Cost;
  if ((COSTS as readonly string[]).includes(costs[0] ?? "")) cost = costs[0] as Cost;
  else {
    const fees = `${str(raw.fees) ?? ""} ${str(costOption?.option) ?? ""}`.toLowerCase();
    cost =
      num(costOption?.amount) === 0 || /free|no charge/.test(fees)
        ? "free"
        : fees.trim()
          ? "paid"
          : "free";
    flag("cost", `Guessed the cost: ${cost}. Check it.`);
  }
  const features = new Set(ourCodes(raw, "feature"));
  const mentalHealthSpecific = exact
    ? features.has("mental-health-specific")
    : /perinatal mental health|maternal mental health/.test(text) ||
      termsOfRecord(raw).some((t) => t.name.startsWith("perinatal mental health support"));

  const languages = arr(raw.languages)
    .map(
      (l) =>
        str(l.code)?.toLowerCase() ??
        ({ english: "en", welsh: "cy", cymraeg: "cy" } as Record<string, string>)[
          str(l.name)?.toLowerCase() ?? ""
        ],
    )
    .filter((c): c is string => typeof c === "string" && /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(c));

  // Contacts: our own list when the record carries it, else phones, the service email and url.
  const contacts: ContactIn[] = [];
  const extension = Array.isArray(raw.x_contacts) ? arr(raw.x_contacts) : null;
  const cid = () => `${ctx.serviceId}-contact-${contacts.length + 1}`;
  if (extension) {
    for (const c of extension) {
      contacts.push({
        id: cid(),
        kind: str(c.kind) as "phone",
        value: str(c.value) ?? "",
        label: str(c.label),
        labelCy: str(c.label_cy),
        hours: str(c.hours),
        hoursCy: str(c.hours_cy),
        keyword: str(c.keyword) as null,
        needsVerification: bool(c.needs_verification) ?? false,
        position: contacts.length,
        ...(c.open_hours !== undefined ? { openHours: c.open_hours } : {}),
      } as ContactIn);
    }
  } else {
    for (const p of phones) {
      const number = ukPhone(p.number);
      if (!number) {
        flag(
          "contacts",
          `Left out a phone number that is not a UK number: "${str(p.number) ?? ""}".`,
        );
        continue;
      }
      const isText = /text|sms/i.test(str(p.type) ?? "");
      contacts.push({
        id: cid(),
        kind: isText ? "text" : "phone",
        value: number,
        label: str(p.description),
        position: contacts.length,
        needsVerification: false,
      } as ContactIn);
    }
    const mail = email(raw.email);
    if (mail)
      contacts.push({
        id: cid(),
        kind: "email",
        value: mail,
        position: contacts.length,
        needsVerification: false,
      });
    else if (raw.email !== undefined && raw.email !== null)
      flag("contacts", "Left out an email address that cannot be right.");
    const web = httpsUrl(raw.url);
    if (web) {
      contacts.push({
        id: cid(),
        kind: "web",
        value: web.url,
        position: contacts.length,
        needsVerification: false,
      });
      if (web.upgraded)
        flag("contacts", `The web address was http:; it is now ${web.url}. Check it opens.`);
    } else if (raw.url !== undefined && raw.url !== null)
      flag("contacts", "Left out a web address that cannot be right.");
  }
  if (contacts.length === 0)
    flag("contacts", "No contact could be read. Add one before publishing.");

  // Venues, with their sessions.
  const locations: LocationIn[] = [];
  const locationOfSal = new Map<string, string>();
  for (const sal of sals) {
    const l = obj(sal.location);
    const address = arr(l?.addresses)[0];
    const postcode = ukPostcode(address?.postal_code);
    if (!l || !postcode) {
      flag("locations", `Left out a venue without a UK postcode ("${str(l?.name) ?? "unnamed"}").`);
      continue;
    }
    const id = `${ctx.serviceId}-venue-${locations.length + 1}`;
    let latitude = num(l.latitude);
    let longitude = num(l.longitude);
    let precision = (str(l.x_position_precision) ?? "address") as "address" | "postcode" | "sector";
    if (!inUk(latitude, longitude)) {
      const centre = ctx.sectorCentre(postcode);
      if (!centre) {
        flag("locations", `Left out a venue whose postcode ${postcode} we cannot place.`);
        continue;
      }
      ({ latitude, longitude } = centre);
      precision = "sector";
      flag(
        "locations",
        `The venue's coordinates cannot be right; it is placed at the centre of ${postcode.slice(0, -2)}. Check it.`,
      );
    }
    const line =
      str(address?.x_address) ??
      [address?.address_1, address?.address_2, address?.city].map(str).filter(Boolean).join(", ");
    const accessibility = arr(l.accessibility)[0];
    locations.push({
      id,
      name: str(l.name) ?? str(address?.address_1) ?? postcode,
      address: line.length >= 5 ? line : `${line} ${postcode}`.trim(),
      postcode,
      latitude: latitude ?? 0,
      longitude: longitude ?? 0,
      precision,
      accessibility: str(accessibility?.description),
      accessibilityCy: str(accessibility?.x_description_cy),
    } as LocationIn);
    const salId = str(sal.id);
    if (salId) locationOfSal.set(salId, id);
  }

  const termTimeSchedules = new Set(
    arr(raw.attributes)
      .filter((a) => str(obj(a.taxonomy_term)?.code) === TERM_TIME_ONLY)
      .map((a) => str(a.link_id)),
  );
  const schedules: ScheduleIn[] = [];
  for (const s of arr(raw.schedules)) {
    const read = fromHsdsSchedule(s);
    if ("problem" in read) {
      flag("schedules", `Left out ${read.problem}.`);
      continue;
    }
    const salId = str(s.service_at_location_id);
    for (const x of read.sessions) {
      schedules.push({
        ...x,
        id: `${ctx.serviceId}-session-${schedules.length + 1}`,
        locationId: salId ? (locationOfSal.get(salId) ?? null) : null,
        termTimeOnly: x.termTimeOnly || termTimeSchedules.has(str(s.id)),
        nth: x.nth as 1 | null,
      });
    }
  }

  const areas: AreaIn[] = [];
  for (const a of arr(raw.service_areas)) {
    const read = fromHsdsArea(a);
    if (!read) {
      flag(
        "areas",
        `Left out a service area we cannot place ("${str(a.name) ?? str(a.service_area) ?? "unnamed"}").`,
      );
      continue;
    }
    areas.push({
      id: `${ctx.serviceId}-area-${areas.length + 1}`,
      ...read,
    } as AreaIn);
  }
  if (areas.length === 0 && locations.length === 0)
    flag("areas", "No service area or venue could be read. Add one.");

  const assured = isoDate(raw.assured_date);
  const verifiedAt = exact && assured && assured <= ctx.today ? assured : null;
  if (!exact && assured)
    flag(
      "verifiedAt",
      `The source says it last checked this on ${assured}. Check it with the provider.`,
    );
  const sourceUrl = str(raw.x_source_url) ?? httpsUrl(raw.url)?.url ?? null;

  const input: ListingInput = {
    id: ctx.serviceId,
    organisationId: ctx.organisationId,
    name,
    nameCy: str(raw.x_name_cy),
    summary,
    summaryCy: str(raw.x_summary_cy),
    description: exact && description === summary ? "" : description,
    descriptionCy: str(raw.x_description_cy),
    kind,
    stages,
    audiences,
    formats,
    referral,
    howToAccess: str(raw.x_how_to_access) ?? "",
    howToAccessCy: str(raw.x_how_to_access_cy),
    cost,
    costNote: str(raw.fees),
    languages: languages.length ? [...new Set(languages)] : ["en"],
    childrenWelcome: features.has("children-welcome"),
    mentalHealthSpecific,
    peerLed: features.has("peer-led") || (!exact && kind === "peer-group"),
    facilitatorTrained: features.has("facilitator-trained"),
    moderated: features.has("moderated"),
    status: "draft",
    verifiedAt,
    reviewEveryDays: num(raw.x_review_every_days) ?? ctx.reviewEveryDays,
    sourceUrl,
    needsVerification: exact ? (bool(raw.x_needs_verification) ?? true) : true,
    // A council's feed says nothing of it: our default (for perinatal needs only) until checked.
    perinatalSpecific: exact ? (bool(raw.x_perinatal_specific) ?? true) : true,
    contacts,
    locations,
    schedules,
    areas,
  };
  const parsed = listingInput.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      reason: parsed.error.issues
        .map((i) => `${i.path.join(".") || "listing"}: ${i.message}`)
        .join("; "),
    };
  }
  return { ok: true, listing: parsed.data, flags };
}
