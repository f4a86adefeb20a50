/** The editor's repeated rows: contacts, venues, sessions and areas, each with add and remove. */
import type { FC } from "hono/jsx";
import type { ListingFormValues } from "../listing-form.js";
import { Checkbox, type Option, Select, TextArea, TextField } from "./components.js";
import {
  AREA_KIND_OPTIONS,
  CONTACT_KIND_OPTIONS,
  NTH_OPTIONS,
  PATTERN_OPTIONS,
  WEEKDAY_OPTIONS,
} from "./editor-fields.js";

export interface RowsProps {
  values: ListingFormValues;
  errors: Record<string, string>;
}

export const Section: FC<{ id: string; title: string; children?: unknown }> = ({
  id,
  title,
  children,
}) => (
  <section class="panel" aria-labelledby={id}>
    <h2 id={id}>{title}</h2>
    {children as never}
  </section>
);

export const ContactRows: FC<RowsProps> = ({ values: v, errors: e }) => {
  return (
    <Section id="contacts" title="Contacts">
      <p class="hint">A change to any phone or text number must be published by a second person.</p>
      {v.contacts.map((c, i) => (
        <fieldset class="row-card">
          <legend>Contact {i + 1}</legend>
          <input type="hidden" name={`contacts.${i}.id`} value={c.id} />
          <input type="hidden" name={`contacts.${i}.openHours`} value={c.openHours} />
          <div class="grid">
            <Select
              name={`contacts.${i}.kind`}
              label="Kind"
              options={CONTACT_KIND_OPTIONS}
              value={c.kind}
              error={e[`contacts.${i}.kind`]}
              blank="Choose"
              required
            />
            <TextField
              name={`contacts.${i}.value`}
              label="Number or address"
              value={c.value}
              error={e[`contacts.${i}.value`]}
              required
              hint="Phone in digits (0808 808 8000), a text short code, an email or an https:// link."
            />
            <TextField
              name={`contacts.${i}.label`}
              label="Label"
              value={c.label}
              error={e[`contacts.${i}.label`]}
            />
            <TextField
              name={`contacts.${i}.labelCy`}
              label="Label in Welsh"
              value={c.labelCy}
              error={e[`contacts.${i}.labelCy`]}
              lang="cy"
            />
            <TextField
              name={`contacts.${i}.hours`}
              label="Hours"
              value={c.hours}
              error={e[`contacts.${i}.hours`]}
              hint="e.g. Monday to Friday, 9am to 5pm"
            />
            <TextField
              name={`contacts.${i}.hoursCy`}
              label="Hours in Welsh"
              value={c.hoursCy}
              error={e[`contacts.${i}.hoursCy`]}
              lang="cy"
            />
            <TextField
              name={`contacts.${i}.keyword`}
              label="Keyword to text"
              value={c.keyword}
              error={e[`contacts.${i}.keyword`]}
              width="narrow"
              hint="Text lines only, e.g. SHOUT"
            />
          </div>
          <Checkbox
            name={`contacts.${i}.needsVerification`}
            label="This contact still needs checking"
            checked={c.needsVerification}
          />
          <Checkbox name={`contacts.${i}.remove`} label="Remove this contact" checked={c.remove} />
        </fieldset>
      ))}
      <button type="submit" name="intent" value="add-contact" class="button secondary">
        Add another contact
      </button>
    </Section>
  );
};

/** How the sessions' venue choice names a venue row: by its name, or by its number until named. */
const venueChoice = (name: string, i: number) => name || `Venue ${i + 1} (not filled in yet)`;

