import { html, nothing } from "lit";
import type { CrisisRoute } from "../../schema/contract.js";
import type { Strings } from "../strings/index.js";
import { contactActions } from "./contact-actions.js";

/**
 * A route's name, with its nation when the place may be in more than one: at HR3 5 both
 * "Call 111" buttons must say which country's NHS they reach.
 */
export function routeName(r: CrisisRoute, s: Strings, nations: boolean) {
  const [only] = r.countries;
  return html`<p class="route-name">
    ${r.name}${nations && only && r.countries.length === 1 ? html` <span class="route-nation">(${s.crisis.inCountry(only)})</span>` : nothing}
  </p>`;
}

/** Crisis routes or national helplines: a name, what it is for, how to reach it, when. */
export function routeList(routes: CrisisRoute[], s: Strings, nations = false) {
  return html`<ul class="routes" role="list">
    ${routes.map(
      (r) => html`<li class="route">
        ${routeName(r, s, nations)}
        ${r.description ? html`<p class="route-text">${r.description}</p>` : nothing}
        ${contactActions(r.contacts, r, s, r.hours)}
        ${r.hours ? html`<p class="route-hours">${r.hours}</p>` : nothing}
      </li>`,
    )}
  </ul>`;
}
