/**
 * The classic-script build (`signpost.iife.js`) for sites that cannot load modules: one file,
 * Welsh included, exposing `window.PerinatalSignpost`.
 */
export * from "./index.js";
