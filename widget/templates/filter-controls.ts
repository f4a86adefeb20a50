import { html, nothing } from "lit";
import { FORMATS, STAGES, WHENS } from "../../schema/taxonomy.js";
import {
  countChoices,
  FILTER_KINDS,
  type Filters,
  type FlagFilter,
  type ListFilter,
} from "../filters.js";
import type { Strings } from "../strings/index.js";

function choice(name: ListFilter | FlagFilter, value: string, label: string, checked: boolean) {
  return html`<label class="choice" part="choice"
    ><input type="checkbox" name=${name} .value=${value} .checked=${checked} /><span>${label}</span></label
  >`;
}

function listChoices<T extends string>(
  name: ListFilter,
  codes: readonly T[],
  labels: Record<T, string>,
  chosen: readonly string[],
) {
  return codes.map((code) => choice(name, code, labels[code], chosen.includes(code)));
}

/** The stage choice, always on show: the one choice most mothers will make. */
export function stageChoices(f: Filters, s: Strings) {
  return html`<fieldset class="stages" part="stages">
    <legend>${s.filters.stageLegend}</legend>
    <div class="choices">${listChoices("stage", STAGES, s.stages, f.stage)}</div>
  </fieldset>`;
}

/** Everything else, behind a native disclosure so the form stays short on a phone. */
export function moreChoices(f: Filters, s: Strings, offerWelsh: boolean) {
  const count = countChoices(f);
  return html`<details class="more" part="filters">
    <summary>
      ${s.filters.more}${count ? html` <span class="count">(${s.filters.active(count)})</span>` : nothing}
    </summary>
    <div class="more-body">
      <fieldset>
        <legend>${s.filters.access}</legend>
        <div class="choices">
          ${choice("selfReferral", "true", s.filters.selfReferral, f.selfReferral)}
          ${choice("free", "true", s.filters.free, f.free)}
          ${choice("children", "true", s.filters.children, f.children)}
          ${offerWelsh || f.welsh ? choice("welsh", "true", s.filters.welsh, f.welsh) : nothing}
        </div>
      </fieldset>
      <fieldset>
        <legend>${s.filters.kind}</legend>
        <div class="choices">${listChoices("kind", FILTER_KINDS, s.kinds, f.kind)}</div>
      </fieldset>
      <fieldset>
        <legend>${s.filters.format}</legend>
        <div class="choices">${listChoices("format", FORMATS, s.formats, f.format)}</div>
      </fieldset>
      <fieldset>
        <legend>${s.filters.when}</legend>
        <div class="choices">${listChoices("when", WHENS, s.whens, f.when)}</div>
      </fieldset>
      ${
        count
          ? html`<button type="button" class="link-button" part="clear" data-clear>${s.filters.clear}</button>`
          : nothing
      }
    </div>
  </details>`;
}
