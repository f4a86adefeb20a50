// The print tools' front door: packs, posters and their PDF, for the routes.

export { PosterPage } from "./components/poster-page.js";
export { type PrintFormError, PrintPage } from "./components/print-page.js";
export {
  defaultUi,
  directoryUrl,
  type LinkHosts,
  originFor,
  packFileName,
  packPageUrl,
  packPdfUrl,
  serviceUrl,
} from "./links.js";
export { loadPack, type PackRequest } from "./load-pack.js";
export type { PackView } from "./pack-view.js";
export { renderPackPdf } from "./pdf/pack-pdf.js";
export { renderPosterPdf } from "./pdf/poster-pdf.js";
export { placeName, WELSH_PLACE_NAMES } from "./place-names.js";
export { loadPoster, type PosterView, posterFileName, posterUrl } from "./poster.js";
export { type PackQuery, packQuerySchema, posterQuerySchema, readNote } from "./query.js";
export { printStrings } from "./strings.js";
export { NOTE_MAX } from "./strings-en.js";
