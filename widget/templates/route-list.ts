import { html, nothing } from "lit";
import type { CrisisRoute } from "../../schema/contract.js";
import type { Strings } from "../strings/index.js";
import { contactActions } from "./contact-actions.js";

/** Crisis routes or national helplines: a name, what it is for, how to reach it, when. */
export function routeList(routes: CrisisRoute[], s: Strings) {
  return html`<ul class="routes" role="list">
    ${routes.map(
      (r) => html`<li class="route">
        <p class="route-name">${r.name}</p>
        ${r.description ? html`<p class="route-text">${r.description}</p>` : nothing}
        ${contactActions(r.contacts, r, s, r.hours)}
        ${r.hours ? html`<p class="route-hours">${r.hours}</p>` : nothing}
      </li>`,
    )}
  </ul>`;
}
