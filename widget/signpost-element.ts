import { html, LitElement, nothing, type PropertyValues } from "lit";
import type { CrisisRoute, SearchResponse } from "../schema/contract.js";
import { type Country, KINDS, STAGES } from "../schema/taxonomy.js";
import { apiBase, createClient, type Failure, type SearchParams } from "./api-client.js";
import { builtInCrisisRoutes, builtInHelplines } from "./built-in-routes.js";
import { type SignpostEventMap, signpostEvent } from "./events.js";
import { clampNumber, type Filters, noFilters, parseCodes, toggleFilter } from "./filters.js";
import { parsePostcode } from "./postcode.js";
import { loadResultsView } from "./results-loader.js";
import { scriptUrl } from "./script-url.js";
import { styles } from "./signpost-element.styles.js";
import { type Lang, loadStrings, resolveLang, type Strings } from "./strings/index.js";
import { crisisPanel } from "./templates/crisis-panel.js";
import { failureView, placeholders } from "./templates/fallback-view.js";
import type { GroupName } from "./templates/results-view.js";
import { type FieldError, searchForm } from "./templates/search-form.js";

type View =
  | { status: "idle" }
  | { status: "loading"; query: string }
  | { status: "results"; query: string; response: SearchResponse }
  | { status: "failed"; query: string; failure: Failure };

/**
 * Perinatal mental health support near a postcode: peer groups, local services and national
 * helplines, with crisis routes always on show. Sends only the postcode sector to the directory.
 *
 * Anything placed inside the tag (for example crisis numbers as plain HTML) shows until the
 * widget is ready, and stays if the script never loads.
 *
 * @tagname perinatal-signpost
 * @summary Postcode search for perinatal mental health support, with crisis routes always on show.
 *
 * @fires {CustomEvent<SignpostSearchDetail>} signpost-search - A search started; `detail.postcode` is the sector sent.
 * @fires {CustomEvent<SignpostResultsDetail>} signpost-results - The directory answered; `detail.total` and counts per group.
 * @fires {CustomEvent<SignpostSelectDetail>} signpost-select - A contact action or listing page was chosen.
 * @fires {CustomEvent<SignpostErrorDetail>} signpost-error - A search failed; the widget shows its fallback state.
 *
 * @slot - Fallback content, shown until the widget has rendered (and for good if the script never runs).
 *
 * @csspart base - The widget's outer box.
 * @csspart header - The title and introduction.
 * @csspart title - The widget's heading.
 * @csspart crisis - The "Need help now?" panel.
 * @csspart form - The search form.
 * @csspart input - The postcode field.
 * @csspart submit - The search button.
 * @csspart stages - The stage choices.
 * @csspart filters - The "More choices" disclosure.
 * @csspart choice - Each checkbox choice.
 * @csspart clear - The button that clears the choices.
 * @csspart status - The live line that announces the result count.
 * @csspart results - The area that holds results, loading placeholders and messages.
 * @csspart group - Each result group (near you, covering your area, anywhere).
 * @csspart card - Each listing.
 * @csspart badge - Each badge on a listing ("You can refer yourself", "Free", …).
 * @csspart demo-label - The "Example listing" label on demo data.
 * @csspart action - Each contact link (also `action-phone`, `action-text`, `action-email`, `action-web`, `action-whatsapp`).
 * @csspart details-link - The link to a listing's public page.
 * @csspart overdue-note - The note on listings that are due to be checked again.
 * @csspart notice - The message shown when nothing matched or the directory could not be reached.
 * @csspart retry - The "Try again" button.
 * @csspart footer - The print and share links.
 *
 * @cssprop [--signpost-color=#1f2328] - Text colour.
 * @cssprop [--signpost-background=#ffffff] - Background of the widget and cards.
 * @cssprop [--signpost-muted=#57606a] - Secondary text colour.
 * @cssprop [--signpost-border=#d0d7de] - Border colour.
 * @cssprop [--signpost-accent=#005eb8] - Buttons, links and focus.
 * @cssprop [--signpost-accent-contrast=#ffffff] - Text on the accent colour.
 * @cssprop [--signpost-crisis-background=#fdf1f3] - Background of the crisis panel.
 * @cssprop [--signpost-crisis-accent=#9b1a43] - Edge and headings of the crisis panel.
 * @cssprop [--signpost-badge-background=#e8f1fb] - Background of badges.
 * @cssprop [--signpost-focus=#1f2328] - Focus ring colour.
 * @cssprop [--signpost-font=inherit] - Font family; the host page's font by default.
 * @cssprop [--signpost-font-size=1rem] - Base font size.
 * @cssprop [--signpost-radius=0.5rem] - Corner radius of cards, fields and buttons.
 * @cssprop [--signpost-spacing=1rem] - Base spacing unit.
 * @cssprop [--signpost-results-min-height=24rem] - Height kept for results once a search starts, so the page below does not jump.
 */