export const VenueRows: FC<RowsProps> = ({ values: v, errors: e }) => {
  return (
    <Section id="venues" title="Venues">
      <p class="hint">
        Where people go in person. Leave latitude and longitude empty to take them from the
        postcode.
      </p>
      {v.locations.map((l, i) => (
        <fieldset class="row-card" data-venue={l.id} data-empty-label={venueChoice("", i)}>
          <legend>Venue {i + 1}</legend>
          <input type="hidden" name={`locations.${i}.id`} value={l.id} />
          <input type="hidden" name={`locations.${i}.precision`} value={l.precision} />
          <div class="grid">
            <TextField
              name={`locations.${i}.name`}
              label="Name"
              value={l.name}
              error={e[`locations.${i}.name`]}
              required
            />
            <TextField
              name={`locations.${i}.address`}
              label="Address"
              value={l.address}
              error={e[`locations.${i}.address`]}
              required
            />
            <TextField
              name={`locations.${i}.postcode`}
              label="Postcode"
              value={l.postcode}
              error={e[`locations.${i}.postcode`]}
              width="narrow"
              required
            />
            <TextField
              name={`locations.${i}.latitude`}
              label="Latitude"
              value={l.latitude}
              error={e[`locations.${i}.latitude`]}
              width="narrow"
              inputmode="decimal"
            />
            <TextField
              name={`locations.${i}.longitude`}
              label="Longitude"
              value={l.longitude}
              error={e[`locations.${i}.longitude`]}
              width="narrow"
              inputmode="decimal"
            />
          </div>
          <TextArea
            name={`locations.${i}.accessibility`}
            label="Accessibility"
            value={l.accessibility}
            error={e[`locations.${i}.accessibility`]}
            rows={2}
            hint="Step-free access, buggy parking, toilets…"
          />
          <TextArea
            name={`locations.${i}.accessibilityCy`}
            label="Accessibility in Welsh"
            value={l.accessibilityCy}
            error={e[`locations.${i}.accessibilityCy`]}
            rows={2}
            lang="cy"
          />
          <Checkbox name={`locations.${i}.remove`} label="Remove this venue" checked={l.remove} />
        </fieldset>
      ))}
      <button type="submit" name="intent" value="add-location" class="button secondary">
        Add another venue
      </button>
    </Section>
  );
};

export const SessionRows: FC<RowsProps> = ({ values: v, errors: e }) => {
  // Every venue row is offered, new and empty ones too: a session can meet at a venue added
  // in the same form (console.js names an empty one as it is filled in).
  const venueOptions: Option[] = v.locations.map((l, i) => ({
    value: l.id,
    label: venueChoice(l.name, i),
  }));
  return (
    <Section id="sessions" title="Regular sessions">
      <p class="hint">
        Times are UK time. A session can meet at any venue above, including one you have just added.
      </p>
      {v.schedules.map((s, i) => (
        <fieldset class="row-card" data-schedule>
          <legend>Session {i + 1}</legend>
          <input type="hidden" name={`schedules.${i}.id`} value={s.id} />
          <div class="grid">
            <PatternSelect i={i} value={s.pattern} error={e[`schedules.${i}.pattern`]} />
            <Select
              name={`schedules.${i}.weekday`}
              label="Day"
              options={WEEKDAY_OPTIONS}
              value={s.weekday}
              error={e[`schedules.${i}.weekday`]}
              blank="Choose a day"
              required
            />
            <div data-for-pattern="monthly">
              <Select
                name={`schedules.${i}.nth`}
                label="Week of the month (monthly sessions)"
                options={NTH_OPTIONS}
                value={s.nth}
                error={e[`schedules.${i}.nth`]}
                blank="Choose"
              />
            </div>
            <div data-for-pattern="fortnightly">
              <TextField
                name={`schedules.${i}.anchorDate`}
                label="A date it runs (fortnightly sessions)"
                type="date"
                value={s.anchorDate}
                error={e[`schedules.${i}.anchorDate`]}
                width="medium"
              />
            </div>
            <TextField
              name={`schedules.${i}.startTime`}
              label="Starts"
              type="time"
              value={s.startTime}
              error={e[`schedules.${i}.startTime`]}
              width="narrow"
              required
            />
            <TextField
              name={`schedules.${i}.endTime`}
              label="Ends"
              type="time"
              value={s.endTime}
              error={e[`schedules.${i}.endTime`]}
              width="narrow"
              required
            />
            <Select
              name={`schedules.${i}.locationId`}
              label="Venue"
              options={venueOptions}
              value={s.locationId}
              error={e[`schedules.${i}.locationId`]}
              blank="No venue"
            />
            <TextField
              name={`schedules.${i}.validFrom`}
              label="Runs from"
              type="date"
              value={s.validFrom}
              error={e[`schedules.${i}.validFrom`]}
              width="medium"
            />
            <TextField
              name={`schedules.${i}.validUntil`}
              label="Runs until"
              type="date"
              value={s.validUntil}
              error={e[`schedules.${i}.validUntil`]}
              width="medium"
            />
          </div>
          <TextField
            name={`schedules.${i}.note`}
            label="Note"
            value={s.note}
            error={e[`schedules.${i}.note`]}
          />
          <TextField
            name={`schedules.${i}.noteCy`}
            label="Note in Welsh"
            value={s.noteCy}
            error={e[`schedules.${i}.noteCy`]}
            lang="cy"
          />
          <Checkbox
            name={`schedules.${i}.termTimeOnly`}
            label="Term time only"
            checked={s.termTimeOnly}
          />
          <Checkbox name={`schedules.${i}.remove`} label="Remove this session" checked={s.remove} />
        </fieldset>
      ))}
      <button type="submit" name="intent" value="add-schedule" class="button secondary">
        Add another session
      </button>
    </Section>
  );
};

