/**
 * The controlled vocabularies of a listing, with English and Welsh labels.
 * One source of truth: the database stores the codes, the API and the widget show the labels.
 */
export interface Label {
  readonly en: string;
  readonly cy: string;
}

function codes<T extends Record<string, Label>>(labels: T) {
  return Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
}

export const kindLabels = {
  "peer-group": { en: "Peer support group", cy: "Grŵp cymorth cymheiriaid" },
  "one-to-one-peer": { en: "One-to-one peer support", cy: "Cymorth cymheiriaid un-i-un" },
  "online-community": { en: "Online community", cy: "Cymuned ar-lein" },
  helpline: { en: "Helpline", cy: "Llinell gymorth" },
  "text-line": { en: "Text support", cy: "Cymorth drwy neges destun" },
  "specialist-perinatal": {
    en: "Specialist perinatal mental health team",
    cy: "Tîm iechyd meddwl amenedigol arbenigol",
  },
  "talking-therapy": { en: "Talking therapy", cy: "Therapi siarad" },
  "health-visiting": { en: "Health visiting", cy: "Ymwelwyr iechyd" },
  counselling: { en: "Counselling", cy: "Cwnsela" },
  information: { en: "Information and advice", cy: "Gwybodaeth a chyngor" },
  crisis: { en: "Crisis support", cy: "Cymorth mewn argyfwng" },
} as const satisfies Record<string, Label>;

export const stageLabels = {
  pregnancy: { en: "Pregnant", cy: "Yn feichiog" },
  postnatal: { en: "Baby under 1", cy: "Babi dan 1 oed" },
  toddler: { en: "Toddler", cy: "Plentyn bach" },
} as const satisfies Record<string, Label>;

export const formatLabels = {
  "in-person": { en: "In person", cy: "Wyneb yn wyneb" },
  online: { en: "Online", cy: "Ar-lein" },
  phone: { en: "Phone", cy: "Ffôn" },
  text: { en: "Text", cy: "Neges destun" },
  "home-visit": { en: "Home visit", cy: "Ymweliad cartref" },
} as const satisfies Record<string, Label>;

export const referralLabels = {
  self: { en: "You can refer yourself", cy: "Gallwch gyfeirio eich hun" },
  gp: { en: "Through your GP", cy: "Drwy eich meddyg teulu" },
  professional: {
    en: "Through your midwife or health visitor",
    cy: "Drwy eich bydwraig neu ymwelydd iechyd",
  },
} as const satisfies Record<string, Label>;

export const audienceLabels = {
  mothers: { en: "Mothers", cy: "Mamau" },
  partners: { en: "Partners", cy: "Partneriaid" },
  dads: { en: "Dads", cy: "Tadau" },
  lgbtq: { en: "LGBTQ+ parents", cy: "Rhieni LHDTC+" },
  "birth-trauma": { en: "After a difficult birth", cy: "Ar ôl genedigaeth anodd" },
  loss: { en: "After loss", cy: "Ar ôl colled" },
  "young-parents": { en: "Young parents", cy: "Rhieni ifanc" },
} as const satisfies Record<string, Label>;

export const costLabels = {
  free: { en: "Free", cy: "Am ddim" },
  "low-cost": { en: "Low cost", cy: "Cost isel" },
  paid: { en: "Paid", cy: "Codir tâl" },
} as const satisfies Record<string, Label>;

export const whenLabels = {
  morning: { en: "Mornings", cy: "Boreau" },
  afternoon: { en: "Afternoons", cy: "Prynhawniau" },
  evening: { en: "Evenings", cy: "Gyda'r nos" },
  weekend: { en: "Weekends", cy: "Penwythnosau" },
  "school-holidays": { en: "School holidays", cy: "Gwyliau ysgol" },
} as const satisfies Record<string, Label>;

export const KINDS = codes(kindLabels);
export const STAGES = codes(stageLabels);
export const FORMATS = codes(formatLabels);
export const REFERRALS = codes(referralLabels);
export const AUDIENCES = codes(audienceLabels);
export const COSTS = codes(costLabels);
export const WHENS = codes(whenLabels);
export const STATUSES = ["draft", "in-review", "published", "archived"] as const;
export const CONTACT_KINDS = ["phone", "text", "email", "web", "whatsapp"] as const;
export const SCHEDULE_PATTERNS = ["weekly", "fortnightly", "monthly"] as const;
export const AREA_KINDS = [
  "uk",
  "country",
  "icb",
  "lhb",
  "hb",
  "lad",
  "district",
  "radius",
] as const;
/** How precisely a venue's position is known (see `locations.precision`). */
export const VENUE_PRECISIONS = ["address", "postcode", "sector"] as const;
export const COUNTRIES = ["England", "Wales", "Scotland", "Northern Ireland"] as const;
export const LANGS = ["en", "cy"] as const;

export type Kind = (typeof KINDS)[number];
export type Stage = (typeof STAGES)[number];
export type Format = (typeof FORMATS)[number];
export type Referral = (typeof REFERRALS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type Cost = (typeof COSTS)[number];
export type When = (typeof WHENS)[number];
export type Status = (typeof STATUSES)[number];
export type ContactKind = (typeof CONTACT_KINDS)[number];
export type SchedulePattern = (typeof SCHEDULE_PATTERNS)[number];
export type AreaKind = (typeof AREA_KINDS)[number];
export type VenuePrecision = (typeof VENUE_PRECISIONS)[number];
export type Country = (typeof COUNTRIES)[number];
export type Lang = (typeof LANGS)[number];

/** The language of mail to an organisation: English, Welsh, or both (Welsh first). */
export const MAIL_LANGUAGES = ["en", "cy", "both"] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];
export const mailLanguageLabels: Record<MailLanguage, Label> = {
  en: { en: "English", cy: "Saesneg" },
  cy: { en: "Welsh (Cymraeg)", cy: "Cymraeg" },
  both: { en: "Welsh and English", cy: "Cymraeg a Saesneg" },
};
