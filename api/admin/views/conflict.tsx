/** Shown instead of saving when someone saved or published after the editor opened the form. */
import type { FC } from "hono/jsx";
import type { Listing } from "../../../schema/listing-input.js";
import type { Change } from "../diff.js";
import { formatTime } from "./components.js";
import { DiffList } from "./diff-list.js";
import { ListingDetails } from "./listing-details.js";

export const ConflictIntro: FC<{
  theirs: Listing;
  mine: Listing | null;
  changedBy: string | null;
  changedAt: string | null;
  changes: Change[];
  editHref: string;
  areaName: (a: Listing["areas"][number]) => string;
}> = (p) => (
  <>
    <div class="danger-box" role="alert">
      <p>
        <strong>Your changes were not saved.</strong> {p.changedBy ?? "Someone"} changed this
        listing
        {p.changedAt ? ` at ${formatTime(p.changedAt)}` : ""}, after you opened it. Nothing has been
        overwritten.
      </p>
      <p>
        Compare the two below. To keep your version, check the form further down (it holds your
        changes) and save it again. To start from the saved version instead,{" "}
        <a href={p.editHref}>open the editor again</a>.
      </p>
    </div>
    <section aria-labelledby="conflict-diff">
      <h2 id="conflict-diff">What your version would change in the saved one</h2>
      <DiffList changes={p.changes} empty="Your version is the same as the saved one." />
    </section>
    <div class="two-columns">
      <section class="panel" aria-labelledby="theirs-title">
        <h2 id="theirs-title">The saved version</h2>
        <ListingDetails listing={p.theirs} areaName={p.areaName} />
      </section>
      <section class="panel" aria-labelledby="mine-title">
        <h2 id="mine-title">Your version</h2>
        {p.mine ? (
          <ListingDetails listing={p.mine} areaName={p.areaName} />
        ) : (
          <p>Your version has problems to fix first; they are marked in the form below.</p>
        )}
      </section>
    </div>
  </>
);
