/**
 * The answer's templates, fetched beside the first search. The self-contained builds (the
 * SRI-pinned copy and the classic script) swap this file for results-loader-inline.ts, which
 * imports them statically: a file that must load whole gains nothing from a lazy part.
 */
export const loadResultsView = () => import("./templates/results-view.js");
