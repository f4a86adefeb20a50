export * from "./curation.js";
export * from "./directory.js";
export * from "./embed.js";
export * from "./feeds.js";
export * from "./geo.js";
export * from "./listings.js";
export * from "./mail.js";
export * from "./relations.js";