export class SignpostElement extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators, whose helpers cost the widget 0.3 KB gzip.
  static override properties = {
    api: {},
    postcode: {},
    stage: {},
    kind: {},
    lang: {},
    site: {},
    limit: { type: Number },
    radiusKm: { type: Number, attribute: "radius-km" },
    compact: { type: Boolean, reflect: true },
    strings: { state: true, attribute: false },
    view: { state: true, attribute: false },
    filters: { state: true, attribute: false },
    typed: { state: true, attribute: false },
    fieldError: { state: true, attribute: false },
    country: { state: true, attribute: false },
    countries: { state: true, attribute: false },
    shared: { state: true, attribute: false },
    searched: { state: true, attribute: false },
    crisisOpen: { state: true, attribute: false },
    expanded: { state: true, attribute: false },
  };

  /** Base URL of the Perinatal Signpost server; defaults to the server the script was loaded from. */
  api = "";

  /** A postcode to search for straight away. Only its sector (`EX4 4`) is ever sent. */
  postcode = "";

  /** Stages to preselect: `pregnancy`, `postnatal`, `toddler` (comma-separated). */
  stage = "";

  /** Types of support to preselect, e.g. `peer-group,helpline` (comma-separated). */
  kind = "";

  /** `en` or `cy`. Defaults to the language of the page. */
  override lang!: string;

  /** The embedding site's id, sent with searches so use can be counted per site. */
  site = "";

  /** Results shown at first in each group (1–50); "Show N more" shows the rest. */
  limit?: number;

  /** How far to look for groups that meet in person, in km (1–50). */
  radiusKm?: number;

  /** A denser layout for narrow sidebars: one column, briefer crisis panel. */
  compact = false;

  private strings?: Strings;
  private view: View = { status: "idle" };
  private filters: Filters = noFilters();
  private typed = "";
  private fieldError: FieldError | null = null;
  private country: Country | null = null;
  /** Every country the last place may be in (a border sector can be in two). */
  private countries: Country[] = [];
  private shared: "copied" | "show" | null = null;
  /** Once a search has started, the results area keeps its height so the page does not jump. */
  private searched = false;
  private crisis: CrisisRoute[] = [];
  /** Whether the crisis panel shows its descriptions and hours when the widget is narrow. */
  private crisisOpen = false;
  /** Groups whose "Show N more" was pressed, for the answer on show. */
  private expanded = new Set<GroupName>();

  private language?: Lang;
  private inFlight?: AbortController;
  /** The answer's templates, fetched when the first search starts (see results-view.ts). */
  private results?: typeof import("./templates/results-view.js");
  private resultsLoad?: Promise<unknown>;

  override connectedCallback() {
    super.connectedCallback();
    this.useLanguage(resolveLang(this.lang, this));
    // Moving the element in the page disconnects it, which abandons a search in flight.
    if (this.view.status === "loading") this.search(this.view.query);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.inFlight?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("lang") && this.isConnected) this.useLanguage(resolveLang(this.lang, this));
    if (changed.has("stage") || changed.has("kind")) {
      this.filters = {
        ...this.filters,
        stage: parseCodes(this.stage, STAGES),
        kind: parseCodes(this.kind, KINDS),
      };
    }
    if (changed.has("postcode") && this.postcode) {
      this.typed = this.postcode;
      this.submit(false);
    } else if (
      this.view.status !== "idle" &&
      hasAny(changed, ["stage", "kind", "limit", "radiusKm", "site", "api"])
    ) {
      this.search(this.view.query);
    }
  }

  private find<E extends HTMLElement>(selector: string): E | null {
    return this.renderRoot.querySelector<E>(selector);
  }

  private async useLanguage(lang: Lang) {
    if (lang === this.language) return;
    this.language = lang;
    const strings = await loadStrings(lang);
    if (this.language !== lang) return;
    this.strings = strings;
    this.crisis = [];
    // Listing text comes back in the language asked for, so a shown search is asked again.
    if (this.view.status === "results" || this.view.status === "failed") {
      this.search(this.view.query);
    }
  }

  private get base(): URL | null {
    return apiBase(this.api || new URL("../", scriptUrl).href, document.baseURI);
  }

  private params(query: string): SearchParams {
    const f = this.filters;
    return {
      postcode: query,
      stage: f.stage,
      kind: f.kind,
      format: f.format,
      when: f.when,
      selfReferral: f.selfReferral,
      free: f.free,
      children: f.children,
      language: f.welsh ? "cy" : null,
      lang: this.language ?? "en",
      radiusKm: clampNumber(this.radiusKm, 1, 50),
      // Every result comes at once; `limit` only says how many show before "Show N more".
      limit: 50,
      site: this.site || null,
    };
  }

  /** Validates the typed postcode in the browser; only a valid one reaches the network. */
  private submit(byPerson: boolean) {
    const parsed = parsePostcode(this.typed);
    if (!parsed.ok) {
      this.fieldError = parsed.problem;
      // Results for the last postcode must not stand under an error about this one.
      this.inFlight?.abort();
      this.view = { status: "idle" };
      if (byPerson) this.find("#postcode")?.focus();
      return;
    }
    this.fieldError = null;
    this.search(parsed.query, byPerson);
  }

  private async search(query: string, byPerson = false) {
    this.inFlight?.abort();
    const controller = new AbortController();
    this.inFlight = controller;
    const params = this.params(query);
    this.view = { status: "loading", query };
    this.loadResults();
    this.searched = true;
    this.shared = null;
    this.expanded = new Set();
    this.emit("signpost-search", { postcode: query, params });

    const base = this.base;
    const outcome = base
      ? await createClient(base).search(params, controller.signal)
      : ({
          ok: false,
          failure: { code: "misconfigured", message: `api="${this.api}" is not an http(s) URL.` },
        } as const);
    if (this.inFlight !== controller) return;
    this.inFlight = undefined;

    if (outcome.ok) {
      const { place, groups, total } = outcome.data;
      this.view = { status: "results", query, response: outcome.data };
      this.crisis = outcome.data.crisis;
      this.country = place.country;
      this.countries = place.countries?.length ? place.countries : [place.country];
      this.emit("signpost-results", {
        place,
        total,
        counts: {
          nearby: groups.nearby.length,
          area: groups.area.length,
          anywhere: groups.anywhere.length,
        },
      });
      return;
    }
    const { failure } = outcome;
    if (failure.code === "aborted") return;
    this.emit("signpost-error", { ...failure, code: failure.code });
    if (failure.code === "postcode_not_found" || failure.code === "invalid_postcode") {
      this.fieldError = failure.code === "postcode_not_found" ? "notFound" : "invalid";
      this.view = { status: "idle" };
      if (byPerson) this.find("#postcode")?.focus();
      return;
    }
    this.view = { status: "failed", query, failure };
  }

  /** Fetches the answer's templates once, beside the first search; a failure is tried again. */
  private loadResults() {
    this.resultsLoad ??= loadResultsView().then(
      (m) => {
        this.results = m;
        this.requestUpdate();
      },
      () => {
        this.resultsLoad = undefined;
        this.requestUpdate();
      },
    );
  }

  private emit<K extends keyof SignpostEventMap>(name: K, detail: SignpostEventMap[K]["detail"]) {
    this.dispatchEvent(signpostEvent(name, detail));
  }

  private onSubmit = (e: Event) => {
    e.preventDefault();
    this.submit(true);
  };

  private onInput = (e: Event) => {
    this.typed = (e.target as HTMLInputElement).value;
  };

  private onChoice = (e: Event) => {
    const input = e.target as HTMLInputElement;
    if (input.type !== "checkbox") return;
    this.filters = toggleFilter(this.filters, input.name, input.value, input.checked);
    if (this.view.status !== "idle") this.search(this.view.query, true);
  };

  /** One listener for every link and button inside: contact actions, retry, clear, share. */
  private onClick = (e: Event) => {
    const target = (e.target as Element).closest<HTMLElement>(
      "a[data-action], button[data-retry], button[data-clear], button[data-share], button[data-crisis-toggle], button[data-more]",
    );
    if (!target) return;
    if (target instanceof HTMLAnchorElement) {
      const { id = "", name = "", action } = target.dataset;
      this.emit("signpost-select", {
        id,
        name,
        action: action as SignpostEventMap["signpost-select"]["detail"]["action"],
        href: target.href,
      });
    } else if ("retry" in target.dataset && this.view.status !== "idle") {
      // The button goes away while loading: focus waits on the results area instead of the page.
      this.find(".results")?.focus();
      this.search(this.view.query, true);
    } else if (target.dataset.more) {
      this.showMore(target.dataset.more as GroupName);
    } else if ("clear" in target.dataset) {
      this.filters = noFilters();
      this.find(".more summary")?.focus();
      if (this.view.status !== "idle") this.search(this.view.query, true);
    } else if ("share" in target.dataset) {
      this.share();
    } else if ("crisisToggle" in target.dataset) {
      this.crisisOpen = !this.crisisOpen;
    }
  };

  /**
   * A link to this search that carries the sector, never the full postcode: the printed pack,
   * or the directory's public home page (`/?postcode=EX4+4`), which searches as the widget does.
   */
  private linkTo(path: "" | "print", query: string): string {
    const url = new URL(path, this.base ?? document.baseURI);
    url.searchParams.set("postcode", query);
    if (this.filters.stage.length) url.searchParams.set("stage", this.filters.stage.join(","));
    url.searchParams.set("lang", this.language ?? "en");
    return url.href;
  }

  /** Shows the rest of a group, and takes focus to the first listing that was hidden. */
  private async showMore(group: GroupName) {
    this.expanded = new Set([...this.expanded, group]);
    await this.updateComplete;
    this.find<HTMLElement>(
      `#group-${group} + ul > li:nth-child(${(clampNumber(this.limit, 1, 50) ?? 10) + 1}) h4`,
    )?.focus();
  }

  private async share() {
    if (this.view.status !== "results") return;
    const url = this.linkTo("", this.view.query);
    try {
      if (navigator.share) {
        await navigator.share({ title: this.strings?.title ?? "", url });
        return;
      }
      this.shared = "show";
      await navigator.clipboard.writeText(url);
      this.shared = "copied";
    } catch (err) {
      // Sharing cancelled by the person is not a failure; anything else falls back to the link.
      if ((err as Error)?.name !== "AbortError") this.shared = "show";
    }
  }

  /**
   * The last answer's crisis routes, shown until the next answer brings its own: the panel does
   * not change while she waits, and the brief panel takes its final length at her keypress (see
   * builtInCrisisRoutes), so nothing above the form moves when the answer comes.
   */
  private crisisRoutes(s: Strings): CrisisRoute[] {
    return this.crisis.length ? this.crisis : builtInCrisisRoutes(s, this.countries);
  }

  override render() {
    const s = this.strings;
    if (!s) return html`<slot></slot>`;
    const { view } = this;
    return html`<div class="frame" part="base" lang=${this.language ?? "en"} @click=${this.onClick}>
      <div class="signpost">
        <header class="header" part="header">
          <h2 class="title" part="title">${s.title}</h2>
          ${this.compact ? nothing : html`<p class="intro">${s.intro}</p>`}
        </header>
        <div class="layout">
          ${crisisPanel(
            this.crisisRoutes(s),
            builtInCrisisRoutes(s, this.countries, true, (view as { query?: string }).query),
            this.country,
            s,
            this.crisisOpen,
            this.countries.length > 1,
          )}
          <div class="main">
            ${searchForm(
              {
                typed: this.typed,
                fieldError: this.fieldError,
                filters: this.filters,
                offerWelsh: this.language === "cy" || this.country === "Wales",
              },
              s,
              { onSubmit: this.onSubmit, onInput: this.onInput, onChoice: this.onChoice },
            )}
            <p class="status ${this.searched ? "kept" : ""}" part="status" role="status">
              ${this.announcement(s)}
            </p>
            <div
              class="results ${this.searched ? "reserve" : ""}"
              part="results"
              tabindex="-1"
              aria-busy=${view.status === "loading" ? "true" : "false"}
            >
              ${this.renderView(s)}
            </div>
            ${
              view.status === "results" && this.results
                ? this.results.resultsFooter(
                    view.query,
                    {
                      print: this.linkTo("print", view.query),
                      share: this.linkTo("", view.query),
                    },
                    this.shared,
                    s,
                  )
                : nothing
            }
          </div>
        </div>
      </div>
    </div>`;
  }

  private announcement(s: Strings): string {
    const { view } = this;
    switch (view.status) {
      case "idle":
        return "";
      case "loading":
        return s.status.loading(view.query);
      case "results": {
        const { total, place } = view.response;
        return total ? s.status.results(total, place.label) : s.status.none(place.label);
      }
      case "failed":
        return s.failure.heading;
    }
  }

  private renderView(s: Strings) {
    const { view } = this;
    const fallback = () => builtInHelplines(s, this.countries);
    switch (view.status) {
      case "idle":
        return html`<p class="idle">${s.status.idle}</p>`;
      case "loading":
        return placeholders();
      case "failed":
        return failureView(view.failure, s, fallback());
      case "results": {
        const base = this.base ?? new URL(document.baseURI);
        // The answer came but its templates could not load: say so, with the helplines.
        if (!this.results) {
          return this.resultsLoad
            ? placeholders()
            : failureView({ code: "network", message: "" }, s, fallback());
        }
        return this.results.resultsView(view.response, s, {
          base,
          fallback: fallback(),
          shown: clampNumber(this.limit, 1, 50) ?? 10,
          expanded: this.expanded,
          // The public "add your service" form, in Welsh for the Welsh widget.
          tellUs: new URL(
            this.language === "cy" ? "/add-your-service?lang=cy" : "/add-your-service",
            base,
          ).href,
        });
      }
    }
  }
}

function hasAny(changed: PropertyValues, keys: string[]): boolean {
  return keys.some((k) => changed.has(k));
}

/** Defines the element once: a page may load the script twice (module and classic, or two versions). */
export function defineSignpost() {
  if (!customElements.get("perinatal-signpost")) {
    customElements.define("perinatal-signpost", SignpostElement);
  }
}

defineSignpost();

declare global {
  interface HTMLElementTagNameMap {
    "perinatal-signpost": SignpostElement;
  }
}