export const AreaRows: FC<RowsProps & { areaNames: string[] }> = ({
  values: v,
  errors: e,
  areaNames,
}) => {
  return (
    <Section id="areas" title="Areas served">
      <p class="hint">
        Where people can use this support. Pick a country, integrated care board, local health board
        or local authority by name; a postcode district (EX4); or a distance around a postcode.
      </p>
      <datalist id="area-names">
        {areaNames.map((n) => (
          <option value={n} />
        ))}
      </datalist>
      {v.areas.map((a, i) => (
        <fieldset class="row-card">
          <legend>Area {i + 1}</legend>
          <input type="hidden" name={`areas.${i}.id`} value={a.id} />
          <div class="grid">
            <Select
              name={`areas.${i}.kind`}
              label="Kind of area"
              options={AREA_KIND_OPTIONS}
              value={a.kind}
              error={e[`areas.${i}.kind`]}
              blank="Choose"
              required
            />
            <TextField
              name={`areas.${i}.place`}
              label="Area"
              value={a.place}
              error={e[`areas.${i}.place`]}
              list="area-names"
              hint="A name, a district like EX4, or for a distance the centre postcode."
            />
            <TextField
              name={`areas.${i}.radiusKm`}
              label="Distance in km"
              value={a.radiusKm}
              error={e[`areas.${i}.radiusKm`]}
              width="narrow"
              inputmode="decimal"
              hint="Distance areas only, up to 100."
            />
          </div>
          <Checkbox name={`areas.${i}.remove`} label="Remove this area" checked={a.remove} />
        </fieldset>
      ))}
      <button type="submit" name="intent" value="add-area" class="button secondary">
        Add another area
      </button>
    </Section>
  );
};

const PatternSelect: FC<{ i: number; value: string; error?: string | undefined }> = ({
  i,
  value,
  error,
}) => (
  <div class={`field${error ? " has-error" : ""}`}>
    <label for={`f-schedules-${i}-pattern`}>Repeats</label>
    {error ? (
      <p class="field-error" id={`f-schedules-${i}-pattern-error`}>
        <span class="visually-hidden">Error: </span>
        {error}
      </p>
    ) : null}
    <select
      id={`f-schedules-${i}-pattern`}
      name={`schedules.${i}.pattern`}
      class="input medium"
      data-pattern
      aria-invalid={error ? "true" : undefined}
      aria-describedby={error ? `f-schedules-${i}-pattern-error` : undefined}
    >
      <option value="">Choose</option>
      {PATTERN_OPTIONS.map((o) => (
        <option value={o.value} selected={o.value === value}>
          {o.label}
        </option>
      ))}
    </select>
  </div>
);
