import { html, nothing } from "lit";
import type { CrisisRoute, SearchResponse } from "../../schema/contract.js";
import type { Failure } from "../api-client.js";
import type { Strings } from "../strings/index.js";
import { resultCard } from "./result-card.js";
import { routeList } from "./route-list.js";

const GROUPS = ["nearby", "area", "anywhere"] as const;

/** Grey cards that hold the place of results while the directory answers. */
export function placeholders() {
  return html`<div class="placeholders" aria-hidden="true">
    ${[0, 1, 2].map(() => html`<div class="placeholder"><span></span><span></span><span></span></div>`)}
  </div>`;
}

/** National helplines built into the widget, for when the directory has nothing to offer. */
export function helplines(routes: CrisisRoute[], s: Strings) {
  return html`<section class="helplines" aria-labelledby="helplines-heading">
    <h3 id="helplines-heading">${s.helplines.heading}</h3>
    ${routeList(routes, s)}
  </section>`;
}

/** What to tell a person about a failure: calm, and never blaming them. */
function failureText(failure: Failure, s: Strings): string {
  switch (failure.code) {
    case "timeout":
    case "offline":
    case "server":
    case "misconfigured":
      return s.failure[failure.code];
    case "rate_limited":
      return s.failure.busy;
    default:
      return s.failure.network;
  }
}

/** The directory could not answer: say so calmly, offer a retry, and the helplines. */
export function failureView(failure: Failure, s: Strings, fallback: CrisisRoute[]) {
  return html`<div class="notice" part="notice">
      <h3>${s.failure.heading}</h3>
      <p>${failureText(failure, s)} ${s.failure.reassure}</p>
      <button type="button" class="secondary" part="retry" data-retry>${s.failure.retry}</button>
    </div>
    ${helplines(fallback, s)}`;
}

/** The three groups from the directory, or, when nothing matched, the national options. */
export function resultsView(
  response: SearchResponse,
  s: Strings,
  base: URL,
  fallback: CrisisRoute[],
) {
  const groups = GROUPS.filter((g) => response.groups[g].length);
  const empty = response.total === 0 || !groups.length;
  const demo = groups.some((g) => response.groups[g].some((r) => r.demo));
  return html`${
    empty
      ? html`<div class="notice" part="notice">
          <h3>${s.empty.heading}</h3>
          <p>${s.empty.body}</p>
        </div>`
      : nothing
  }
    ${demo ? html`<p class="demo-note">${s.card.exampleNote}</p>` : nothing}
    ${groups.map(
      (g) => html`<section class="group" part="group" aria-labelledby="group-${g}">
        <h3 id="group-${g}">
          ${s.groups[g]} <span class="group-count">(${response.groups[g].length})</span>
        </h3>
        <ul class="cards" role="list">
          ${response.groups[g].map((r) => resultCard(r, s, base))}
        </ul>
      </section>`,
    )}
    ${empty && !response.groups.anywhere.length ? helplines(fallback, s) : nothing}`;
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
