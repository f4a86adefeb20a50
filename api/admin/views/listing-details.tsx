/** Everything a listing says, as a reviewer reads it before publishing. */
import type { FC } from "hono/jsx";
import type { Listing } from "../../../schema/listing-input.js";
import { kindLabels } from "../../../schema/taxonomy.js";
import { contactsToVerify, publicContacts } from "../../domain/public-contacts.js";
import {
  describeArea,
  describeContact,
  describeLocation,
  describeSchedule,
  show,
  showField,
} from "../diff.js";

export const ListingDetails: FC<{
  listing: Listing;
  areaName: (a: Listing["areas"][number]) => string;
}> = ({ listing: l, areaName }) => (
  <>
    <dl class="summary">
      <dt>Name</dt>
      <dd>{l.name}</dd>
      {l.nameCy ? (
        <>
          <dt>Name (Welsh)</dt>
          <dd lang="cy">{l.nameCy}</dd>
        </>
      ) : null}
      <dt>Kind</dt>
      <dd>{kindLabels[l.kind]?.en ?? l.kind}</dd>
      <dt>Summary</dt>
      <dd>{l.summary}</dd>
      {l.summaryCy ? (
        <>
          <dt>Summary (Welsh)</dt>
          <dd lang="cy">{l.summaryCy}</dd>
        </>
      ) : null}
      <dt>Description</dt>
      <dd>{show(l.description)}</dd>
      <dt>How to access</dt>
      <dd>{show(l.howToAccess)}</dd>
      <dt>For</dt>
      <dd>
        {showField("stages", l.stages)}; {showField("formats", l.formats)}; referral:{" "}
        {showField("referral", l.referral)}
      </dd>
      <dt>Cost</dt>
      <dd>
        {showField("cost", l.cost)}
        {l.costNote ? ` (${l.costNote})` : ""}
      </dd>
      <dt>Languages</dt>
      <dd>{show(l.languages)}</dd>
      <dt>Source</dt>
      <dd>{show(l.sourceUrl)}</dd>
      <dt>Review every</dt>
      <dd>{l.reviewEveryDays} days</dd>
    </dl>
    <h3>Contacts</h3>
    <Items items={publicContacts(l.contacts).map(describeContact)} empty="No checked contacts." />
    {contactsToVerify(l.contacts).length ? (
      <section class="to-verify" aria-labelledby="to-verify-heading">
        <h3 id="to-verify-heading">To verify</h3>
        <p>
          Not shown to the public until someone checks them with the provider
          {publicContacts(l.contacts).length ? "" : ", so this listing is not shown at all"}.
        </p>
        <Items items={contactsToVerify(l.contacts).map(describeContact)} empty="" />
      </section>
    ) : null}
    <h3>Venues</h3>
    <Items items={l.locations.map(describeLocation)} empty="No venues." />
    <h3>Sessions</h3>
    <Items
      items={l.schedules.map((s) => {
        const venue = l.locations.find((v) => v.id === s.locationId);
        return `${describeSchedule(s)}${venue ? `, at ${venue.name}` : ""}`;
      })}
      empty="No regular sessions."
    />
    <h3>Areas served</h3>
    <Items items={l.areas.map((a) => areaName(a) || describeArea(a))} empty="No service areas." />
  </>
);

const Items: FC<{ items: string[]; empty: string }> = ({ items, empty }) =>
  items.length ? (
    <ul>
      {items.map((i) => (
        <li>{i}</li>
      ))}
    </ul>
  ) : (
    <p>{empty}</p>
  );
