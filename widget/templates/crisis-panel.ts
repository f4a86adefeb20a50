import { html } from "lit";
import type { CrisisRoute } from "../../schema/contract.js";
import type { Country } from "../../schema/taxonomy.js";
import type { Strings } from "../strings/index.js";
import { contactActions } from "./contact-actions.js";
import { routeList, routeName } from "./route-list.js";

/**
 * "Need help now?", rendered in every state of the widget. Beside the results it shows every
 * route in full. In a narrow or compact widget it starts brief (each route's name and its call or
 * text button, from the routes built into the widget) so the search is not pushed off a phone's
 * screen; the toggle opens the full list.
 */
export function crisisPanel(
  routes: CrisisRoute[],
  brief: CrisisRoute[],
  country: Country | null,
  s: Strings,
  open: boolean,
  nations: boolean,
) {
  return html`<aside class="crisis ${open ? "open" : ""}" part="crisis" aria-labelledby="crisis-heading">
    <h3 id="crisis-heading" class="crisis-heading">${s.crisis.heading}</h3>
    <p class="crisis-country">${country ? s.crisis.forCountry(country) : s.crisis.anywhere}</p>
    ${routeList(routes, s, nations)}
    <ul class="routes-brief" role="list">
      ${brief.map(
        (r) => html`<li class="route-brief">
          ${routeName(r, s, nations)}
          ${contactActions(
            r.contacts.filter((c) => c.kind === "phone" || c.kind === "text"),
            r,
            s,
            r.hours,
          )}
        </li>`,
      )}
    </ul>
    <button
      type="button"
      class="link-button crisis-toggle"
      aria-expanded=${open ? "true" : "false"}
      data-crisis-toggle
    >
      ${s.crisis.more}
    </button>
  </aside>`;
}
