/**
 * A listing as one value (the shape of schema/listing-input.ts, kept in drafts and revisions)
 * and as the rows of the listing tables, in both directions.
 */
import type { Listing } from "../../schema/listing-input.js";
import type {
  contacts,
  locations,
  schedules,
  serviceAreas,
  services,
} from "../../schema/tables.js";
import type { ServiceBundle } from "../db/listing-bundles.js";

type ServiceInsert = typeof services.$inferInsert;

export interface ListingRows {
  service: Omit<ServiceInsert, "createdAt" | "updatedAt">;
  contacts: (typeof contacts.$inferInsert)[];
  locations: (typeof locations.$inferInsert)[];
  schedules: (typeof schedules.$inferInsert)[];
  areas: (typeof serviceAreas.$inferInsert)[];
}

const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

/** The live rows of a listing as one value. */
export function bundleToListing(b: ServiceBundle): Listing {
  const { createdAt: _c, updatedAt: _u, ...service } = b.service;
  return {
    ...service,
    contacts: b.contacts.map(({ serviceId: _s, ...c }) => c),
    locations: b.locations.map(({ serviceId: _s, ...l }) => l),
    schedules: b.schedules.map(({ serviceId: _s, ...s }) => s),
    areas: b.areas.map(({ serviceId: _s, ...a }) => a),
  } as Listing;
}

/** The rows to write for a listing; nullish optional fields become explicit nulls. */
export function listingRows(l: Listing): ListingRows {
  const { contacts: cs, locations: ls, schedules: ss, areas: as, ...s } = l;
  return {
    service: {
      ...s,
      nameCy: orNull(s.nameCy),
      summaryCy: orNull(s.summaryCy),
      descriptionCy: orNull(s.descriptionCy),
      howToAccessCy: orNull(s.howToAccessCy),
      costNote: orNull(s.costNote),
      verifiedAt: orNull(s.verifiedAt),
      sourceUrl: orNull(s.sourceUrl),
    },
    contacts: cs.map((c, i) => ({
      id: c.id,
      serviceId: l.id,
      kind: c.kind,
      value: c.value,
      label: orNull(c.label),
      labelCy: orNull(c.labelCy),
      hours: orNull(c.hours),
      hoursCy: orNull(c.hoursCy),
      keyword: orNull(c.keyword),
      openHours: c.openHours ?? null,
      needsVerification: c.needsVerification,
      position: i,
    })),
    locations: ls.map((x) => ({
      ...x,
      serviceId: l.id,
      accessibility: orNull(x.accessibility),
      accessibilityCy: orNull(x.accessibilityCy),
    })),
    schedules: ss.map((x) => ({
      ...x,
      serviceId: l.id,
      locationId: orNull(x.locationId),
      nth: orNull(x.nth),
      anchorDate: orNull(x.anchorDate),
      validFrom: orNull(x.validFrom),
      validUntil: orNull(x.validUntil),
      note: orNull(x.note),
      noteCy: orNull(x.noteCy),
    })),
    areas: as.map((a) => ({
      id: a.id,
      serviceId: l.id,
      kind: a.kind,
      code: orNull(a.code),
      latitude: orNull(a.latitude),
      longitude: orNull(a.longitude),
      radiusKm: orNull(a.radiusKm),
    })),
  };
}

/** A listing shaped like loaded rows, so the public presenters can show a draft as it would look. */
export function listingToBundle(
  l: Listing,
  organisation: { name: string; website: string | null },
  at = new Date(0).toISOString(),
): ServiceBundle {
  const rows = listingRows(l);
  return {
    service: {
      ...(rows.service as Required<ListingRows["service"]>),
      createdAt: at,
      updatedAt: at,
    },
    organisation: organisation.name,
    organisationWebsite: organisation.website,
    contacts: rows.contacts as ServiceBundle["contacts"],
    locations: rows.locations as ServiceBundle["locations"],
    schedules: rows.schedules as ServiceBundle["schedules"],
    areas: rows.areas as ServiceBundle["areas"],
  };
}
