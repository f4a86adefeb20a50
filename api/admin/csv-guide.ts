/**
 * What the import page says about each column, and the template a partner downloads: the
 * columns people fill in, with one example row. Allowed values come from the vocabularies, so
 * the guide can never drift from what the import accepts.
 */

import { toCsv } from "./csv.js";
import { allowedValues } from "./csv-cells.js";

export interface ColumnGuide {
  column: string;
  required: boolean;
  what: string;
}

const yesNo = "yes or no (empty means no).";

export const COLUMN_GUIDE: ColumnGuide[] = [
  {
    column: "organisation",
    required: false,
    what: "The organisation that runs the service, by its name as on the Organisations page. Editors can leave it empty: rows are for their own organisation.",
  },
  { column: "name", required: true, what: "The service's name, as parents know it." },
  {
    column: "summary",
    required: true,
    what: "One or two sentences on what it offers and for whom (at least 10 characters).",
  },
  { column: "kind", required: true, what: `One of: ${allowedValues("kind")}.` },
  {
    column: "stages",
    required: true,
    what: `One or more of: ${allowedValues("stages")}, separated by semicolons.`,
  },
  {
    column: "formats",
    required: true,
    what: `One or more of: ${allowedValues("formats")}, separated by semicolons.`,
  },
  {
    column: "referral",
    required: true,
    what: `One or more of: ${allowedValues("referral")}, separated by semicolons.`,
  },
  {
    column: "audiences",
    required: false,
    what: `Who it is especially for, if anyone: ${allowedValues("audiences")}, separated by semicolons.`,
  },
  { column: "cost", required: false, what: `One of: ${allowedValues("cost")}. Empty means free.` },
  { column: "cost_note", required: false, what: "A word on the cost, e.g. “£2 a session”." },
  { column: "description", required: false, what: "More detail, if the summary is not enough." },
  { column: "how_to_access", required: false, what: "What someone does to start, in a sentence." },
  {
    column: "phone",
    required: false,
    what: "A UK phone number: 01392 000000, 0808 808 8000, or +44 1392 000000.",
  },
  { column: "email", required: false, what: "An email address for the service." },
  { column: "website", required: false, what: "Its web page, starting https:// (or www.)." },
  {
    column: "venue_name, venue_address, venue_postcode",
    required: false,
    what: "Where it meets, for groups in person: the venue's name, its address, and a full postcode (EX4 4QJ).",
  },
  {
    column: "schedules",
    required: false,
    what: "When it meets, at that venue: “Wednesdays 10:00-11:30”, “first Tuesday 10:00-12:00” (monthly), “last Friday 1pm-3pm”, or “fortnightly Monday 10:00-11:00 from 05/01/2027”. Several, separated by semicolons.",
  },
  {
    column: "areas",
    required: false,
    what: "Where people can use it: council areas (Teignbridge), postcode districts (EX4), ICB or health board names, countries (Wales) or “whole UK”, separated by semicolons.",
  },
  {
    column: "verified_at",
    required: false,
    what: "When you last checked the details with the service: 01/11/2026 (day/month/year). Not in the future.",
  },
  {
    column: "review_every_days",
    required: false,
    what: "How often it should be checked, in days. Empty: the usual interval for its kind.",
  },
  {
    column:
      "children_welcome, mental_health_specific, perinatal_specific, peer_led, facilitator_trained, moderated",
    required: false,
    what: `Each ${yesNo} perinatal_specific empty means yes.`,
  },
  {
    column: "name_cy, summary_cy, description_cy, how_to_access_cy",
    required: false,
    what: "The same in Welsh, where you have it.",
  },
  { column: "languages", required: false, what: "en, cy, or en; cy. Empty means English." },
  { column: "source_url", required: false, what: "Where the details came from (https://)." },
  {
    column: "id, version",
    required: false,
    what: "Leave empty for a new listing. An export fills them in: a row with an id becomes a draft of changes to that listing.",
  },
  {
    column: "contacts, locations",
    required: false,
    what: "Written by an export (JSON), for more than one contact or venue. You can leave them out and use the plain columns above.",
  },
];

const TEMPLATE_COLUMNS = [
  "organisation",
  "name",
  "summary",
  "kind",
  "stages",
  "formats",
  "referral",
  "audiences",
  "cost",
  "cost_note",
  "phone",
  "email",
  "website",
  "venue_name",
  "venue_address",
  "venue_postcode",
  "schedules",
  "areas",
  "verified_at",
  "children_welcome",
];

/** The template: the columns above with one example row (for `organisation`, if known). */
export function importTemplate(organisation: string | null, today: string): string {
  const [y, m, d] = today.split("-");
  const example: Record<string, string> = {
    organisation: organisation ?? "Your organisation's name",
    name: "Bumps and Babies Cafe",
    summary: "A relaxed weekly drop-in for parents-to-be and parents of babies.",
    kind: "Peer support group",
    stages: "Pregnant; Baby under 1",
    formats: "In person",
    referral: "You can refer yourself",
    audiences: "",
    cost: "Free",
    cost_note: "",
    phone: "01392 000000",
    email: "hello@example.org",
    website: "https://example.org/bumps",
    venue_name: "St Anne's Hall",
    venue_address: "1 High Street, Exeter",
    venue_postcode: "EX4 4QJ",
    schedules: "Wednesdays 10:00-11:30",
    areas: "Exeter; Teignbridge",
    verified_at: `${d}/${m}/${y}`,
    children_welcome: "yes",
  };
  return toCsv([TEMPLATE_COLUMNS, TEMPLATE_COLUMNS.map((c) => example[c] ?? "")]);
}
