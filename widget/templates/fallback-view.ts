import { html } from "lit";
import type { CrisisRoute } from "../../schema/contract.js";
import type { Failure } from "../api-client.js";
import type { Strings } from "../strings/index.js";
import { routeList } from "./route-list.js";

/** What shows before the answer, and when there is none: in the main chunk, always there. */

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
