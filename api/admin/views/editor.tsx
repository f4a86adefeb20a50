/** The listing editor: every field, validation next to each, works without JavaScript. */
import type { FC } from "hono/jsx";
import type { ListingFormValues } from "../listing-form.js";
import type { EditToken } from "../listing-repo.js";
import type { SessionUser } from "../roles.js";
import {
  Checkbox,
  CheckboxGroup,
  ErrorSummary,
  type Option,
  Select,
  TextArea,
  TextField,
} from "./components.js";
import {
  AUDIENCE_OPTIONS,
  COST_OPTIONS,
  FORMAT_OPTIONS,
  fieldLabel,
  REFERRAL_OPTIONS,
  STAGE_OPTIONS,
} from "./editor-fields.js";
import { AreaRows, ContactRows, Section, SessionRows, VenueRows } from "./editor-rows.js";
import { CsrfField, Page } from "./layout.js";
import { KIND_OPTIONS } from "./listings.js";

export interface EditorProps {
  user: SessionUser;
  csrf: string;
  title: string;
  action: string;
  values: ListingFormValues;
  errors: Record<string, string>;
  token: EditToken | null;
  /** Organisations to choose from, or null when the user may only use their own. */
  organisations: Option[] | null;
  organisationName: string;
  areaNames: string[];
  notice?: string | null;
  /** Shown above the form, e.g. on the conflict screen. */
  intro?: unknown;
}

