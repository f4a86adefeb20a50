/** Labels and choices of the listing editor, shared by the form and its error summary. */
import {
  audienceLabels,
  costLabels,
  formatLabels,
  referralLabels,
  stageLabels,
} from "../../../schema/taxonomy.js";
import { AREA_KIND_LABELS } from "../area-lookup.js";
import type { Option } from "./components.js";

const options = (labels: Record<string, { en: string }>): Option[] =>
  Object.entries(labels).map(([value, l]) => ({ value, label: l.en }));

export const STAGE_OPTIONS = options(stageLabels);
export const AUDIENCE_OPTIONS = options(audienceLabels);
export const FORMAT_OPTIONS = options(formatLabels);
export const REFERRAL_OPTIONS = options(referralLabels);
export const COST_OPTIONS = options(costLabels);
export const AREA_KIND_OPTIONS: Option[] = Object.entries(AREA_KIND_LABELS).map(
  ([value, label]) => ({
    value,
    label,
  }),
);
export const CONTACT_KIND_OPTIONS: Option[] = [
  { value: "phone", label: "Phone" },
  { value: "text", label: "Text message" },
  { value: "email", label: "Email" },
  { value: "web", label: "Website" },
  { value: "whatsapp", label: "WhatsApp" },
];
export const PATTERN_OPTIONS: Option[] = [
  { value: "weekly", label: "Every week" },
  { value: "fortnightly", label: "Every two weeks" },
  { value: "monthly", label: "Once a month" },
];
export const WEEKDAY_OPTIONS: Option[] = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
].map((label, i) => ({ value: String(i + 1), label }));
export const NTH_OPTIONS: Option[] = [
  { value: "1", label: "First" },
  { value: "2", label: "Second" },
  { value: "3", label: "Third" },
  { value: "4", label: "Fourth" },
  { value: "-1", label: "Last" },
];

const FIELD_LABELS: Record<string, string> = {
  organisationId: "Organisation",
  name: "Name",
  nameCy: "Name in Welsh",
  summary: "Summary",
  summaryCy: "Summary in Welsh",
  description: "Description",
  descriptionCy: "Description in Welsh",
  kind: "Kind of support",
  stages: "Stages",
  audiences: "Who it is for",
  formats: "How it is offered",
  referral: "How people get referred",
  howToAccess: "How to access",
  howToAccessCy: "How to access, in Welsh",
  cost: "Cost",
  costNote: "Cost note",
  languages: "Languages",
  verifiedAt: "Last checked",
  reviewEveryDays: "Review every",
  sourceUrl: "Source",
  needsVerification: "Needs verification",
  id: "Listing",
  form: "Form",
};

const GROUP_LABELS: Record<string, string> = {
  contacts: "Contact",
  locations: "Venue",
  schedules: "Session",
  areas: "Area",
};

const CHILD_LABELS: Record<string, string> = {
  kind: "kind",
  value: "number or address",
  label: "label",
  labelCy: "label in Welsh",
  hours: "hours",
  hoursCy: "hours in Welsh",
  keyword: "keyword",
  name: "name",
  address: "address",
  postcode: "postcode",
  latitude: "latitude",
  longitude: "longitude",
  accessibility: "accessibility",
  locationId: "venue",
  pattern: "repeats",
  weekday: "day",
  nth: "week of the month",
  anchorDate: "a date it runs",
  startTime: "start time",
  endTime: "end time",
  validFrom: "from",
  validUntil: "until",
  note: "note",
  place: "area",
  radiusKm: "distance",
  id: "row",
};

/** "contacts.0.value" → "Contact 1: number or address". */
export function fieldLabel(name: string): string {
  const [group, index, field] = name.split(".");
  if (group && index !== undefined && GROUP_LABELS[group]) {
    return `${GROUP_LABELS[group]} ${Number(index) + 1}: ${CHILD_LABELS[field ?? ""] ?? field}`;
  }
  return FIELD_LABELS[name] ?? name;
}
