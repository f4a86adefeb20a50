export {
  type ApiClient,
  apiBase,
  createClient,
  type Failure,
  type FailureCode,
  type SearchParams,
} from "./api-client.js";
export type {
  SignpostErrorDetail,
  SignpostEventMap,
  SignpostResultsDetail,
  SignpostSearchDetail,
  SignpostSelectDetail,
} from "./events.js";
export { type ParsedPostcode, parsePostcode } from "./postcode.js";
export { defineSignpost, SignpostElement } from "./signpost-element.js";
