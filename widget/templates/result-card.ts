import { html, nothing } from "lit";
import type { SearchResult } from "../../schema/contract.js";
import { formatDate, formatDistance, formatSession } from "../format.js";
import { safeHref } from "../safe-url.js";
import type { Strings } from "../strings/index.js";
import { contactActions } from "./contact-actions.js";

function badges(r: SearchResult, s: Strings) {
  const list = [
    r.selfReferral && s.badges.selfReferral,
    r.cost === "free" ? s.badges.free : s.costs[r.cost],
    r.peerLed && s.badges.peerLed,
    r.childrenWelcome && s.badges.children,
    r.formats.includes("online") && s.badges.online,
  ].filter((b): b is string => Boolean(b));
  return list.length
    ? html`<ul class="badges" role="list">
        ${list.map((b, i) => html`<li class="badge ${i === 0 && r.selfReferral ? "badge-self" : ""}" part="badge">${b}</li>`)}
      </ul>`
    : nothing;
}

/**
 * One listing: what it is, why it suits, when it next meets, how to get in touch, how fresh it
 * is. Its name and summary carry their own language, which may differ from the widget's.
 */
export function resultCard(r: SearchResult, s: Strings, base: URL) {
  const headingId = `result-${r.id}`;
  const page = safeHref(r.url, base);
  const calendar = safeHref(r.calendarUrl, base);
  const session = r.nextSession;
  return html`<li class="card" part="card">
    <article aria-labelledby=${headingId}>
      <div class="card-head">
        <h4 class="card-title" id=${headingId} tabindex="-1" lang=${r.lang}>${r.name}</h4>
        ${r.demo ? html`<span class="tag-demo" part="demo-label">${s.card.example}</span>` : nothing}
      </div>
      <p class="card-org">${r.organisation} · ${s.kinds[r.kind] ?? r.kind}</p>
      <p class="card-summary" lang=${r.lang}>${r.summary}</p>
      ${badges(r, s)}
      ${
        r.distanceKm !== null
          ? html`<p class="fact distance">${
              r.venueSector ? s.card.inSector(r.venueSector) : formatDistance(r.distanceKm, s)
            }</p>`
          : nothing
      }
      ${
        session
          ? html`<p class="fact session">
              <strong>${s.card.next}:</strong> ${formatSession(session, s)}${
                session.locationName ? `, ${session.locationName}` : ""
              }${session.termTimeOnly ? ` (${s.card.termTimeOnly})` : ""}
              ${
                calendar
                  ? html`<a class="calendar" href=${calendar} data-id=${r.id} data-name=${r.name}
                      data-action="calendar">${s.card.calendar}<span class="vh">
                      ${s.contact.about(r.name)}</span></a>`
                  : nothing
              }
            </p>`
          : nothing
      }
      ${contactActions(r.contacts, r, s)}
      <p class="card-foot">
        ${r.verifiedAt ? html`<span class="checked">${s.card.lastChecked(formatDate(r.verifiedAt, s))}</span>` : nothing}
        ${
          page
            ? html`<a class="details" part="details-link" href=${page} target="_blank" rel="noopener"
                data-id=${r.id} data-name=${r.name} data-action="details"
                >${s.card.details(r.name)}<span class="vh"> ${s.card.newTab}</span></a>`
            : nothing
        }
      </p>
      ${r.reviewOverdue ? html`<p class="card-overdue" part="overdue-note">${s.card.overdue}</p>` : nothing}
    </article>
  </li>`;
}
