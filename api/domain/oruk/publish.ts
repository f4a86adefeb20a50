/**
 * Our published listings as HSDS 3.0 / ORUK 3.0 objects. Everything optional and empty is left
 * out (`clean`), every id is a stable v5 UUID, and what HSDS has no field for goes out as the
 * documented `x_` extension properties (docs/open-referral.md), so our own feed reads back exactly.
 * Never published: named staff (HSDS `contacts`), `assurer_email`, organisation email and phone.
 */
import { costLabels } from "../../../schema/taxonomy.js";
import { publicContacts } from "../public-contacts.js";
import { toHsdsArea } from "./area-map.js";
import { clean, type OrukBundle, type OrukContext } from "./bundle.js";
import { toHsdsSchedule } from "./schedule-map.js";
import {
  type OrukTermDef,
  TAXONOMIES,
  TERM_TIME_ONLY,
  TERMS_BY_KEY,
  taxonomyUuid,
  termsOf,
  termUuid,
} from "./taxonomy.js";
import { orukId } from "./uuid.js";

type Obj = Record<string, unknown>;

const languageNames = new Intl.DisplayNames(["en"], { type: "language" });

export const serviceUuid = (id: string) => orukId("service", id);
export const organisationUuid = (id: string) => orukId("organization", id);
export const salUuid = (serviceId: string, locationId: string) =>
  orukId("service_at_location", serviceId, locationId);

/** A term as the feed shows it, with the HSDS 3.0 `code` the DfE parser requires. */
export function toHsdsTerm(t: OrukTermDef, ctx: OrukContext): Obj {
  const taxonomy = TAXONOMIES.find((x) => x.key === t.taxonomy);
  const id = termUuid(t.key);
  return clean({
    id,
    name: t.name,
    description: t.description,
    code: t.code,
    parent_id: t.parentKey ? termUuid(t.parentKey) : undefined,
    taxonomy: taxonomy?.name,
    taxonomy_id: taxonomyUuid(t.taxonomy),
    term_uri: `${ctx.base}/taxonomy_terms/${id}`,
    term: t.name,
    taxonomy_detail: taxonomy ? { name: taxonomy.name, uri: taxonomy.uri } : undefined,
    x_name_cy: t.nameCy,
  });
}

function attribute(linkId: string, linkEntity: string, t: OrukTermDef, ctx: OrukContext): Obj {
  return {
    id: orukId("attribute", linkId, t.key),
    link_id: linkId,
    link_type: linkEntity,
    link_entity: linkEntity,
    taxonomy_term_id: termUuid(t.key),
    taxonomy_term: toHsdsTerm(t, ctx),
  };
}

/** The date-time a listing last changed: its own row (rewritten with every publish) or its organisation's. */
export function lastModified(b: Pick<OrukBundle, "service" | "organisation">): string {
  return lastModifiedOf(b.service.updatedAt, b.organisation.updatedAt);
}

export function lastModifiedOf(serviceUpdatedAt: string, organisationUpdatedAt: string): string {
  return new Date(
    serviceUpdatedAt > organisationUpdatedAt ? serviceUpdatedAt : organisationUpdatedAt,
  ).toISOString();
}

function organisationIdentifiers(b: OrukBundle): Obj[] {
  const number = b.organisation.charityNumber;
  if (!number) return [];
  const scheme = number.startsWith("SC") ? "GB-SC" : number.startsWith("NIC") ? "GB-NIC" : "GB-CHC";
  return [
    {
      id: orukId("organization", b.organisation.id, "charity"),
      organization_id: organisationUuid(b.organisation.id),
      identifier_scheme: scheme,
      identifier_type: "Charity number",
      identifier: number,
    },
  ];
}

export function toHsdsOrganisation(b: OrukBundle, full: boolean): Obj {
  const o = b.organisation;
  return {
    id: organisationUuid(o.id),
    name: o.name,
    description: o.name,
    website: o.website,
    organization_identifiers: full ? organisationIdentifiers(b) : undefined,
  };
}

/** The contacts a parent may be shown: only checked ones (see public-contacts.ts). */
const shown = (b: OrukBundle) => publicContacts(b.contacts);

/** The one-to-one fields of a service: the `/services` list item. */
function serviceFields(b: OrukBundle): Obj {
  const s = b.service;
  const first = (kind: string) => shown(b).find((c) => c.kind === kind)?.value;
  return {
    id: serviceUuid(s.id),
    organization_id: organisationUuid(b.organisation.id),
    name: s.name,
    description: s.description || s.summary,
    url: first("web"),
    email: first("email"),
    status: "active",
    fees: s.costNote,
    assured_date: s.verifiedAt,
    alert: s.needsVerification
      ? "Some details of this listing are waiting to be checked with the provider."
      : undefined,
    last_modified: lastModified(b),
    x_name_cy: s.nameCy,
    x_summary: s.summary,
    x_summary_cy: s.summaryCy,
    x_description_cy: s.descriptionCy,
    x_how_to_access: s.howToAccess,
    x_how_to_access_cy: s.howToAccessCy,
    x_source_url: s.sourceUrl,
    x_review_every_days: s.reviewEveryDays,
    x_needs_verification: s.needsVerification,
    x_perinatal_specific: s.perinatalSpecific,
  };
}

