/** What the audit log shows for each action and kind of record, in words. */
import type { AuditAction, AuditEntry } from "./audit.js";

export const ACTION_LABELS: Record<AuditAction, string> = {
  "session.login": "Signed in",
  "session.logout": "Signed out",
  "user.create": "Account added",
  "user.update": "Account changed",
  "user.password": "Password set",
  "user.invite": "Invitation sent",
  "user.password-reset-request": "Password reset asked for",
  "user.two-factor-on": "Two-factor sign-in turned on",
  "user.two-factor-off": "Two-factor sign-in turned off",
  "user.recovery-code": "Recovery code used",
  "organisation.create": "Organisation added",
  "organisation.update": "Organisation changed",
  "listing.create": "Listing added",
  "listing.save": "Draft saved",
  "listing.submit": "Sent for review",
  "listing.withdraw": "Taken back from review",
  "listing.send-back": "Sent back",
  "listing.publish": "Published",
  "listing.archive": "Archived",
  "listing.check": "Marked as checked",
  "listing.confirm-by-link": "Confirmed by email link",
  "listing.discard": "Draft discarded",
  "listing.restore": "Earlier version restored",
  "listing.import": "Imported",
  "listing.source-accept": "Change from the source feed accepted",
  "listing.source-keep": "Own version kept over the source feed",
  "listing.merge": "Merged",
  "listing.gone-keep": "Kept though gone from the source feed",
  "listing.request-publish": "Publishing asked for (needs a second person)",
  "listing.request-archive": "Archiving asked for (needs a second person)",
  "listing.cancel-request": "Request cancelled",
  "report.create": "Problem reported",
  "report.resolve": "Report resolved",
  "report.dismiss": "Report dismissed",
  "reminder.queue": "Review reminder written",
  "access.approve": "Editor access approved",
  "access.refuse": "Editor access refused",
  "submission.accept": "Offered service accepted",
  "submission.merge": "Offered service merged into an organisation",
  "submission.reject": "Offered service rejected",
};

export const ENTITY_LABELS: Record<AuditEntry["entity"], string> = {
  listing: "Listing",
  report: "Problem report",
  user: "Account",
  organisation: "Organisation",
  outbox: "Message",
  "access-request": "Request for editor access",
  submission: "Offered service",
};

/**
 * What each field recorded in an audit entry is called on the audit page. A listing is diffed
 * field by field under its own names (diff.ts, SERVICE_FIELDS); everything else is shown key by
 * key under these. `audit()` accepts only fields named here (audit.ts, `Labelled`), so a new
 * field cannot reach the log without a label.
 */
export const FIELD_LABELS = {
  // Accounts
  id: "Id",
  email: "Email address",
  name: "Name",
  role: "Role",
  organisationId: "Organisation",
  disabled: "Account turned off",
  notify: "How they hear from us",
  totpEnabledAt: "Two-factor sign-in turned on",
  createdAt: "Added",
  updatedAt: "Last changed",
  changedBy: "Changed by",
  outboxId: "Message",
  recoveryCodesLeft: "Recovery codes left",
  // Organisations
  website: "Website",
  phone: "Phone",
  charityNumber: "Charity number",
  mailLanguage: "Language of mail",
  // Listings and their workflow
  state: "State",
  status: "Status",
  note: "Note",
  version: "Version",
  revision: "Revision",
  action: "Action asked for",
  requestedBy: "Asked for by",
  verifiedAt: "Last checked",
  // Problem reports
  serviceId: "Listing",
  reason: "Reason",
  from: "Came from",
  confirmedBy: "Confirmed by",
  // Review reminders
  day: "Day",
  listings: "Listings",
  // Open Referral feeds
  feed: "Feed",
  remoteId: "Id in the feed",
  source: "Source feed",
  left: "Changes not taken",
  mergedInto: "Merged into",
  kept: "Listing kept",
  archived: "Listing archived",
} as const satisfies Record<string, string>;

export type AuditField = keyof typeof FIELD_LABELS;

/** A field's label, or undefined for one recorded before it had a label. */
export const fieldLabel = (key: string): string | undefined =>
  Object.hasOwn(FIELD_LABELS, key) ? FIELD_LABELS[key as AuditField] : undefined;
