/** Text modules: wrangler bundles these files as strings (see the rules in wrangler.toml). */
declare module "*.csv" {
  const text: string;
  export default text;
}
declare module "*.ics" {
  const text: string;
  export default text;
}

/** Data modules: wrangler bundles font files as ArrayBuffers (see the rules in wrangler.toml). */
declare module "*.ttf" {
  const bytes: ArrayBuffer;
  export default bytes;
}
