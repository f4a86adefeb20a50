import { html, nothing } from "lit";
import type { NextStep } from "../../schema/contract.js";
import { safeHref } from "../safe-url.js";
import type { Strings } from "../strings/index.js";

/**
 * What she can do now for her nation (refer herself, or ask her midwife, health visitor or GP),
 * from the directory's `nextSteps`. A cross-border place names each step's nation.
 */
export function nextStepsView(steps: NextStep[], s: Strings, base: URL, nations: boolean) {
  return steps.length
    ? html`<section class="group steps" part="group" aria-labelledby="group-steps">
        <h3 id="group-steps">${s.local.now}</h3>
        <ul class="cards" role="list">
          ${steps.map((step) => {
            const link = safeHref(step.link?.href ?? "");
            const page = step.serviceId ? safeHref(`/services/${step.serviceId}`, base) : null;
            return html`<li class="step" part="card">
              <h4 class="card-title">${step.title}</h4>
              ${nations ? html`<p class="card-org">${s.crisis.inCountry(step.country)}</p>` : nothing}
              <p class="card-summary">${step.text}</p>
              ${
                link || page
                  ? html`<a class="action action-web" part="action action-web" href=${link ?? page}
                      target="_blank" rel="noopener noreferrer" data-id=${step.id}
                      data-name=${step.title} data-action=${link ? "web" : "details"}
                      >${step.link?.label ?? s.card.details(step.title)}<span class="vh">
                      ${s.card.newTab}</span></a
                    >`
                  : nothing
              }
            </li>`;
          })}
        </ul>
      </section>`
    : nothing;
}
