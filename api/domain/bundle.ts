import type {
  contacts,
  locations,
  schedules,
  serviceAreas,
  services,
} from "../../schema/tables.js";

export type ServiceRow = typeof services.$inferSelect;
export type ContactRow = typeof contacts.$inferSelect;
export type LocationRow = typeof locations.$inferSelect;
export type ScheduleRow = typeof schedules.$inferSelect;
export type AreaRow = typeof serviceAreas.$inferSelect;

/** A service with everything shown about it: its organisation's name and its child rows. */
export interface ServiceBundle {
  service: ServiceRow;
  organisation: string;
  organisationWebsite: string | null;
  contacts: ContactRow[];
  locations: LocationRow[];
  schedules: ScheduleRow[];
  areas: AreaRow[];
}
