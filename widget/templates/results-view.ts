import { html, nothing } from "lit";
/**
 * The directory's answer on screen. Loaded in its own chunk when the first search starts, so
 * the crisis panel and the form (main chunk) work even if this never arrives.
 */
import type { CrisisRoute, SearchResponse } from "../../schema/contract.js";
import type { Strings } from "../strings/index.js";
import { helplines } from "./fallback-view.js";
import { nextStepsView } from "./next-steps.js";
import { resultCard } from "./result-card.js";

const GROUPS = ["nearby", "area", "anywhere"] as const;
export type GroupName = (typeof GROUPS)[number];

export interface ResultsOptions {
  base: URL;
  fallback: CrisisRoute[];
  /** Listings shown at first in each group; "Show N more" shows the rest. */
  shown: number;
  expanded: ReadonlySet<GroupName>;
  /** Where a person can tell us about a local group. */
  tellUs: string;
}

/**
 * The answer, honestly. When nothing local is listed (the usual case today) it says so, and puts
 * first what she can do now for her nation; then national support, perinatal-specific first;
 * last, a way to tell us about a local group. Each group says how many it holds in all.
 */
export function resultsView(response: SearchResponse, s: Strings, o: ResultsOptions) {
  const { groups, totals, place } = response;
  const present = GROUPS.filter((g) => groups[g].length);
  const empty = !present.length;
  const local = groups.nearby.length + groups.area.length > 0;
  const demo = present.some((g) => groups[g].some((r) => r.demo));
  const steps = nextStepsView(response.nextSteps ?? [], s, o.base, place.countries.length > 1);
  const group = (g: GroupName) => {
    const list = groups[g];
    const open = o.expanded.has(g) ? list : list.slice(0, o.shown);
    const rest = list.length - open.length;
    return html`<section class="group" part="group" aria-labelledby="group-${g}">
      <h3 id="group-${g}">
        ${s.groups[g]} <span class="group-count">(${Math.max(totals?.[g] ?? 0, list.length)})</span>
      </h3>
      <ul class="cards" role="list">
        ${open.map((r) => resultCard(r, s, o.base))}
      </ul>
      ${
        rest > 0
          ? html`<button type="button" class="secondary more-button" data-more=${g}>
              ${s.local.more(rest)}
            </button>`
          : nothing
      }
    </section>`;
  };
  return html`${
    empty
      ? html`<div class="notice" part="notice">
          <h3>${s.empty.heading}</h3>
          <p>${s.empty.body}</p>
        </div>`
      : local
        ? nothing
        : html`<div class="notice" part="notice"><h3>${s.local.none(place.query)}</h3></div>`
  }
    ${demo ? html`<p class="demo-note">${s.card.exampleNote}</p>` : nothing}
    ${local ? nothing : steps}
    ${present.map((g) => [group(g), g === "area" || (g === "nearby" && !groups.area.length) ? steps : nothing])}
    ${empty && !groups.anywhere.length ? helplines(o.fallback, s) : nothing}
    <p class="tell-us"><a href=${o.tellUs} target="_blank" rel="noopener"
      >${s.local.tellUs}<span class="vh"> ${s.card.newTab}</span></a></p>`;
}

/** Print a pack and share the search; the links carry the sector only. */
export function resultsFooter(
  query: string,
  links: { print: string; share: string },
  shared: "copied" | "show" | null,
  s: Strings,
) {
  return html`<div class="footer" part="footer">
    <a class="footer-link" href=${links.print} target="_blank" rel="noopener"
      >${s.footer.print(query)}<span class="vh"> ${s.card.newTab}</span></a
    >
    <button type="button" class="link-button" data-share>${s.footer.share}</button>
    ${
      shared
        ? html`<p class="share-note">
            <label for="share-link">${s.footer.copyThis}</label>
            <input id="share-link" class="share-link" readonly .value=${links.share} />
            <span role="status">${shared === "copied" ? s.footer.copied : ""}</span>
          </p>`
        : nothing
    }
  </div>`;
}
