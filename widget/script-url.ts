/**
 * Where this script was loaded from. The default `api` is the server that served the widget, so
 * `<script src="https://signpost.example/widget/signpost.js">` needs no other setting.
 * A classic script knows its own element while it runs; a module knows `import.meta.url`.
 */
export const scriptUrl: string =
  (document.currentScript as HTMLScriptElement | null)?.src || import.meta.url || document.baseURI;
