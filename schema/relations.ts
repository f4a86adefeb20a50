import { relations } from "drizzle-orm";
import {
  contacts,
  locations,
  organisations,
  schedules,
  serviceAreas,
  services,
} from "./listings.js";

export const organisationRelations = relations(organisations, ({ many }) => ({
  services: many(services),
}));

export const serviceRelations = relations(services, ({ one, many }) => ({
  organisation: one(organisations, {
    fields: [services.organisationId],
    references: [organisations.id],
  }),
  contacts: many(contacts),
  locations: many(locations),
  schedules: many(schedules),
  areas: many(serviceAreas),
}));

export const contactRelations = relations(contacts, ({ one }) => ({
  service: one(services, { fields: [contacts.serviceId], references: [services.id] }),
}));

export const locationRelations = relations(locations, ({ one }) => ({
  service: one(services, { fields: [locations.serviceId], references: [services.id] }),
}));

export const scheduleRelations = relations(schedules, ({ one }) => ({
  service: one(services, { fields: [schedules.serviceId], references: [services.id] }),
  location: one(locations, { fields: [schedules.locationId], references: [locations.id] }),
}));

export const serviceAreaRelations = relations(serviceAreas, ({ one }) => ({
  service: one(services, { fields: [serviceAreas.serviceId], references: [services.id] }),
}));