export function toHsdsListItem(b: OrukBundle): Obj {
  return clean({ ...serviceFields(b), organization: toHsdsOrganisation(b, false) });
}

function toHsdsLocation(l: OrukBundle["locations"][number], ctx: OrukContext): Obj {
  const id = orukId("location", l.id);
  const parts = l.address.split(",").map((p) => p.trim());
  const city = parts.length > 1 ? (parts.pop() ?? "") : "";
  return {
    id,
    location_type: "physical",
    name: l.name,
    latitude: l.latitude,
    longitude: l.longitude,
    x_position_precision: l.precision,
    addresses: [
      {
        id: orukId("address", l.id),
        location_id: id,
        address_1: parts.join(", "),
        city: city || ctx.countyOf(l.postcode) || parts.join(", "),
        state_province: ctx.countyOf(l.postcode) || city || "United Kingdom",
        postal_code: l.postcode,
        country: "GB",
        address_type: "physical",
        x_address: l.address,
      },
    ],
    accessibility: l.accessibility
      ? [
          {
            id: orukId("accessibility", l.id),
            location_id: id,
            description: l.accessibility,
            x_description_cy: l.accessibilityCy,
          },
        ]
      : undefined,
  };
}

function toHsdsSal(b: OrukBundle, l: OrukBundle["locations"][number], ctx: OrukContext): Obj {
  return {
    id: salUuid(b.service.id, l.id),
    service_id: serviceUuid(b.service.id),
    location_id: orukId("location", l.id),
    location: toHsdsLocation(l, ctx),
  };
}

function phones(b: OrukBundle, sid: string): Obj[] {
  return shown(b)
    .filter(
      (c) =>
        c.kind === "phone" ||
        c.kind === "text" ||
        (c.kind === "whatsapp" && !c.value.startsWith("https:")),
    )
    .map((c) => ({
      id: orukId("phone", c.id),
      service_id: sid,
      number: c.value,
      type: c.kind === "phone" ? "voice" : "text",
      description: [
        c.label,
        c.keyword ? `Text ${c.keyword}` : null,
        c.kind === "whatsapp" ? "WhatsApp" : null,
        c.hours,
      ]
        .filter(Boolean)
        .join(". "),
    }));
}

/** Every contact route as we hold it (the service's public routes; never a named person). */
function contactExtension(b: OrukBundle): Obj[] {
  return shown(b).map((c) => ({
    kind: c.kind,
    value: c.value,
    label: c.label,
    label_cy: c.labelCy,
    hours: c.hours,
    hours_cy: c.hoursCy,
    open_hours: c.openHours,
    keyword: c.keyword,
    needs_verification: c.needsVerification,
  }));
}

/** The fully nested service: `/services/{id}`. */
export function toHsdsService(b: OrukBundle, ctx: OrukContext): Obj {
  const s = b.service;
  const sid = serviceUuid(s.id);
  const attributes = termsOf(s).map((t) => attribute(sid, "service", t, ctx));
  const termTime = TERMS_BY_KEY.get(TERM_TIME_ONLY);
  if (termTime) {
    for (const x of b.schedules.filter((x) => x.termTimeOnly)) {
      attributes.push(attribute(orukId("schedule", x.id), "schedule", termTime, ctx));
    }
  }
  return clean({
    ...serviceFields(b),
    organization: toHsdsOrganisation(b, true),
    phones: phones(b, sid),
    schedules: b.schedules.map((x) => toHsdsSchedule(x, sid)),
    service_areas: b.areas.map((a) => toHsdsArea(a, sid, ctx)),
    service_at_locations: b.locations.map((l) => toHsdsSal(b, l, ctx)),
    languages: s.languages.map((code) => ({
      id: orukId("language", s.id, code),
      service_id: sid,
      name: languageNames.of(code) ?? code,
      code,
    })),
    cost_options: [
      {
        id: orukId("cost_option", s.id),
        service_id: sid,
        option: costLabels[s.cost].en,
        amount: s.cost === "free" ? 0 : undefined,
        amount_description: s.costNote,
      },
    ],
    attributes,
    x_contacts: contactExtension(b),
  });
}

/** A `/service_at_locations` list item: the link, its location, and the service's one-to-one fields. */
export function toHsdsSalItem(b: OrukBundle, locationId: string, ctx: OrukContext): Obj | null {
  const l = b.locations.find((x) => x.id === locationId);
  if (!l) return null;
  return clean({ ...toHsdsSal(b, l, ctx), service: toHsdsListItem(b) });
}

/**
 * `/service_at_locations/{id}`: the OpenAPI declares a full service here (a spec bug fixed
 * upstream in 2026), so the service_at_location carries the service's `name` and `status` at its
 * root, and its sessions, and validates under both readings.
 */
export function toHsdsSalFull(b: OrukBundle, locationId: string, ctx: OrukContext): Obj | null {
  const l = b.locations.find((x) => x.id === locationId);
  if (!l) return null;
  const sid = serviceUuid(b.service.id);
  return clean({
    ...toHsdsSal(b, l, ctx),
    name: b.service.name,
    status: "active",
    schedules: b.schedules.filter((x) => x.locationId === l.id).map((x) => toHsdsSchedule(x, sid)),
    service: toHsdsListItem(b),
  });
}