export const EditorPage: FC<EditorProps> = (p) => {
  const v = p.values;
  const e = p.errors;
  return (
    <Page title={p.title} user={p.user} csrf={p.csrf} active="listings" notice={p.notice ?? null}>
      <h1>{p.title}</h1>
      {p.intro as never}
      <ErrorSummary errors={e} labels={fieldLabel} />
      <form method="post" action={p.action} data-editor novalidate>
        <CsrfField token={p.csrf} />
        {p.token ? (
          <>
            <input type="hidden" name="version" value={String(p.token.version)} />
            <input type="hidden" name="revision" value={String(p.token.revision)} />
          </>
        ) : null}
        <div class="actions">
          <button type="submit" name="intent" value="save" class="button primary">
            Save draft
          </button>
          <button type="submit" name="intent" value="preview" class="button secondary">
            Preview
          </button>
        </div>

        <Section id="about" title="About the support">
          {p.organisations ? (
            <Select
              name="organisationId"
              label="Organisation"
              options={p.organisations}
              value={v.organisationId}
              error={e.organisationId}
              blank="Choose an organisation"
              required
            />
          ) : (
            <p>
              <strong>Organisation:</strong> {p.organisationName}
              <input type="hidden" name="organisationId" value={v.organisationId} />
            </p>
          )}
          <TextField
            name="name"
            label="Name"
            value={v.name}
            error={e.name}
            required
            hint="What parents will look for, e.g. Bumps and Babies group."
          />
          <TextField
            name="nameCy"
            label="Name in Welsh"
            value={v.nameCy}
            error={e.nameCy}
            lang="cy"
          />
          <Select
            name="kind"
            label="Kind of support"
            options={KIND_OPTIONS}
            value={v.kind}
            error={e.kind}
            blank="Choose a kind"
            required
            hint="Crisis listings are reviewed every 90 days and always need a second person to publish."
          />
          <TextArea
            name="summary"
            label="Summary"
            value={v.summary}
            error={e.summary}
            required
            rows={3}
            hint="One or two sentences, 10 to 300 characters. Shown on every search result."
          />
          <TextArea
            name="summaryCy"
            label="Summary in Welsh"
            value={v.summaryCy}
            error={e.summaryCy}
            rows={3}
            lang="cy"
          />
          <TextArea
            name="description"
            label="Description"
            value={v.description}
            error={e.description}
            rows={6}
          />
          <TextArea
            name="descriptionCy"
            label="Description in Welsh"
            value={v.descriptionCy}
            error={e.descriptionCy}
            rows={6}
            lang="cy"
          />
        </Section>

        <Section id="who" title="Who it is for and how to get it">
          <CheckboxGroup
            name="stages"
            legend="Stages"
            options={STAGE_OPTIONS}
            values={v.stages}
            error={e.stages}
            hint="Choose at least one."
          />
          <CheckboxGroup
            name="audiences"
            legend="Especially for (optional)"
            options={AUDIENCE_OPTIONS}
            values={v.audiences}
            error={e.audiences}
          />
          <CheckboxGroup
            name="formats"
            legend="How it is offered"
            options={FORMAT_OPTIONS}
            values={v.formats}
            error={e.formats}
            hint="Choose at least one."
          />
          <CheckboxGroup
            name="referral"
            legend="How people get referred"
            options={REFERRAL_OPTIONS}
            values={v.referral}
            error={e.referral}
            hint="Choose at least one. Self-referral is shown first to parents."
          />
          <TextArea
            name="howToAccess"
            label="How to access"
            value={v.howToAccess}
            error={e.howToAccess}
            rows={3}
          />
          <TextArea
            name="howToAccessCy"
            label="How to access, in Welsh"
            value={v.howToAccessCy}
            error={e.howToAccessCy}
            rows={3}
            lang="cy"
          />
          <Select
            name="cost"
            label="Cost"
            options={COST_OPTIONS}
            value={v.cost}
            error={e.cost}
            required
          />
          <TextField name="costNote" label="Cost note" value={v.costNote} error={e.costNote} />
          <TextField
            name="languages"
            label="Languages"
            value={v.languages}
            error={e.languages}
            width="medium"
            required
            hint="Language codes separated by commas, e.g. en, cy, pl."
          />
          <Checkbox
            name="childrenWelcome"
            label="Babies and children are welcome"
            checked={v.childrenWelcome}
          />
          <Checkbox
            name="mentalHealthSpecific"
            label="Specifically about mental health"
            checked={v.mentalHealthSpecific}
          />
          <Checkbox
            name="perinatalSpecific"
            label="Only for pregnancy and the early years (not open to anyone)"
            checked={v.perinatalSpecific}
          />
          <Checkbox
            name="peerLed"
            label="Led by parents with lived experience"
            checked={v.peerLed}
          />
          <Checkbox
            name="facilitatorTrained"
            label="Facilitators are trained"
            checked={v.facilitatorTrained}
          />
          <Checkbox name="moderated" label="Moderated (online communities)" checked={v.moderated} />
        </Section>

        <ContactRows values={v} errors={e} />
        <VenueRows values={v} errors={e} />
        <SessionRows values={v} errors={e} />
        <AreaRows values={v} errors={e} areaNames={p.areaNames} />

        <Section id="checking" title="Checking">
          <TextField
            name="verifiedAt"
            label="Last checked with the service"
            type="date"
            value={v.verifiedAt}
            error={e.verifiedAt}
            width="medium"
          />
          <TextField
            name="reviewEveryDays"
            label="Review every (days)"
            type="number"
            value={v.reviewEveryDays}
            error={e.reviewEveryDays}
            width="narrow"
            min="7"
            max="730"
            hint="Leave empty for the default: 90 days for crisis listings, 180 for others."
          />
          <TextField
            name="sourceUrl"
            label="Source"
            type="url"
            value={v.sourceUrl}
            error={e.sourceUrl}
            hint="The https:// page the details were checked against."
          />
          <Checkbox
            name="needsVerification"
            label="Parts of this listing still need checking"
            checked={v.needsVerification}
          />
          <Checkbox
            name="demo"
            label="This is an example listing (shown labelled as an example)"
            checked={v.demo}
          />
        </Section>

        <div class="form-actions">
          <button type="submit" name="intent" value="save" class="button primary">
            Save draft
          </button>
          <button type="submit" name="intent" value="preview" class="button secondary">
            Preview
          </button>
        </div>
      </form>
    </Page>
  );
};
