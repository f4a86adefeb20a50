/** results-loader.ts for the self-contained builds: the templates are already in the file. */
import * as view from "./templates/results-view.js";

export const loadResultsView = () => Promise.resolve(view);
