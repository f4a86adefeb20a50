import type { Place } from "../schema/contract.js";
import type { ContactKind } from "../schema/taxonomy.js";
import type { FailureCode, SearchParams } from "./api-client.js";

/** `signpost-search`: a search started, by the person or from the `postcode` attribute. */
export interface SignpostSearchDetail {
  /** The sector or district sent to the directory: never a full postcode. */
  postcode: string;
  params: SearchParams;
}

/** `signpost-results`: the directory answered. */
export interface SignpostResultsDetail {
  place: Place;
  total: number;
  counts: { nearby: number; area: number; anywhere: number };
}

/** `signpost-select`: the person chose a contact action or opened a listing's page. */
export interface SignpostSelectDetail {
  /** The listing's id, or `built-in-…` for routes built into the widget. */
  id: string;
  name: string;
  action: ContactKind | "details" | "calendar";
  href: string;
}

/** `signpost-error`: a search failed; the widget is showing its fallback state. */
export interface SignpostErrorDetail {
  code: Exclude<FailureCode, "aborted">;
  message: string;
  status?: number;
  requestId?: string;
}

export interface SignpostEventMap {
  "signpost-search": CustomEvent<SignpostSearchDetail>;
  "signpost-results": CustomEvent<SignpostResultsDetail>;
  "signpost-select": CustomEvent<SignpostSelectDetail>;
  "signpost-error": CustomEvent<SignpostErrorDetail>;
}

/** A `signpost-*` event: bubbles out of the shadow root to the host page. */
export function signpostEvent<K extends keyof SignpostEventMap>(
  name: K,
  detail: SignpostEventMap[K]["detail"],
): SignpostEventMap[K] {
  return new CustomEvent(name, { detail, bubbles: true, composed: true }) as SignpostEventMap[K];
}

declare global {
  interface GlobalEventHandlersEventMap extends SignpostEventMap {}
}
